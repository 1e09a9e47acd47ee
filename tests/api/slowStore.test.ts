/**
 * A DynamoDB that accepts connections and never answers (a stalled network, an
 * overloaded endpoint): the API still answers its own 503 with Retry-After, well
 * within the API function's 10 s timeout, so the caller never sees the gateway's.
 */
import { createServer as createTcpServer, type Socket } from 'node:net';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../functions/src/app.js';
import { readConfig } from '../../functions/src/config.js';
import { createAppContext } from '../../functions/src/context.js';
import { DYNAMO_CALL_BUDGET_MS } from '../../functions/src/db/client.js';
import { createLogger } from '../../functions/src/logger.js';
import { loadAppSecrets } from '../../functions/src/secrets.js';
import { TEST_ID_KEYS, TEST_SIGNING_KEY } from '../support/api.js';

/** The API function's timeout in infra/lib/bangfu-stack.ts. */
const LAMBDA_TIMEOUT_MS = 10_000;

const held: Socket[] = [];
const silent = createTcpServer((socket) => {
  held.push(socket); // read nothing, answer nothing
});
let server: Server;
let url: string;
let token: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  const config = readConfig({
    TABLE_NAME: 'silent',
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    AWS_REGION: 'local',
    TOKEN_SECRET: TEST_SIGNING_KEY,
    LOG_LEVEL: 'SILENT',
    ...TEST_ID_KEYS,
  });
  const ctx = createAppContext(config, await loadAppSecrets(config), { devLogin: false });
  ({ token } = await ctx.tokens.issue({ userId: 'u-1', role: 'staff', regionCode: '150222' }));
  server = createServer(createApp(ctx, { logger: createLogger(config), bodyLimit: '16kb' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const own = server.address();
  url = `http://127.0.0.1:${typeof own === 'object' && own ? own.port : 0}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  held.forEach((socket) => socket.destroy());
  silent.close();
});

it('answers 503 SERVICE_UNAVAILABLE with Retry-After within the DynamoDB budget, under the Lambda timeout', async () => {
  expect(DYNAMO_CALL_BUDGET_MS).toBeLessThan(LAMBDA_TIMEOUT_MS - 1_000);
  const started = Date.now();
  const response = await fetch(`${url}/api/v1/users?regionCode=150222`, { headers: { authorization: `Bearer ${token}` } });
  const elapsed = Date.now() - started;
  expect(response.status).toBe(503);
  expect((await response.json()).error.code).toBe('SERVICE_UNAVAILABLE');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(elapsed).toBeLessThan(DYNAMO_CALL_BUDGET_MS + 500);
  expect(elapsed).toBeLessThan(LAMBDA_TIMEOUT_MS);
}, 30_000);
