/**
 * A fake of Tencent Cloud SMS on loopback (SendSms, API 2021-01-11): the product keeps Tencent's own
 * SDK and only SMS_ENDPOINT points here. It checks each request's TC3-HMAC-SHA256 signature
 * against the one key it knows, as the real API does, and answers as the real API answers: a
 * status per number, or an error. `refuse` makes a number's status an error code; `failNext` makes
 * the next requests answer InternalError.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';

export const SMS_FAKE_KEY = { secretId: 'AKIDtestsms0123456789', secretKey: 'test-sms-secret-key-0123456789' };

export interface SentText {
  phone: string;
  templateId: string;
  params: string[];
  smsSdkAppId: string;
  signName: string;
}

export interface SmsFake {
  /** For SMS_ENDPOINT. */
  url: string;
  /** Texts taken, in order. */
  texts: SentText[];
  /** SendSms requests signed as they should be, whatever became of them. */
  requests: number;
  /** Requests refused for their signature, action or version. */
  unsigned: number;
  /** The number's status will be `code` (e.g. InvalidParameterValue.IncorrectPhoneNumber). */
  refuse(phone: string, code: string): void;
  /** The next `n` requests answer InternalError. */
  failNext(n: number): void;
  close(): Promise<void>;
}

const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();
const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** The signature a request with this body and these headers must carry under `secretKey`. */
function tc3Signature(req: IncomingMessage, body: string, service: string, date: string, secretKey: string): string {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:${req.headers['content-type']}\nhost:${host}\n`,
    'content-type;host',
    sha256Hex(body),
  ];
  const timestamp = String(req.headers['x-tc-timestamp']);
  const toSign = ['TC3-HMAC-SHA256', timestamp, `${date}/${service}/tc3_request`, sha256Hex(canonical.join('\n'))].join('\n');
  const signing = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  return createHmac('sha256', signing).update(toSign).digest('hex');
}

export async function startSmsFake(): Promise<SmsFake> {
  const texts: SentText[] = [];
  const refusals = new Map<string, string>();
  let failures = 0;
  let unsigned = 0;
  let requests = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const answer = (response: Record<string, unknown>) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ Response: { ...response, RequestId: `req-${texts.length}-${Date.now()}` } }));
    };
    const error = (code: string, message: string) => answer({ Error: { Code: code, Message: message } });

    const auth =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/([^/]+)\/([^/]+)\/tc3_request, SignedHeaders=content-type;host, Signature=([0-9a-f]{64})$/.exec(
        String(req.headers.authorization ?? ''),
      );
    if (
      !auth ||
      auth[1] !== SMS_FAKE_KEY.secretId ||
      auth[4] !== tc3Signature(req, body, auth[3]!, auth[2]!, SMS_FAKE_KEY.secretKey)
    ) {
      unsigned++;
      return error('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
    }
    if (req.headers['x-tc-action'] !== 'SendSms' || req.headers['x-tc-version'] !== '2021-01-11') {
      unsigned++;
      return error('InvalidAction', 'No such action here.');
    }
    requests++;
    if (failures > 0) {
      failures--;
      return error('InternalError', 'Internal error.');
    }
    const request = JSON.parse(body) as {
      PhoneNumberSet: string[];
      SmsSdkAppId: string;
      SignName: string;
      TemplateId: string;
      TemplateParamSet?: string[];
    };
    answer({
      SendStatusSet: request.PhoneNumberSet.map((number) => {
        const phone = number.replace(/^\+86/, '');
        const refused = refusals.get(phone);
        if (!refused) {
          texts.push({
            phone,
            templateId: request.TemplateId,
            params: request.TemplateParamSet ?? [],
            smsSdkAppId: request.SmsSdkAppId,
            signName: request.SignName,
          });
        }
        return {
          SerialNo: refused ? '' : `serial-${texts.length}`,
          PhoneNumber: number,
          Fee: refused ? 0 : 1,
          SessionContext: '',
          Code: refused ?? 'Ok',
          Message: refused ? 'refused' : 'send success',
          IsoCode: 'CN',
        };
      }),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    texts,
    get requests() {
      return requests;
    },
    get unsigned() {
      return unsigned;
    },
    refuse: (phone, code) => refusals.set(phone, code),
    failNext: (n) => {
      failures = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
