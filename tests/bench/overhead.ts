/**
 * Benchmark: what the app adds to one GetItem. GET /api/v1/me is a session check and one GetItem of
 * the account; beside it, the same GetItem sent straight with the DynamoDB client the app uses, to
 * the same DynamoDB Local. Both at 1 and at 10 requests in flight, p50 and p95 beside the issue's
 * goal (the route's p50 at most 1.5× the raw GetItem's). The route's figure includes the HTTP round
 * trip on loopback, which a raw GetItem does not make; its clients run in a process of their own
 * (httpClients.ts), and again in the app's process as before, each a GET with node's http over a
 * kept-alive socket as the SDK sends the GetItem (keptAliveGet.ts; until 2026-12-07 fetch). And
 * the route as Lambda runs it: the app behind serverless-http, handed an API Gateway event in this
 * process, as the handler is. And the floor of any app served over HTTP here: a bare node:http
 * server in this process that makes the same GetItem and writes the item as JSON, nothing else,
 * its clients apart as the route's are.
 *
 *   npx tsx tests/bench/overhead.ts [requests per run = 2000]
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createServer } from 'node:http';
import serverless from 'serverless-http';
import { createApp } from '../../functions/src/app.js';
import { createLogger } from '../../functions/src/logger.js';
import { sendJson } from '../../functions/src/http/sendJson.js';
import { keys } from '../../functions/src/db/tableSchema.js';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { ensureTable } from '../../functions/src/local/table.js';
import { httpApiEvent } from '../support/lambdaBundle.js';
import { freePort } from '../support/ports.js';
import { benchLogin, inClientProcess, startBenchApp } from './benchEnv.js';
import { measureInFlight } from './inFlight.js';
import { keptAliveGet } from './keptAliveGet.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const REQUESTS = Number(process.argv[2] ?? 2000);
const ROUNDS = 4;
const WARM = 100;
const GOAL = 1.5;
const USER_ID = 'demo-worker-1';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

interface Run {
  latencies: number[];
  cpuMs: number;
  clientCpuMs?: number;
}

const measure = (once: () => Promise<void>, inFlight: number, requests: number): Promise<Run> =>
  measureInFlight(once, inFlight, requests, WARM);

/** The rounds of one way as one: p50 and p95 of all their latencies, the mean CPU a call. */
function combined(runs: Run[]) {
  const sorted = runs.flatMap((run) => run.latencies).sort((x, y) => x - y);
  const mean = (of: (run: Run) => number) => runs.reduce((sum, run) => sum + of(run), 0) / runs.length;
  return {
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    cpuMs: mean((run) => run.cpuMs),
    clientCpuMs: mean((run) => run.clientCpuMs ?? 0),
  };
}

