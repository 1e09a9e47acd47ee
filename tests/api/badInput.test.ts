/**
 * Input an attacker shapes by hand is refused with 400 and the field, never a 500:
 * forged paging cursors, compressed bodies that do not inflate, impossible months,
 * names with hidden direction or control characters.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userEntity } from '../../functions/src/db/entities.js';
import { INDEX, keys } from '../../functions/src/db/tableSchema.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { chinaMonth, nextMonth } from '@bangfu/shared';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
let county: string;
let worker: string;

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoCounty(api.ctx);
  county = await api.loginAs('demo-staff-county');
  worker = await api.loginAs('demo-worker-1');
});
afterAll(() => api.close());

const LISTS = [
  '/api/v1/users?regionCode=150222&limit=5',
  '/api/v1/registry/workers?regionCode=150222&limit=5',
  '/api/v1/employers?regionCode=150222&limit=5',
  '/api/v1/positions?regionCode=150222&limit=5',
  '/api/v1/claims?regionCode=150222&status=submitted&limit=5',
];
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('forged paging cursors', () => {
  const forgeries = {
    'not base64 JSON': 'not-a-cursor',
    'a key of the wrong shape': b64({ pk: 'x' }),
    'a key in another county': b64({ ...keys.user('u'), ...userEntity.indexes({ userId: 'u', regionCode: '150221' }) }),
    'numbers instead of strings': b64({ pk: 1, sk: 2, [INDEX.byRegion.partitionKey]: 3, [INDEX.byRegion.sortKey]: 4 }),
    'an array': b64(['pk', 'sk']),
  };

  for (const path of LISTS) {
    it(`${path.split('?')[0]} answers 400 INVALID_CURSOR for every forgery`, async () => {
      for (const [what, cursor] of Object.entries(forgeries)) {
        const { status, body } = await api.call('GET', `${path}&cursor=${cursor}`, { token: county });
        expect(status, what).toBe(400);
        expect(body.error, what).toMatchObject({ code: 'INVALID_CURSOR', field: 'query.cursor' });
      }
    });
  }

  it('refuses a real cursor of one list on another', async () => {
    const { body } = await api.call('GET', LISTS[0]!, { token: county });
    expect(body.nextCursor).toBeTruthy();
    const { status, body: error } = await api.call('GET', `${LISTS[2]}&cursor=${body.nextCursor}`, { token: county });
    expect(status).toBe(400);
    expect(error.error).toMatchObject({ code: 'INVALID_CURSOR', field: 'query.cursor' });
  });

  it('still pages with the cursors it hands out', async () => {
    const first = await api.call('GET', LISTS[1]!, { token: county });
    const second = await api.call('GET', `${LISTS[1]}&cursor=${first.body.nextCursor}`, { token: county });
    expect(second.status).toBe(200);
    expect(second.body.workers.length).toBe(5);
    expect(second.body.workers[0].workerId).not.toBe(first.body.workers[0].workerId);
  });
});

describe('compressed bodies', () => {
  const send = (encoding: string, bytes: Buffer) =>
    fetch(`${api.url}/api/v1/me`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${worker}`, 'content-type': 'application/json', 'content-encoding': encoding },
      body: new Blob([new Uint8Array(bytes)]),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));

  it('answers 400 for a gzip or deflate body that does not inflate, and changes nothing', async () => {
    for (const encoding of ['gzip', 'deflate']) {
      const { status, body } = await send(encoding, Buffer.from('this is not compressed at all, just bytes'));
      expect(status, encoding).toBe(400);
      expect(body.error, encoding).toMatchObject({ code: 'BAD_REQUEST', field: 'body' });
    }
    // A gzip stream cut short is refused the same way.
    const cut = gzipSync(JSON.stringify({ version: 1, displayName: '被截断' })).subarray(0, 15);
    expect((await send('gzip', cut)).status).toBe(400);
    const { body: me } = await api.call('GET', '/api/v1/me', { token: worker });
    expect(me.user.version).toBe(1);
  });

  it('reads a well-formed gzip body', async () => {
    const { status, body } = await send('gzip', gzipSync(JSON.stringify({ version: 1, careMode: true })));
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ careMode: true, version: 2 });
  });
});

describe('months outside 2015-01 … next month', () => {
  const thisMonth = chinaMonth(new Date());
  const tooLate = nextMonth(nextMonth(thisMonth));

  it('refuses them wherever a month is asked for', async () => {
    for (const month of ['2014-12', tooLate]) {
      const coverage = await api.call('GET', `/api/v1/matching/coverage?regionCode=150222&month=${month}`, { token: county });
      expect(coverage.status, month).toBe(400);
      expect(coverage.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query.month' });
      const reports = await api.call('GET', `/api/v1/registry/reports?regionCode=150222&month=${month}`, { token: county });
      expect(reports.status, month).toBe(400);
      expect(reports.body.error.field).toBe('query.month');
      const evaluate = await api.call('POST', '/api/v1/subsidies/evaluate', {
        token: worker,
        body: { regionCode: '150222', period: month, facts: {} },
      });
      expect(evaluate.status, month).toBe(400);
      expect(evaluate.body.error.field).toBe('body.period');
    }
  });

  it('takes the first and the last', async () => {
    for (const month of ['2015-01', nextMonth(thisMonth)]) {
      const coverage = await api.call('GET', `/api/v1/matching/coverage?regionCode=150222&month=${month}`, { token: county });
      expect(coverage.status, month).toBe(200);
    }
  });
});

describe('names with hidden characters', () => {
  it('refuses a right-to-left override in a display name and keeps the old one', async () => {
    const token = await api.loginAs('demo-worker-2');
    const { body: before } = await api.call('GET', '/api/v1/me', { token });
    const { status, body } = await api.call('PATCH', '/api/v1/me', {
      token,
      body: { version: before.user.version, displayName: '郭春\u202E花' },
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.displayName' });
    const { body: after } = await api.call('GET', '/api/v1/me', { token });
    expect(after.user).toEqual(before.user);
  });

  it('refuses it when binding to the registry', async () => {
    const token = await api.loginAs('demo-worker-2');
    const { status, body } = await api.call('POST', '/api/v1/me/worker/bind', {
      token,
      body: { name: '郭春\u202E花', idNumber: '150222197411230024' },
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.name' });
  });
});
