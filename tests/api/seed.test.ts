/** The demo county seed (固阳县 and the small counties beside it): real division codes and names, written once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import { seedDemoCounty, seedIfEmpty } from '../../functions/src/local/seed/seed.js';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('demo county seed', () => {
  it('seeds 固阳县 with its real townships and villages, only into an empty table', async () => {
    const first = await seedIfEmpty(api.ctx);
    expect(first).toEqual({
      // 固阳县 89, 于都县 428 (with 江西省 and 赣州市), 沅江市 212 (with 湖南省 and 益阳市)
      regions: 729,
      users: expect.any(Number),
      logins: 21,
      workers: expect.any(Number),
      employers: 32 + 2 + 2,
      positions: expect.any(Number),
    });
    expect(first!.workers).toBeGreaterThan(100);
    expect(first!.positions).toBeGreaterThan(200); // a job map that looks real
    expect(await seedIfEmpty(api.ctx)).toBeUndefined();

    const { status, body } = await api.call('GET', '/api/v1/regions/150222');
    expect(status).toBe(200);
    expect(body.region).toMatchObject({
      name: '固阳县',
      fullName: '内蒙古自治区包头市固阳县',
      level: 'county',
      parentCode: '1502',
    });
    expect(body.children.map((c: { name: string }) => c.name)).toEqual([
      '金山镇',
      '西斗铺镇',
      '下湿壕镇',
      '银号镇',
      '怀朔镇',
      '兴顺西镇',
    ]);

    // Every township and village has a centre for the map to fall back on.
    expect(body.children.every((c: { center?: unknown }) => c.center)).toBe(true);

    const township = await api.call('GET', '/api/v1/regions/150222102');
    expect(township.body.children.length).toBeGreaterThan(5);
    expect(
      township.body.children.every(
        (v: { code: string; level: string }) => v.level === 'village' && v.code.startsWith('150222102'),
      ),
    ).toBe(true);
  });

  it('lists the demo logins, each marked as demo data, and every one can log in', async () => {
    const { body } = await api.call('GET', '/api/v1/auth/dev-users');
    expect(body.users.map((u: { role: string }) => u.role)).toEqual([
      'worker',
      'worker',
      'employer',
      'employer', // the 以工代赈 project's contractor
      'staff',
      'staff',
      'staff',
      'staff',
      'staff', // the county's finance officer, who pays (发放)
      'admin',
      'admin', // the second, who confirms a change of the county's standards (四眼)
      ...['worker', 'staff', 'staff', 'admin', 'admin'], // 于都县
      ...['worker', 'staff', 'staff', 'admin', 'admin'], // 沅江市
    ]);
    // 固阳县's eleven keep their order; the other counties' follow.
    expect(body.users.slice(11).map((u: { userId: string }) => u.userId)).toEqual([
      'demo-worker-jx-1',
      'demo-staff-village-jx-1',
      'demo-staff-county-jx',
      'demo-admin-jx',
      'demo-admin-jx-2',
      'demo-worker-yj-1',
      'demo-staff-village-yj-1',
      'demo-staff-county-yj',
      'demo-admin-yj',
      'demo-admin-yj-2',
    ]);
    for (const login of body.users) {
      expect(login.description).toContain('演示数据');
      const me = await api.call('GET', '/api/v1/me', { token: await api.loginAs(login.userId) });
      expect(me.body.user).toMatchObject({ userId: login.userId, demo: true });
    }
  });

  it('holds a registry record for each demo worker, which the demo account can bind by name and ID number', async () => {
    const worker = (await api.ctx.users.get('demo-worker-1'))!;
    const token = await api.loginAs('demo-worker-1');
    expect((await api.call('GET', '/api/v1/me/worker', { token })).status).toBe(404);
    const bound = await api.call('POST', '/api/v1/me/worker/bind', {
      token,
      body: { name: worker.displayName, idNumber: demoIdNumber(1) },
    });
    expect(bound.status).toBe(200);
    expect(bound.body.worker).toMatchObject({
      name: worker.displayName,
      villageCode: worker.regionCode,
      boundUserId: 'demo-worker-1',
    });
  });

  it.each([
    {
      code: '360731',
      name: '于都县',
      fullName: '江西省赣州市于都县',
      parentCode: '3607',
      seat: '贡江镇',
      key: 'jx',
    },
    {
      code: '430981',
      name: '沅江市',
      fullName: '湖南省益阳市沅江市',
      parentCode: '4309',
      seat: '琼湖街道',
      key: 'yj',
    },
  ])('seeds $name beside it: its real divisions, a worker who can bind a record, and its staff', async (county) => {
    const { status, body } = await api.call('GET', `/api/v1/regions/${county.code}`);
    expect(status).toBe(200);
    expect(body.region).toMatchObject({
      name: county.name,
      fullName: county.fullName,
      level: 'county',
      parentCode: county.parentCode,
    });
    expect(body.children[0]).toMatchObject({ name: county.seat, level: 'township' });
    expect(body.children.every((c: { center?: unknown }) => c.center)).toBe(true);
    const city = await api.call('GET', `/api/v1/regions/${county.parentCode}`);
    expect(city.status).toBe(200);
    expect(city.body.children.map((c: { code: string }) => c.code)).toEqual([county.code]);

    const workerId = `demo-worker-${county.key}-1`;
    const token = await api.loginAs(workerId);
    const me = await api.call('GET', '/api/v1/me', { token });
    expect(me.body.user).toMatchObject({ userId: workerId, role: 'worker', demo: true });
    expect(me.body.user.regionCode.startsWith(county.code)).toBe(true);
    const bound = await api.call('POST', '/api/v1/me/worker/bind', {
      token,
      body: { name: me.body.user.displayName, idNumber: demoIdNumber(1, county.code) },
    });
    expect(bound.status).toBe(200);
    expect(bound.body.worker).toMatchObject({ villageCode: me.body.user.regionCode, boundUserId: workerId });

    // The county bureau sees its six registry records, and 固阳县's staff none of them.
    const bureau = await api.loginAs(`demo-staff-county-${county.key}`);
    const registry = await api.call('GET', `/api/v1/registry/workers?regionCode=${county.code}`, { token: bureau });
    expect(registry.status).toBe(200);
    expect(registry.body.workers).toHaveLength(6);
    const guyang = await api.loginAs('demo-staff-county');
    expect((await api.call('GET', `/api/v1/registry/workers?regionCode=${county.code}`, { token: guyang })).status).toBe(403);
  });

  it('answers 404 for a region it does not hold and 400 for a malformed code', async () => {
    expect((await api.call('GET', '/api/v1/regions/110101')).status).toBe(404);
    const bad = await api.call('GET', '/api/v1/regions/1502x');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('params.code');
  });

  it('writes the same accounts on a second seed of another table (deterministic demo data)', async () => {
    const other = await startTestApi();
    try {
      await seedDemoCounty(other.ctx);
      for (const userId of ['demo-worker-7', 'demo-worker-jx-1', 'demo-worker-yj-1']) {
        const a = await api.ctx.users.get(userId);
        const b = await other.ctx.users.get(userId);
        expect(b?.displayName).toBe(a?.displayName);
        expect(b?.regionCode).toBe(a?.regionCode);
      }
    } finally {
      await other.close();
    }
  });
});
