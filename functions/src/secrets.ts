/**
 * Where secrets come from. On AWS: Secrets Manager secrets encrypted with the
 * stack's KMS key, and KMS itself for the data keys of ID numbers. Locally: the
 * environment, which the local runner fills from .data/local-secrets.json.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import type { Config } from './config.js';
import type { SmsCredentials } from './notices/textMessageSender.js';
import { idVaultEncryptionContext, kmsDataKeyProvider, localDataKeyProvider, type DataKeyProvider } from './registry/idVault.js';

/** The 帮扶码 keyring: `current` signs, every key verifies (rotation: add a key and make it current; retire the old one later). */
export const codeKeyringSchema = z
  .object({ current: z.string().min(1), keys: z.record(z.string().min(1), z.string().min(32)) })
  .refine((ring) => ring.keys[ring.current] !== undefined, 'the current code key must be in the ring');

const appSecretSchema = z.object({
  tokenSigningKey: z.string().min(32),
  wechatAppSecret: z.string().default(''),
  codeKeyring: codeKeyringSchema.optional(),
});

export interface AppSecrets {
  tokenSigningKey: string;
  wechatAppSecret: string;
  /** Key of the HMAC that makes ID numbers unique without storing them in the clear. */
  idHashKey: string;
  /** Absent: one code key derived from tokenSigningKey. */
  codeKeyring?: z.infer<typeof codeKeyringSchema>;
}

let secretsManager: SecretsManagerClient | undefined;

/** The text of a Secrets Manager secret. */
async function readSecret(config: Config, id: string): Promise<string> {
  secretsManager ??= new SecretsManagerClient({ region: config.AWS_REGION });
  return (await secretsManager.send(new GetSecretValueCommand({ SecretId: id }))).SecretString ?? '';
}

/** Reads the secrets whose ARNs are set; one not set is left empty. */
async function readAwsSecrets(config: Config): Promise<AppSecrets> {
  const read = (id: string) => readSecret(config, id);
  const [app, idHashKey] = await Promise.all([
    config.APP_SECRET_ARN ? read(config.APP_SECRET_ARN).then((text) => appSecretSchema.parse(JSON.parse(text))) : undefined,
    config.ID_HASH_SECRET_ARN ? read(config.ID_HASH_SECRET_ARN).then((text) => z.string().min(32).parse(text)) : '',
  ]);
  return { ...(app ?? { tokenSigningKey: '', wechatAppSecret: '' }), idHashKey };
}

export async function loadAppSecrets(config: Config): Promise<AppSecrets> {
  if (config.APP_SECRET_ARN && config.ID_HASH_SECRET_ARN) return readAwsSecrets(config);
  if (!config.TOKEN_SECRET || !config.ID_HASH_KEY) {
    throw new Error('Set APP_SECRET_ARN and ID_HASH_SECRET_ARN (on AWS), or TOKEN_SECRET and ID_HASH_KEY (locally).');
  }
  return {
    tokenSigningKey: config.TOKEN_SECRET,
    wechatAppSecret: config.WECHAT_APP_SECRET,
    idHashKey: config.ID_HASH_KEY,
    ...(config.CODE_KEYRING ? { codeKeyring: codeKeyringSchema.parse(JSON.parse(config.CODE_KEYRING)) } : {}),
  };
}

const smsCredentialsSchema = z.object({ secretId: z.string().min(1), secretKey: z.string().min(1) });

/** The SMS provider's API key (短信提醒): from SMS_SECRET_ARN's secret on AWS, from the environment locally. */
export async function loadSmsCredentials(config: Config): Promise<SmsCredentials> {
  if (config.SMS_SECRET_ARN) return smsCredentialsSchema.parse(JSON.parse(await readSecret(config, config.SMS_SECRET_ARN)));
  return { secretId: config.SMS_SECRET_ID, secretKey: config.SMS_SECRET_KEY };
}

/** The ID vault's data keys, bound to their purpose and this table. */
export function dataKeyProvider(config: Config): DataKeyProvider {
  const context = idVaultEncryptionContext(config.TABLE_NAME);
  if (config.DATA_KEY_ARN) return kmsDataKeyProvider(config.DATA_KEY_ARN, config.AWS_REGION, context);
  if (!config.ID_MASTER_KEY) throw new Error('Set DATA_KEY_ARN (on AWS) or ID_MASTER_KEY (locally, 32 bytes base64).');
  return localDataKeyProvider(Buffer.from(config.ID_MASTER_KEY, 'base64'), context);
}

/**
 * A scheduled job's secrets on AWS: its function is given only the secrets it uses (infra/), and
 * one it is not given stays empty, so using it fails (a zero-length key signs nothing; the ID
 * vault refuses to hash) rather than working with some other key.
 */
export const loadJobSecrets = readAwsSecrets;
