/**
 * Overload is not an outage. A DynamoDB on loopback that answers every call after a pause
 * (a busy store, a burst of requests) shows the two rules:
 * - calls beyond the process's sockets wait for one without the connection timer running, so
 *   a queue of calls is never reported as "the database is unavailable";
 * - the process works on at most API_CONCURRENCY requests, lets API_QUEUE more wait up to
 *   API_QUEUE_WAIT_MS, and answers the rest 503 BUSY with Retry-After at once.
 */
import { createServer, type Server } from 'node:http';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/app.js';
import type { AppContext } from '../../functions/src/appContext.js';
import { readConfig } from '../../functions/src/config.js';
import { createAppContext } from '../../functions/src/context.js';
import { createDynamoClient } from '../../functions/src/db/client.js';
import { createLogger } from '../../functions/src/logger.js';
import { loadAppSecrets } from '../../functions/src/secrets.js';
import { TEST_ID_KEYS, TEST_SIGNING_KEY } from '../support/api.js';

const PAUSE_MS = 400;
let open = 0;
let mostOpen = 0;
const store = createServer((req, res) => {
  req.resume();
  open += 1;
  mostOpen = Math.max(mostOpen, open);
  setTimeout(() => {
    open -= 1;
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
  }, PAUSE_MS);
});
let storeUrl = '';
const servers: Server[] = [];

const urlOf = (server: Server) => {
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
};

beforeAll(async () => {
  await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', resolve));
  storeUrl = urlOf(store);
});
afterAll(() => {
  for (const server of [...servers, store]) {
    server.closeAllConnections();
    server.close();
  }
});

/** The real app over the slow store, with these limits. */
async function appWith(limits: Record<string, string>): Promise<{ url: string; ctx: AppContext; token: string }> {
  const config = readConfig({
    TABLE_NAME: 'slow',
    DYNAMODB_ENDPOINT: storeUrl,
    AWS_REGION: 'local',
    TOKEN_SECRET: TEST_SIGNING_KEY,
    LOG_LEVEL: 'SILENT',
    ...TEST_ID_KEYS,
    ...limits,
  });
  const ctx = createAppContext(config, await loadAppSecrets(config), { devLogin: false });
  const { token } = await ctx.tokens.issue({ userId: 'u-1', role: 'staff', regionCode: '150222' });
  const server = createServer(createApp(ctx, { logger: createLogger(config), bodyLimit: '16kb' }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: urlOf(server), ctx, token };
}

const me = (app: { url: string; token: string }, signal?: AbortSignal) =>
  fetch(`${app.url}/api/v1/me`, { headers: { authorization: `Bearer ${app.token}` }, ...(signal ? { signal } : {}) });

describe('DynamoDB calls beyond the sockets', () => {
  it('wait for a socket without the connection timer running: twelve calls over two sockets all answer', async () => {
    const db = createDynamoClient({ region: 'local', endpoint: storeUrl, sockets: 2 });
    mostOpen = 0;
    const started = Date.now();
    // The last call waits 5 × 400 ms for a socket, well past the SDK's 1 s connection timeout.
    const answers = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => db.send(new GetCommand({ TableName: 'slow', Key: { pk: `k${i}`, sk: 'x' } }))),
    );
    expect(answers.filter((a) => a.status === 'rejected')).toEqual([]);
    expect(mostOpen).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(6 * PAUSE_MS - 50);
    db.destroy();
  }, 20_000);
});

describe('a process at its concurrency limit', () => {
  it('answers one request too many 503 BUSY with Retry-After at once, and takes the next one when a place is free', async () => {
    const app = await appWith({ API_CONCURRENCY: '1', API_QUEUE: '0' });
    const first = me(app);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const refused = await me(app);
    expect(Date.now() - started).toBeLessThan(PAUSE_MS);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect((await refused.json()).error.code).toBe('BUSY');

    expect((await first).status).not.toBe(503);
    expect((await me(app)).status).not.toBe(503); // the place was given back
    expect([app.ctx.admission.active, app.ctx.admission.waiting]).toEqual([0, 0]);
  }, 20_000);

  it('lets a request wait its turn up to API_QUEUE_WAIT_MS, then refuses it BUSY', async () => {
    const patient = await appWith({ API_CONCURRENCY: '1', API_QUEUE: '1', API_QUEUE_WAIT_MS: '2000' });
    const [a, b] = await Promise.all([me(patient), me(patient)]);
    expect([a.status, b.status].filter((s) => s === 503)).toEqual([]);

    const hurried = await appWith({ API_CONCURRENCY: '1', API_QUEUE: '1', API_QUEUE_WAIT_MS: '100' });
    const first = me(hurried);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const waited = await me(hurried);
    expect(waited.status).toBe(503);
    expect((await waited.json()).error.code).toBe('BUSY');
    await first;
  }, 20_000);

  it('forgets a waiting request whose client went away: it takes no place and the next request is served', async () => {
    const app = await appWith({ API_CONCURRENCY: '1', API_QUEUE: '1', API_QUEUE_WAIT_MS: '5000' });
    const first = me(app);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const gone = new AbortController();
    const leaving = me(app, gone.signal).catch(() => 'left');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.ctx.admission.waiting).toBe(1);
    gone.abort();
    expect(await leaving).toBe('left');
    await expect.poll(() => app.ctx.admission.waiting).toBe(0);
    const next = me(app); // waits behind the first only
    expect((await first).status).not.toBe(503);
    expect((await next).status).not.toBe(503);
    await expect.poll(() => app.ctx.admission.active).toBe(0);
  }, 20_000);
});
