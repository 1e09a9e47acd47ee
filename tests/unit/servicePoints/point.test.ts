/** A service point's input (phones, names, kind by region level, China's coordinates) and the box ranges the map reads it by. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxRangesByCell,
  encodeGeohash,
  POINT_PRECISION,
  SERVICE_POINT_BOX_DEGREES,
  servicePointBoxQuerySchema,
  servicePointInputSchema,
  type Bbox,
} from '@bangfu/shared';

const valid = {
  kind: 'townshipStation',
  name: '金山镇就业服务站',
  regionCode: '150222102',
  address: '金山镇人民政府一楼便民服务大厅',
  location: { lat: 41.033, lng: 110.065 },
  phone: '0472-8121373',
  hours: { weekly: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '12:00' }] },
  services: ['subsidyClaims', 'jobRegistration', 'subsidyClaims'],
};
/** The fields the schema finds at fault, each once. */
const problem = (change: Record<string, unknown>) => {
  const issues = servicePointInputSchema.safeParse({ ...valid, ...change }).error?.issues;
  return issues && [...new Set(issues.map((i) => i.path.join('.')))];
};

describe('service point input', () => {
  it('takes a well-formed point, its services in the catalogue order, once each', () => {
    expect(servicePointInputSchema.parse(valid).services).toEqual(['jobRegistration', 'subsidyClaims']);
  });

  it('takes mobiles and landlines with their area code, with or without the dash', () => {
    for (const phone of ['13904721234', '0472-8121373', '04728121373', '010-12345678', '0755-12345678', '0472-81213730']) {
      expect(problem({ phone }), phone).toBeUndefined();
    }
    for (const phone of ['8121373', '12345678901', '0472-81213', '010-1234567', '1390472123', '0472 8121373', '12333']) {
      expect(problem({ phone }), phone).toEqual(['phone']);
    }
  });

  it('refuses a name too short or too long, or hiding invisible characters, and a point outside China', () => {
    expect(problem({ name: '站' })).toEqual(['name']);
    expect(problem({ name: '站'.repeat(41) })).toEqual(['name']);
    expect(problem({ name: '金山镇\u202e站务服业就' })).toEqual(['name']);
    expect(problem({ location: { lat: 41.03, lng: 140.1 } })).toEqual(['location.lng']);
    expect(problem({ location: { lat: 60, lng: 110 } })).toEqual(['location.lat']);
  });

  it('fits each kind to its level of region: a bureau to a county, a station to a township, a point to a village', () => {
    expect(problem({ kind: 'countyBureau' })).toEqual(['regionCode']);
    expect(problem({ kind: 'countyBureau', regionCode: '150222' })).toBeUndefined();
    expect(problem({ kind: 'villageServicePoint' })).toEqual(['regionCode']);
    expect(problem({ kind: 'villageServicePoint', regionCode: '150222102212' })).toBeUndefined();
    for (const regionCode of ['150222', '150222102', '150222102212'])
      expect(problem({ kind: 'gigStation', regionCode })).toBeUndefined();
    expect(problem({ kind: 'gigStation', regionCode: '1502' })).toEqual(['regionCode']);
  });
});

describe('the map box of service points', () => {
  it('refuses a box wider than the limit or upside down, naming the side', () => {
    const query = { minLat: '40.5', minLng: '109.5', maxLat: '41.5', maxLng: '110.5' };
    expect(servicePointBoxQuerySchema.parse(query)).toMatchObject({ minLat: 40.5, maxLng: 110.5, limit: 50 });
    const path = (change: Record<string, string>) =>
      servicePointBoxQuerySchema.safeParse({ ...query, ...change }).error?.issues.map((i) => i.path.join('.'));
    expect(path({ maxLng: '110.51' })).toEqual(['maxLng']);
    expect(path({ maxLat: '40.4' })).toEqual(['maxLat']);
    expect(path({ minLat: '2' })).toContain('minLat');
  });

  const box = fc
    .record({
      minLat: fc.double({ min: 18, max: 52, noNaN: true }),
      minLng: fc.double({ min: 74, max: 133, noNaN: true }),
      height: fc.double({ min: 0.001, max: SERVICE_POINT_BOX_DEGREES, noNaN: true }),
      width: fc.double({ min: 0.001, max: SERVICE_POINT_BOX_DEGREES, noNaN: true }),
    })
    .map(({ minLat, minLng, height, width }): Bbox => ({ minLat, minLng, maxLat: minLat + height, maxLng: minLng + width }));
  const fraction = fc.double({ min: 0, max: 1, noNaN: true });

  it('reads every point inside the box in at most 4 Queries, from the range of its own cell', () => {
    fc.assert(
      fc.property(box, fraction, fraction, (bounds, up, across) => {
        const ranges = boxRangesByCell(bounds, 3, POINT_PRECISION);
        expect(ranges.length).toBeLessThanOrEqual(4);
        const point = {
          lat: bounds.minLat + up * (bounds.maxLat - bounds.minLat),
          lng: bounds.minLng + across * (bounds.maxLng - bounds.minLng),
        };
        const hash = encodeGeohash(point, POINT_PRECISION);
        const sortKey = `${hash}#sp_1`;
        const range = ranges.find((r) => r.partition === hash.slice(0, 3));
        expect(range).toBeDefined();
        expect(range!.from <= sortKey && sortKey <= range!.to).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads, in one cell, the box clipped to it: not the whole cell', () => {
    // A small box around 固阳县's seat (a 400th of its cell): one cell, and its range a small part of the cell's keys.
    const [range, ...more] = boxRangesByCell({ minLat: 41.0, minLng: 110.0, maxLat: 41.05, maxLng: 110.1 }, 3, POINT_PRECISION);
    expect(more).toEqual([]);
    const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';
    const within = (hash: string) => [...hash.slice(3, POINT_PRECISION)].reduce((n, c) => n * 32 + BASE32.indexOf(c), 0);
    expect((within(range!.to) - within(range!.from)) / 32 ** (POINT_PRECISION - 3)).toBeLessThan(0.1);
  });
});
