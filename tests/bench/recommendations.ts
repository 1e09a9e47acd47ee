/**
 * Benchmark: 为你推荐 over a province of 100,000 synthetic positions in DynamoDB Local, through
 * the product's own code (recommendationsFor, as the route calls it, without HTTP): for workers
 * at town centres it prints the first open of the day (a live search, within its work budget)
 * and every open after it (the kept list), each with DynamoDB calls, Queries, CPU ms and wall
 * ms, beside the goal (≤ 20 ms CPU and ≤ 10 Queries a call). Three kinds of worker: willing to
 * work in the county, anywhere in the province, and anywhere but having applied to or dismissed
 * every job within 30 km of home (the case the live search's early stop cannot help).
 *
 *   npx tsx tests/bench/recommendations.ts [positions = 100000] [workers per kind = 10]
 */
import { workerSchema, type LatLng, type TravelScope, type Worker } from '@bangfu/shared';
import { readConfig } from '../../functions/src/config.js';
import { createAppContext } from '../../functions/src/context.js';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { ensureTable } from '../../functions/src/local/table.js';
import { createRecommendationCache } from '../../functions/src/matching/recommendationCache.js';
import { recommendationsFor } from '../../functions/src/matching/recommendations.js';
import { createRecommender } from '../../functions/src/matching/recommender.js';
import { nearby } from '../../functions/src/positions/geoQuery.js';
import { loadAppSecrets } from '../../functions/src/secrets.js';
import { freePort } from '../support/ports.js';
import { benchEnv } from './benchEnv.js';
import { loadPositions, townCentres } from './syntheticProvince.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const POSITIONS = Number(process.argv[2] ?? 100_000);
const WORKERS = Number(process.argv[3] ?? 10);
const OPENS_AFTER = 5;
const NEAR_KM = 30;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const GOAL = { cpuMs: 20, queries: 10 };

function worker(n: number, home: LatLng, travelScope: TravelScope): Worker {
  const now = new Date().toISOString();
  return workerSchema.parse({
    workerId: `w_bench_${n}`,
    name: '基准工人',
    householdId: `H-${n}`,
    villageCode: '150222102001',
    home,
    groups: ['povertyAlleviated'],
    labourClass: 'full',
    skills: ['缝纫工'],
    certificates: [],
    trainings: [],
    preferences: { travelScope, jobTypes: [] },
    registryEntryDate: '2021-03-01',
    idNumberMasked: '150222********0011',
    birthDate: '1980-01-01',
    sex: 'female',
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
}

async function main() {
  const dynamo = await startDynamoDbLocal({ emulatorDir: await ensureEmulator(CACHE_DIR), port: await freePort() });
  try {
    const config = readConfig({ ...benchEnv('bench_recommend', dynamo.endpoint), DYNAMODB_ANSWER_MS: '60000' });
    const ctx = createAppContext(config, await loadAppSecrets(config), { devLogin: false });
    await ensureTable(ctx.table.db, config.TABLE_NAME);
    await loadPositions(ctx.table, POSITIONS);
    const calls: string[] = [];
    ctx.table.db.middlewareStack.add(
      (next, context) => async (args) => {
        calls.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countCalls' },
    );
    const recommender = createRecommender(ctx);
    const cache = createRecommendationCache(ctx.table);

    /** One open of 为你推荐: its calls, Queries, CPU and wall time, and where the list came from. */
    async function open(w: Worker) {
      calls.length = 0;
      const cpu = process.cpuUsage();
      const started = performance.now();
      const answer = await recommendationsFor(ctx, recommender, cache, w);
      const used = process.cpuUsage(cpu);
      return {
        calls: calls.length,
        queries: calls.filter((c) => c === 'QueryCommand').length,
        cpuMs: (used.user + used.system) / 1000,
        ms: performance.now() - started,
        fromCache: answer.live.fromCache,
        complete: answer.live.complete,
        shown: answer.recommendations.length,
      };
    }

    const kinds: { kind: string; make: (n: number, home: LatLng) => Promise<Worker> }[] = [
      { kind: 'county', make: async (n, home) => worker(n, home, 'county') },
      { kind: 'province-wide', make: async (n, home) => worker(n, home, 'any') },
      {
        kind: `province-wide, every job within ${NEAR_KM} km dismissed`,
        make: async (n, home) => {
          const w = worker(n, home, 'any');
          let cursor: string | undefined;
          do {
            const page = await nearby(ctx.table, {
              center: home,
              radiusKm: NEAR_KM,
              limit: 50,
              filters: {},
              ...(cursor ? { cursor } : {}),
            });
            await Promise.all(page.result.positions.map((p) => ctx.matches.dismiss(w.workerId, p.positionId)));
            cursor = page.result.nextCursor;
          } while (cursor);
          return w;
        },
      },
    ];
    const rows = [];
    const centres = townCentres(WORKERS);
    let n = 0;
    for (const { kind, make } of kinds) {
      const first: Awaited<ReturnType<typeof open>>[] = [];
      const after: Awaited<ReturnType<typeof open>>[] = [];
      for (const home of centres) {
        const w = await make(n++, home);
        first.push(await open(w));
        for (let i = 0; i < OPENS_AFTER; i++) after.push(await open(w));
      }
      const mean = (list: typeof first, pick: (r: (typeof first)[number]) => number) =>
        list.reduce((s, r) => s + pick(r), 0) / list.length;
      const max = (list: typeof first, pick: (r: (typeof first)[number]) => number) => Math.max(...list.map(pick));
      rows.push({
        worker: kind,
        'first open: calls': mean(first, (r) => r.calls).toFixed(0),
        'queries (max)': max(first, (r) => r.queries),
        'CPU ms': mean(first, (r) => r.cpuMs).toFixed(1),
        'wall ms': mean(first, (r) => r.ms).toFixed(0),
        'cut by budget': first.filter((r) => !r.complete).length,
        'later opens: calls': mean(after, (r) => r.calls).toFixed(1),
        'queries (max) ': max(after, (r) => r.queries),
        'CPU ms (median)': median(after.map((r) => r.cpuMs)).toFixed(1),
        'CPU ms (max)': max(after, (r) => r.cpuMs).toFixed(1),
        'wall ms ': mean(after, (r) => r.ms).toFixed(0),
        'from kept list': `${after.filter((r) => r.fromCache).length}/${after.length}`,
      });
    }
    console.log(
      `\n为你推荐 over ${POSITIONS} positions, ${WORKERS} workers of each kind at town centres, ${OPENS_AFTER} opens after the first`,
    );
    console.table(rows);
    console.log(
      `Goal: ≤ ${GOAL.cpuMs} ms CPU and ≤ ${GOAL.queries} Queries a call (before: 100–140 ms CPU for a demo worker, ~620 ms province-wide).`,
    );
  } finally {
    await dynamo.stop();
  }
}

await main();
