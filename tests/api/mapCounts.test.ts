/**
 * The job map's counts per cell over DynamoDB Local: they follow each position on and off the
 * map (its last day passing too, by the daily sweep), and a nearby search uses them to read one disc just large enough for its page, giving
 * the exact nearest positions however wrong the counts are.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, distanceKm, encodeGeohash, type Employer, type LatLng, type PositionInput } from '@bangfu/shared';
import { positionEntity } from '../../functions/src/db/entities.js';
import { keys } from '../../functions/src/db/tableSchema.js';
import { nearby } from '../../functions/src/positions/geoQuery.js';
import { COUNT_TIERS, countOnMap, countsAround } from '../../functions/src/positions/mapCounts.js';
import { forgetMapReads } from '../../functions/src/positions/mapReads.js';
import { sweepExpiredFromMap } from '../../functions/src/positions/mapExpiry.js';
import { newPosition, putNewPositions, type PositionRecord } from '../../functions/src/positions/positionRepository.js';
import { dynamoCallsDuring, startTestApi, type TestApi } from '../support/api.js';
import { positionInput } from '../support/positions.js';

let api: TestApi;
const employer = { employerId: 'e_counts', name: '计数测试单位', kind: 'enterprise' } as Employer;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

/** A point `km` from `center` towards `angle` (radians). */
function at(center: LatLng, km: number, angle: number): LatLng {
  return {
    lat: center.lat + (km * Math.cos(angle)) / 111.195,
    lng: center.lng + (km * Math.sin(angle)) / (111.195 * Math.cos((center.lat * Math.PI) / 180)),
  };
}

/** The count of the cell holding `location`, in each tier. */
async function countsAt(location: LatLng): Promise<number[]> {
  return Promise.all(
    COUNT_TIERS.map(async (tier) => {
      const cell = encodeGeohash(location, tier.tile + 2);
      const { counts } = await countsAround(api.ctx.table, tier, location, 0.1);
      return counts.find((count) => count.cell === cell)?.count ?? 0;
    }),
  );
}

const record = (location: LatLng, verified = true, input: Partial<PositionInput> = {}): PositionRecord => ({
  position: newPosition(employer, positionInput({ location, regionCode: '650102', ...input }), 'open'),
  employerVerified: verified,
});

describe('the map’s counts', () => {
  it('follow a position on and off the map: posted, moved, closed, reopened, filled', async () => {
    const here = { lat: 43.8, lng: 87.6 }; // 乌鲁木齐, far from every other test's positions
    const there = at(here, 30, 1);
    const positions = api.ctx.positions;
    const open = await positions.create(record(here));
    await positions.create(record(here, false)); // an unverified employer's: not on the map
    expect(await countsAt(here)).toEqual([1, 1, 1]);

    const moved = await positions.save({ position: { ...open, location: there }, employerVerified: true }, open.version);
    expect(await countsAt(here)).toEqual([0, 0, 0]);
    expect(await countsAt(there)).toEqual([1, 1, 1]);

    const closed = await positions.save({ position: { ...moved, status: 'closed' }, employerVerified: true }, moved.version);
    expect(await countsAt(there)).toEqual([0, 0, 0]);
    const reopened = await positions.save({ position: { ...closed, status: 'open' }, employerVerified: true }, closed.version);
    expect(await countsAt(there)).toEqual([1, 1, 1]);

    const full = await positions.save(
      { position: { ...reopened, filled: reopened.headcount }, employerVerified: true },
      reopened.version,
    );
    expect(await countsAt(there)).toEqual([1, 1, 1]); // still on the map until marked filled
    await positions.markFilledIfFull(full.positionId);
    await positions.markFilledIfFull(full.positionId); // a repeat changes nothing
    expect(await countsAt(there)).toEqual([0, 0, 0]);
  });
});

