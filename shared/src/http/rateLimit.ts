/**
 * The arithmetic of budgets, without I/O: fixed windows (the DynamoDB counters of
 * functions/src/http/rateLimit.ts), a token bucket (the per-client throttle held in
 * memory), the client address a budget is kept per, and the wait said in plain Chinese.
 */

/** At most `limit` within each window of `windowSeconds` (windows start at whole multiples since the epoch). */
export interface Budget {
  limit: number;
  windowSeconds: number;
}

export const perHour = (limit: number): Budget => ({ limit, windowSeconds: 3600 });

/** The window a moment falls in: its start (the counter's key) and its end (when a lockout lifts), in ms. */
export function fixedWindow(nowMs: number, windowSeconds: number): { start: number; end: number } {
  const size = windowSeconds * 1000;
  const start = Math.floor(nowMs / size) * size;
  return { start, end: start + size };
}

/** Whole seconds until a moment, at least 1: the Retry-After of a refusal. */
export function secondsUntil(nowMs: number, untilMs: number): number {
  return Math.max(1, Math.ceil((untilMs - nowMs) / 1000));
}

/** A token bucket: `perSecond` tokens flow in, at most `burst` are held. */
export interface TokenBucket {
  tokens: number;
  atMs: number;
}

/** Takes one token if there is one; otherwise says how long until there is. The bucket is updated in place. */
export function takeToken(
  bucket: TokenBucket,
  nowMs: number,
  perSecond: number,
  burst: number,
): { ok: true } | { ok: false; retryAfterSeconds: number } {
  bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, nowMs - bucket.atMs) / 1000) * perSecond);
  bucket.atMs = nowMs;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return { ok: true };
  }
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
}

/**
 * The client a per-address budget is kept for: an IPv4 address (also when written as
 * IPv4-mapped IPv6), or an IPv6 address's /64 — one subscriber is given a whole /64,
 * so counting single IPv6 addresses would hand each client 2^64 budgets.
 */
export function clientAddressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** "about 25 minutes" / "about 3 hours", as a wait is told to an older user. */
export function waitZh(seconds: number): string {
  if (seconds < 90 * 60) return `${Math.max(1, Math.ceil(seconds / 60))} 分钟`;
  return `${Math.ceil(seconds / 3600)} 小时`;
}
