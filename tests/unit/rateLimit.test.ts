/** The arithmetic of budgets: fixed windows, the token bucket, the client address, the wait in words. */
import { describe, expect, it } from 'vitest';
import { clientAddressKey, fixedWindow, secondsUntil, takeToken, waitZh } from '@bangfu/shared';

describe('fixed windows', () => {
  it('puts every moment of a window under one start, and the next window under the next', () => {
    const start = Date.parse('2026-12-04T08:00:00Z');
    expect(fixedWindow(start, 3600)).toEqual({ start, end: start + 3_600_000 });
    expect(fixedWindow(start + 3_599_999, 3600).start).toBe(start);
    expect(fixedWindow(start + 3_600_000, 3600).start).toBe(start + 3_600_000);
  });

  it('tells a wait in whole seconds, never less than one', () => {
    expect(secondsUntil(1000, 1001)).toBe(1);
    expect(secondsUntil(0, 90_500)).toBe(91);
    expect(secondsUntil(5000, 1000)).toBe(1);
  });
});

describe('token bucket', () => {
  it('allows the burst, then one a 1/rate, and says how long until the next', () => {
    const bucket = { tokens: 3, atMs: 0 };
    expect([1, 2, 3].map(() => takeToken(bucket, 0, 2, 3).ok)).toEqual([true, true, true]);
    expect(takeToken(bucket, 0, 2, 3)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(takeToken(bucket, 500, 2, 3).ok).toBe(true); // half a second at 2/s is one token
    expect(takeToken(bucket, 500, 2, 3).ok).toBe(false);
    expect(takeToken(bucket, 60_000, 2, 3).ok).toBe(true);
    expect(bucket.tokens).toBe(2); // refilled to the burst, not beyond
  });
});

describe('client address', () => {
  it('keeps IPv4 as it is, unwraps IPv4-mapped IPv6, and counts IPv6 by its /64', () => {
    const keyOf: Record<string, string> = {
      '203.0.113.9': '203.0.113.9',
      '::ffff:203.0.113.9': '203.0.113.9',
      '2408:8456:3a01:0012:1111:2222:3333:4444': '2408:8456:3a01:12::/64',
      '2408:8456:3a01:12::9': '2408:8456:3a01:12::/64',
      '2408:8456::1': '2408:8456:0:0::/64',
      '::1': '0:0:0:0::/64',
    };
    for (const [address, key] of Object.entries(keyOf)) expect(clientAddressKey(address)).toBe(key);
    expect(clientAddressKey(undefined)).toBe('unknown');
  });
});

describe('the wait in plain words', () => {
  it('says minutes under an hour and a half, hours beyond', () => {
    expect(waitZh(30)).toBe('1 分钟');
    expect(waitZh(25 * 60)).toBe('25 分钟');
    expect(waitZh(3 * 3600)).toBe('3 小时');
  });
});
