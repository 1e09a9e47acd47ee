/**
 * 岗位订阅's pure parts: a position matches a saved search when it lies within the circle and
 * passes the job map's filters; the cells a search is filed under always include the cell of
 * every point its circle reaches, so the two lists a published position reads miss no search.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALERT_CELL_PRECISIONS,
  alertCellPrecision,
  alertCells,
  alertCellsOfPoint,
  distanceKm,
  FINE_ALERT_RADIUS_KM,
  jobAlertInputSchema,
  jobAlertUpdateSchema,
  matchesAlert,
  type AlertCriteria,
  type LatLng,
  type Position,
} from '@bangfu/shared';

const GUYANG: LatLng = { lat: 41.034, lng: 110.063 };

/** A point at `km` from `center` due `bearing` (radians), corrected so its exact distance is `km`. */
function pointAt(center: LatLng, km: number, bearing: number): LatLng {
  const step = (d: number) => ({
    lat: center.lat + (d * Math.cos(bearing)) / 111.195,
    lng: center.lng + (d * Math.sin(bearing)) / (111.195 * Math.cos((center.lat * Math.PI) / 180)),
  });
  // The flat offset is off by a little over tens of km: scale it until the great-circle distance is `km`.
  if (km < 1e-6) return center; // a few millimetres: the centre itself
  let d = km;
  for (let i = 0; i < 5; i++) d *= km / distanceKm(center, step(d));
  return step(d);
}

const position = (overrides: Partial<Position> = {}) =>
  ({
    location: GUYANG,
    form: 'fullTime',
    pay: { unit: 'month', minFen: 300_000, maxFen: 400_000 },
    suitsHalfLabour: true,
    suitsWeakLabour: false,
    accommodation: false,
    employerKind: 'assistanceWorkshop',
    occupation: 'sewing_worker',
    ...overrides,
  }) as Position;

const search = (overrides: Partial<AlertCriteria> = {}): AlertCriteria => ({
  centre: GUYANG,
  radiusKm: 10,
  filters: {},
  ...overrides,
});

describe('matchesAlert', () => {
  it('takes a position just inside the radius and not one just outside, in every direction', () => {
    for (const bearing of [0, 1, 2, 3, 4, 5, 6]) {
      const inside = pointAt(GUYANG, 9.98, bearing);
      const outside = pointAt(GUYANG, 10.02, bearing);
      expect(distanceKm(GUYANG, inside)).toBeLessThan(10);
      expect(distanceKm(GUYANG, outside)).toBeGreaterThan(10);
      expect(matchesAlert(position({ location: inside }), search())).toBe(true);
      expect(matchesAlert(position({ location: outside }), search())).toBe(false);
    }
  });

  it('applies the job map’s filters: kind of employer, occupation, wage floor, suits', () => {
    expect(matchesAlert(position(), search({ filters: { employerKind: 'assistanceWorkshop' } }))).toBe(true);
    expect(matchesAlert(position(), search({ filters: { employerKind: 'workForRelief' } }))).toBe(false);
    expect(matchesAlert(position(), search({ filters: { occupation: 'sewing_worker' } }))).toBe(true);
    expect(matchesAlert(position(), search({ filters: { occupation: 'welder' } }))).toBe(false);
    // The top of the range against the floor: 4000 元 a month.
    expect(matchesAlert(position(), search({ filters: { minMonthlyPayFen: 400_000 } }))).toBe(true);
    expect(matchesAlert(position(), search({ filters: { minMonthlyPayFen: 400_001 } }))).toBe(false);
    // A day wage counts 22 days: 200 元 × 22 = 4400 元.
    const daily = position({ pay: { unit: 'day', minFen: 20_000, maxFen: 20_000 } });
    expect(matchesAlert(daily, search({ filters: { minMonthlyPayFen: 440_000 } }))).toBe(true);
    expect(matchesAlert(position(), search({ filters: { suitsHalfLabour: true } }))).toBe(true);
    expect(matchesAlert(position(), search({ filters: { suitsWeakLabour: true } }))).toBe(false);
    // A match on everything but the place is no match.
    expect(
      matchesAlert(position({ location: pointAt(GUYANG, 30, 1) }), search({ filters: { employerKind: 'assistanceWorkshop' } })),
    ).toBe(false);
  });
});

