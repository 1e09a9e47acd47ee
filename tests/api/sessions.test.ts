/**
 * A session ends when it should, not when its token expires: logging out, a changed
 * role or posting, and staff ending a lost phone's sessions all refuse the old token
 * at once (401) on staff and money routes; staff sessions are shorter than workers'.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/src/db/tableSchema.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { dynamoCallsDuring, startTestApi, type DynamoCall, type TestApi } from '../support/api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoCounty(api.ctx);
});
afterAll(() => api.close());

const WORKER_ROUTES = ['/api/v1/me', '/api/v1/me/subsidies'];
/** A staff list and the claims queue (money) of the officer's own region. */
const staffRoutes = (region: string) => [
  `/api/v1/users?regionCode=${region}`,
  `/api/v1/claims?regionCode=${region}&status=submitted`,
];

/** A worker bound to their registry record, so their subsidy (money) routes answer. */
async function boundWorker(userId: string, name: string, idNumber: string): Promise<string> {
  const token = await api.loginAs(userId);
  const { status } = await api.call('POST', '/api/v1/me/worker/bind', { token, body: { name, idNumber } });
  expect(status).toBe(200);
  return token;
}

async function regionOf(token: string): Promise<string> {
  return (await api.call('GET', '/api/v1/me', { token })).body.user.regionCode;
}

async function statuses(token: string, paths: string[]) {
  return Promise.all(paths.map(async (path) => (await api.call('GET', path, { token })).status));
}

async function setOnAccount(userId: string, values: Record<string, string>) {
  const names = Object.fromEntries(Object.keys(values).map((name) => [`#${name}`, name]));
  await api.ctx.table.db.send(
    new UpdateCommand({
      TableName: api.tableName,
      Key: keys.user(userId),
      UpdateExpression: `SET ${Object.keys(values)
        .map((name) => `#${name} = :${name}`)
        .join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: Object.fromEntries(Object.entries(values).map(([name, value]) => [`:${name}`, value])),
    }),
  );
}

describe('logout', () => {
  it('ends every session of the account: tokens from before are refused, a new login works', async () => {
    const phone = await api.loginAs('demo-staff-township-1');
    const laptop = await api.loginAs('demo-staff-township-1');
    const STAFF_ROUTES = staffRoutes(await regionOf(phone));
    expect(await statuses(phone, STAFF_ROUTES)).toEqual([200, 200]);

    const out = await api.call('POST', '/api/v1/auth/logout', { token: laptop });
    expect(out.status).toBe(200);

    for (const token of [phone, laptop]) {
      expect(await statuses(token, STAFF_ROUTES)).toEqual([401, 401]);
      const { body } = await api.call('GET', STAFF_ROUTES[0]!, { token });
      expect(body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: { zh: '登录已失效，请重新登录' } });
    }
    const again = await api.loginAs('demo-staff-township-1');
    expect(await statuses(again, STAFF_ROUTES)).toEqual([200, 200]);
  });

  it('works the same for a worker', async () => {
    const token = await boundWorker('demo-worker-2', '郭春花', '150222197411230024');
    expect(await statuses(token, WORKER_ROUTES)).toEqual([200, 200]);
    await api.call('POST', '/api/v1/auth/logout', { token });
    expect(await statuses(token, WORKER_ROUTES)).toEqual([401, 401]);
  });

  it('needs a session', async () => {
    expect((await api.call('POST', '/api/v1/auth/logout')).status).toBe(401);
  });
});

describe('a changed role or posting', () => {
  it('ends the sessions of a demoted officer', async () => {
    const token = await api.loginAs('demo-staff-township-2');
    const routes = staffRoutes(await regionOf(token));
    expect(await statuses(token, routes)).toEqual([200, 200]);
    await setOnAccount('demo-staff-township-2', { role: 'worker' });
    expect(await statuses(token, [...routes, '/api/v1/me'])).toEqual([401, 401, 401]);
  });

  it('ends the sessions of an officer moved to another region', async () => {
    const token = await api.loginAs('demo-staff-township-3');
    const routes = staffRoutes(await regionOf(token));
    await setOnAccount('demo-staff-township-3', { regionCode: '150222' });
    expect(await statuses(token, routes)).toEqual([401, 401]);
  });
});

