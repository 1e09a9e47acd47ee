/**
 * `npm start`: the whole product on this machine, one process tree, one port.
 * DynamoDB Local (data kept in .data/dynamodb) → table and GSIs → demo seed
 * when empty → the day's recommendation lists → the stream's consumers (the monthly
 * figures, job alerts, texts) → H5 build when stale → the API under /api and the H5 app at /.
 * Ctrl-C stops everything it started.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { checkDevLoginHost, DevLoginExposedError } from './devLoginGuard.js';
import { ephemeralPortWarning } from './ephemeralPort.js';
import { localSecrets } from './localSecrets.js';
import { runPushLocally } from './pushThreads.js';
import { createStreamFollower, type StreamFollower } from './streamFollower.js';
import { DEMO_COUNTY_CODE } from './seed/demoCounty.js';
import { createApp } from '../app.js';
import { listDemoLogins } from '../auth/demoLogins.js';
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import { runListsLocally } from '../matching/dailyLists.js';
import { configuredTextSender } from '../notices/textMessageSender.js';
import { loadAppSecrets } from '../secrets.js';
import { ensureEmulator, JavaMissingError, startDynamoDbLocal, type DynamoDbLocal } from './dynamodbLocal.js';
import { ensureMiniappBuild, LOCAL_H5_ENV } from './miniappBuild.js';
import { CACHE_DIR, DATA_DIR } from './paths.js';
import { seedDemoHistory } from './seed/demoHistory.js';
import { seedIfEmpty } from './seed/seed.js';
import { ensureTable } from './table.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // the local runner may be on Node 20; Lambda runs 22
const say = (line: string) => process.stdout.write(`${line}\n`);

let dynamo: DynamoDbLocal | undefined;
let server: Server | undefined;
let follower: StreamFollower | undefined;
let listsTimer: NodeJS.Timeout | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
  stopping = true;
  follower?.stop();
  clearInterval(listsTimer);
  server?.close();
  server?.closeAllConnections();
  await dynamo?.stop();
  process.exit(code);
}

async function main() {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const dynamoPort = Number(process.env.DYNAMODB_PORT ?? 8000);
  checkDevLoginHost(host);
  const portWarning = ephemeralPortWarning(dynamoPort);
  if (portWarning) say(portWarning);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say('\nStopping…');
      void stopAll(0);
    });
  }

  say('Starting DynamoDB Local…');
  const emulatorDir = await ensureEmulator(CACHE_DIR);
  dynamo = await startDynamoDbLocal({ emulatorDir, port: dynamoPort, dbPath: join(DATA_DIR, 'dynamodb') });
  dynamo.process.once('exit', (code) => {
    if (!stopping) say(`DynamoDB Local stopped (exit ${code}); the API answers 503 until it is back.`);
  });

  const config = readConfig({
    ...(await localSecrets()),
    ...process.env,
    AWS_REGION: 'local',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
  });
  const ctx = createAppContext(config, await loadAppSecrets(config), { devLogin: true });
  if (await ensureTable(ctx.table.db, config.TABLE_NAME)) say(`Created table ${config.TABLE_NAME} with its indexes.`);
  const seeded = await seedIfEmpty(ctx);
  if (seeded) {
    say(
      `Seeded the demo county: ${seeded.regions} regions, ${seeded.users} accounts, ${seeded.workers} registry records, ${seeded.employers} employers, ${seeded.positions} positions (demo data).`,
    );
    const history = await seedDemoHistory(ctx);
    say(`Recorded a year of months for ${history.workers} of them (${history.records} records), for 务工监测.`);
    // This month's job push, so 为你推荐 has something to show from the first login.
    const { total } = await runPushLocally(ctx, { regionCode: DEMO_COUNTY_CODE }, { threads: 0 });
    say(
      `Ran this month's job push: ${total.pushed} positions pushed to ${total.reached} of ${total.workers} willing unemployed workers.`,
    );
  }
  // 每日推荐 as the nightly state machine does it on AWS: now, then every day the runner stays up.
  const rankLists = async () => {
    const { listed, workers } = await runListsLocally(ctx, { regionCode: DEMO_COUNTY_CODE });
    say(
      `Ranked the recommendation lists of ${listed} of ${workers} willing unemployed workers (the rest have no account or no place to match from).`,
    );
  };
  await rankLists();
  listsTimer = setInterval(() => {
    rankLists().catch((error: unknown) =>
      say(`The daily recommendation lists failed (${String(error)}); trying again tomorrow.`),
    );
  }, 24 * 3600_000);

  // What the stream's Lambdas do on AWS: month records move the regions' monthly figures,
  // published positions reach the inboxes of the saved searches they match, and a card or phone
  // changed on a record is texted when SMS_* is configured.
  follower = createStreamFollower(ctx, { endpoint: dynamo.endpoint, region: 'local', texts: await configuredTextSender(config) });
  let failing = false;
  follower.follow(1_000, (error) => {
    if (error && !failing)
      say(`The monthly figures and job alerts could not follow the table's stream (${String(error)}); trying every second.`);
    else if (!error && failing) say('The monthly figures and job alerts follow the stream again.');
    failing = Boolean(error);
  });

  const staticDir = await ensureMiniappBuild('h5', { env: LOCAL_H5_ENV, log: say });
  const app = createApp(ctx, { logger: createLogger(config), bodyLimit: config.BODY_LIMIT, staticDir });
  const listening = createServer(app);
  server = listening;
  await new Promise<void>((resolve, reject) => {
    listening.once('error', reject);
    listening.listen(port, host, resolve);
  });

  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  say(`\n帮扶就业 Bangfu is running at ${url}`);
  say(`  API: ${url}/api (OpenAPI at ${url}/api/openapi.json)`);
  say(`  Demo logins (open ${url}/#/pages/dev-login/index):`);
  for (const login of await listDemoLogins(ctx.table))
    say(`    ${login.userId.padEnd(24)} ${login.displayName}  ${login.description}`);
  say('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  if (error instanceof JavaMissingError || error instanceof DevLoginExposedError) say(error.message);
  else say(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
