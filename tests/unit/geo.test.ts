import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellsCoveringBbox,
  cellsCoveringCircle,
  childCells,
  distanceKm,
  encodeGeohash,
  farthestDistanceKm,
  gcj02ToWgs84,
  geohashBbox,
  wgs84ToGcj02,
} from '@bangfu/shared';

describe('distance', () => {
  it('measures known distances', () => {
    const beijing = { lat: 39.9042, lng: 116.4074 };
    const shanghai = { lat: 31.2304, lng: 121.4737 };
    expect(distanceKm(beijing, shanghai)).toBeGreaterThan(1060);
    expect(distanceKm(beijing, shanghai)).toBeLessThan(1075);
    expect(distanceKm(beijing, beijing)).toBe(0);
  });
});

describe('geohash', () => {
  it('matches the published example and round-trips through its cell', () => {
    expect(encodeGeohash({ lat: 57.64911, lng: 10.40744 }, 11)).toBe('u4pruydqqvj');
    const box = geohashBbox('wx4g0');
    expect(box.minLat).toBeLessThan(39.93);
    expect(encodeGeohash({ lat: (box.minLat + box.maxLat) / 2, lng: (box.minLng + box.maxLng) / 2 }, 5)).toBe('wx4g0');
  });

  it('covers every point of a circle with the cells it returns', () => {
    // 固阳县 (GCJ-02), radii of the position map
    const center = { lat: 41.0343, lng: 110.0563 };
    fc.assert(
      fc.property(
        fc.constantFrom(5, 20, 50),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (radius, r, angle) => {
          const precision = radius <= 5 ? 6 : radius <= 20 ? 5 : 4;
          const cells = new Set(cellsCoveringCircle(center, radius, precision));
          const km = r * radius * 0.99; // the flat offset below overshoots by up to ~0.1% at this latitude
          const point = {
            lat: center.lat + (km * Math.cos(angle)) / 111.195,
            lng: center.lng + (km * Math.sin(angle)) / (111.195 * Math.cos((center.lat * Math.PI) / 180)),
          };
          expect(distanceKm(center, point)).toBeLessThanOrEqual(radius);
          expect(cells.has(encodeGeohash(point, precision))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('covers a box with aligned cells and no duplicates', () => {
    const cells = cellsCoveringBbox({ minLat: 40.9, minLng: 109.9, maxLat: 41.2, maxLng: 110.3 }, 5);
    expect(new Set(cells).size).toBe(cells.length);
    expect(cells.every((c) => c.length === 5)).toBe(true);
  });
});

describe('GCJ-02', () => {
  it('shifts points in China by a few hundred metres and converts back to within a centimetre', () => {
    const wgs = { lat: 41.0343, lng: 110.0563 };
    const gcj = wgs84ToGcj02(wgs);
    const shift = distanceKm(wgs, gcj) * 1000;
    expect(shift).toBeGreaterThan(100);
    expect(shift).toBeLessThan(800);
    expect(distanceKm(gcj02ToWgs84(gcj), wgs) * 1000).toBeLessThan(0.01);
  });

  it('leaves points outside China as they are', () => {
    expect(wgs84ToGcj02({ lat: 51.5, lng: -0.12 })).toEqual({ lat: 51.5, lng: -0.12 });
  });
});

describe('a cell’s children', () => {
  it('have the boxes their geohashes decode to, at odd and even precisions', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 18, max: 53, noNaN: true }),
        fc.double({ min: 73, max: 135, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        (lat, lng, precision) => {
          const cell = encodeGeohash({ lat, lng }, precision);
          for (const child of childCells(cell, geohashBbox(cell))) {
            const decoded = geohashBbox(child.cell);
            for (const side of ['minLat', 'maxLat', 'minLng', 'maxLng'] as const) {
              expect(child.box[side]).toBeCloseTo(decoded[side], 9);
            }
          }
        },
      ),
    );
  });
});

describe('the farthest point of a cell', () => {
  it('is a corner: no point of its edges is farther', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 18, max: 53, noNaN: true }),
        fc.double({ min: 73, max: 135, noNaN: true }),
        fc.integer({ min: 3, max: 7 }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (lat, lng, precision, dLat, dLng) => {
          const cell = geohashBbox(encodeGeohash({ lat, lng }, precision));
          const point = { lat: lat + dLat, lng: lng + dLng };
          let far = 0;
          for (let i = 0; i <= 40; i++) {
            const t = i / 40;
            const [la, ln] = [cell.minLat + t * (cell.maxLat - cell.minLat), cell.minLng + t * (cell.maxLng - cell.minLng)];
            for (const edge of [
              { lat: la, lng: cell.minLng },
              { lat: la, lng: cell.maxLng },
              { lat: cell.minLat, lng: ln },
              { lat: cell.maxLat, lng: ln },
            ])
              far = Math.max(far, distanceKm(point, edge));
          }
          expect(farthestDistanceKm(point, cell)).toBeGreaterThanOrEqual(far - 1e-9);
        },
      ),
    );
  });
});
