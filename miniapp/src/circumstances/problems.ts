/** Why a change to a circumstance was not saved, and whether the record must be read again first. */
import { errorText, isApiError } from '../api/client';

export interface Problem {
  text: string;
  /** The record changed meanwhile (409): 刷新 reads it again. */
  stale: boolean;
}

export function problemOf(error: unknown): Problem {
  if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
    return { text: '信息刚被别人改过，您的修改没有保存。请点“刷新”看看最新的，再决定改不改。', stale: true };
  }
  // A worker's report of what an officer recorded meanwhile: the server says so in Chinese.
  if (isApiError(error) && error.status === 409) return { text: errorText(error), stale: true };
  return { text: `没能保存：${errorText(error)}`, stale: false };
}
