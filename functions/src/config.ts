/**
 * Runtime configuration, read once from the environment and validated.
 * The same names are set by the CDK stack (infra/) and by the local runner.
 */
import * as z from 'zod';
import { DEFAULT_TABLE_NAME } from './db/tableSchema.js';

const configSchema = z.object({
  /** DynamoDB table holding everything (one-table design). */
  TABLE_NAME: z.string().min(3).default(DEFAULT_TABLE_NAME),
  /** Local only: DynamoDB Local's URL. Unset on AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default('cn-north-1'),
  /** Local: the token signing key itself. On AWS it comes from APP_SECRET_ARN instead. */
  TOKEN_SECRET: z.string().min(32).optional(),
  /** On AWS: Secrets Manager secret JSON {tokenSigningKey, wechatAppSecret}. */
  APP_SECRET_ARN: z.string().optional(),
  /** On AWS: the secret holding the ID-number hash key. Locally: ID_HASH_KEY itself. */
  ID_HASH_SECRET_ARN: z.string().optional(),
  ID_HASH_KEY: z.string().min(32).optional(),
  /** On AWS: the KMS key that makes data keys for ID numbers. Locally: ID_MASTER_KEY (32 bytes, base64). */
  DATA_KEY_ARN: z.string().optional(),
  ID_MASTER_KEY: z.string().optional(),
  /** Session lifetime of workers and employers; long because older users find logging in again hard. */
  TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(90 * 24 * 3600)
    .default(30 * 24 * 3600),
  /** Session lifetime of staff and admins (a working day): their sessions open whole regions' records and money. */
  STAFF_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(24 * 3600)
    .default(12 * 3600),
  /**
   * The product's HTTPS address that every 帮扶码's URL starts with (WeChat admin console:
   * 扫普通链接二维码打开小程序, rule prefix `<CODE_BASE_URL>/c/`). Unset: the address a request came to.
   */
  CODE_BASE_URL: z.url().optional(),
  /** Local only: the 帮扶码 keyring as JSON {"current":"k1","keys":{"k1":"…"}}; on AWS it is in the app secret. */
  CODE_KEYRING: z.string().optional(),
  /** WeChat's API base; tests point it at a fake code2Session server on loopback. */
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  WECHAT_APPID: z.string().default(''),
  /** Local only; on AWS it comes from the secret. */
  WECHAT_APP_SECRET: z.string().default(''),
  /** The subscribe-message template of job pushes (岗位推荐通知); empty: pushes are stored and shown, not notified. */
  WECHAT_PUSH_TEMPLATE_ID: z.string().default(''),
  /**
   * The subscribe-message template of saved searches (岗位订阅: 新岗位提醒); empty: matches go to
   * the inbox only, and the mini-program does not ask for WeChat's 允许.
   */
  WECHAT_ALERT_TEMPLATE_ID: z.string().default(''),
  /**
   * The subscribe-message template of a card entered for a worker (收款卡变更提醒); empty: they see
   * it in the mini-program only, and it does not ask for WeChat's 允许.
   */
  WECHAT_CARD_TEMPLATE_ID: z.string().default(''),
  /**
   * 短信提醒 through Tencent Cloud SMS (notices/textMessageSender.ts): the SMS application
   * (SmsSdkAppId), its approved signature (签名) and a template for each message
   * (shared/src/notices/textMessages.ts gives their wording). Any of the three empty: no texts.
   */
  SMS_SDK_APP_ID: z.string().default(''),
  SMS_SIGN_NAME: z.string().default(''),
  SMS_CARD_TEMPLATE_ID: z.string().default(''),
  SMS_PHONE_TEMPLATE_ID: z.string().default(''),
  SMS_PAID_TEMPLATE_ID: z.string().default(''),
  /** Tencent Cloud's SMS endpoint, a host or a URL; tests point it at a fake on loopback. */
  SMS_ENDPOINT: z.string().default('sms.tencentcloudapi.com'),
  SMS_REGION: z.string().default('ap-guangzhou'),
  /** On AWS: the secret holding the SMS API key ({"secretId","secretKey"}), given only to the function that texts. */
  SMS_SECRET_ARN: z.string().optional(),
  /** Local only; on AWS the key is in SMS_SECRET_ARN's secret. */
  SMS_SECRET_ID: z.string().default(''),
  SMS_SECRET_KEY: z.string().default(''),
  /**
   * One client address's share of the API in each instance: requests a second, and the most
   * at once. Well under the stage throttle (100/s, burst 200), yet room for a village's
   * phones behind one carrier address (CGNAT).
   */
  CLIENT_RATE_PER_SECOND: z.coerce.number().positive().default(20),
  CLIENT_BURST: z.coerce.number().int().min(1).default(100),
  /**
   * How long one DynamoDB request may wait for its answer (db/client.ts). The test suites raise it:
   * DynamoDB Local on a 2-core machine running every suite at once can take seconds.
   */
  DYNAMODB_ANSWER_MS: z.coerce.number().int().positive().default(3_000),
  /**
   * Load shedding (http/admission.ts): API requests one process works on at once, how many more
   * may wait for a turn, and for how long; the rest are answered 503 BUSY with Retry-After.
   */
  API_CONCURRENCY: z.coerce.number().int().min(1).default(8),
  API_QUEUE: z.coerce.number().int().min(0).default(32),
  API_QUEUE_WAIT_MS: z.coerce.number().int().min(0).default(300),
  /** DynamoDB connections of one process; more calls than this wait for one without a timer running. */
  DYNAMODB_SOCKETS: z.coerce.number().int().min(1).default(50),
  /** Largest accepted JSON body. */
  BODY_LIMIT: z.string().default('100kb'),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
});

export type Config = z.infer<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema
    .refine((config) => config.STAFF_TOKEN_TTL_SECONDS <= config.TOKEN_TTL_SECONDS, {
      path: ['STAFF_TOKEN_TTL_SECONDS'],
      message: 'staff sessions may not outlive workers’ (TOKEN_TTL_SECONDS)',
    })
    .safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
