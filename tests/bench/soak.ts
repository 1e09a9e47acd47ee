/**
 * Benchmark: the mixed soak. 50 clients, each sending its next request as soon as the last is
 * answered, over the real HTTP app and DynamoDB Local with the demo county seeded: the job map
 * and its list, recommendations, applications, subsidies, /me, and a township officer's registry
 * list. It runs twice side by side, as the app ships (load shedding: API_CONCURRENCY requests
 * at once, API_QUEUE waiting up to API_QUEUE_WAIT_MS, the rest answered 503 BUSY with
 * Retry-After) and with shedding off (every request started at once, as before), and prints for
 * each route: requests, answers by kind, and p50/p95/p99 of every answer and of the served ones,
 * beside the goal (every route's p99 under 1 s). The clients run in the same process as the app,
 * so their CPU is in the figures too.
 *
 *   npx tsx tests/bench/soak.ts [seconds per run = 300] [clients = 50]
 */
import type { Server } from 'node:http';
import { meterOf } from '../../functions/src/db/capacityMeter.js';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import { DEMO_COUNTY_CENTER } from '../../functions/src/local/seed/demoPositions.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { ensureTable } from '../../functions/src/local/table.js';
import { freePort } from '../support/ports.js';
import { benchLogin, startBenchApp } from './benchEnv.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const SECONDS = Number(process.argv[2] ?? 300);
const CLIENTS = Number(process.argv[3] ?? 50);
const WARM_UP_SECONDS = 10;
const GOAL_P99_MS = 1_000;

