/**
 * Budgets of attempts, so nobody can guess a secret or spend public money by repetition.
 *
 * Two layers, because they cost differently:
 * - every /api request is held to a per-client token bucket in this instance's memory: no
 *   I/O, so it stops one client's flood from taking the API's whole stage throttle, but it
 *   is per Lambda instance (a client spread over n instances gets n shares);
 * - the routes that guess or move money (their `rateLimit` in route.ts, and lockouts such as
 *   binding's) count attempts in DynamoDB, the same for every instance: one conditional
 *   UpdateItem per counter, `ADD` under `hits < limit`, so concurrent attempts can never pass
 *   more than the budget; a fixed window per item, deleted by TTL after it ends.
 *
 * Hand-written rather than rate-limiter-flexible: its DynamoDB store owns a table of its own
 * (hash key `key`, TTL attribute `expire`), creates it and sets its TTL at start-up, which
 * neither fits our one table (pk/sk, `expiresAt`) nor the API function's data-only rights.
 *
 * The client address is `req.ip` with Express's `trust proxy` off: on Lambda, serverless-http
 * puts API Gateway's `requestContext.http.sourceIp` (the peer API Gateway saw) on the socket,
 * while X-Forwarded-For keeps whatever the client sent with that address appended, so its
 * first entry is the client's to choose.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RequestHandler } from 'express';
import {
  clientAddressKey,
  fixedWindow,
  secondsUntil,
  takeToken,
  waitZh,
  type Budget,
  type RouteRateLimit,
  type Principal,
  type TokenBucket,
} from '@bangfu/shared';
import { isConditionFailed } from '../db/errors.js';
import { keys, TTL_ATTRIBUTE } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { TooManyAttempts } from '../errors.js';

/** One counter to charge: whom it counts and its budget. */
export interface Counter {
  key: string;
  budget: Budget;
}

/** Attempts taken; a lockout that counts only wrong answers gives them back on a right one. */
export interface Taken {
  refund(): Promise<void>;
}

export interface RateLimiter {
  /** Charges one attempt to every counter; over any budget it throws 429 with the longest wait. */
  take(counters: readonly Counter[], wayForwardZh?: string): Promise<Taken>;
  /** Clears these counters' current windows: an officer who has seen the person lifts their lockout. */
  reset(counters: readonly Counter[]): Promise<void>;
  /** Charges a route's budgets for this caller and client address. */
  charge(
    route: { method: string; path: string; rateLimit?: RouteRateLimit },
    principal: Principal | undefined,
    ip: string | undefined,
  ): Promise<void>;
  /** Middleware: the per-client token bucket of this instance. */
  clientThrottle: RequestHandler;
}

export interface RateLimiterOptions {
  now?: () => number;
  /** The per-client bucket: tokens a second and most held. */
  client: { perSecond: number; burst: number };
}

/** Most clients remembered by one instance's throttle; beyond it, those idle longest are forgotten. */
const MAX_CLIENTS = 10_000;

const tooMany = (retryAfterSeconds: number, wayForwardZh = '') =>
  new TooManyAttempts(retryAfterSeconds, `操作太频繁了，请 ${waitZh(retryAfterSeconds)}后再试。${wayForwardZh}`);

export function createRateLimiter({ db, tableName }: TableRef, options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;

  async function hit(counter: Counter, at: number) {
    const window = fixedWindow(at, counter.budget.windowSeconds);
    const key = keys.rateCounter(counter.key, window.start);
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key,
          UpdateExpression: 'ADD hits :one SET #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':one': 1, ':limit': counter.budget.limit, ':ttl': Math.ceil(window.end / 1000) + 60 },
        }),
      );
      return { key, refusedFor: 0 };
    } catch (error) {
      if (isConditionFailed(error)) return { key, refusedFor: secondsUntil(at, window.end) };
      throw error;
    }
  }

  const buckets = new Map<string, TokenBucket>();
  const { perSecond, burst } = options.client;

  const limiter: RateLimiter = {
    async reset(counters) {
      const at = now();
      await Promise.all(
        counters.map((counter) =>
          db
            .send(
              // Zeroed, not deleted: the API holds no DeleteItem right on the table (audit records stay).
              new UpdateCommand({
                TableName: tableName,
                Key: keys.rateCounter(counter.key, fixedWindow(at, counter.budget.windowSeconds).start),
                UpdateExpression: 'SET hits = :zero',
                ConditionExpression: 'attribute_exists(hits)',
                ExpressionAttributeValues: { ':zero': 0 },
              }),
            )
            .catch((error: unknown) => {
              // No counter in this window: nothing to lift.
              if (!isConditionFailed(error)) throw error;
            }),
        ),
      );
    },
    async take(counters, wayForwardZh) {
      const at = now();
      // Each counter is charged on its own (no transaction to conflict): an attempt refused by
      // one budget still counts against the others, as an attempt it was.
      const hits = await Promise.all(counters.map((counter) => hit(counter, at)));
      const wait = Math.max(...hits.map((h) => h.refusedFor));
      if (wait > 0) throw tooMany(wait, wayForwardZh);
      return {
        async refund() {
          await Promise.all(
            hits.map(({ key }) =>
              db
                .send(
                  new UpdateCommand({
                    TableName: tableName,
                    Key: key,
                    UpdateExpression: 'ADD hits :minusOne',
                    ConditionExpression: 'hits > :zero',
                    ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
                  }),
                )
                .catch((error: unknown) => {
                  if (!isConditionFailed(error)) throw error;
                }),
            ),
          );
        },
      };
    },

    async charge(route, principal, ip) {
      const budgets = route.rateLimit;
      if (!budgets) return;
      const name = `${route.method} ${route.path}`;
      const counters: Counter[] = [{ key: `${name}#ip#${clientAddressKey(ip)}`, budget: budgets.perIp }];
      if (budgets.perUser && principal) counters.push({ key: `${name}#user#${principal.userId}`, budget: budgets.perUser });
      await limiter.take(counters, budgets.wayForwardZh);
    },

    clientThrottle(req, _res, next) {
      const client = clientAddressKey(req.ip);
      const at = now();
      let bucket = buckets.get(client);
      if (bucket)
        buckets.delete(client); // re-inserted below: the map stays ordered by last use
      else {
        bucket = { tokens: burst, atMs: at };
        if (buckets.size >= MAX_CLIENTS) buckets.delete(buckets.keys().next().value!);
      }
      buckets.set(client, bucket);
      const taken = takeToken(bucket, at, perSecond, burst);
      next(taken.ok ? undefined : tooMany(taken.retryAfterSeconds));
    },
  };
  return limiter;
}
