/**
 * Session tokens: HS256 JWTs signed with a server-held secret (jose). A token is
 * only as good as the account behind it: every request checks it against the
 * account (bearerAuthenticator), so logging out, a changed role and a lost phone
 * end it at once, not when it expires.
 *
 * 亲情服务: an acting token is a session on the worker's account that also names the family
 * member and the link (`px`), lives 30 minutes, and is checked against the link on every
 * request too, so the worker's ending it (or the family member's stopping) holds at once.
 */
import { SignJWT, jwtVerify, errors } from 'jose';
import QuickLRU from 'quick-lru';
import { ACTING_MINUTES, principalSchema, type Principal, type PrincipalProxy, type User } from '@bangfu/shared';
import * as z from 'zod';
import { DomainError, unauthenticated } from '../errors.js';

const ISSUER = 'bangfu';
const AUDIENCE = 'bangfu-api';
/** Built once, not per request: every authenticated call checks it. */
const sessionVersionSchema = z.number().int().min(0);
/** An acting token's link, family member and the link's acting version when it was issued. */
const actingClaimSchema = z.strictObject({ l: z.string().min(1), h: z.string().min(1), v: z.number().int().min(0) });

/** Whose acting an acting token is: the link, the family member, the link's acting version at issue. */
export interface ActingClaim {
  linkId: string;
  helperUserId: string;
  actVersion: number;
}

/** Tokens a process keeps verified: a phone sends the same one all session long. */
const VERIFIED_TOKENS = 10_000;

/** A verified token: who, and the account's session version when it was issued; an acting token's link. */
export interface TokenClaims {
  principal: Principal;
  sessionVersion: number;
  acting?: ActingClaim;
}

export interface TokenService {
  /**
   * `sessionVersion`: the account's at login (0 until its sessions were first ended). With
   * `acting`, a short session on this (worker's) account for the family member it names.
   */
  issue(principal: Principal, sessionVersion?: number, acting?: ActingClaim): Promise<{ token: string; expiresAt: string }>;
  /** The claims of a bearer token; throws 401 for a forged, expired or malformed one. */
  verify(token: string): Promise<TokenClaims>;
}

export interface TokenLifetimes {
  /** Workers and employers: long, because older users find logging in again hard. */
  seconds: number;
  /** Staff and admins: short, because their sessions reach many people's records and money. */
  staffSeconds: number;
}

/** Staff sessions open whole regions' records and public money, so they end sooner. */
export const isStaffRole = (role: Principal['role']) => role === 'staff' || role === 'admin';

export function createTokenService(signingKey: string, lifetimes: TokenLifetimes): TokenService {
  const key = new TextEncoder().encode(signingKey);
  const verified = new QuickLRU<string, { claims: TokenClaims; expiresAtMs: number }>({ maxSize: VERIFIED_TOKENS });
  const expired = () => unauthenticated('The session has expired; please log in again.');
  return {
    async issue(principal, sessionVersion = 0, acting) {
      const ttl = acting
        ? Math.min(ACTING_MINUTES * 60, lifetimes.seconds)
        : isStaffRole(principal.role)
          ? lifetimes.staffSeconds
          : lifetimes.seconds;
      const expiresAtSeconds = Math.floor(Date.now() / 1000) + ttl;
      const px = acting ? { l: acting.linkId, h: acting.helperUserId, v: acting.actVersion } : undefined;
      const token = await new SignJWT({ role: principal.role, rc: principal.regionCode, sv: sessionVersion, px })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(principal.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expiresAtSeconds)
        .sign(key);
      return { token, expiresAt: new Date(expiresAtSeconds * 1000).toISOString() };
    },
    async verify(token) {
      // The signature is checked once per token and process (WebCrypto's HMAC is a tenth of a
      // request's CPU); its expiry on every use. What the account says is still read each time.
      const known = verified.get(token);
      if (known && Date.now() < known.expiresAtMs) return { ...known.claims, principal: { ...known.claims.principal } };
      if (known) throw expired();
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        const px = payload.px === undefined ? undefined : actingClaimSchema.parse(payload.px);
        const claims: TokenClaims = {
          principal: principalSchema.parse({ userId: payload.sub, role: payload.role, regionCode: payload.rc }),
          sessionVersion: sessionVersionSchema.parse(payload.sv),
          ...(px ? { acting: { linkId: px.l, helperUserId: px.h, actVersion: px.v } } : {}),
        };
        verified.set(token, { claims, expiresAtMs: payload.exp! * 1000 });
        return { ...claims, principal: { ...claims.principal } };
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw expired();
        throw unauthenticated('The session token is not valid.');
      }
    },
  };
}

/** What the account says now, read on every request that carries a token, and kept for the request. */
export interface SessionSource {
  sessionAccount(userId: string): Promise<{ user: User; sessionVersion: number } | undefined>;
  remember(principal: Principal, user: User): void;
}

/** 亲情服务: the family member an acting token may still act as, read from its link (one GetItem), or undefined. */
export type ActingSource = (workerUserId: string, acting: ActingClaim) => Promise<PrincipalProxy | undefined>;

const sessionEnded = () =>
  new DomainError('UNAUTHENTICATED', '登录已失效，请重新登录', 'This session has ended; please log in again.');
const actingEnded = () =>
  new DomainError(
    'UNAUTHENTICATED',
    '帮家人办事已经结束了（家人结束了亲情服务，或已超过 30 分钟）。请回到自己的账号。',
    'This acting session has ended; go back to your own account.',
  );

/**
 * Reads `Authorization: Bearer <token>`; no header means an anonymous caller. The
 * token must match the account as it is now: the same session version (logout and
 * "end sessions" raise it) and the same role, and for staff the same region (a
 * changed role or posting ends the old sessions, whoever changed it and however).
 * A worker's region is filled in when they bind to the registry and grants nothing.
 * An acting token must also match its link as it is now (active, the same family member
 * and acting version): read beside the account, so it costs one GetItem more and no wait;
 * other tokens cost nothing more.
 */
export function bearerAuthenticator(tokens: TokenService, accounts: SessionSource, actingAs: ActingSource) {
  return async (authorization: string | undefined): Promise<Principal | undefined> => {
    if (authorization === undefined) return undefined;
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const { principal, sessionVersion, acting } = await tokens.verify(match[1]!);
    const [account, proxy] = await Promise.all([
      accounts.sessionAccount(principal.userId),
      acting ? actingAs(principal.userId, acting) : undefined,
    ]);
    if (
      !account ||
      account.sessionVersion !== sessionVersion ||
      account.user.role !== principal.role ||
      (isStaffRole(principal.role) && account.user.regionCode !== principal.regionCode)
    ) {
      throw acting ? actingEnded() : sessionEnded();
    }
    if (acting && !proxy) throw actingEnded();
    const caller: Principal = proxy ? { ...principal, proxy } : principal;
    accounts.remember(caller, account.user);
    return caller;
  };
}