describe('a nearby page', () => {
  const center = { lat: 29.65, lng: 91.13 }; // 拉萨
  let truth: { id: string; d: number }[];

  beforeAll(async () => {
    // A town of 150 within a few km, and 60 scattered over 80 km.
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const places = [
      ...Array.from({ length: 150 }, () => at(center, 4 * Math.sqrt(random()), random() * 2 * Math.PI)),
      ...Array.from({ length: 60 }, () => at(center, 80 * Math.sqrt(random()), random() * 2 * Math.PI)),
    ];
    const records = places.map((location) => record(location));
    await putNewPositions(api.ctx.table, records);
    truth = records
      .map(({ position }) => ({ id: position.positionId, d: distanceKm(center, position.location) }))
      .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
  });

  /** Every page of a search, with what each read; `cold`, each as a fresh Lambda instance reads it, nothing held. */
  async function allPages(radiusKm: number, limit: number, { cold = false } = {}) {
    const pages: { ids: string[]; queries: number; itemsRead: number }[] = [];
    let cursor: string | undefined;
    do {
      if (cold) forgetMapReads();
      const { result, queries, itemsRead } = await nearby(api.ctx.table, { center, radiusKm, limit, cursor, filters: {} });
      pages.push({ ids: result.positions.map((p) => p.positionId), queries, itemsRead });
      cursor = result.nextCursor;
    } while (cursor && pages.length < 100);
    return pages;
  }
  const within = (radiusKm: number) => truth.filter(({ d }) => d <= radiusKm).map(({ id }) => id);

  it('is the nearest 20, read in one disc of at most 8 Queries and under twice the page', async () => {
    const first = await nearby(api.ctx.table, { center, radiusKm: 50, limit: 20, filters: {} });
    expect(first.result.positions.map((p) => p.positionId)).toEqual(within(50).slice(0, 20));
    expect(first.queries).toBeLessThanOrEqual(8);
    expect(first.otherReads).toBe(2); // one tile of counts, and the epochs of what it read (mapReads.ts)
    expect(first.itemsRead).toBeLessThan(40);
  });

  it('pages through the whole radius with nothing twice and nothing missed', async () => {
    const pages = await allPages(60, 20);
    expect(pages.flatMap((page) => page.ids)).toEqual(within(60));
  });

  it('pages far out each as a fresh instance would, reading under twice what it returns', async () => {
    const pages = await allPages(80, 20, { cold: true });
    expect(pages.flatMap((page) => page.ids)).toEqual(within(80));
    const read = pages.reduce((sum, page) => sum + page.itemsRead, 0);
    expect(read / within(80).length).toBeLessThan(2);
  });

  it('ends a later page where its read ended: from half the limit to all of it, and the next page starts there', async () => {
    const pages = await allPages(80, 20, { cold: true });
    const later = pages.slice(1, -1); // the first page is the nearest 20; the last holds what is left
    for (const page of later) expect(page.ids.length).toBeGreaterThanOrEqual(10);
    for (const page of pages) expect(page.ids.length).toBeLessThanOrEqual(20);
    expect(later.some((page) => page.ids.length < 20)).toBe(true); // short pages are what read nothing twice
    expect(new Set(pages.flatMap((page) => page.ids)).size).toBe(within(80).length);
  });

  it('is still exact when the counts are wrong: too many near the point, or none at all', async () => {
    await countOnMap(api.ctx.table, [{ location: center, delta: 5_000 }]);
    expect((await allPages(60, 20)).flatMap((page) => page.ids)).toEqual(within(60));
    await countOnMap(api.ctx.table, [{ location: center, delta: -5_000 }]);

    const locations = (await api.ctx.positions.getMany(truth.map(({ id }) => id))).map((found) => found!.position.location);
    await countOnMap(
      api.ctx.table,
      locations.map((location) => ({ location, delta: -1 })),
    );
    expect((await allPages(60, 20)).flatMap((page) => page.ids)).toEqual(within(60));
    expect((await allPages(60, 20, { cold: true })).flatMap((page) => page.ids)).toEqual(within(60));
    expect((await allPages(5, 7)).flatMap((page) => page.ids)).toEqual(within(5));
    await countOnMap(
      api.ctx.table,
      locations.map((location) => ({ location, delta: 1 })),
    );
  });
});

