import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Principal, Worker, WorkerInput } from '@bangfu/shared';
import { createApp } from '../../functions/src/app.js';
import type { AppContext } from '../../functions/src/appContext.js';
import { readConfig } from '../../functions/src/config.js';
import { createAppContext } from '../../functions/src/context.js';
import { createLogger } from '../../functions/src/logger.js';
import { loadAppSecrets } from '../../functions/src/secrets.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ClientJob, ClientResult } from './httpClients.js';

/**
 * The app's environment in a benchmark: DynamoDB Local at `endpoint`, throwaway keys, no logs,
 * and the per-client throttle out of the way (a benchmark is one client sending on purpose).
 */
export function benchEnv(tableName: string, endpoint: string): Record<string, string> {
  return {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    AWS_REGION: 'local',
    TOKEN_SECRET: 'bench-signing-key-that-is-long-enough-0123456789',
    ID_HASH_KEY: 'bench-id-hash-key-that-is-long-enough-0123456789',
    ID_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    LOG_LEVEL: 'SILENT',
    CLIENT_RATE_PER_SECOND: '100000',
    CLIENT_BURST: '100000',
  };
}

/** The real HTTP app over `tableName` at `endpoint` (with `overrides` to the env), on a free loopback port. */
export async function startBenchApp(tableName: string, endpoint: string, overrides: Record<string, string> = {}) {
  const config = readConfig({ ...benchEnv(tableName, endpoint), ...overrides });
  const ctx = createAppContext(config, await loadAppSecrets(config), { devLogin: true });
  const server = createServer(createApp(ctx, { logger: createLogger(config), bodyLimit: config.BODY_LIMIT }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { ctx, config, server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

/** A session token for `userId` from the app at `url` (the local runner's dev login). */
export async function benchLogin(url: string, userId: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return ((await response.json()) as { token: string }).token;
}

/**
 * A worker record made by `registrar` from `input`, bound to a new worker account `userId` of the
 * record's village: the record and the account's session token at `url`.
 */
export async function benchBoundWorker(
  ctx: AppContext,
  url: string,
  input: WorkerInput,
  userId: string,
  registrar: Principal,
): Promise<Worker & { token: string }> {
  const record = await ctx.workers.create(input, registrar);
  await ctx.users.create({
    userId,
    role: 'worker',
    displayName: record.name,
    regionCode: record.villageCode,
    careMode: false,
    createdAt: new Date().toISOString(),
    version: 1,
  });
  await ctx.workers.bind(userId, (await ctx.workers.getItem(record.workerId, true))!, undefined);
  return { ...record, token: await benchLogin(url, userId) };
}

/** A JSON request to the app at `url` as `token`'s holder: the answer's body; throws on any status from 300. */
export function benchSender(url: string) {
  return async (token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
}

/** A full-time 保洁 post of 小三分子村 with `places` places, for this year and the next: the body of POST /welfare-posts. */
export function benchPostInput(title: string, places: number, year: number) {
  return {
    title,
    category: 'sanitation',
    villageCode: '150222102212',
    duties: '每天清扫村内主干道和公共场所',
    fullTime: true,
    hoursPerWeek: 40,
    fundingSource: 'ruralRevitalisationFund',
    places,
    termStartsOn: `${year}-01-01`,
    termEndsOn: `${year + 1}-12-31`,
  };
}

/** Runs `job` in a child process of HTTP clients (httpClients.ts) and returns what it measured. */
export function inClientProcess(job: ClientJob): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./httpClients.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
    child.once('message', (result) => resolve(result as ClientResult));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`HTTP clients exited with ${code}`))));
    child.send(job);
  });
}

/** Counts every DynamoDB call `db` sends from now on: how many so far. */
export function countDynamoCalls(db: DynamoDBDocumentClient): () => number {
  let calls = 0;
  db.middlewareStack.add(
    (next) => async (args) => {
      calls += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  return () => calls;
}
