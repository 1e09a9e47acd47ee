/**
 * The real HTTP app on an ephemeral loopback port, over DynamoDB Local, with a
 * fresh table per call. Nothing of ours is mocked; only WeChat is faked (wechatFake.ts).
 */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { createServer, type Server } from 'node:http';
import { inject } from 'vitest';
import { createApp } from '../../functions/src/app.js';
import type { AppContext } from '../../functions/src/appContext.js';
import { readConfig, type Config } from '../../functions/src/config.js';
import { createAppContext } from '../../functions/src/context.js';
import { createLogger } from '../../functions/src/logger.js';
import { loadAppSecrets } from '../../functions/src/secrets.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { ensureTable } from '../../functions/src/local/table.js';

export const TEST_SIGNING_KEY = 'test-signing-key-that-is-long-enough-0123456789';
/** Stand-ins for the secrets and KMS key that AWS holds: a local key, as the product uses locally. */
export const TEST_ID_KEYS = {
  ID_HASH_KEY: 'test-id-hash-key-that-is-long-enough-0123456789',
  ID_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
};

/**
 * This test file's database in the run's DynamoDB Local (started without -sharedDb, it keeps one
 * per access key and region). The module is loaded afresh for each file, so each file gets its own.
 */
export const TEST_REGION = `local-${randomUUID().slice(0, 8)}`;

export interface TestApi {
  url: string;
  ctx: AppContext;
  /** The configuration the context was built from (a worker thread builds its own from it). */
  config: Config;
  tableName: string;
  /** fetch + JSON, with an optional bearer token. */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any }>;
  loginAs(userId: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  devLogin?: boolean;
  wechatApiBase?: string;
  dynamoEndpoint?: string;
  staticDir?: string;
  bodyLimit?: string;
  tableName?: string;
  /** The clock of the budgets and lockouts, to move past a lockout without waiting. */
  now?: () => number;
  /** More configuration, e.g. WECHAT_PUSH_TEMPLATE_ID. */
  env?: Record<string, string>;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const tableName = options.tableName ?? `t_${randomUUID().slice(0, 8)}`;
  const config = readConfig({
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: options.dynamoEndpoint ?? inject('dynamoEndpoint'),
    AWS_REGION: TEST_REGION,
    TOKEN_SECRET: TEST_SIGNING_KEY,
    WECHAT_API_BASE: options.wechatApiBase ?? 'http://127.0.0.1:9',
    WECHAT_APPID: 'wx-test-app',
    WECHAT_APP_SECRET: 'wx-test-secret',
    BODY_LIMIT: options.bodyLimit ?? '16kb',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'SILENT',
    // Every user of a suite calls from one loopback address: its per-client share is a crowd's.
    CLIENT_RATE_PER_SECOND: '1000',
    CLIENT_BURST: '10000',
    // DynamoDB Local shares two cores with every suite here: give it time (tests/api/slowStore.test.ts keeps the real budget).
    DYNAMODB_ANSWER_MS: '30000',
    // Races send hundreds of requests at once on purpose: they queue at the shipped concurrency and
    // are never shed (tests/api/loadShedding.test.ts shows the shedding).
    API_QUEUE: '10000',
    API_QUEUE_WAIT_MS: '60000',
    ...TEST_ID_KEYS,
    ...options.env,
  });
  const ctx = createAppContext(config, await loadAppSecrets(config), {
    devLogin: options.devLogin ?? true,
    ...(options.now ? { now: options.now } : {}),
  });
  await ensureTable(ctx.table.db, tableName);
  const server: Server = createServer(
    createApp(ctx, {
      logger: createLogger(config),
      bodyLimit: config.BODY_LIMIT,
      ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const call: TestApi['call'] = async (method, path, callOptions = {}) => {
    const headers: Record<string, string> = { ...callOptions.headers };
    if (callOptions.token) headers.authorization = `Bearer ${callOptions.token}`;
    let body: string | undefined = callOptions.rawBody;
    if (callOptions.body !== undefined) body = JSON.stringify(callOptions.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(url + path, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  return {
    url,
    ctx,
    config,
    tableName,
    call,
    async loginAs(userId) {
      const { status, body } = await call('POST', '/api/v1/auth/dev-login', { body: { userId } });
      if (status !== 200) throw new Error(`dev-login ${userId}: ${status} ${JSON.stringify(body)}`);
      return body.token as string;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      // One DynamoDB Local serves every file of a run: a file's table goes with it, to free its memory.
      if (!options.tableName) {
        await ctx.table.db.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
      }
      ctx.table.db.destroy();
    },
  };
}

/** The app over the demo county (固阳县) as the seed writes it, which most suites start from. */
export async function startDemoCountyApi(options: TestApiOptions = {}): Promise<TestApi> {
  const api = await startTestApi(options);
  try {
    await seedDemoCounty(api.ctx);
  } catch (error) {
    // The caller never gets the api to close: free its server and table here.
    await api.close();
    throw error;
  }
  return api;
}

/** One DynamoDB call the app made: the command's name and its input. */
export interface DynamoCall {
  command: string;
  input: Record<string, unknown>;
}

/**
 * Runs `during` with every DynamoDB call of the app `ms` slower, so that requests sent together
 * are truly at once (each reads before any writes) on a machine fast enough to finish one first.
 */
export async function withSlowDynamo<T>(api: TestApi, ms: number, during: () => Promise<T>): Promise<T> {
  const name = `slow-${randomUUID()}`;
  api.ctx.table.db.middlewareStack.add(
    (next) => async (args) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    return await during();
  } finally {
    api.ctx.table.db.middlewareStack.remove(name);
  }
}

/** The DynamoDB calls the app makes while `during` runs, as they leave the real client. */
export async function dynamoCallsDuring(api: TestApi, during: () => Promise<unknown>): Promise<DynamoCall[]> {
  const calls: DynamoCall[] = [];
  const name = `count-${randomUUID()}`;
  api.ctx.table.db.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push({ command: String(context.commandName), input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    await during();
  } finally {
    api.ctx.table.db.middlewareStack.remove(name);
  }
  return calls;
}
