/**
 * The job map's held reads (functions/src/positions/mapReads.ts) over DynamoDB Local: a search
 * this process has read before asks DynamoDB only for the epochs, a neighbour's or the next page
 * reads only what is new, and any write to a position in the cell is seen by the next search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceKm, type Employer, type LatLng } from '@bangfu/shared';
import { nearby } from '../../functions/src/positions/geoQuery.js';
import { forgetMapReads } from '../../functions/src/positions/mapReads.js';
import { newPosition, putNewPositions, type PositionRecord } from '../../functions/src/positions/positionRepository.js';
import { dynamoCallsDuring, startTestApi, type TestApi } from '../support/api.js';
import { positionInput } from '../support/positions.js';

let api: TestApi;
const employer = { employerId: 'e_held', name: '读取测试单位', kind: 'enterprise' } as Employer;
const center: LatLng = { lat: 38.47, lng: 106.27 }; // 银川, far from every other test's positions
let records: PositionRecord[];

/** A point `km` from `center` towards `angle` (radians). */
const at = (km: number, angle: number): LatLng => ({
  lat: center.lat + (km * Math.cos(angle)) / 111.195,
  lng: center.lng + (km * Math.sin(angle)) / (111.195 * Math.cos((center.lat * Math.PI) / 180)),
});
const record = (location: LatLng): PositionRecord => ({
  position: newPosition(employer, positionInput({ location, regionCode: '640104' }), 'open'),
  employerVerified: true,
});

beforeAll(async () => {
  api = await startTestApi();
  let seed = 5;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  records = Array.from({ length: 120 }, () => record(at(30 * Math.sqrt(random()), random() * 2 * Math.PI)));
  await putNewPositions(api.ctx.table, records);
});
afterAll(async () => {
  await api?.close();
});

/** The open positions within `radiusKm` of `from`, nearest first, as the route orders them. */
async function truth(from: LatLng, radiusKm: number) {
  const current = await api.ctx.positions.getMany(records.map(({ position }) => position.positionId));
  return current
    .filter((found) => found!.position.status === 'open')
    .map((found) => ({ id: found!.position.positionId, d: distanceKm(from, found!.position.location) }))
    .filter(({ d }) => d <= radiusKm)
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
    .map(({ id }) => id);
}

const ids = (found: Awaited<ReturnType<typeof nearby>>) => found.result.positions.map((p) => p.positionId);

describe('held map reads', () => {
  it('answer a search made before with one read of the epochs, and the same page', async () => {
    forgetMapReads();
    const first = await nearby(api.ctx.table, { center, radiusKm: 20, limit: 20, filters: {} });
    expect(first.queries).toBeGreaterThan(0);
    let again!: Awaited<ReturnType<typeof nearby>>;
    const calls = await dynamoCallsDuring(api, async () => {
      again = await nearby(api.ctx.table, { center, radiusKm: 20, limit: 20, filters: {} });
    });
    expect(ids(again)).toEqual(ids(first));
    expect(ids(again)).toEqual((await truth(center, 20)).slice(0, 20));
    expect([again.queries, again.itemsRead]).toEqual([0, 0]);
    expect(calls.map((call) => call.command)).toEqual(['BatchGetItemCommand']);
  });

  it('read only what a neighbour’s search or the next page adds, and page exactly', async () => {
    forgetMapReads();
    const first = await nearby(api.ctx.table, { center, radiusKm: 20, limit: 20, filters: {} });
    const neighbour = at(0.4, 1);
    const near = await nearby(api.ctx.table, { center: neighbour, radiusKm: 20, limit: 20, filters: {} });
    expect(ids(near)).toEqual((await truth(neighbour, 20)).slice(0, 20));
    expect(near.itemsRead).toBeLessThan(first.itemsRead);

    // Every page of 30 km, 10 a page: nothing twice, nothing missed; read from DynamoDB by a cold
    // process (every page a first read) and by one that holds what its earlier pages read.
    const everyPage = async (cold: boolean) => {
      forgetMapReads();
      const shown: string[] = [];
      let read = 0;
      let cursor: string | undefined;
      do {
        if (cold) forgetMapReads();
        const page = await nearby(api.ctx.table, { center, radiusKm: 30, limit: 10, cursor, filters: {} });
        shown.push(...ids(page));
        read += page.itemsRead;
        cursor = page.result.nextCursor;
      } while (cursor);
      return { shown, read };
    };
    const [cold, held] = [await everyPage(true), await everyPage(false)];
    expect(held.shown).toEqual(await truth(center, 30));
    expect(cold.shown).toEqual(held.shown);
    // 129 against 234 (147 against 342 before cold rings were cut by the map's counts)
    expect(held.read).toBeLessThan(cold.read);
    expect(held.read).toBeLessThanOrEqual(1.5 * held.shown.length);
    expect(cold.read).toBeLessThanOrEqual(2 * cold.shown.length);
  });

  it('see a write in the cell at once: a position closed, one posted', async () => {
    const before = await nearby(api.ctx.table, { center, radiusKm: 20, limit: 5, filters: {} });
    const nearest = (await api.ctx.positions.get(ids(before)[0]!))!;
    await api.ctx.positions.save({ ...nearest, position: { ...nearest.position, status: 'closed' } }, nearest.position.version);
    const posted = record(at(0.01, 2));
    records.push(posted);
    await api.ctx.positions.create(posted);

    const after = await nearby(api.ctx.table, { center, radiusKm: 20, limit: 5, filters: {} });
    expect(after.queries).toBeGreaterThan(0);
    expect(ids(after)).not.toContain(nearest.position.positionId);
    expect(ids(after)[0]).toBe(posted.position.positionId);
    expect(ids(after)).toEqual((await truth(center, 20)).slice(0, 5));
  });
});
