/** What the fuzz of every route (fuzz.test.ts) found, each pinned down on its own. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { send } from '../support/fuzzRequests.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoCounty(api.ctx);
}, 180_000);
afterAll(() => api.close());

describe('found by the fuzz', () => {
  it('answers a path parameter with a broken percent-escape with 400 naming the parameters, not 500', async () => {
    for (const path of ['/api/v1/regions/%zz', '/api/v1/regions/%', '/api/v1/regions/%E4%B8']) {
      // Sent as is: fetch would refuse or re-encode the broken escape.
      const { status, text } = await send(api.url, {
        route: 'GET /api/v1/regions/{code}',
        method: 'GET',
        path,
        caller: { name: 'anonymous' },
        headers: {},
        mutations: [],
      });
      expect(status, path).toBe(400);
      expect(JSON.parse(text).error).toMatchObject({ code: 'BAD_REQUEST', field: 'params' });
    }
  });

  it('answers a position change naming the largest safe version with 409, not 500 (its next version is not a safe integer)', async () => {
    const token = await api.loginAs('demo-staff-county');
    const { status, body } = await api.call('POST', '/api/v1/positions/p_00000000-0000-4000-8000-000000000001/takedown', {
      token,
      body: { version: Number.MAX_SAFE_INTEGER, reason: '岗位信息不实' },
    });
    expect(status).toBe(409);
    expect(body.error.code).toBe('VERSION_CONFLICT');
    const position = await api.call('GET', '/api/v1/positions/p_00000000-0000-4000-8000-000000000001');
    expect(position.body.position.takenDown).toBeUndefined();
  });
});
