/**
 * Benchmark: what the app adds to one GetItem. GET /api/v1/me is a session check and one GetItem of
 * the account; beside it, the same GetItem sent straight with the DynamoDB client the app uses, to
 * the same DynamoDB Local. Both at 1 and at 10 requests in flight, p50 and p95 beside the issue's
 * goal (the route's p50 at most 1.5× the raw GetItem's). The route's figure includes the HTTP round
 * trip on loopback (client and app in this one process), which a raw GetItem does not make.
 *
 *   npx tsx tests/bench/overhead.ts [requests per run = 2000]
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/src/db/tableSchema.js';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { ensureTable } from '../../functions/src/local/table.js';
import { freePort } from '../support/ports.js';
import { benchLogin, startBenchApp } from './benchEnv.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const REQUESTS = Number(process.argv[2] ?? 2000);
const GOAL = 1.5;
const USER_ID = 'demo-worker-1';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** `requests` calls of `once`, `inFlight` at a time: the latencies (ms), sorted, and the CPU ms a call. */
async function measure(once: () => Promise<void>, inFlight: number, requests: number) {
  for (let i = 0; i < 200; i++) await once(); // warm: connections, JIT, caches
  const latencies: number[] = [];
  let sent = 0;
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (sent < requests) {
        sent += 1;
        const t0 = performance.now();
        await once();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { sorted: latencies.sort((a, b) => a - b), cpuMs: (cpu.user + cpu.system) / 1000 / requests };
}

const dynamo = await startDynamoDbLocal({ emulatorDir: await ensureEmulator(CACHE_DIR), port: await freePort() });
try {
  const app = await startBenchApp('bench_overhead', dynamo.endpoint);
  try {
    await ensureTable(app.ctx.table.db, app.config.TABLE_NAME);
    await seedDemoCounty(app.ctx);
    const token = await benchLogin(app.url, USER_ID);
    const { db, tableName } = app.ctx.table;

    const raw = async () => {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.user(USER_ID), ConsistentRead: true }));
      if (!Item) throw new Error('no account');
    };
    const route = async () => {
      const response = await fetch(`${app.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`GET /me: ${response.status}`);
      await response.json();
    };

    const rows = [];
    for (const inFlight of [1, 10]) {
      const a = await measure(raw, inFlight, REQUESTS);
      const b = await measure(route, inFlight, REQUESTS);
      const ratio = quantile(b.sorted, 0.5) / quantile(a.sorted, 0.5);
      rows.push({
        'in flight': inFlight,
        'GetItem p50 / p95 ms': `${quantile(a.sorted, 0.5).toFixed(2)} / ${quantile(a.sorted, 0.95).toFixed(2)}`,
        'GET /me p50 / p95 ms': `${quantile(b.sorted, 0.5).toFixed(2)} / ${quantile(b.sorted, 0.95).toFixed(2)}`,
        'p50 ratio': `${ratio.toFixed(2)}× (goal ≤ ${GOAL}×)`,
        'CPU ms a call (GetItem / GET /me)': `${a.cpuMs.toFixed(2)} / ${b.cpuMs.toFixed(2)}`,
      });
    }
    console.log(`\n${REQUESTS} requests each, DynamoDB Local on this machine; GET /me's CPU includes its HTTP client.`);
    console.table(rows);
  } finally {
    app.server.closeAllConnections();
    app.server.close();
    app.ctx.table.db.destroy();
  }
} finally {
  await dynamo.stop();
}
