/**
 * 就业服务网点 over DynamoDB Local: the seeded points of 固阳县 on the public map, read by box in at
 * most four Queries a page, nothing of who keeps them; staff of a region list, add, change and
 * remove its points on the version read — never another township's, never as a worker or employer,
 * never placed outside the region it names; bad input names its field and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGeohash, openNow, servicePointInputSchema, type Bbox, type ServicePoint } from '@bangfu/shared';
import { demoPointId } from '../../functions/src/local/seed/demoServicePoints.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { dynamoCallsDuring, startDemoCountyApi, type TestApi } from '../support/api.js';
import { JINSHAN_VILLAGE } from '../support/people.js';

let api: TestApi;
const tokens: Record<string, string> = {};
/** Every point of 固阳县 as the seed wrote it, from the county's staff list. */
let seeded: ServicePoint[];

beforeAll(async () => {
  api = await startDemoCountyApi();
  for (const who of ['county', 'township-1', 'township-2', 'village-1']) tokens[who] = await api.loginAs(`demo-staff-${who}`);
  tokens.worker = await api.loginAs('demo-worker-1');
  tokens.employer = await api.loginAs('demo-employer-1');
  seeded = await allOfRegion('150222');
});
afterAll(() => api?.close());

const JINSHAN = '150222102';
const XIDOUPU = '150222103';
const GUYANG_SEAT = { lat: 41.034, lng: 110.063 };

/** A region's points through the staff list, page after page. */
async function allOfRegion(code: string, token = tokens.county, limit = 7): Promise<ServicePoint[]> {
  const points: ServicePoint[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.call(
      'GET',
      `/api/v1/regions/${code}/service-points?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      {
        token,
      },
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    points.push(...page.body.points);
    cursor = page.body.nextCursor;
  } while (cursor);
  return points;
}

const boxQuery = (b: Bbox) => `minLat=${b.minLat}&minLng=${b.minLng}&maxLat=${b.maxLat}&maxLng=${b.maxLng}`;
const around = (p: { lat: number; lng: number }, half: number): Bbox => ({
  minLat: p.lat - half,
  minLng: p.lng - half,
  maxLat: p.lat + half,
  maxLng: p.lng + half,
});
const inside = (p: { location: { lat: number; lng: number } }, b: Bbox) =>
  p.location.lat >= b.minLat && p.location.lat <= b.maxLat && p.location.lng >= b.minLng && p.location.lng <= b.maxLng;

/** The map's read of a box, anonymously, page after page; with the DynamoDB calls each page made. */
async function mapOf(b: Bbox, limit = 50) {
  const pages: { points: any[]; calls: string[] }[] = [];
  let cursor: string | undefined;
  do {
    let page: any;
    const calls = await dynamoCallsDuring(api, async () => {
      page = await api.call('GET', `/api/v1/service-points?${boxQuery(b)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    pages.push({ points: page.body.points, calls: calls.map((c) => c.command) });
    cursor = page.body.nextCursor;
  } while (cursor);
  return pages;
}

const newPoint = (change: Record<string, unknown> = {}) => ({
  kind: 'villageServicePoint',
  name: '小三分子村零工服务点',
  regionCode: JINSHAN_VILLAGE,
  address: '金山镇小三分子村文化活动室',
  location: { lat: 41.061, lng: 110.021 },
  phone: '13904721234',
  hours: {
    weekly: [
      { days: [1, 2, 3, 4, 5], open: '8:30', close: '12:00' },
      { days: [1, 2, 3, 4, 5], open: '14:30', close: '17:30' },
    ],
    note: '节假日休息',
  },
  services: ['jobRegistration', 'gigMatching'],
  ...change,
});
const editable = (point: ServicePoint) => {
  const { kind, name, address, location, phone, hours, services, version } = point;
  return { kind, name, address, location, phone, hours, services, version };
};

describe('service points seeded in 固阳县', () => {
  it('has the bureau, the 零工驿站, every township’s station and village points, all valid and marked demo', () => {
    const kinds = seeded.map((p) => p.kind);
    expect(kinds.filter((k) => k === 'countyBureau')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'gigStation')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'townshipStation')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'villageServicePoint')).toHaveLength(12);
    expect(seeded.find((p) => p.pointId === demoPointId('townshipStation', JINSHAN))).toMatchObject({
      name: '金山镇就业服务站',
      regionCode: JINSHAN,
      phone: expect.stringMatching(/^0472-8\d{6}$/),
    });
    expect(seeded.find((p) => p.regionCode === JINSHAN_VILLAGE)?.name).toBe('小三分子村就业服务点');
    for (const point of seeded) {
      expect(point.demo).toBe(true);
      // What the seed wrote is what a staff member could have entered.
      const { kind, name, regionCode, address, location, phone, hours, services } = point;
      const input = { kind, name, regionCode, address, location, phone, hours, services };
      expect(servicePointInputSchema.safeParse(input).error?.issues ?? []).toEqual([]);
    }
    // The county's own points first, then each township followed by its villages.
    expect(seeded.map((p) => p.regionCode)).toEqual([...seeded.map((p) => p.regionCode)].sort());
  });

  it('seeds the same points again, not a second copy', async () => {
    await seedDemoCounty(api.ctx);
    const again = await allOfRegion('150222');
    expect(again.map((p) => p.pointId).sort()).toEqual(seeded.map((p) => p.pointId).sort());
    seeded = again; // written anew, at a new time
  });
});

