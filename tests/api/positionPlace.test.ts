/**
 * Where a position is comes from where it is (issue #11, finding 6): a region code must be a
 * real region whose centre lies near the point on the map, staff oversee positions by their
 * employer's region, a hire records the place the work really is, and a verified employer
 * that renames or moves itself waits for verification again, off the map meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth, type Employer, type LatLng } from '@bangfu/shared';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import { boundWorker, demoWorkshop, GUYANG, positionInput, putPositions } from '../support/positions.js';

let api: TestApi;
let employerToken: string; // 金山镇服装加工帮扶车间, verified, in 金山镇 (150222102)
let employer: Employer;
let jinshanStaff: string;
let xidoupuStaff: string;
let xidoupu: LatLng; // the centre of 西斗铺镇 (150222103)
const BEIJING: LatLng = { lat: 39.904, lng: 116.407 };

beforeAll(async () => {
  api = await startDemoCountyApi();
  ({ token: employerToken, employer } = await demoWorkshop(api));
  jinshanStaff = await api.loginAs('demo-staff-township-1');
  xidoupuStaff = await api.loginAs('demo-staff-township-2');
  xidoupu = (await api.ctx.regions.get('150222103'))!.center!;
});
afterAll(() => api?.close());

const post = (overrides: Record<string, unknown>) =>
  api.call('POST', '/api/v1/positions', { token: employerToken, body: positionInput(overrides) });
const takedown = (positionId: string, version: number, token: string) =>
  api.call('POST', `/api/v1/positions/${positionId}/takedown`, { token, body: { version, reason: '信息不实，请核对' } });

describe('a position’s region', () => {
  it('refuses a code that is no region, or names a place far from the point, changing nothing', async () => {
    const before = (await api.call('GET', '/api/v1/me/positions', { token: employerToken })).body.counts.all;
    for (const regionCode of ['110101', '999999']) {
      const refused = await post({ regionCode, location: GUYANG });
      expect(refused.status, regionCode).toBe(400);
      expect(refused.body.error.field).toBe('body.regionCode');
    }
    // A real township of the county, with a point in Beijing.
    const far = await post({ regionCode: '150222103', location: BEIJING });
    expect(far.status).toBe(400);
    expect(far.body.error.field).toBe('body.location');
    expect((await api.call('GET', '/api/v1/me/positions', { token: employerToken })).body.counts.all).toBe(before);

    const created = await post({ regionCode: '150222102', location: GUYANG });
    expect(created.status).toBe(201);
    const moved = await api.call('PATCH', `/api/v1/positions/${created.body.position.positionId}`, {
      token: employerToken,
      body: { version: 1, regionCode: '110101' },
    });
    expect(moved.status).toBe(400);
    expect(moved.body.error.field).toBe('body.regionCode');
  });

  it('records a hire in 固阳县 as work within the county: no transport subsidy', async () => {
    // The attack: a job here labelled 东城区 (Beijing) made the hire's month cross-province.
    expect((await post({ regionCode: '110101', location: GUYANG, headcount: 1 })).status).toBe(400);
    const created = await post({ regionCode: '150222102', location: GUYANG, headcount: 1 });
    const positionId = created.body.position.positionId;
    const worker = await boundWorker(api, 601);
    await api.call('POST', `/api/v1/positions/${positionId}/applications`, { token: worker.token });
    const hired = await api.call('POST', `/api/v1/positions/${positionId}/applications/${worker.workerId}/hire`, {
      token: employerToken,
      body: {},
    });
    expect(hired.status).toBe(200);
    const [month] = (await api.call('GET', '/api/v1/me/employment', { token: worker.token })).body.records;
    expect(month).toMatchObject({ month: chinaMonth(new Date()), place: 'withinCounty', source: 'employerHire' });
    const results = (await api.call('GET', '/api/v1/me/subsidies', { token: worker.token })).body.results;
    expect(results.find((r: { subsidy: string }) => r.subsidy === 'transport_once').eligible).toBe(false);
  });
});

describe('staff oversee a position by its employer’s region', () => {
  it('lets the employer’s township take down its position elsewhere, and not another township', async () => {
    const created = await post({ regionCode: '150222103', location: xidoupu });
    expect(created.status).toBe(201);
    const { positionId } = created.body.position;
    expect((await takedown(positionId, 1, xidoupuStaff)).status).toBe(403);
    const down = await takedown(positionId, 1, jinshanStaff);
    expect(down.status).toBe(200);
    expect(down.body.position).toMatchObject({ status: 'closed', takenDown: { by: 'demo-staff-township-1' } });
  });

  it('lets them take down a position stored before with a false region (110101)', async () => {
    const [record] = await putPositions(api.ctx, employer, [positionInput({ regionCode: '110101', location: GUYANG })]);
    const down = await takedown(record!.position.positionId, 1, jinshanStaff);
    expect(down.status).toBe(200);
  });
});

describe('a verified employer that renames or moves itself', () => {
  /** A new employer of 金山镇, verified by its township, with one open position at the county seat. */
  async function verifiedEmployer(n: number) {
    const userId = `test-employer-${n}`;
    const at = new Date().toISOString();
    await api.ctx.users.create({ userId, role: 'employer', displayName: `单位${n}`, careMode: false, createdAt: at, version: 1 });
    const token = await api.loginAs(userId);
    const created = await api.call('POST', '/api/v1/me/employer', {
      token,
      body: {
        name: `金山镇测试加工厂${n}`,
        kind: 'enterprise',
        regionCode: '150222102',
        location: GUYANG,
        address: '固阳县金山镇',
        contactName: '张经理',
        contactPhone: '13904725555',
      },
    });
    expect(created.status).toBe(201);
    const { employerId } = created.body.employer;
    await api.call('POST', `/api/v1/employers/${employerId}/verification`, {
      token: jinshanStaff,
      body: { version: 1, decision: 'verified' },
    });
    const position = await api.call('POST', '/api/v1/positions', { token, body: positionInput() });
    expect(position.status).toBe(201);
    return { token, employerId, positionId: position.body.position.positionId as string };
  }
  const profile = async (token: string) => (await api.call('GET', '/api/v1/me/employer', { token })).body.employer;
  const onMap = async (positionId: string) => {
    const found = await api.call('GET', `/api/v1/positions/nearby?lat=${GUYANG.lat}&lng=${GUYANG.lng}&radiusKm=1&limit=50`);
    return found.body.positions.some((p: { positionId: string }) => p.positionId === positionId);
  };

  it('goes back to pending, its positions off the map, until staff verify it again', async () => {
    const { token, employerId, positionId } = await verifiedEmployer(1);
    expect(await onMap(positionId)).toBe(true);
    const current = await profile(token);
    expect(current.verification.status).toBe('verified');

    const renamed = await api.call('PATCH', '/api/v1/me/employer', {
      token,
      body: { version: current.version, name: '金山镇新名字服装厂' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.employer.verification.status).toBe('pending');
    expect(await onMap(positionId)).toBe(false);
    expect((await api.call('GET', `/api/v1/positions/${positionId}`)).status).toBe(404);

    const verified = await api.call('POST', `/api/v1/employers/${employerId}/verification`, {
      token: jinshanStaff,
      body: { version: renamed.body.employer.version, decision: 'verified' },
    });
    expect(verified.status).toBe(200);
    expect(await onMap(positionId)).toBe(true);
  });

  it('moving to another township: pending, found by that township’s staff and no longer by the old one', async () => {
    const { token, employerId } = await verifiedEmployer(2);
    const current = await profile(token);
    const farAway = await api.call('PATCH', '/api/v1/me/employer', {
      token,
      body: { version: current.version, regionCode: '150222103', location: BEIJING },
    });
    expect(farAway.status).toBe(400);
    expect(farAway.body.error.field).toBe('body.location');

    const moved = await api.call('PATCH', '/api/v1/me/employer', {
      token,
      body: { version: current.version, regionCode: '150222103', location: xidoupu, address: '固阳县西斗铺镇' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.employer.verification.status).toBe('pending');
    const listed = async (regionCode: string, token: string) =>
      (await api.call('GET', `/api/v1/employers?regionCode=${regionCode}&status=pending`, { token })).body.employers.map(
        (e: { employerId: string }) => e.employerId,
      );
    expect(await listed('150222103', xidoupuStaff)).toContain(employerId);
    expect(await listed('150222102', jinshanStaff)).not.toContain(employerId);
    // Its position is overseen by the township it moved to.
    const { positionId } = (await api.call('GET', '/api/v1/me/positions', { token })).body.positions[0];
    expect((await takedown(positionId, 2, jinshanStaff)).status).toBe(403);
    expect((await takedown(positionId, 2, xidoupuStaff)).status).toBe(200);
  });
});
