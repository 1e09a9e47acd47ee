/**
 * The 帮扶码 token: its format, its life, what tampering and a foreign key get, and key
 * rotation — a new key signs, codes signed with the old one keep working until they expire,
 * and once the old key is retired they are refused.
 */
import { describe, expect, it } from 'vitest';
import { codeUrl, tokenOfScan, type CodeClaims } from '@bangfu/shared';
import { createCodeSigner, derivedKeyring } from '../../../functions/src/codes/codeSigner.js';

const K1 = 'first-code-key-that-is-long-enough-0123456789';
const K2 = 'second-code-key-that-is-long-enough-987654321';
const worker: CodeClaims = { v: 1, k: 'worker', s: 'w_5f0c2d64-1b7e-4a53-9a8e-0c1d2e3f4a5b', cv: 2 };
const at = new Date('2026-12-04T08:00:00Z');
const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);

describe('a code token', () => {
  it('is a compact HS256 JWS with its key id, the few claims and an end, and reads back within its life', async () => {
    const signer = createCodeSigner({ current: 'k1', keys: { k1: K1 } });
    const { token, expiresAt } = await signer.sign(worker, 120, at);
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', kid: 'k1' });
    expect(payload).toEqual({ ...worker, exp: at.getTime() / 1000 + 120 });
    expect(expiresAt).toEqual(later(120));
    expect(await signer.read(token, later(119))).toEqual({ ok: true, claims: worker, expiresAt: later(120) });
    // Short enough for a coarse QR an old camera reads.
    expect(codeUrl('https://bangfu.example.cn', token).length).toBeLessThan(260);
  });

  it('is expired from its last second on, still naming whom it was for', async () => {
    const signer = createCodeSigner({ current: 'k1', keys: { k1: K1 } });
    const { token } = await signer.sign(worker, 120, at);
    expect(await signer.read(token, later(120))).toEqual({ ok: false, reason: 'expired', claims: worker });
  });

  it('is forged when any part is changed, and unknown with a key id not in the ring', async () => {
    const signer = createCodeSigner({ current: 'k1', keys: { k1: K1 } });
    const { token } = await signer.sign(worker, 120, at);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const otherWorker = Buffer.from(JSON.stringify({ ...worker, s: 'w_someone-else', exp: 9e9 })).toString('base64url');
    expect((await signer.read(`${header}.${otherWorker}.${signature}`, at)).ok).toBe(false);
    expect(await signer.read(`${header}.${otherWorker}.${signature}`, at)).toEqual({ ok: false, reason: 'forged' });
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    expect(await signer.read(`${header}.${payload}.${flipped}`, at)).toEqual({ ok: false, reason: 'forged' });
    const stranger = createCodeSigner({ current: 'k9', keys: { k9: K2 } });
    expect(await signer.read((await stranger.sign(worker, 120, at)).token, at)).toEqual({ ok: false, reason: 'unknownKey' });
    const sameIdOtherKey = createCodeSigner({ current: 'k1', keys: { k1: K2 } });
    expect(await signer.read((await sameIdOtherKey.sign(worker, 120, at)).token, at)).toEqual({ ok: false, reason: 'forged' });
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'k1' })).toString('base64url')}.${payload}.`;
    expect((await signer.read(none, at)).ok).toBe(false);
    expect(await signer.read('not.a-token', at)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses claims of another format version even when signed', async () => {
    const signer = createCodeSigner({ current: 'k1', keys: { k1: K1 } });
    await expect(signer.sign({ ...worker, v: 2 } as unknown as CodeClaims, 120, at)).rejects.toThrow();
  });

  it('survives key rotation: old codes work until they expire, new ones are signed with the new key, a retired key’s codes are refused', async () => {
    const before = createCodeSigner({ current: 'k1', keys: { k1: K1 } });
    const old = await before.sign(worker, 120, at);
    const poster = await before.sign({ v: 1, k: 'position', s: 'p_1' });
    const rotated = createCodeSigner({ current: 'k2', keys: { k1: K1, k2: K2 } });
    expect((await rotated.read(old.token, later(60))).ok).toBe(true);
    expect((await rotated.read(poster.token, later(86_400 * 365))).ok).toBe(true);
    const fresh = await rotated.sign(worker, 120, later(60));
    expect(JSON.parse(Buffer.from(fresh.token.split('.')[0]!, 'base64url').toString()).kid).toBe('k2');
    const retired = createCodeSigner({ current: 'k2', keys: { k2: K2 } });
    expect(await retired.read(poster.token)).toEqual({ ok: false, reason: 'unknownKey' });
    expect((await retired.read(fresh.token, later(61))).ok).toBe(true);
  });

  it('derives its default key from the app secret for this purpose only: a session token never passes for a code', async () => {
    const ring = derivedKeyring(K1);
    expect(ring.keys[ring.current]).not.toBe(K1);
    expect(createCodeSigner(ring)).toBeDefined();
    expect(() => createCodeSigner({ current: 'k3', keys: { k1: K1 } })).toThrow(/no key "k3"/);
  });
});

describe('what a scanner read', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJ2IjoxfQ.c2ln';
  it('yields the token from the code’s URL, WeChat’s percent-encoded q, or the bare token', () => {
    expect(tokenOfScan(`https://bangfu.example.cn/c/${token}`)).toBe(token);
    expect(tokenOfScan(encodeURIComponent(`https://bangfu.example.cn/c/${token}`))).toBe(token);
    expect(tokenOfScan(`http://127.0.0.1:8787/c/${token}?from=poster`)).toBe(token);
    expect(tokenOfScan(` ${token} `)).toBe(token);
  });
  it('yields nothing for another site’s QR or text', () => {
    expect(tokenOfScan('https://example.org/some/page')).toBeUndefined();
    expect(tokenOfScan('WIFI:S:home;T:WPA;P:secret;;')).toBeUndefined();
    expect(tokenOfScan('https://bangfu.example.cn/c/not-a-token')).toBeUndefined();
    expect(tokenOfScan('%E0%A4%A')).toBeUndefined();
  });
});
