/**
 * While the database is down every request fails the same way: one log line per interval says
 * so, with how many requests were answered 503 since the line before, instead of a stack trace
 * for each (107 MB of them in 4.5 minutes once).
 */
import type { Logger } from '@aws-lambda-powertools/logger';

export const OUTAGE_LOG_INTERVAL_MS = 10_000;

export function outageLog(logger: Pick<Logger, 'error'>, intervalMs = OUTAGE_LOG_INTERVAL_MS, now = Date.now) {
  let lastLine = -Infinity;
  let unlogged = 0;
  return (error: unknown, requestId: string | undefined): void => {
    const at = now();
    if (at - lastLine < intervalMs) {
      unlogged += 1;
      return;
    }
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    logger.error('database unavailable: answering 503 with Retry-After', {
      requestId,
      cause: { name, message },
      answered503SincePreviousLine: unlogged,
    });
    lastLine = at;
    unlogged = 0;
  };
}
