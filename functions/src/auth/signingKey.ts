/**
 * Where secrets come from: on AWS a Secrets Manager secret (encrypted with the
 * stack's KMS key); locally the environment, filled by the local runner from .data/.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import type { Config } from '../config.js';

const appSecretSchema = z.object({ tokenSigningKey: z.string().min(32), wechatAppSecret: z.string().default('') });
export type AppSecrets = z.infer<typeof appSecretSchema>;

export async function loadAppSecrets(config: Config): Promise<AppSecrets> {
  if (config.APP_SECRET_ARN) {
    const client = new SecretsManagerClient({ region: config.AWS_REGION });
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: config.APP_SECRET_ARN }));
    return appSecretSchema.parse(JSON.parse(SecretString ?? '{}'));
  }
  if (!config.TOKEN_SECRET) throw new Error('Set APP_SECRET_ARN (on AWS) or TOKEN_SECRET (locally) to sign session tokens.');
  return { tokenSigningKey: config.TOKEN_SECRET, wechatAppSecret: config.WECHAT_APP_SECRET };
}
