/**
 * What a request cost, in its log line: the process's CPU milliseconds and the DynamoDB calls and
 * capacity units it made (db/capacityMeter.ts), as AWS bills them. A read route
 * reads and writes nothing; a change writes; the calls are the calls the client made; a request
 * that overlapped another says so, since its figures then hold the other's too.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { dynamoCallsDuring, startTestApi, withSlowDynamo, type TestApi } from '../support/api.js';
import { captureStdout } from '../support/stdoutCapture.js';

let api: TestApi;
let token: string;
let logged: ReturnType<typeof captureStdout>;

interface RequestLine {
  requestId: string;
  method: string;
  path: string;
  route: string;
  status: number;
  cpuMs: number;
  db: { calls: number; readUnits: number; writeUnits: number };
  overlapped?: true;
}

/** The log line of the request sent with `requestId`. */
function lineOf(requestId: string): RequestLine {
  const lines = logged
    .text()
    .split('\n')
    .filter((line) => line.includes(requestId) && line.includes('"request"'));
  expect(lines, requestId).toHaveLength(1);
  return JSON.parse(lines[0]!) as RequestLine;
}

async function send(method: string, path: string, body?: unknown) {
  const requestId = `cost-${randomUUID()}`;
  const response = await fetch(api.url + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'x-request-id': requestId,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { requestId, status: response.status, body: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  logged = captureStdout();
  api = await startTestApi({ env: { LOG_LEVEL: 'INFO' } });
  await seedDemoCounty(api.ctx);
  token = await api.loginAs('demo-worker-1');
});
afterAll(async () => {
  logged?.restore();
  await api?.close();
});

describe('the cost of a request, in its log line', () => {
  it('a read: the calls the client made, read units and no write units, CPU milliseconds', async () => {
    let sent!: Awaited<ReturnType<typeof send>>;
    const calls = await dynamoCallsDuring(api, async () => {
      sent = await send('GET', '/api/v1/me');
    });
    expect(sent.status).toBe(200);
    const line = lineOf(sent.requestId);
    expect(line).toMatchObject({ path: '/api/v1/me', status: 200, db: { calls: calls.length, writeUnits: 0 } });
    expect(calls.length).toBeGreaterThan(0);
    // The account, read consistently: a unit for an item under 4 KB.
    expect(line.db.readUnits).toBeGreaterThanOrEqual(1);
    expect(line.cpuMs).toBeGreaterThan(0);
    expect(line.overlapped).toBeUndefined();
  });

  it('a change: its write units', async () => {
    const me = await send('GET', '/api/v1/me');
    const changed = await send('PATCH', '/api/v1/me', { version: me.body.user.version, careMode: true });
    expect(changed.status).toBe(200);
    const line = lineOf(changed.requestId);
    expect(line).toMatchObject({ method: 'PATCH', route: '/api/v1/me' });
    expect(line.db.writeUnits).toBeGreaterThanOrEqual(1);
    expect(line.db.calls).toBeGreaterThanOrEqual(2);
  });

  it('names the route by its contract, whatever id the path holds', async () => {
    const positionId = `p_${randomUUID()}`;
    const missing = await send('GET', `/api/v1/positions/${positionId}`);
    expect(missing.status).toBe(404);
    expect(lineOf(missing.requestId)).toMatchObject({
      path: `/api/v1/positions/${positionId}`,
      route: '/api/v1/positions/:positionId',
      status: 404,
    });
  });

  it('a refusal before any read costs no DynamoDB call', async () => {
    const requestId = `cost-${randomUUID()}`;
    const response = await fetch(`${api.url}/api/v1/me`, { headers: { 'x-request-id': requestId } });
    expect(response.status).toBe(401);
    expect(lineOf(requestId).db).toEqual({ calls: 0, readUnits: 0, writeUnits: 0 });
  });

  it('requests that overlapped say so', async () => {
    // Each DynamoDB call a little slower, so that the second request comes while the first waits.
    const both = await withSlowDynamo(api, 100, () => Promise.all([send('GET', '/api/v1/me'), send('GET', '/api/v1/me/alerts')]));
    for (const { requestId, status } of both) {
      expect(status).toBe(200);
      expect(lineOf(requestId).overlapped).toBe(true);
    }
  });
});
