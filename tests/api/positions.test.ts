/**
 * The job map over DynamoDB Local: employers and their verification, positions and
 * their lifecycle, nearby and map queries on the geohash index (order, radius
 * edges, filters, paging, clusters), and the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceKm, encodeGeohash, type Employer, type LatLng, type PositionInput } from '@bangfu/shared';
import { batchPut } from '../../functions/src/db/batchWrite.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { regionItem } from '../../functions/src/regions/regionRepository.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { accountWithoutProfile, employerProfile, GUYANG, positionInput, putPositions } from '../support/positions.js';

let api: TestApi;
let employerToken: string;
let employer: Employer;
let township: string; // 金山镇 staff
let otherTownship: string; // 西斗铺镇 staff

/** A far-away test area (Qinghai), so the demo county's positions never mix in. */
const CENTER: LatLng = { lat: 36.62, lng: 101.78 };

/** A point `km` from `center` towards `angle` (radians). */
function at(center: LatLng, km: number, angle: number): LatLng {
  return {
    lat: center.lat + (km * Math.cos(angle)) / 111.195,
    lng: center.lng + (km * Math.sin(angle)) / (111.195 * Math.cos((center.lat * Math.PI) / 180)),
  };
}

/** A deterministic spread of positions 0–40 km around CENTER with varied forms, pay and suitability. */
function spread(count: number): PositionInput[] {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  return Array.from({ length: count }, (_, i) =>
    positionInput({
      title: `测试岗位${i}`,
      location: at(CENTER, 40 * Math.sqrt(random()), random() * 2 * Math.PI),
      regionCode: '630102',
      form: (['fullTime', 'partTime', 'gig'] as const)[i % 3],
      pay:
        i % 4 === 0
          ? { unit: 'day', minFen: 15_000, maxFen: 20_000 }
          : { unit: 'month', minFen: 250_000, maxFen: 300_000 + i * 1000 },
      suitsWeakLabour: i % 5 === 0,
    }),
  );
}

const query = (params: Record<string, string | number | boolean>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

let spreadIds: { id: string; location: LatLng; input: PositionInput }[] = [];

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoCounty(api.ctx);
  // The test area's district in the region tree, so positions posted there check against its centre.
  await batchPut(api.ctx.table, [
    regionItem({ code: '630102', name: '城东区', fullName: '青海省西宁市城东区', level: 'county', center: CENTER }),
  ]);
  township = await api.loginAs('demo-staff-township-1');
  otherTownship = await api.loginAs('demo-staff-township-2');
  employerToken = await api.loginAs('demo-employer-1');
  employer = (await api.call('GET', '/api/v1/me/employer', { token: employerToken })).body.employer;
  const inputs = spread(160);
  const records = await putPositions(api.ctx, employer, inputs);
  spreadIds = records.map((r, i) => ({ id: r.position.positionId, location: r.position.location, input: inputs[i]! }));
});
afterAll(async () => {
  await api?.close();
});

