/**
 * Property-based fuzz of every route in the OpenAPI document, through the real app over
 * DynamoDB Local with the demo county seeded: whatever is sent, by whoever, the answer is
 * never a 5xx, every error has the one error shape, and a refused request (4xx) writes
 * nothing (the table's stream is read after every request; audit and rate-limit items are
 * the only writes allowed on a refusal). Fixed seeds, printed with any failure, make a run
 * repeatable: FUZZ_SEED=<seed> FUZZ_RUNS=<n> npx vitest run --project api tests/api/fuzz.test.ts
 * (FUZZ_LOG=1 prints the app's log, with the stack of each 5xx).
 * tests/bench/fuzz.ts sends 100,000.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import {
  describeRequest,
  judge,
  operationsOf,
  requestArbitrary,
  send,
  type FuzzOperation,
  type FuzzWorld,
} from '../support/fuzzRequests.js';
import { buildFuzzWorld, renewSession } from '../support/fuzzWorld.js';
import { tailTable, type TableChanges } from '../support/tableChanges.js';
import { startWeChatFake, type WeChatFake } from '../support/wechatFake.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 10);
/** A failure is shrunk to a smaller request that still fails; a route's runs and shrinking stop after this long. */
const ROUTE_BUDGET_MS = 60_000;

let api: TestApi;
let wechat: WeChatFake;
let world: FuzzWorld;
let operations: FuzzOperation[];
let changes: TableChanges;

beforeAll(async () => {
  wechat = await startWeChatFake();
  api = await startTestApi({
    wechatApiBase: wechat.url,
    // One client sends everything: the per-client throttle would answer much of it 429. The
    // budgets of routes that guess or move money stay as they are (their 429 is a refusal too).
    env: { CLIENT_RATE_PER_SECOND: '1000000', CLIENT_BURST: '1000000', ...(process.env.FUZZ_LOG ? { LOG_LEVEL: 'ERROR' } : {}) },
  });
  world = await buildFuzzWorld(api);
  operations = operationsOf((await api.call('GET', '/api/openapi.json')).body);
  changes = await tailTable(api.config.DYNAMODB_ENDPOINT!, api.config.AWS_REGION, api.tableName);
}, 180_000); // seeding the county takes seconds, or a minute on a busy 2-core machine
afterAll(async () => {
  await api?.close();
  await wechat?.close();
});

describe('fuzz of every route', () => {
  it('answers anything without a 5xx, in the one error shape, writing nothing when it refuses', async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const [index, operation] of operations.entries()) {
      const seed = SEED + index;
      const result = await fc.check(
        fc.asyncProperty(requestArbitrary(operation, world), async (request) => {
          const response = await send(api.url, request);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          // Every change since the previous answer is this request's (each waits for the one before).
          const problem = judge(response, await changes.drain());
          if (await renewSession(api, request.caller, response.status)) await changes.drain();
          if (problem) throw new Error(problem);
        }),
        { seed, numRuns: RUNS_PER_ROUTE, interruptAfterTimeLimit: ROUTE_BUDGET_MS },
      );
      if (result.failed) {
        failures.push(
          `${operation.method} ${operation.path} (FUZZ_SEED=${seed - index}): ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}\n    ${describeRequest(result.counterexample![0])}`,
        );
      }
    }
    console.log(
      `fuzz: ${operations.length} operations × ${RUNS_PER_ROUTE}; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(failures, failures.join('\n')).toEqual([]);
  }, 300_000);
});
