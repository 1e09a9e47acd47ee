/** Session tokens: HS256 JWTs signed with a server-held secret (jose). */
import { SignJWT, jwtVerify, errors } from 'jose';
import { principalSchema, type Principal } from '@bangfu/shared';
import { unauthenticated } from '../http/apiError.js';

const ISSUER = 'bangfu';
const AUDIENCE = 'bangfu-api';

export interface TokenService {
  issue(principal: Principal): Promise<{ token: string; expiresAt: string }>;
  /** The caller of a bearer token; throws 401 for a forged, expired or malformed one. */
  verify(token: string): Promise<Principal>;
}

export function createTokenService(signingKey: string, ttlSeconds: number): TokenService {
  const key = new TextEncoder().encode(signingKey);
  return {
    async issue(principal) {
      const expiresAtSeconds = Math.floor(Date.now() / 1000) + ttlSeconds;
      const token = await new SignJWT({ role: principal.role, rc: principal.regionCode })
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
        return principalSchema.parse({ userId: payload.sub, role: payload.role, regionCode: payload.rc });
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw unauthenticated('The session has expired; please log in again.');
        throw unauthenticated('The session token is not valid.');
      }
    },
  };
}

/** Reads `Authorization: Bearer <token>`; no header means an anonymous caller. */
export function bearerAuthenticator(tokens: TokenService) {
  return async (authorization: string | undefined): Promise<Principal | undefined> => {
    if (authorization === undefined) return undefined;
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    return tokens.verify(match[1]!);
  };
}
