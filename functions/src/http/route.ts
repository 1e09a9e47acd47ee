/**
 * Every route is a contract (shared/src/api: inputs and output as zod schemas, who may call
 * it and whose data it touches) bound to a handler. The pair mounts the Express handler
 * (authenticate → authorise role and acting → budget → parse → authorise scope → handle) and feeds the
 * OpenAPI document and the authorisation-matrix test.
 */
import type { Access, Contract, Principal, Role, ScopedEntity } from '@bangfu/shared';
import type { Request, Response, Router } from 'express';
import type * as z from 'zod';
import type { ScopedObjects, ScopeResolver } from '../auth/objects.js';
import { Forbidden, unauthenticated } from '../errors.js';
import type { RateLimiter } from './rateLimit.js';
import { parseInput } from './validation.js';
import { sendJson } from './sendJson.js';
import { decide } from '@bangfu/shared';

const notWhileActing = () =>
  new Forbidden(
    '帮家人办事时不能做这件事。这件事要TA本人来办，或者先退出，用您自己的账号办。',
    'Not while acting for a family member.',
  );

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

export type Handler<B, Q, P, R extends z.ZodType, A extends Access, E extends ScopedEntity | undefined> = (
  ctx: RouteContext<B, Q, P, A, E>,
) => Promise<z.input<R>>;

/** A contract (shared/src/api) with the handler that answers it. */
export type RouteSpec<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  A extends Access = Access,
  E extends ScopedEntity | undefined = ScopedEntity | undefined,
> = Contract<B, Q, P, R, A, E> & { handler: Handler<z.infer<B>, z.infer<Q>, z.infer<P>, R, A, E> };

/** Binds a handler to its contract: the contract says what is checked before the handler runs. */
export function implement<
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
  R extends z.ZodType,
  const A extends Access,
  const E extends ScopedEntity | undefined,
>(
  contract: Contract<B, Q, P, R, A, E>,
  handler: Handler<z.infer<B>, z.infer<Q>, z.infer<P>, R, A, E>,
): RouteSpec<B, Q, P, R, A, E> {
  return { ...contract, handler };
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
      res.locals.route = route.path; // the log's name for the route, whatever ids the path holds
      const principal = await authenticate(req.get('authorization'));
      res.locals.principal = principal; // logged with the request, a refused one too
      if (route.access !== 'public') {
        if (!principal) throw unauthenticated('A session token is required.');
        if (!decide(principal, { roles: route.access as readonly Role[] }).allowed) {
          throw new Forbidden('您的账号没有这项权限', 'Your role may not do this.');
        }
        // 亲情服务: someone acting for a worker reaches only what the contract opens to them.
        if (principal.proxy && !route.proxy) throw notWhileActing();
      }
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
      sendJson(res, route.status ?? 200, route.response.parse(result));
    });
  }
}