describe('the public map of service points', () => {
  it('shows anyone the points inside the box and none outside, with hours and whether open now, and no account ids', async () => {
    const box = around(GUYANG_SEAT, 0.05);
    const expected = seeded.filter((p) => inside(p, box));
    expect(expected.map((p) => p.kind)).toEqual(expect.arrayContaining(['countyBureau', 'gigStation', 'townshipStation']));
    expect(expected.length).toBeLessThan(seeded.length); // the other townships' are outside
    const [page, ...more] = await mapOf(box);
    expect(more).toEqual([]);
    expect(page!.points.map((p) => p.pointId).sort()).toEqual(expected.map((p) => p.pointId).sort());
    const now = new Date();
    for (const shown of page!.points) {
      const stored = seeded.find((p) => p.pointId === shown.pointId)!;
      expect(shown).toEqual({
        pointId: stored.pointId,
        kind: stored.kind,
        name: stored.name,
        regionCode: stored.regionCode,
        address: stored.address,
        location: stored.location,
        phone: stored.phone,
        hours: stored.hours,
        services: stored.services,
        demo: true,
        updatedAt: stored.updatedAt,
        openNow: openNow(stored.hours, now),
      });
    }
    // Far from the county: nothing.
    expect((await mapOf(around({ lat: 39.9, lng: 116.4 }, 0.4)))[0]!.points).toEqual([]);
  });

  it('reads the widest box a page at a time in at most four Queries a page, every point once', async () => {
    const box = around(GUYANG_SEAT, 0.5);
    const expected = seeded.filter((p) => inside(p, box)).map((p) => p.pointId);
    const pages = await mapOf(box, 4);
    expect(pages.length).toBeGreaterThan(1);
    const shown = pages.flatMap((p) => p.points.map((point) => point.pointId));
    expect(shown.sort()).toEqual(expected.sort());
    for (const { points, calls } of pages) {
      expect(points.length).toBeLessThanOrEqual(4);
      expect(calls.every((c) => c === 'QueryCommand')).toBe(true);
      expect(calls.length).toBeLessThanOrEqual(4);
    }
  });

  it('refuses a box too wide or upside down, and a cursor of another box, naming the field', async () => {
    const wide = await api.call('GET', `/api/v1/service-points?${boxQuery({ ...around(GUYANG_SEAT, 0.5), maxLng: 110.6 })}`);
    expect(wide.status).toBe(400);
    expect(wide.body.error.field).toBe('query.maxLng');
    const flipped = await api.call('GET', `/api/v1/service-points?minLat=41.1&minLng=110&maxLat=41&maxLng=110.1`);
    expect(flipped.body.error.field).toBe('query.maxLat');
    const first = await api.call('GET', `/api/v1/service-points?${boxQuery(around(GUYANG_SEAT, 0.5))}&limit=2`);
    expect(first.body.nextCursor).toBeDefined();
    const elsewhere = await api.call(
      'GET',
      `/api/v1/service-points?${boxQuery(around({ lat: 30.5, lng: 114.3 }, 0.2))}&cursor=${first.body.nextCursor}`,
    );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error).toMatchObject({ code: 'INVALID_CURSOR', field: 'query.cursor' });
    // A forged cursor in this box's cell but past (or before) its range: refused, not read.
    const cell = encodeGeohash(GUYANG_SEAT, 3);
    for (const after of ['~~~', '0']) {
      const forged = Buffer.from(JSON.stringify({ cell, after })).toString('base64url');
      const refused = await api.call('GET', `/api/v1/service-points?${boxQuery(around(GUYANG_SEAT, 0.5))}&cursor=${forged}`);
      expect(refused.status, after).toBe(400);
      expect(refused.body.error.code).toBe('INVALID_CURSOR');
    }
  });
});

