/**
 * The key of a payment batch, kept on the phone until the server has answered with the batch: a
 * tap that timed out, or the app closed half-way, resumes the same batch instead of leaving its
 * claims reserved in one nobody can name.
 */
import Taro from '@tarojs/taro';
import { newIdempotencyKey } from '../../api/subsidies';

// Per payer and region: a batch resumes only under the payer who started it, so another
// officer on the same phone must not inherit their key.
const storageKey = (userId: string, regionCode: string) => `bf-payment-batch:${userId}:${regionCode}`;

/** The key of an attempt not yet answered, if any. */
export const unfinishedBatchKey = (userId: string, regionCode: string): string | undefined =>
  (Taro.getStorageSync(storageKey(userId, regionCode)) as string) || undefined;

/** The unfinished attempt's key, or a new one kept from now on. */
export function batchKey(userId: string, regionCode: string): string {
  const kept = unfinishedBatchKey(userId, regionCode);
  if (kept) return kept;
  const key = newIdempotencyKey();
  Taro.setStorageSync(storageKey(userId, regionCode), key);
  return key;
}

/** The server answered with the batch: the next tap is a new batch. */
export const batchAnswered = (userId: string, regionCode: string) => Taro.removeStorageSync(storageKey(userId, regionCode));
