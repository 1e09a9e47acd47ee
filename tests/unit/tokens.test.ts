import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenService } from '../../functions/src/auth/tokens.js';

const worker = { userId: 'u_1', role: 'worker' as const };
const lifetimes = { seconds: 3_600, staffSeconds: 600 };

afterEach(() => {
  vi.useRealTimers();
});

describe('session tokens', () => {
  it('are verified once per process, yet refused the moment they expire', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T08:00:00Z'));
    const tokens = createTokenService('a-signing-key-that-is-long-enough-0123456789', lifetimes);
    const { token } = await tokens.issue(worker);
    const first = await tokens.verify(token);
    expect(first.principal).toEqual(worker);
    first.principal.userId = 'u_2'; // a caller changing what it got changes nothing kept
    expect((await tokens.verify(token)).principal).toEqual(worker);

    vi.setSystemTime(new Date('2026-12-06T09:00:01Z'));
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', en: expect.stringContaining('expired') });
    // A fresh process, never having seen it, refuses it the same way.
    await expect(
      createTokenService('a-signing-key-that-is-long-enough-0123456789', lifetimes).verify(token),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('refuse a token signed with another key or changed, however often it is sent', async () => {
    const tokens = createTokenService('a-signing-key-that-is-long-enough-0123456789', lifetimes);
    const other = createTokenService('another-signing-key-long-enough-9876543210', lifetimes);
    const { token } = await other.issue({ userId: 'u_9', role: 'admin', regionCode: '150222' });
    for (let i = 0; i < 2; i++) await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const { token: mine } = await tokens.issue(worker);
    const [header, , signature] = mine.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'u_9', role: 'admin', rc: '150222', sv: 0 })).toString('base64url')}.${signature}`;
    await expect(tokens.verify(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
