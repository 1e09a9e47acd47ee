/**
 * Fuzz at scale: 100,000 requests drawn like tests/api/fuzz.test.ts's (every route of the
 * OpenAPI document, mutated, as every kind of caller) against the real app on loopback over
 * DynamoDB Local, bounded in time. Requests run in lanes: each lane is its own app and its own
 * seeded table, sending one request at a time, so the table's stream tells exactly what each
 * request wrote. Prints the requests sent, statuses by class and code, every 5xx and every
 * write on a refusal with its route and payload, and the runtime; exits 1 if there was any.
 *
 *   npx tsx tests/bench/fuzz.ts [requests=100000] [lanes=4] [minutes=60] [seed=20261204]
 */
import fc from 'fast-check';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { startTestApi } from '../support/api.js';
import { describeRequest, judge, operationsOf, requestArbitrary, send, type FuzzRequest } from '../support/fuzzRequests.js';
import { buildFuzzWorld, renewSession } from '../support/fuzzWorld.js';
import { freePort } from '../support/ports.js';
import { tailTable } from '../support/tableChanges.js';
import { startWeChatFake } from '../support/wechatFake.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const [REQUESTS = 100_000, LANES = 4, MINUTES = 60, SEED = 20261204] = process.argv.slice(2).map(Number);
const CHUNK = 200; // requests drawn at a time, so large bodies are not all held at once
const REQUEST_TIMEOUT_MS = 30_000;

interface Finding {
  count: number;
  first: string;
}

async function main() {
  const started = Date.now();
  const deadline = started + MINUTES * 60_000;
  // Java may take over 30 s to answer on a busy 2-core machine.
  const dynamo = await startDynamoDbLocal({
    emulatorDir: await ensureEmulator(CACHE_DIR),
    port: await freePort(),
    timeoutMs: 120_000,
  });
  const wechat = await startWeChatFake();
  const apis = [];
  const statuses = new Map<number, number>();
  const findings = new Map<string, Finding>();
  let sent = 0;
  let next = 0;
  try {
    for (let lane = 0; lane < LANES; lane++) {
      const api = await startTestApi({
        dynamoEndpoint: dynamo.endpoint,
        wechatApiBase: wechat.url,
        // One client sends everything: the per-client throttle would otherwise answer most of it 429.
        env: { CLIENT_RATE_PER_SECOND: '1000000', CLIENT_BURST: '1000000' },
      });
      apis.push(api);
    }
    const lanes = await Promise.all(
      apis.map(async (api) => ({
        api,
        world: await buildFuzzWorld(api),
        changes: await tailTable(dynamo.endpoint, api.config.AWS_REGION, api.tableName),
      })),
    );
    const operations = operationsOf((await apis[0]!.call('GET', '/api/openapi.json')).body);
    console.log(`seeded ${LANES} lanes in ${((Date.now() - started) / 1000).toFixed(1)} s; ${operations.length} operations`);
    // Every lane draws from every route; the chunk index seeds each draw, so a run is repeatable.
    const arbitraries = lanes.map(({ world }) => fc.oneof(...operations.map((operation) => requestArbitrary(operation, world))));

    const record = (request: FuzzRequest, problem: string) => {
      const key = `${request.route}: ${problem.replace(/"requestId":"[^"]*"/, '').slice(0, 100)}`;
      const finding = findings.get(key);
      if (finding) finding.count++;
      else findings.set(key, { count: 1, first: `${problem}\n    ${describeRequest(request)}` });
    };

    await Promise.all(
      lanes.map(async ({ api, changes }, lane) => {
        while (Date.now() < deadline) {
          const chunk = next++;
          if (chunk * CHUNK >= REQUESTS) return;
          const count = Math.min(CHUNK, REQUESTS - chunk * CHUNK);
          for (const request of fc.sample(arbitraries[lane]!, { seed: SEED + chunk, numRuns: count })) {
            if (Date.now() >= deadline) return;
            let response: { status: number; text: string };
            try {
              response = await Promise.race([
                send(api.url, request),
                new Promise<never>((_, reject) =>
                  setTimeout(() => reject(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS).unref(),
                ),
              ]);
            } catch (error) {
              record(request, (error as Error).message);
              continue;
            }
            sent++;
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            const problem = judge(response, await changes.drain());
            if (problem) record(request, problem);
            if (await renewSession(api, request.caller, response.status)) await changes.drain();
            if (sent % 5_000 === 0) console.log(`  ${sent} sent, ${((Date.now() - started) / 1000).toFixed(0)} s`);
          }
        }
      }),
    );
  } finally {
    await Promise.all(apis.map((api) => api.close()));
    await wechat.close();
    await dynamo.stop();
  }

  const seconds = (Date.now() - started) / 1000;
  const byClass = new Map<string, number>();
  for (const [status, count] of statuses)
    byClass.set(`${Math.floor(status / 100)}xx`, (byClass.get(`${Math.floor(status / 100)}xx`) ?? 0) + count);
  console.log(
    `\nrequests: ${sent} of ${REQUESTS}${sent < REQUESTS ? ` (stopped at ${MINUTES} min)` : ''}, seed ${SEED}, ${LANES} lanes`,
  );
  console.log(
    `statuses by class: ${[...byClass]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `statuses: ${[...statuses]
      .sort(([a], [b]) => a - b)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(`runtime: ${seconds.toFixed(1)} s (${(sent / seconds).toFixed(0)} requests/s, including seeding)`);
  console.log(
    `problems (5xx, errors not in the one shape, writes on a refusal, no answer): ${findings.size === 0 ? 'none' : ''}`,
  );
  for (const [key, finding] of findings) console.log(`- ${key} ×${finding.count}\n  ${finding.first}`);
  process.exitCode = findings.size ? 1 : 0;
}

await main();
