/** What the fuzz of every route (fuzz.test.ts) found, each pinned down on its own. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { send } from '../support/fuzzRequests.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('found by the fuzz', () => {
  it('answers a path parameter with a broken percent-escape with 400 naming the parameters, not 500', async () => {
    for (const path of ['/api/v1/regions/%zz', '/api/v1/regions/%', '/api/v1/regions/%E4%B8']) {
      // Sent as is: fetch would refuse or re-encode the broken escape.
      const { status, text } = await send(api.url, { route: 'GET /api/v1/regions/{code}', method: 'GET', path, caller: { name: 'anonymous' }, headers: {}, mutations: [] });
      expect(status, path).toBe(400);
      expect(JSON.parse(text).error).toMatchObject({ code: 'BAD_REQUEST', field: 'params' });
    }
  });
});
