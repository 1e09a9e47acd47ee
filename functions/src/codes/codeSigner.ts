/**
 * Signs and reads 帮扶码 tokens: compact JWS (jose, HS256) with a key id, so keys can be
 * rotated — the newest key signs, every key still in the ring verifies, and codes signed with
 * an older key keep working until they expire (a worker's) or the key is retired (a poster's).
 * The claims are few and short (codes/code.ts) so the QR stays coarse enough for old cameras.
 */
import { createHmac } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader, errors } from 'jose';
import { codeClaimsSchema, type CodeClaims } from '@bangfu/shared';
import * as z from 'zod';

/** Signing keys by id; `current` signs. */
export interface CodeKeyring {
  current: string;
  keys: Readonly<Record<string, string>>;
}

/** Why a code was not accepted; `expired` and `unknownKey` still name what the code was about when the signature held. */
export type CodeReading =
  | { ok: true; claims: CodeClaims; expiresAt?: Date }
  | { ok: false; reason: 'malformed' | 'forged' | 'unknownKey' }
  | { ok: false; reason: 'expired'; claims: CodeClaims };

export interface CodeSigner {
  /** `seconds`: how long it lives; none for a poster's code. */
  sign(claims: CodeClaims, seconds?: number, now?: Date): Promise<{ token: string; expiresAt?: Date }>;
  read(token: string, now?: Date): Promise<CodeReading>;
}

/**
 * The ring when none is configured: one key derived from the app's signing secret, bound to
 * this purpose, so a session token can never pass for a code or the other way round.
 */
export function derivedKeyring(appSecret: string): CodeKeyring {
  return { current: 'k0', keys: { k0: createHmac('sha256', appSecret).update('bangfu assistance code v1').digest('base64url') } };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Built once: a zod schema costs more to build than to check, and every scan reads one. */
const signedClaimsSchema = codeClaimsSchema.extend({ exp: z.number().int().positive().optional() });

export function createCodeSigner(ring: CodeKeyring): CodeSigner {
  if (!ring.keys[ring.current]) throw new Error(`The code keyring has no key "${ring.current}" to sign with.`);
  const keys = new Map(Object.entries(ring.keys).map(([kid, secret]) => [kid, encoder.encode(secret)]));
  return {
    async sign(claims, seconds, now = new Date()) {
      const expiresAt = seconds === undefined ? undefined : new Date(Math.floor(now.getTime() / 1000 + seconds) * 1000);
      const payload = { ...codeClaimsSchema.parse(claims), ...(expiresAt ? { exp: expiresAt.getTime() / 1000 } : {}) };
      const token = await new CompactSign(encoder.encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'HS256', kid: ring.current })
        .sign(keys.get(ring.current)!);
      return { token, ...(expiresAt ? { expiresAt } : {}) };
    },
    async read(token, now = new Date()) {
      let kid: string | undefined;
      try {
        const header = decodeProtectedHeader(token);
        if (header.alg !== 'HS256') return { ok: false, reason: 'forged' };
        kid = header.kid;
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      const key = kid === undefined ? undefined : keys.get(kid);
      if (!key) return { ok: false, reason: 'unknownKey' };
      let payload: unknown;
      try {
        const verified = await compactVerify(token, key, { algorithms: ['HS256'] });
        payload = JSON.parse(decoder.decode(verified.payload));
      } catch (error) {
        return { ok: false, reason: error instanceof errors.JOSEError ? 'forged' : 'malformed' };
      }
      const parsed = signedClaimsSchema.safeParse(payload);
      if (!parsed.success) return { ok: false, reason: 'malformed' };
      const { exp, ...claims } = parsed.data;
      if (exp === undefined) return { ok: true, claims };
      const expiresAt = new Date(exp * 1000);
      return expiresAt <= now ? { ok: false, reason: 'expired', claims } : { ok: true, claims, expiresAt };
    },
  };
}