const dynamo = await startDynamoDbLocal({ emulatorDir: await ensureEmulator(CACHE_DIR), port: await freePort() });
try {
  const app = await startBenchApp('bench_overhead', dynamo.endpoint);
  try {
    await ensureTable(app.ctx.table.db, app.config.TABLE_NAME);
    await seedDemoCounty(app.ctx);
    const token = await benchLogin(app.url, USER_ID);
    const { db, tableName } = app.ctx.table;

    const readAccount = async () => {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.user(USER_ID), ConsistentRead: true }));
      if (!Item) throw new Error('no account');
      return Item;
    };
    const raw = async () => {
      await readAccount();
    };
    // The same app as Lambda calls it: serverless-http turns the event into a request, no socket.
    const lambda = serverless(createApp(app.ctx, { logger: createLogger(app.config), bodyLimit: app.config.BODY_LIMIT }));
    const event = httpApiEvent('GET', '/api/v1/me', undefined, { authorization: `Bearer ${token}` });
    const invoked = async () => {
      const answer = (await lambda(event, {})) as { statusCode: number; body: string };
      if (answer.statusCode !== 200) throw new Error(`GET /me as Lambda: ${answer.statusCode}`);
      JSON.parse(answer.body);
    };
    // The floor: no framework, no session check, only the GetItem and its answer written out.
    const bare = createServer((_req, res) => {
      readAccount().then(
        (user) => sendJson(res, 200, { user }),
        () => {
          res.statusCode = 500;
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareAddress = bare.address();
    const bareUrl = `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}/`;
    const get = keptAliveGet(10);
    const route = async () => {
      await get(`${app.url}/api/v1/me`, { authorization: `Bearer ${token}` });
    };

    // Each way in turn, ROUNDS times, so that a machine getting busier or a JIT warming up weighs on all alike.
    const rows = [];
    for (const inFlight of [1, 10]) {
      // A GET with its clients in a process of their own: this one then does only the server's work.
      const apart = async (url: string, headers?: Record<string, string>): Promise<Run> => {
        const serverCpuBefore = process.cpuUsage();
        const answered = await inClientProcess({ url, headers, inFlight, requests: REQUESTS / ROUNDS, warm: WARM });
        const serverCpu = process.cpuUsage(serverCpuBefore);
        return {
          latencies: answered.latencies,
          cpuMs: (serverCpu.user + serverCpu.system) / 1000 / (REQUESTS / ROUNDS + WARM),
          clientCpuMs: answered.clientCpuMs,
        };
      };
      const runs = { raw: [] as Run[], lambda: [] as Run[], inApp: [] as Run[], apart: [] as Run[], bare: [] as Run[] };
      for (let round = 0; round < ROUNDS; round++) {
        runs.raw.push(await measure(raw, inFlight, REQUESTS / ROUNDS));
        runs.lambda.push(await measure(invoked, inFlight, REQUESTS / ROUNDS));
        runs.inApp.push(await measure(route, inFlight, REQUESTS / ROUNDS));
        runs.apart.push(await apart(`${app.url}/api/v1/me`, { authorization: `Bearer ${token}` }));
        runs.bare.push(await apart(bareUrl));
      }
      const [a, l, b, c, f] = [
        combined(runs.raw),
        combined(runs.lambda),
        combined(runs.inApp),
        combined(runs.apart),
        combined(runs.bare),
      ];
      const p50 = a.p50;
      rows.push({
        'in flight': inFlight,
        'GetItem p50 / p95 ms': `${p50.toFixed(2)} / ${a.p95.toFixed(2)}`,
        'GET /me, clients apart: p50 / p95 ms': `${c.p50.toFixed(2)} / ${c.p95.toFixed(2)}`,
        [`p50 ratio (goal ≤ ${GOAL}×)`]: `${(c.p50 / p50).toFixed(2)}×`,
        'GET /me as Lambda calls it: p50 / ratio': `${l.p50.toFixed(2)} / ${(l.p50 / p50).toFixed(2)}×`,
        'GET /me, clients in the app: p50 / ratio': `${b.p50.toFixed(2)} / ${(b.p50 / p50).toFixed(2)}×`,
        'bare node:http GetItem, clients apart: p50 / ratio': `${f.p50.toFixed(2)} / ${(f.p50 / p50).toFixed(2)}×`,
        'CPU ms a call: GetItem / as Lambda / app / bare server / clients': [a.cpuMs, l.cpuMs, c.cpuMs, f.cpuMs, c.clientCpuMs]
          .map((ms) => ms.toFixed(2))
          .join(' / '),
      });
    }
    console.log(
      `\n${REQUESTS} requests each, DynamoDB Local on this machine. "Clients apart": the HTTP clients in a process of ` +
        'their own; "as Lambda calls it": the app behind serverless-http, invoked with an API Gateway event, no socket; ' +
        '"clients in the app": HTTP clients in the app\'s process, their CPU counted with it; "bare node:http": a server ' +
        'that only makes the GetItem and writes the item, the floor of any app over HTTP here.',
    );
    console.table(rows);
    bare.closeAllConnections();
    bare.close();
  } finally {
    app.server.closeAllConnections();
    app.server.close();
    app.ctx.table.db.destroy();
  }
} finally {
  await dynamo.stop();
}