const { lat, lng } = DEMO_COUNTY_CENTER;
/** Where a worker stands: within about 3 km of the county seat, never twice the same point. */
const somewhere = () => ({ lat: lat + (Math.random() - 0.5) * 0.054, lng: lng + (Math.random() - 0.5) * 0.07 });
const pathOf = ({ path }: { path: string | (() => string) }) => (typeof path === 'string' ? path : path());
/** What the clients ask for, and how often (out of 100). */
const MIX: { route: string; weight: number; as: 'worker' | 'staff'; path: string | (() => string) }[] = [
  {
    route: 'GET /positions/nearby (20 km)',
    weight: 25,
    as: 'worker',
    path: () => {
      const here = somewhere();
      return `/api/v1/positions/nearby?lat=${here.lat}&lng=${here.lng}&radiusKm=20`;
    },
  },
  {
    route: 'GET /positions/map (county)',
    weight: 10,
    as: 'worker',
    path: () => {
      const here = somewhere();
      return `/api/v1/positions/map?bbox=${here.lng - 0.3},${here.lat - 0.2},${here.lng + 0.3},${here.lat + 0.2}&zoom=11`;
    },
  },
  { route: 'GET /me', weight: 20, as: 'worker', path: '/api/v1/me' },
  { route: 'GET /me/recommendations', weight: 10, as: 'worker', path: '/api/v1/me/recommendations' },
  { route: 'GET /me/applications', weight: 10, as: 'worker', path: '/api/v1/me/applications' },
  { route: 'GET /me/subsidies', weight: 10, as: 'worker', path: '/api/v1/me/subsidies' },
  { route: 'GET /registry/workers (township)', weight: 15, as: 'staff', path: '/api/v1/registry/workers?regionCode=150222102' },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

interface Tally {
  all: number[];
  served: number[];
  busy: number;
  unavailable: number;
  other: number;
  firstError?: string;
}

/** A small seeded generator, so both runs draw the same sequence of routes. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function soak(url: string, tokens: { worker: string[]; staff: string }, seconds: number) {
  const tallies = new Map(MIX.map((m) => [m.route, { all: [], served: [], busy: 0, unavailable: 0, other: 0 } as Tally]));
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const next = random(client + 1);
      while (performance.now() < until) {
        let pick = next() * 100;
        const chosen = MIX.find((m) => (pick -= m.weight) < 0) ?? MIX[0]!;
        const token = chosen.as === 'staff' ? tokens.staff : tokens.worker[client % tokens.worker.length]!;
        const t0 = performance.now();
        const response = await fetch(`${url}${pathOf(chosen)}`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await response.json()) as { error?: { code: string } };
        const ms = performance.now() - t0;
        const tally = tallies.get(chosen.route)!;
        tally.all.push(ms);
        if (response.ok) tally.served.push(ms);
        else if (body.error?.code === 'BUSY') tally.busy += 1;
        else if (response.status === 503) tally.unavailable += 1;
        else {
          tally.other += 1;
          tally.firstError ??= `${response.status} ${JSON.stringify(body).slice(0, 200)}`;
        }
        // As the mini-program does: a BUSY answer's Retry-After is waited out before the next call.
        if (body.error?.code === 'BUSY') await sleep(Number(response.headers.get('retry-after')) * 1000);
      }
    }),
  );
  return tallies;
}

async function main() {
  const dynamo = await startDynamoDbLocal({ emulatorDir: await ensureEmulator(CACHE_DIR), port: await freePort() });
  const servers: Server[] = [];
  /** The app with these limits, on its own port. */
  async function appWith(limits: Record<string, string>) {
    const app = await startBenchApp('bench_soak', dynamo.endpoint, limits);
    servers.push(app.server);
    return app;
  }
  try {
    // BENCH_LIMITS='{"API_CONCURRENCY":"8"}' tries other limits than the shipped defaults.
    const shedding = await appWith(JSON.parse(process.env.BENCH_LIMITS ?? '{}') as Record<string, string>);
    const unlimited = await appWith({ API_CONCURRENCY: '1000000', API_QUEUE: '0' });
    await ensureTable(shedding.ctx.table.db, shedding.config.TABLE_NAME);
    await seedDemoCounty(shedding.ctx);
    const login = (userId: string) => benchLogin(shedding.url, userId);
    const worker = await login('demo-worker-1');
    const bound = await fetch(`${shedding.url}/api/v1/me/worker/bind`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${worker}` },
      body: JSON.stringify({ name: '刘海军', idNumber: demoIdNumber(1) }),
    });
    if (!bound.ok) throw new Error(`binding the demo worker failed: ${bound.status}`);
    const tokens = { worker: [worker, await login('demo-worker-1')], staff: await login('demo-staff-township-1') };

    // What each route costs alone: one client, one request at a time, so every call is that route's
    // (counted by the product's own meter, which its request log prints).
    const meter = meterOf(shedding.ctx.table.db)!;
    const alone = [];
    for (const { route, as, path } of MIX.map((m) => ({ ...m, path: pathOf(m) }))) {
      const token = as === 'staff' ? tokens.staff : worker;
      const latencies: number[] = [];
      const before = { ...meter };
      const cpuBefore = process.cpuUsage();
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        const response = await fetch(`${shedding.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
        await response.json();
        latencies.push(performance.now() - t0);
      }
      const cpu = process.cpuUsage(cpuBefore);
      alone.push({
        route,
        dynamoCallsPerRequest: (meter.calls - before.calls) / 20,
        readUnitsPerRequest: (meter.readUnits - before.readUnits) / 20,
        cpuMsPerRequest: Math.round((cpu.user + cpu.system) / 1000 / 20),
        p50: Math.round(percentile(latencies, 0.5)),
        max: Math.round(Math.max(...latencies)),
      });
    }
    console.log('one client, one request at a time, 20 each (CPU: app and client, one process):');
    console.table(alone);

    const runs: { name: string; tallies: Map<string, Tally> }[] = [];
    for (const [name, app] of [
      [
        `shedding (${shedding.config.API_CONCURRENCY} at once, ${shedding.config.API_QUEUE} waiting ≤ ${shedding.config.API_QUEUE_WAIT_MS} ms)`,
        shedding,
      ],
      ['no shedding (before)', unlimited],
    ] as const) {
      await soak(app.url, tokens, WARM_UP_SECONDS);
      console.log(`${name}: ${CLIENTS} clients for ${SECONDS} s…`);
      runs.push({ name, tallies: await soak(app.url, tokens, SECONDS) });
    }

    for (const { name, tallies } of runs) {
      console.log(`\n${name}, ${CLIENTS} clients, ${SECONDS} s (goal: every route's p99 < ${GOAL_P99_MS} ms)`);
      const rows = [...tallies].map(([route, t]) => ({
        route,
        requests: t.all.length,
        ok: t.served.length,
        busy503: t.busy,
        unavailable503: t.unavailable,
        otherErrors: t.other,
        p50: Math.round(percentile(t.all, 0.5)),
        p95: Math.round(percentile(t.all, 0.95)),
        p99: Math.round(percentile(t.all, 0.99)),
        servedP99: Math.round(percentile(t.served, 0.99)),
        goal: percentile(t.all, 0.99) < GOAL_P99_MS ? 'met' : 'missed',
      }));
      console.table(rows);
      for (const [route, t] of tallies) if (t.firstError) console.log(`${route}: first error ${t.firstError}`);
      const total = rows.reduce((sum, r) => sum + r.requests, 0);
      console.log(`${(total / SECONDS).toFixed(0)} answers a second, ${rows.reduce((s, r) => s + r.ok, 0)} served`);
    }
  } finally {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    await dynamo.stop();
  }
}

await main();
