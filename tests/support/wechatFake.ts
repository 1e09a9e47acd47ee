/**
 * A fake of WeChat on loopback: code2Session, the stable access token and subscribe
 * messages; the product keeps its real HTTP clients and only the base URL points here.
 * Codes map to openids; `bad-*` codes answer errcode 40029, `down-*` codes answer -1
 * (system busy). A message to an openid starting `nosub-` answers 43101 (not subscribed);
 * `staleTokens` makes the next sends answer 40001 (the token expired) until a new one is taken.
 */
import { createServer, type IncomingMessage } from 'node:http';

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  access_token: string | null;
}

export interface WeChatFake {
  url: string;
  calls: { appid: string | null; secret: string | null; code: string | null }[];
  /** Subscribe messages accepted (sent), in order. */
  messages: SubscribeMessage[];
  /** Tokens handed out so far. */
  tokens: number;
  /** Makes the current token stale: the next send answers 40001. */
  expireToken(): void;
  close(): Promise<void>;
}

export async function startWeChatFake(): Promise<WeChatFake> {
  const calls: WeChatFake['calls'] = [];
  const messages: SubscribeMessage[] = [];
  let tokens = 0;
  let validToken = '';
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('content-type', 'application/json');
    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
      const body = await readBody(req);
      if (body.grant_type !== 'client_credential' || !body.appid || !body.secret) {
        res.end(JSON.stringify({ errcode: 40013, errmsg: 'invalid appid' }));
        return;
      }
      validToken = `token-${++tokens}`;
      res.end(JSON.stringify({ access_token: validToken, expires_in: 7200 }));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      const body = (await readBody(req)) as unknown as SubscribeMessage;
      const token = url.searchParams.get('access_token');
      if (token !== validToken) res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
      else if (body.touser.startsWith('nosub-'))
        res.end(JSON.stringify({ errcode: 43101, errmsg: 'user refuse to accept the msg' }));
      else {
        messages.push({ ...body, access_token: token });
        res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      }
      return;
    }
    if (url.pathname !== '/sns/jscode2session' || url.searchParams.get('grant_type') !== 'authorization_code') {
      res.statusCode = 404;
      res.end('{}');
      return;
    }
    const code = url.searchParams.get('js_code');
    calls.push({ appid: url.searchParams.get('appid'), secret: url.searchParams.get('secret'), code });
    if (code?.startsWith('bad-')) res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    else if (code?.startsWith('down-')) res.end(JSON.stringify({ errcode: -1, errmsg: 'system error' }));
    else res.end(JSON.stringify({ openid: `openid-of-${code?.split(':')[0]}`, session_key: 'k' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    calls,
    messages,
    get tokens() {
      return tokens;
    },
    expireToken() {
      validToken = 'expired';
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