/** Every page of a nearby query, in order. */
async function allPages(params: Record<string, string | number | boolean>) {
  const pages: { positionId: string; distanceKm: number }[][] = [];
  let cursor: string | undefined;
  do {
    const { status, body } = await api.call(
      'GET',
      `/api/v1/positions/nearby?${query({ ...params, ...(cursor ? { cursor } : {}) })}`,
    );
    expect(status).toBe(200);
    pages.push(body.positions);
    cursor = body.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe('nearby positions', () => {
  it('returns every position within the radius, nearest first, each with its distance', async () => {
    const { body } = await api.call(
      'GET',
      `/api/v1/positions/nearby?${query({ lat: CENTER.lat, lng: CENTER.lng, radiusKm: 10, limit: 50 })}`,
    );
    const expected = spreadIds
      .map((p) => ({ id: p.id, d: distanceKm(CENTER, p.location) }))
      .filter((p) => p.d <= 10)
      .sort((a, b) => a.d - b.d);
    expect(expected.length).toBeGreaterThan(5);
    expect(body.positions.map((p: { positionId: string }) => p.positionId)).toEqual(expected.map((p) => p.id));
    for (const [i, p] of body.positions.entries()) expect(p.distanceKm).toBeCloseTo(expected[i]!.d, 2);
  });

  it('includes a position just inside the radius and leaves out one just outside', async () => {
    const inside = at(CENTER, 2.98, 1);
    const outside = at(CENTER, 3.02, 1);
    const [inRecord, outRecord] = await putPositions(api.ctx, employer, [
      positionInput({ title: '边上里面', location: inside, regionCode: '630102', occupation: 'cook' }),
      positionInput({ title: '边上外面', location: outside, regionCode: '630102', occupation: 'cook' }),
    ]);
    const { body } = await api.call(
      'GET',
      `/api/v1/positions/nearby?${query({ ...CENTER, radiusKm: 3, occupation: '厨师', limit: 50 })}`,
    );
    const ids = body.positions.map((p: { positionId: string }) => p.positionId);
    expect(ids).toContain(inRecord!.position.positionId);
    expect(ids).not.toContain(outRecord!.position.positionId);
  });

  it('pages through a large radius with no position twice and none missed', async () => {
    const pages = await allPages({ ...CENTER, radiusKm: 35, limit: 7 });
    const seen = pages.flat().map((p) => p.positionId);
    const expected = spreadIds
      .map((p) => ({ id: p.id, d: distanceKm(CENTER, p.location) }))
      .filter((p) => p.d <= 35)
      .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => spreadIds.some((p) => p.id === id))).toEqual(expected.map((p) => p.id));
    expect(pages.length).toBeGreaterThan(5);
    const distances = pages.flat().map((p) => p.distanceKm);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it('filters by form, pay, suitability and occupation', async () => {
    const base = { ...CENTER, radiusKm: 40, limit: 50 };
    const gig = (await allPages({ ...base, form: 'gig' })).flat();
    expect(gig.length).toBe(spreadIds.filter((s) => distanceKm(CENTER, s.location) <= 40 && s.input.form === 'gig').length);
    expect(gig.length).toBeGreaterThan(0);
    expect(gig.every((p) => spreadIds.find((s) => s.id === p.positionId)?.input.form === 'gig')).toBe(true);

    // At least 3,800 yuan a month: month wages by their top, day wages × 22 (200 × 22 = 4,400 passes).
    const ours = (page: { positionId: string }[]) => page.filter((p) => spreadIds.some((s) => s.id === p.positionId));
    const paid = ours((await allPages({ ...base, minMonthlyPayFen: 380_000 })).flat());
    for (const p of paid) {
      const pay = spreadIds.find((s) => s.id === p.positionId)!.input.pay;
      expect(pay.unit === 'day' ? pay.maxFen * 22 : pay.maxFen).toBeGreaterThanOrEqual(380_000);
    }
    const expectedPaid = spreadIds.filter(
      (s) =>
        distanceKm(CENTER, s.location) <= 40 &&
        (s.input.pay.unit === 'day' ? s.input.pay.maxFen * 22 : s.input.pay.maxFen) >= 380_000,
    );
    expect(paid.length).toBe(expectedPaid.length);

    const weak = ours((await allPages({ ...base, suitsWeakLabour: true })).flat());
    expect(weak.length).toBe(spreadIds.filter((s) => distanceKm(CENTER, s.location) <= 40 && s.input.suitsWeakLabour).length);
  });

  it('refuses bad input with the field, 400', async () => {
    const cases: [Record<string, string | number>, string][] = [
      [{ lat: 95, lng: 110, radiusKm: 5 }, 'query.lat'],
      [{ lat: 41, lng: 10, radiusKm: 5 }, 'query.lng'], // outside China
      [{ lat: 41, lng: 110, radiusKm: 0 }, 'query.radiusKm'],
      [{ lat: 41, lng: 110, radiusKm: 301 }, 'query.radiusKm'],
      [{ lat: 41, lng: 110, radiusKm: 5, form: 'forever' }, 'query.form'],
      [{ lat: 41, lng: 110, radiusKm: 5, employerKind: 'bank' }, 'query.employerKind'],
      [{ lat: 41, lng: 110, radiusKm: 5, occupation: '宇航员' }, 'query.occupation'],
      [{ lat: 41, lng: 110, radiusKm: 5, cursor: 'not-a-cursor' }, 'query.cursor'],
    ];
    for (const [params, field] of cases) {
      const { status, body } = await api.call('GET', `/api/v1/positions/nearby?${query(params)}`);
      expect(status, JSON.stringify(params)).toBe(400);
      expect(body.error.field).toBe(field);
    }
  });
});

describe('the map', () => {
  const bbox = [CENTER.lng - 0.5, CENTER.lat - 0.4, CENTER.lng + 0.5, CENTER.lat + 0.4];
  const inBox = (p: LatLng) => p.lng >= bbox[0]! && p.lng <= bbox[2]! && p.lat >= bbox[1]! && p.lat <= bbox[3]!;

  it('gathers positions into clusters whose counts add up to what the box holds', async () => {
    const { status, body } = await api.call('GET', `/api/v1/positions/map?${query({ bbox: bbox.join(','), zoom: 9 })}`);
    expect(status).toBe(200);
    const expected = spreadIds.filter((p) => inBox(p.location)).length + 2; // and the two radius-edge positions
    expect(body.total).toBe(expected);
    expect(body.clusters.length).toBeGreaterThan(1);
    const counted = body.clusters.reduce((sum: number, c: { count: number }) => sum + c.count, 0) + body.markers.length;
    expect(counted).toBe(body.total);
    for (const cluster of body.clusters) expect(encodeGeohash(cluster, 4)).toBe(cluster.cell);
  });

  it('shows single markers when zoomed in', async () => {
    const small = [CENTER.lng - 0.05, CENTER.lat - 0.05, CENTER.lng + 0.05, CENTER.lat + 0.05];
    const { body } = await api.call('GET', `/api/v1/positions/map?${query({ bbox: small.join(','), zoom: 14 })}`);
    expect(body.clusters).toEqual([]);
    expect(body.markers.length).toBe(body.total);
    expect(body.total).toBeGreaterThan(0);
  });

  it('refuses an inverted box, one outside China and a zoom out of range', async () => {
    for (const [params, field] of [
      [{ bbox: `${CENTER.lng + 1},${CENTER.lat},${CENTER.lng},${CENTER.lat + 1}`, zoom: 9 }, 'query.bbox'],
      [{ bbox: `60,30,70,40`, zoom: 5 }, 'query.bbox'], // outside China
      [{ bbox: `1,2,3`, zoom: 9 }, 'query.bbox'],
      [{ bbox: bbox.join(','), zoom: 42 }, 'query.zoom'],
    ] as const) {
      const { status, body } = await api.call('GET', `/api/v1/positions/map?${query(params)}`);
      expect(status).toBe(400);
      expect(body.error.field).toBe(field);
    }
  });

  it('shows the demo county’s seeded jobs around 固阳县', async () => {
    const { body } = await api.call('GET', `/api/v1/positions/nearby?${query({ ...GUYANG, radiusKm: 50, limit: 50 })}`);
    expect(body.positions.length).toBe(50);
    expect(body.nextCursor).toBeDefined();
  });
});

describe('employers and positions', () => {
  it('keeps an unverified employer’s positions off the map until staff verify it', async () => {
    const token = await api.loginAs('demo-employer-9'); // a generated employer; make it a fresh one
    const user = await api.ctx.users.get('demo-employer-9');
    expect(user?.employerId).toBeDefined();
    // A brand-new employer account, with its own profile.
    const fresh = await accountWithoutProfile(api, user!, 'new-employer');
    const created = await api.call('POST', '/api/v1/me/employer', { token: fresh, body: employerProfile() });
    expect(created.status).toBe(201);
    expect(created.body.employer.verification.status).toBe('pending');
    const again = await api.call('POST', '/api/v1/me/employer', {
      token: fresh,
      body: { ...created.body.employer, employerId: undefined },
    });
    expect(again.status).toBe(400); // unknown fields first; a clean second profile is refused below
    const second = await api.call('POST', '/api/v1/me/employer', {
      token: fresh,
      body: employerProfile({ name: '第二个', address: '金山镇', contactName: '李' }),
    });
    expect(second.status).toBe(409);

    const spot = at(CENTER, 60, 2); // its own corner of the test area
    const posted = await api.call('POST', '/api/v1/positions', {
      token: fresh,
      body: { ...positionInput({ location: spot, regionCode: '630102' }) },
    });
    expect(posted.status).toBe(201);
    expect(posted.body.position.status).toBe('open');
    const near = () => api.call('GET', `/api/v1/positions/nearby?${query({ ...spot, radiusKm: 1 })}`);
    expect((await near()).body.positions).toEqual([]);
    // The public cannot open it either; its employer can.
    const id = posted.body.position.positionId;
    expect((await api.call('GET', `/api/v1/positions/${id}`)).status).toBe(404);
    expect((await api.call('GET', `/api/v1/positions/${id}`, { token: fresh })).status).toBe(200);

    const verify = (tokenOf: string, version: number) =>
      api.call('POST', `/api/v1/employers/${created.body.employer.employerId}/verification`, {
        token: tokenOf,
        body: { version, decision: 'verified' },
      });
    expect((await verify(otherTownship, 1)).status).toBe(403); // 西斗铺镇 staff, outside their region
    expect((await verify(token, 1)).status).toBe(403); // an employer
    const verified = await verify(township, 1);
    expect(verified.status).toBe(200);
    expect((await near()).body.positions.map((p: { positionId: string }) => p.positionId)).toEqual([id]);

    // Rejected later (with a reason): off the map again.
    const noReason = await api.call('POST', `/api/v1/employers/${created.body.employer.employerId}/verification`, {
      token: township,
      body: { version: 2, decision: 'rejected' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('body.note');
    await api.call('POST', `/api/v1/employers/${created.body.employer.employerId}/verification`, {
      token: township,
      body: { version: 2, decision: 'rejected', note: '营业执照过期' },
    });
    expect((await near()).body.positions).toEqual([]);
  });

  it('lets an employer edit its own position on the version read, never another’s', async () => {
    const posted = await api.call('POST', '/api/v1/positions', { token: employerToken, body: positionInput({ headcount: 3 }) });
    const id = posted.body.position.positionId;
    const edited = await api.call('PATCH', `/api/v1/positions/${id}`, {
      token: employerToken,
      body: { version: 1, title: '熟练缝纫工', pay: { unit: 'month', minFen: 350_000, maxFen: 450_000 } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.position).toMatchObject({ title: '熟练缝纫工', version: 2 });
    const stale = await api.call('PATCH', `/api/v1/positions/${id}`, {
      token: employerToken,
      body: { version: 1, title: '旧的' },
    });
    expect(stale.status).toBe(409);

    const other = await api.loginAs('demo-employer-2');
    const foreign = await api.call('PATCH', `/api/v1/positions/${id}`, { token: other, body: { version: 2, title: '抢来的' } });
    expect(foreign.status).toBe(403);
    expect((await api.ctx.positions.get(id))?.position.title).toBe('熟练缝纫工');
  });

  it('refuses bad positions with the field and writes nothing', async () => {
    const before = (await api.call('GET', '/api/v1/me/positions', { token: employerToken })).body.counts.all;
    const cases: [Partial<PositionInput> & Record<string, unknown>, string][] = [
      [{ pay: { unit: 'month', minFen: 500_000, maxFen: 300_000 } }, 'body.pay.minFen'],
      [{ pay: { unit: 'month', minFen: -1, maxFen: 300_000 } }, 'body.pay.minFen'],
      [{ headcount: 0 }, 'body.headcount'],
      [{ form: 'seasonal' }, 'body.seasonMonths'],
      [{ location: { lat: 41, lng: 10 } }, 'body.location.lng'],
      [{ validFrom: '2026-05-01', validUntil: '2026-04-01' }, 'body.validUntil'],
      [{ relocationReservedShare: 0.05 }, 'body.relocationReservedShare'],
      [{ occupation: '宇航员' }, 'body.occupation'],
      [{ salary: 1 }, 'body.salary'],
    ];
    for (const [override, field] of cases) {
      const { status, body } = await api.call('POST', '/api/v1/positions', {
        token: employerToken,
        body: { ...positionInput(), ...override },
      });
      expect(status, field).toBe(400);
      expect(body.error.field).toBe(field);
    }
    expect((await api.call('GET', '/api/v1/me/positions', { token: employerToken })).body.counts.all).toBe(before);
  });

  it('refuses a headcount below those already hired', async () => {
    const [record] = await putPositions(api.ctx, employer, [positionInput({ headcount: 4 })]);
    const id = record!.position.positionId;
    await api.ctx.positions.save({ ...record!, position: { ...record!.position, filled: 3 } }, 1);
    const { status, body } = await api.call('PATCH', `/api/v1/positions/${id}`, {
      token: employerToken,
      body: { version: 2, headcount: 2 },
    });
    expect(status).toBe(400);
    expect(body.error.field).toBe('body.headcount');
    expect((await api.ctx.positions.get(id))?.position.headcount).toBe(4);
  });

  it('lets staff in scope take a position down with a reason; it leaves the map and cannot be republished', async () => {
    const spot = at(CENTER, 70, 4);
    const [record] = await putPositions(api.ctx, employer, [positionInput({ location: spot, regionCode: '150222102' })]);
    const id = record!.position.positionId;
    const near = async () =>
      (await api.call('GET', `/api/v1/positions/nearby?${query({ ...spot, radiusKm: 1 })}`)).body.positions.length;
    expect(await near()).toBe(1);
    expect(
      (
        await api.call('POST', `/api/v1/positions/${id}/takedown`, {
          token: otherTownship,
          body: { version: 1, reason: '虚假招聘信息' },
        })
      ).status,
    ).toBe(403);
    const short = await api.call('POST', `/api/v1/positions/${id}/takedown`, {
      token: township,
      body: { version: 1, reason: '假' },
    });
    expect(short.body.error.field).toBe('body.reason');
    const down = await api.call('POST', `/api/v1/positions/${id}/takedown`, {
      token: township,
      body: { version: 1, reason: '虚假招聘信息' },
    });
    expect(down.body.position).toMatchObject({
      status: 'closed',
      takenDown: { by: 'demo-staff-township-1', reason: '虚假招聘信息' },
    });
    expect(await near()).toBe(0);
    const republish = await api.call('POST', `/api/v1/positions/${id}/publish`, { token: employerToken, body: { version: 2 } });
    expect(republish.status).toBe(409);
  });

  it('hides an expired position from the map and shows it as expired to its employer', async () => {
    const spot = at(CENTER, 80, 5);
    const [record] = await putPositions(api.ctx, employer, [
      positionInput({ location: spot, validFrom: '2025-01-01', validUntil: '2025-06-30' }),
    ]);
    expect((await api.call('GET', `/api/v1/positions/nearby?${query({ ...spot, radiusKm: 1 })}`)).body.positions).toEqual([]);
    const mine = (await api.call('GET', '/api/v1/me/positions', { token: employerToken })).body.positions;
    expect(mine.find((p: { positionId: string }) => p.positionId === record!.position.positionId).status).toBe('expired');
  });

  it('pages an employer’s own positions newest first, none twice or missed, counted on the first page', async () => {
    const seen: { positionId: string; createdAt: string; status: string }[] = [];
    let counts: { all: number; open: number } | undefined;
    let cursor: string | undefined;
    do {
      const { status, body } = await api.call(
        'GET',
        `/api/v1/me/positions?${query({ limit: 50, ...(cursor ? { cursor } : {}) })}`,
        {
          token: employerToken,
        },
      );
      expect(status).toBe(200);
      expect(body.positions.length).toBeLessThanOrEqual(50);
      if (cursor === undefined) counts = body.counts;
      else expect(body.counts).toBeUndefined(); // counted once, not on every page
      seen.push(...body.positions);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(160);
    expect(new Set(seen.map((p) => p.positionId)).size).toBe(seen.length);
    const order = seen.map((p) => `${p.createdAt}#${p.positionId}`);
    expect(order).toEqual([...order].sort().reverse());
    // The count is of the same positions, and "open" is what the employer sees as open: an expired one is not.
    expect(counts).toEqual({ all: seen.length, open: seen.filter((p) => p.status === 'open').length });
    expect(seen.some((p) => p.status === 'expired')).toBe(true);

    const refused = await api.call('GET', '/api/v1/me/positions?cursor=bm90LWEtY3Vyc29y', { token: employerToken });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'INVALID_CURSOR', field: 'query.cursor' });
  });

  it('records a 帮扶车间’s recognition and the people it helps, for staff in scope and for workshops only', async () => {
    const put = (employerId: string, token: string, body: unknown) =>
      api.call('PUT', `/api/v1/employers/${employerId}/workshop`, { token, body });
    const change = { version: employer.version, recognition: 'exited', decidedOn: '2026-10-31', assistedEmployees: 12 };
    expect((await put(employer.employerId, otherTownship, change)).status).toBe(403);
    const bad = await put(employer.employerId, township, { ...change, recognition: 'maybe' });
    expect(bad.body.error.field).toBe('body.recognition');
    const done = await put(employer.employerId, township, change);
    expect(done.status).toBe(200);
    expect(done.body.employer.workshop).toEqual({ recognition: 'exited', decidedOn: '2026-10-31', assistedEmployees: 12 });

    const cooperative = (await api.ctx.users.get('demo-employer-5'))!.employerId!; // 银号镇肉羊养殖合作社
    const county = await api.loginAs('demo-staff-county');
    const refused = await put(cooperative, county, { ...change, version: 1 });
    expect(refused.status).toBe(400);
    expect((await api.ctx.employers.get(cooperative))?.workshop).toBeUndefined();
  });
});