describe('ending a lost phone’s sessions', () => {
  it('lets staff of the region end a worker’s sessions', async () => {
    const lost = await boundWorker('demo-worker-1', '刘海军', '150222196706120012');
    expect(await statuses(lost, WORKER_ROUTES)).toEqual([200, 200]);
    const { body } = await api.call('GET', '/api/v1/me', { token: lost });
    const staff = await api.loginAs('demo-staff-county');
    const ended = await api.call('POST', '/api/v1/users/demo-worker-1/sessions/end', {
      token: staff,
      body: { regionCode: body.user.regionCode },
    });
    expect(ended.status).toBe(200);
    expect(await statuses(lost, WORKER_ROUTES)).toEqual([401, 401]);
    expect(await statuses(await api.loginAs('demo-worker-1'), WORKER_ROUTES)).toEqual([200, 200]);
  });

  it('refuses staff outside the region, and staff ending another officer’s sessions; an admin may', async () => {
    const village = await api.loginAs('demo-staff-village-1');
    const outside = await api.call('POST', '/api/v1/users/demo-staff-county/sessions/end', {
      token: village,
      body: { regionCode: '150222' },
    });
    expect(outside.status).toBe(403);
    // Naming their own village does not reach an account elsewhere.
    const elsewhere = await api.call('POST', '/api/v1/users/demo-staff-county/sessions/end', {
      token: village,
      body: { regionCode: await regionOf(village) },
    });
    expect(elsewhere.status).toBe(404);

    const officer = await api.loginAs('demo-staff-township-4');
    const officerRegion = await regionOf(officer);
    const county = await api.loginAs('demo-staff-county');
    const peer = await api.call('POST', '/api/v1/users/demo-staff-township-4/sessions/end', {
      token: county,
      body: { regionCode: officerRegion },
    });
    expect(peer.status).toBe(403);
    expect(peer.body.error).toMatchObject({ code: 'FORBIDDEN', field: 'params.userId' });
    expect(await statuses(officer, staffRoutes(officerRegion))).toEqual([200, 200]);

    const admin = await api.loginAs('demo-admin');
    const byAdmin = await api.call('POST', '/api/v1/users/demo-staff-township-4/sessions/end', {
      token: admin,
      body: { regionCode: officerRegion },
    });
    expect(byAdmin.status).toBe(200);
    expect(await statuses(officer, staffRoutes(officerRegion))).toEqual([401, 401]);
  });
});

describe('lifetimes', () => {
  it('gives staff and admins a working day and workers a month', async () => {
    const life = (token: string) => {
      const { iat, exp } = decodeJwt(token);
      return exp! - iat!;
    };
    const worker = life(await api.loginAs('demo-worker-2'));
    const employer = life(await api.loginAs('demo-employer-1'));
    const staff = life(await api.loginAs('demo-staff-county'));
    const admin = life(await api.loginAs('demo-admin'));
    expect(worker).toBe(30 * 24 * 3600);
    expect(employer).toBe(worker);
    expect(staff).toBe(12 * 3600);
    expect(admin).toBe(staff);
    expect(staff).toBeLessThan(worker);
  });
});

describe('the account behind a session', () => {
  const readsOf = (calls: DynamoCall[], userId: string) =>
    calls.filter((call) => JSON.stringify(call.input.Key) === JSON.stringify(keys.user(userId)));

  it('is read once a request, consistently, and the routes that need it use that read', async () => {
    const worker = await api.loginAs('demo-worker-2');
    const me = await dynamoCallsDuring(api, async () =>
      expect((await api.call('GET', '/api/v1/me', { token: worker })).status).toBe(200),
    );
    expect(me).toHaveLength(1); // the session check is the whole of GET /me
    expect(me[0]!.input.ConsistentRead).toBe(true); // so a logout holds from the next request

    const employer = await api.loginAs('demo-employer-1');
    const own = await dynamoCallsDuring(api, async () =>
      expect((await api.call('GET', '/api/v1/me/employer', { token: employer })).status).toBe(200),
    );
    expect(readsOf(own, 'demo-employer-1')).toHaveLength(1);
  });
});
