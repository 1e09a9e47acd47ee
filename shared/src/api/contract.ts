/**
 * One contract per route: its method and path, the zod schemas of what goes in and what
 * comes out, who may call it and whose data it touches. The API binds a handler to each
 * (functions/src/http/route.ts: `implement`), checks role and scope before the handler runs
 * and writes the OpenAPI document from them; the mini-program calls them through a typed
 * client (miniapp/src/api/client.ts: `call`), and its forms validate with the same schemas.
 */
import type * as z from 'zod';
import type { Role } from '../auth/roles.js';
import type { ScopeDeclaration, ScopedEntity } from '../auth/scope.js';
import type { Budget } from '../http/rateLimit.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** 'public', or the roles allowed to call it. */
export type Access = 'public' | readonly Role[];

/** A route's budgets: attempts per account and per client address, each in its own window. */
export interface RouteRateLimit {
  perUser?: Budget;
  perIp: Budget;
  /** What the person can do meanwhile, in plain Chinese; the wait is added. */
  wayForwardZh?: string;
}

/** A route's scope, with the object kind kept in the type so the handler's `object` is typed. */
export type ContractScope<B, Q, P, E extends ScopedEntity | undefined> = E extends ScopedEntity
  ? Extract<ScopeDeclaration<{ body: B; query: Q; params: P }>, { kind: 'object' }> & { entity: E }
  : Exclude<ScopeDeclaration<{ body: B; query: Q; params: P }>, { kind: 'object' }>;

export interface Contract<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  A extends Access = Access,
  E extends ScopedEntity | undefined = ScopedEntity | undefined,
> {
  method: HttpMethod;
  /** Express-style path, e.g. /api/v1/regions/:code */
  path: string;
  summary: string;
  tag: string;
  access: A;
  /** Whose data it touches: checked for every caller before the handler runs. */
  scope: ContractScope<z.infer<B>, z.infer<Q>, z.infer<P>, E>;
  body?: B;
  query?: Q;
  params?: P;
  response: R;
  status?: number;
  /** A route that streams its own body (a file) instead of JSON: the media type it sends. */
  raw?: string;
  /** Budgets of a route that guesses a secret, shows personal data in bulk or moves money. */
  rateLimit?: RouteRateLimit;
  /**
   * 亲情服务: whether a family member acting for the worker (Principal.proxy) may call it —
   * 'read' (it changes nothing) or 'act' (it acts in the worker's name, and the handler stores
   * the proxy on what it writes and on the worker's acts list). Absent: refused to a proxy,
   * so a new route is closed to them until someone decides otherwise. Public routes are open.
   */
  proxy?: ProxyUse;
}

export type ProxyUse = 'read' | 'act';

export function defineContract<
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
  R extends z.ZodType,
  const A extends Access,
  const E extends ScopedEntity | undefined = undefined,
>(contract: Contract<B, Q, P, R, A, E>): Contract<B, Q, P, R, A, E> {
  return contract;
}

// Contracts are kept together heterogeneously; each one's own types were checked at defineContract.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyContract = Contract<any, any, any, any, any, any>;

type InputPart<S, K extends string> = S extends z.ZodType
  ? unknown extends z.input<S>
    ? { [key in K]?: never }
    : object extends z.input<S>
      ? { [key in K]?: z.input<S> }
      : { [key in K]: z.input<S> }
  : { [key in K]?: never };

/** What a client sends: the params, query and body the contract declares, each only when it declares it. */
export type RequestOf<C extends AnyContract> = InputPart<NonNullable<C['params']>, 'params'> &
  InputPart<NonNullable<C['query']>, 'query'> &
  InputPart<NonNullable<C['body']>, 'body'>;

/** The body a contract takes, and its query, as a client writes them. */
export type BodyOf<C extends AnyContract> = z.input<NonNullable<C['body']>>;
export type QueryOf<C extends AnyContract> = z.input<NonNullable<C['query']>>;

/** What a client gets back from a JSON route. */
export type ResponseOf<C extends AnyContract> = z.output<C['response']>;

/** The path of a contract with its params filled in, each percent-encoded. */
export function pathOf(contract: AnyContract, params: Record<string, string | number> = {}): string {
  return contract.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${contract.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}