describe('the zoomed-out map', () => {
  it('shows a province or the whole country from the counts, in one read: a worker in Baotou sees Beijing’s jobs', async () => {
    const beijing = { lat: 39.9, lng: 116.4 };
    const baotou = { lat: 40.65, lng: 109.84 };
    await putNewPositions(api.ctx.table, [
      ...Array.from({ length: 12 }, (_, i) => record(at(beijing, i, i))),
      ...Array.from({ length: 5 }, (_, i) => record(at(baotou, i, i))),
      record(at(beijing, 1, 1), false), // an unverified employer's: not counted
    ]);
    let answer: Awaited<ReturnType<TestApi['call']>> | undefined;
    const calls = await dynamoCallsDuring(api, async () => {
      answer = await api.call('GET', '/api/v1/positions/map?bbox=105,36,120,44&zoom=5'); // 华北 and 内蒙古
    });
    expect(answer!.status).toBe(200);
    const { clusters, markers, total, counted } = answer!.body;
    expect(counted).toBe(true);
    expect(markers).toEqual([]);
    expect(total).toBe(17);
    const near = (place: LatLng) => clusters.filter((c: LatLng) => distanceKm(c, place) < 150);
    expect(near(beijing).reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(12);
    expect(near(baotou).reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(5);
    expect(calls.length).toBeLessThanOrEqual(3);

    // The whole country: every counted position (Lhasa's and Urumqi's too), still one read, filters or not.
    const china = await api.call('GET', '/api/v1/positions/map?bbox=73.5,3.8,135.1,53.6&zoom=5&form=gig');
    expect(china.status).toBe(200);
    expect(china.body.counted).toBe(true);
    expect(china.body.total).toBe(17 + 210);

    // Zoomed in past a region, the map reads positions again: markers, exact, filtered.
    const city = await api.call('GET', `/api/v1/positions/map?bbox=116.3,39.8,116.6,40.0&zoom=13`);
    expect(city.body.counted).toBeUndefined();
    expect(city.body.markers.length).toBe(city.body.total);
  });
});

describe('the daily sweep', () => {
  it('takes positions past their last day off the map and its counts, catches up missed days, and keeps one extended', async () => {
    const here = { lat: 36.62, lng: 101.78 }; // 西宁, far from every other test's positions
    const now = new Date();
    const day = (back: number) => chinaDate(new Date(now.getTime() - back * 86_400_000));
    const lastDay = (validUntil: string) => record(here, true, { validUntil, validFrom: day(30) });
    const [yesterday, today, threeDaysAgo, extended] = [lastDay(day(1)), lastDay(day(0)), lastDay(day(3)), lastDay(day(1))];
    await putNewPositions(api.ctx.table, [yesterday, today, threeDaysAgo, extended]);
    // The employer gives one of them another month before the sweep runs.
    await api.ctx.positions.save(
      { position: { ...extended.position, validUntil: day(-30) }, employerVerified: true },
      extended.position.version,
    );
    expect(await countsAt(here)).toEqual([4, 4, 4]);

    const report = await sweepExpiredFromMap(api.ctx, now);
    expect(report).toEqual({ today: day(0), left: { [day(1)]: 1, [day(3)]: 1 } });
    expect(await countsAt(here)).toEqual([2, 2, 2]);
    const onMap = async ({ position }: PositionRecord) =>
      positionEntity.isOnMap(
        (
          await api.ctx.table.db.send(
            new GetCommand({ TableName: api.ctx.table.tableName, Key: keys.position(position.positionId) }),
          )
        ).Item!,
      );
    expect(await Promise.all([yesterday, today, threeDaysAgo, extended].map(onMap))).toEqual([false, true, false, true]);

    // Again: nothing left to take off, the counts unchanged.
    expect((await sweepExpiredFromMap(api.ctx, now)).left).toEqual({});
    expect(await countsAt(here)).toEqual([2, 2, 2]);
  });
});
