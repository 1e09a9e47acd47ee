/**
 * The key of a payment batch, kept on the phone until the server has answered with the batch: a
 * tap that timed out, or the app closed half-way, resumes the same batch instead of leaving its
 * claims reserved in one nobody can name.
 */
import Taro from '@tarojs/taro';
import { newIdempotencyKey } from '../../api/subsidies';

const storageKey = (regionCode: string) => `bf-payment-batch:${regionCode}`;

/** The key of an attempt not yet answered, if any. */
export const unfinishedBatchKey = (regionCode: string): string | undefined =>
  (Taro.getStorageSync(storageKey(regionCode)) as string) || undefined;

/** The unfinished attempt's key, or a new one kept from now on. */
export function batchKey(regionCode: string): string {
  const kept = unfinishedBatchKey(regionCode);
  if (kept) return kept;
  const key = newIdempotencyKey();
  Taro.setStorageSync(storageKey(regionCode), key);
  return key;
}

/** The server answered with the batch: the next tap is a new batch. */
export const batchAnswered = (regionCode: string) => Taro.removeStorageSync(storageKey(regionCode));