describe('the cells a saved search is filed under', () => {
  const chinaPoint = fc.record({
    lat: fc.double({ min: 18, max: 53, noNaN: true }),
    lng: fc.double({ min: 75, max: 134, noNaN: true }),
  });
  const radius = fc.double({ min: 1, max: 100, noNaN: true });

  it('hold the cell of every point the circle reaches, even at its very edge', () => {
    fc.assert(
      fc.property(
        chinaPoint,
        radius,
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (centre, r, bearing, share) => {
          const cells = new Set(alertCells(centre, r));
          // Anywhere inside, and just inside the rim.
          for (const km of [r * share, r - 0.001]) {
            const point = pointAt(centre, km, bearing);
            expect(
              alertCellsOfPoint(point).some((cell) => cells.has(cell)),
              `${km} of ${r} km`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('are of one size: fine for a small circle, coarse for a large one, and few either way', () => {
    expect(alertCellPrecision(FINE_ALERT_RADIUS_KM)).toBe(ALERT_CELL_PRECISIONS[1]);
    expect(alertCellPrecision(FINE_ALERT_RADIUS_KM + 0.1)).toBe(ALERT_CELL_PRECISIONS[0]);
    fc.assert(
      fc.property(chinaPoint, radius, (centre, r) => {
        const cells = alertCells(centre, r);
        expect(new Set(cells.map((c) => c.length))).toEqual(new Set([alertCellPrecision(r)]));
        // One search, its copies and the count fit one transaction (100 items) with room to spare.
        expect(cells.length).toBeLessThanOrEqual(20);
      }),
      { numRuns: 300 },
    );
  });

  it('leave out a place well beyond the circle, so its publish never reads the search', () => {
    const cells = new Set(alertCells(GUYANG, 10));
    // 10 km search, fine cells about 20 × 30 km: 80 km away is past every cell it touches.
    for (const bearing of [0, 1.5, 3, 4.5]) {
      const far = pointAt(GUYANG, 80, bearing);
      expect(alertCellsOfPoint(far).some((cell) => cells.has(cell))).toBe(false);
    }
  });

  it('the position’s two lists and the exact test together find exactly the searches within reach', () => {
    const radius = 25;
    const cells = new Set(alertCells(GUYANG, radius));
    for (const km of [24.99, 25.01]) {
      const point = pointAt(GUYANG, km, 2.2);
      const found =
        alertCellsOfPoint(point).some((cell) => cells.has(cell)) &&
        matchesAlert(position({ location: point }), search({ radiusKm: radius }));
      expect(found, `${km} km`).toBe(km < radius);
    }
  });
});

describe('a saved search as typed', () => {
  const input = { label: '金山镇附近', centre: GUYANG, placeName: '金山镇', radiusKm: 10 };

  it('takes the job map’s filters as JSON and refuses a radius out of 1–100 km by its field', () => {
    const parsed = jobAlertInputSchema.parse({
      ...input,
      filters: { employerKind: 'workForRelief', occupation: '电焊工', suitsHalfLabour: true },
    });
    expect(parsed.filters).toEqual({ employerKind: 'workForRelief', occupation: 'welder', suitsHalfLabour: true });
    for (const radiusKm of [0.5, 101]) {
      const result = jobAlertInputSchema.safeParse({ ...input, radiusKm });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['radiusKm']);
    }
    const unknownKind = jobAlertInputSchema.safeParse({ ...input, filters: { employerKind: 'factory' } });
    expect(unknownKind.error?.issues[0]?.path).toEqual(['filters', 'employerKind']);
    // An edit changes what it names: filters left out are not reset.
    expect(jobAlertUpdateSchema.parse({ version: 2, radiusKm: 5 })).toEqual({ version: 2, radiusKm: 5 });
    expect(jobAlertInputSchema.parse(input).filters).toEqual({});
    // The query string's spelling is not JSON's.
    expect(jobAlertInputSchema.safeParse({ ...input, filters: { accommodation: 'true' } }).success).toBe(false);
  });
});
