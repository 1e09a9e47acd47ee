/**
 * Sends 短信提醒 through Tencent Cloud SMS (SendSms, API 2021-01-11) with Tencent's own SDK, the
 * provider a WeChat mini-program's operator already has an account with: it signs each request
 * (TC3-HMAC-SHA256) and knows the API's errors. Tests point SMS_ENDPOINT at a fake on loopback;
 * the client is the same. Only the function on the table's stream loads this module.
 */
import type { TextMessage, TextTemplate } from '@bangfu/shared';
import { sms } from 'tencentcloud-sdk-nodejs-sms';
import type { Config } from '../config.js';
import { loadSmsCredentials } from '../secrets.js';
import { textTemplateIds } from './textTemplates.js';

export interface SmsCredentials {
  secretId: string;
  secretKey: string;
}

/** What became of one text: taken by the provider, or refused for good (its code, e.g. a number that is not a mobile's). */
export type TextOutcome = { outcome: 'sent' } | { outcome: 'refused'; code: string };

export interface TextMessageSender {
  /** Whether texts of `template` are sent here at all (a template id, an application and a signature set). */
  sends(template: TextTemplate): boolean;
  /** Sends one text. Throws when the provider may take it later (the network, its own errors, a per-minute limit). */
  send(message: TextMessage): Promise<TextOutcome>;
}

/**
 * A number's limits of the moment: the same phone texted twice within 30 seconds or too often in
 * an hour. Another try later goes through; every other code for a number is final.
 */
const PASSING_LIMITS = new Set(['LimitExceeded.PhoneNumberThirtySecondLimit', 'LimitExceeded.PhoneNumberOneHourLimit']);

const SEND_TIMEOUT_SECONDS = 10;

/** The sender when texts are configured here (the key then read); none when no template is set. */
export async function configuredTextSender(config: Config): Promise<TextMessageSender | undefined> {
  if (Object.keys(textTemplateIds(config)).length === 0) return undefined;
  return createTextMessageSender(config, await loadSmsCredentials(config));
}

export function createTextMessageSender(config: Config, credentials: SmsCredentials): TextMessageSender {
  const templates = textTemplateIds(config);
  // A URL (a fake in tests) or a bare host, as the SDK takes them: protocol and endpoint apart.
  const [, protocol = 'https://', endpoint] = /^(https?:\/\/)?(.+)$/.exec(config.SMS_ENDPOINT)!;
  const client = new sms.v20210111.Client({
    credential: credentials,
    region: config.SMS_REGION,
    profile: { httpProfile: { endpoint, protocol, reqTimeout: SEND_TIMEOUT_SECONDS } },
  });
  return {
    sends: (template) => templates[template] !== undefined,
    async send({ template, phone, params }) {
      const templateId = templates[template];
      if (!templateId) throw new Error(`No SMS template is configured for ${template}`);
      const answer = await client.SendSms({
        SmsSdkAppId: config.SMS_SDK_APP_ID,
        SignName: config.SMS_SIGN_NAME,
        TemplateId: templateId,
        PhoneNumberSet: [`+86${phone}`],
        TemplateParamSet: params,
      });
      const code = answer.SendStatusSet?.[0]?.Code;
      if (code === 'Ok') return { outcome: 'sent' };
      if (!code || PASSING_LIMITS.has(code)) {
        throw new Error(`SMS not taken yet (${code ?? 'no status'}); request ${answer.RequestId ?? '?'}`);
      }
      return { outcome: 'refused', code };
    },
  };
}
