/**
 * Session tokens: HS256 JWTs signed with a server-held secret (jose). A token is
 * only as good as the account behind it: every request checks it against the
 * account (bearerAuthenticator), so logging out, a changed role and a lost phone
 * end it at once, not when it expires.
 */
import { SignJWT, jwtVerify, errors } from 'jose';
import { principalSchema, type Principal, type User } from '@bangfu/shared';
import * as z from 'zod';
import { DomainError, unauthenticated } from '../errors.js';

const ISSUER = 'bangfu';
const AUDIENCE = 'bangfu-api';
/** Built once, not per request: every authenticated call checks it. */
const sessionVersionSchema = z.number().int().min(0);

/** A verified token: who, and the account's session version when it was issued. */
export interface TokenClaims {
  principal: Principal;
  sessionVersion: number;
}

export interface TokenService {
  /** `sessionVersion`: the account's at login (0 until its sessions were first ended). */
  issue(principal: Principal, sessionVersion?: number): Promise<{ token: string; expiresAt: string }>;
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
  return {
    async issue(principal, sessionVersion = 0) {
      const ttl = isStaffRole(principal.role) ? lifetimes.staffSeconds : lifetimes.seconds;
      const expiresAtSeconds = Math.floor(Date.now() / 1000) + ttl;
      const token = await new SignJWT({ role: principal.role, rc: principal.regionCode, sv: sessionVersion })
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
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
        return {
          principal: principalSchema.parse({ userId: payload.sub, role: payload.role, regionCode: payload.rc }),
          sessionVersion: sessionVersionSchema.parse(payload.sv),
        };
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw unauthenticated('The session has expired; please log in again.');
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

/**
 * Reads `Authorization: Bearer <token>`; no header means an anonymous caller. The
 * token must match the account as it is now: the same session version (logout and
 * "end sessions" raise it) and the same role, and for staff the same region (a
 * changed role or posting ends the old sessions, whoever changed it and however).
 * A worker's region is filled in when they bind to the registry and grants nothing.
 */
export function bearerAuthenticator(tokens: TokenService, accounts: SessionSource) {
  return async (authorization: string | undefined): Promise<Principal | undefined> => {
    if (authorization === undefined) return undefined;
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const { principal, sessionVersion } = await tokens.verify(match[1]!);
    const account = await accounts.sessionAccount(principal.userId);
    if (
      !account ||
      account.sessionVersion !== sessionVersion ||
      account.user.role !== principal.role ||
      (isStaffRole(principal.role) && account.user.regionCode !== principal.regionCode)
    ) {
      throw new DomainError('UNAUTHENTICATED', '登录已失效，请重新登录', 'This session has ended; please log in again.');
    }
    accounts.remember(principal, account.user);
    return principal;
  };
}
