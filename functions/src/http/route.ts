/**
 * Every route is declared once: its inputs and output as zod schemas, who may
 * call it and whose data it touches, and a handler. The same declaration mounts
 * the Express handler (authenticate → authorise role → parse → authorise scope →
 * handle) and feeds the OpenAPI document and the authorisation-matrix test.
 */
import type { Principal, Role, ScopeDeclaration, ScopedEntity } from '@bangfu/shared';
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { ScopedObjects, ScopeResolver } from '../auth/objects.js';
import { ApiError, unauthenticated } from './apiError.js';
import type { RateLimiter, RouteRateLimit } from './rateLimit.js';
import { parseInput } from './validation.js';
import { decide } from '@bangfu/shared';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Access = 'public' | readonly Role[];

export interface RouteContext<B, Q, P, A extends Access, E extends ScopedEntity | undefined = undefined> {
  body: B;
  query: Q;
  params: P;
  principal: A extends 'public' ? Principal | undefined : Principal;
  /** The object an object-scoped route is about, loaded and checked before the handler runs. */
  object: E extends ScopedEntity ? ScopedObjects[E] : undefined;
  req: Request;
  res: Response;
}

/** A route's scope, with the object kind kept in the type so the handler's `object` is typed. */
export type RouteScope<B, Q, P, E extends ScopedEntity | undefined> = E extends ScopedEntity
  ? Extract<ScopeDeclaration<{ body: B; query: Q; params: P }>, { kind: 'object' }> & { entity: E }
  : Exclude<ScopeDeclaration<{ body: B; query: Q; params: P }>, { kind: 'object' }>;

export interface RouteSpec<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  A extends Access = Access,
  E extends ScopedEntity | undefined = ScopedEntity | undefined,
> {
  method: Method;
  /** Express-style path, e.g. /api/v1/regions/:code */
  path: string;
  summary: string;
  tag: string;
  /** 'public', or the roles allowed to call it. */
  access: A;
  /** Whose data it touches: checked for every caller before the handler runs. */
  scope: RouteScope<z.infer<B>, z.infer<Q>, z.infer<P>, E>;
  body?: B;
  query?: Q;
  params?: P;
  response: R;
  status?: number;
  /** A route that streams its own body (a file) instead of JSON: the media type it sends. */
  raw?: string;
  /** Budgets of a route that guesses a secret, shows personal data in bulk or moves money (rateLimit.ts). */
  rateLimit?: RouteRateLimit;
  handler: (ctx: RouteContext<z.infer<B>, z.infer<Q>, z.infer<P>, A, E>) => Promise<z.input<R>>;
}

export function defineRoute<
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
  R extends z.ZodType,
  const A extends Access,
  const E extends ScopedEntity | undefined = undefined,
>(spec: RouteSpec<B, Q, P, R, A, E>): RouteSpec<B, Q, P, R, A, E> {
  return spec;
}

/** Reads the caller from the request; rejects a forged or expired token with 401. */
export type Authenticator = (authorization: string | undefined) => Promise<Principal | undefined>;

// Routes are stored heterogeneously; each one's own types were checked at defineRoute.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any, any, any>;

export function mountRoutes(
  router: Router,
  routes: readonly AnyRoute[],
  authenticate: Authenticator,
  resolveScope: ScopeResolver,
  limiter: RateLimiter,
): void {
  for (const route of routes) {
    router[route.method](route.path, async (req, res) => {
      const principal = await authenticate(req.get('authorization'));
      if (route.access !== 'public') {
        if (!principal) throw unauthenticated('A session token is required.');
        if (!decide(principal, { roles: route.access as readonly Role[] }).allowed) {
          throw new ApiError('FORBIDDEN', '您的账号没有这项权限', 'Your role may not do this.');
        }
      }
      res.locals.principal = principal;
      await limiter.charge(route, principal, req.ip); // before parsing: malformed attempts count too
      const query = route.query ? parseInput(route.query, req.query, 'query') : undefined;
      const params = route.params ? parseInput(route.params, req.params, 'params') : undefined;
      // A caller outside the scope learns nothing from the body's validation: check the scope first
      // unless the body itself names the region.
      const scopeReadsBody = 'field' in route.scope && route.scope.field.startsWith('body.');
      let object = scopeReadsBody ? undefined : await resolveScope(route.scope, { body: undefined, query, params }, principal);
      const body = route.body ? parseInput(route.body, req.body ?? {}, 'body') : undefined;
      if (scopeReadsBody) object = await resolveScope(route.scope, { body, query, params }, principal);
      const result = await route.handler({ body, query, params, principal, object, req, res });
      if (route.raw) return; // the handler has streamed its answer
      res.status(route.status ?? 200).json(route.response.parse(result));
    });
  }
}
