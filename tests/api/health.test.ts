/**
 * Health and recovery: with DynamoDB Local down, health and routes answer 503
 * and the process keeps running; when it is back, they answer again.
 * This file runs its own DynamoDB Local on disk so it can stop and restart it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { freePort } from '../support/ports.js';

let dbPath: string;
let port: number;
let dynamo: DynamoDbLocal;
let api: TestApi;

beforeAll(async () => {
  dbPath = await mkdtemp(join(tmpdir(), 'bangfu-health-'));
  port = await freePort();
  dynamo = await startDynamoDbLocal({ emulatorDir: inject('emulatorDir'), port, dbPath });
  api = await startTestApi({ dynamoEndpoint: dynamo.endpoint });
  await seedDemoCounty(api.ctx);
});
afterAll(async () => {
  await api.close();
  await dynamo.stop();
  await rm(dbPath, { recursive: true, force: true });
});

describe('GET /api/health', () => {
  it('answers ok with the database checked', async () => {
    const { status, body } = await api.call('GET', '/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', db: 'ok' });
  });

  it('answers 503 while DynamoDB is down, and recovers when it returns', async () => {
    const token = await api.loginAs('demo-worker-1');
    await dynamo.stop();

    const health = await api.call('GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'unavailable', db: 'unavailable' });
    const route = await api.call('GET', '/api/v1/me', { token });
    expect(route.status).toBe(503);
    expect(route.body.error.code).toBe('SERVICE_UNAVAILABLE');
    const write = await api.call('PATCH', '/api/v1/me', { token, body: { version: 1, careMode: true } });
    expect(write.status).toBe(503);

    dynamo = await startDynamoDbLocal({ emulatorDir: inject('emulatorDir'), port, dbPath });
    expect((await api.call('GET', '/api/health')).status).toBe(200);
    const me = await api.call('GET', '/api/v1/me', { token });
    expect(me.status).toBe(200);
    // The write attempted while down did not half-happen.
    expect(me.body.user).toMatchObject({ careMode: false, version: 1 });
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every route from the same zod schemas that validate it', async () => {
    const { status, body } = await api.call('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/wechat', '/api/v1/me', '/api/v1/users', '/api/v1/regions/{code}']),
    );
    const patch = body.paths['/api/v1/me'].patch;
    expect(patch.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['version'],
      additionalProperties: false,
    });
    const params = body.paths['/api/v1/users'].get.parameters;
    expect(params.find((p: { name: string }) => p.name === 'regionCode')).toMatchObject({ in: 'query', required: true });
  });
});