describe('staff keep the points of their region', () => {
  it('lists a township’s points for its staff: its station and its villages’, not the county’s', async () => {
    const jinshan = await allOfRegion(JINSHAN, tokens['township-1'], 2);
    expect(jinshan.map((p) => p.regionCode).every((code) => code.startsWith(JINSHAN))).toBe(true);
    expect(jinshan.map((p) => p.kind).sort()).toEqual(['townshipStation', 'villageServicePoint', 'villageServicePoint']);
    const refused = await api.call('GET', `/api/v1/regions/${JINSHAN}/service-points`, { token: tokens['township-2'] });
    expect(refused.status).toBe(403);
  });

  it('adds a point, changes it on the version read (a stale version is 409), and removes it on its version', async () => {
    const created = await api.call('POST', '/api/v1/service-points', { token: tokens['township-1'], body: newPoint() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const point: ServicePoint = created.body.point;
    expect(point).toMatchObject({ version: 1, createdBy: 'demo-staff-township-1', hours: { weekly: [{ open: '08:30' }, {}] } });
    expect((await mapOf(around(point.location, 0.01)))[0]!.points.map((p) => p.pointId)).toContain(point.pointId);

    // Moved within its village: it leaves the old place on the map and shows at the new one.
    const moved = { lat: 41.1, lng: 110.08 };
    const changed = await api.call('PUT', `/api/v1/service-points/${point.pointId}`, {
      token: tokens['village-1'], // the village's own officer may keep it
      body: { ...editable(point), phone: '0472-8126789', location: moved },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.point).toMatchObject({ phone: '0472-8126789', version: 2, updatedBy: 'demo-staff-village-1' });
    expect((await mapOf(around(point.location, 0.01)))[0]!.points.map((p) => p.pointId)).not.toContain(point.pointId);
    expect((await mapOf(around(moved, 0.01)))[0]!.points.map((p) => p.pointId)).toContain(point.pointId);

    const stale = await api.call('PUT', `/api/v1/service-points/${point.pointId}`, {
      token: tokens['township-1'],
      body: { ...editable(point), phone: '0472-8120000' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', field: 'body.version' });
    expect((await api.ctx.servicePoints.get(point.pointId))?.phone).toBe('0472-8126789');

    const staleRemove = await api.call('DELETE', `/api/v1/service-points/${point.pointId}?version=1`, { token: tokens.county });
    expect(staleRemove.status).toBe(409);
    expect(staleRemove.body.error.field).toBe('query.version');
    const removed = await api.call('DELETE', `/api/v1/service-points/${point.pointId}?version=2`, { token: tokens.county });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(await api.ctx.servicePoints.get(point.pointId)).toBeUndefined();
    expect((await mapOf(around(moved, 0.01)))[0]!.points.map((p) => p.pointId)).not.toContain(point.pointId);
    const again = await api.call('DELETE', `/api/v1/service-points/${point.pointId}?version=2`, { token: tokens.county });
    expect(again.status).toBe(404);
  });

  it('refuses another township’s staff (403), workers and employers (403) and anonymous callers (401), changing nothing', async () => {
    const jinshanStation = seeded.find((p) => p.pointId === demoPointId('townshipStation', JINSHAN))!;
    const body = { ...editable(jinshanStation), phone: '0472-8000000' };
    const path = `/api/v1/service-points/${jinshanStation.pointId}`;
    for (const [token, status] of [
      [tokens['township-2'], 403],
      [tokens['village-1'], 403], // a village officer, not the township's
      [tokens.worker, 403],
      [tokens.employer, 403],
      [undefined, 401],
    ] as const) {
      expect((await api.call('PUT', path, { token, body })).status).toBe(status);
      expect((await api.call('DELETE', `${path}?version=${jinshanStation.version}`, { token })).status).toBe(status);
    }
    const xidoupuStation = newPoint({ kind: 'townshipStation', regionCode: XIDOUPU, name: '西斗铺镇第二就业服务站' });
    expect((await api.call('POST', '/api/v1/service-points', { token: tokens['township-1'], body: xidoupuStation })).status).toBe(
      403,
    );
    const townshipByVillage = newPoint({ kind: 'townshipStation', regionCode: JINSHAN });
    expect(
      (await api.call('POST', '/api/v1/service-points', { token: tokens['village-1'], body: townshipByVillage })).status,
    ).toBe(403);
    expect((await api.call('POST', '/api/v1/service-points', { token: tokens.worker, body: newPoint() })).status).toBe(403);
    expect((await api.call('GET', `/api/v1/regions/${JINSHAN}/service-points`)).status).toBe(401);
    expect(await api.ctx.servicePoints.get(jinshanStation.pointId)).toEqual(jinshanStation);
    expect((await allOfRegion(XIDOUPU)).map((p) => p.name)).not.toContain('西斗铺镇第二就业服务站');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = (await allOfRegion(JINSHAN)).length;
    for (const [change, field] of [
      [{ phone: '8121373' }, 'body.phone'],
      [{ name: '站' }, 'body.name'],
      [{ location: { lat: 41.06, lng: 150 } }, 'body.location.lng'],
      [{ kind: 'countyBureau' }, 'body.regionCode'],
      [{ services: [] }, 'body.services'],
      [{ hours: { weekly: [{ days: [1], open: '12:00', close: '8:00' }] } }, 'body.hours.weekly.0.close'],
    ] as const) {
      const refused = await api.call('POST', '/api/v1/service-points', { token: tokens['township-1'], body: newPoint(change) });
      expect(refused.status, JSON.stringify(change)).toBe(400);
      expect(refused.body.error.field).toBe(field);
    }
    expect(await allOfRegion(JINSHAN)).toHaveLength(before);

    // Where the point is shown must be in the region it names, and that region must exist: staff
    // may not put a number on another county's map, where that county's staff could not edit it.
    for (const [change, field] of [
      [{ location: { lat: 39.9, lng: 116.4 } }, 'body.location'], // Beijing
      [{ location: { lat: 41.2, lng: 110.3 } }, 'body.location'], // 30 km from the village
      [{ regionCode: '150222102999' }, 'body.regionCode'], // no such village in 金山镇
    ] as const) {
      const refused = await api.call('POST', '/api/v1/service-points', { token: tokens['township-1'], body: newPoint(change) });
      expect(refused.status, JSON.stringify(change)).toBe(400);
      expect(refused.body.error.field).toBe(field);
    }
    expect(await allOfRegion(JINSHAN)).toHaveLength(before);
    const village = seeded.find((p) => p.regionCode === JINSHAN_VILLAGE)!;
    const carriedOff = await api.call('PUT', `/api/v1/service-points/${village.pointId}`, {
      token: tokens['township-1'],
      body: { ...editable(village), location: { lat: 40.9, lng: 111.6 } },
    });
    expect(carriedOff.status).toBe(400);
    expect(carriedOff.body.error.field).toBe('body.location');
    expect(await api.ctx.servicePoints.get(village.pointId)).toEqual(village);

    // The region stays on a change: the kind must still fit it.
    const station = seeded.find((p) => p.pointId === demoPointId('townshipStation', JINSHAN))!;
    const wrongKind = await api.call('PUT', `/api/v1/service-points/${station.pointId}`, {
      token: tokens['township-1'],
      body: { ...editable(station), kind: 'villageServicePoint' },
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.field).toBe('body.kind');
    const moveAway = await api.call('PUT', `/api/v1/service-points/${station.pointId}`, {
      token: tokens['township-1'],
      body: { ...editable(station), regionCode: XIDOUPU },
    });
    expect(moveAway.status).toBe(400);
    expect(await api.ctx.servicePoints.get(station.pointId)).toEqual(station);
  });
});
