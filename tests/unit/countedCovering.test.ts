/**
 * A thin ring cut by the map's counts: nothing inside it is missed whatever the counts say, and
 * where positions crowd, little beyond it is read, in few Queries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annulus,
  cellSpan,
  countedSpread,
  coverRangesByCounts,
  coverRangesWithin,
  distanceKm,
  edgePrecisionFor,
  encodeGeohash,
  INDEX_PRECISION,
  POINT_PRECISION,
  type CellCount,
  type IndexRange,
  type LatLng,
} from '@bangfu/shared';

const inRanges = (ranges: IndexRange[], point: LatLng) => {
  const sortKey = `${encodeGeohash(point, POINT_PRECISION)}#p_1`;
  return ranges.some((r) => r.partition === sortKey.slice(0, INDEX_PRECISION) && r.from <= sortKey && sortKey <= r.to);
};

function offset(center: LatLng, km: number, bearing: number): LatLng {
  return {
    lat: center.lat + (km * Math.cos(bearing)) / 111.195,
    lng: center.lng + (km * Math.sin(bearing)) / (111.195 * Math.cos((center.lat * Math.PI) / 180)),
  };
}

/** Counts of cells of 6 characters, as the map keeps them (a tile of 4 characters holds them). */
function countsOf(points: LatLng[]): CellCount[] {
  const counts = new Map<string, number>();
  for (const point of points) {
    const cell = encodeGeohash(point, 6);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return [...counts].map(([cell, count]) => ({ cell, count }));
}

/** As the nearby search cuts a ring past its first read (functions/src/positions/geoQuery.ts). */
const CUTS = { cutAbove: 0.25, bridgeBelow: 0.5, maxQueries: 512 };

let seed = 11;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const gauss = () => Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random());

const searcher = { lat: 40.65, lng: 109.84 };
/** Three towns about 40 km out, 3,000 positions each within a few km, and 2,000 scattered over 200 km. */
const towns = [0.3, 2.1, 4.4].map((bearing) => offset(searcher, 40, bearing));
const positions = [
  ...towns.flatMap((town) => Array.from({ length: 3_000 }, () => offset(town, 2 * Math.abs(gauss()), random() * 2 * Math.PI))),
  ...Array.from({ length: 2_000 }, () => offset(searcher, 100 * Math.sqrt(random()), random() * 2 * Math.PI)),
];

describe('countedSpread', () => {
  it("spreads a cell's count evenly over it, and adds the cells a slice crosses", () => {
    const likely = countedSpread([
      { cell: 'wrs5gd', count: 32 },
      { cell: 'wrs5ge', count: 8 },
    ]);
    const [lo, hi] = cellSpan('wrs5gd', 8);
    expect(likely(lo, hi)).toBe(32);
    expect(likely(...cellSpan('wrs5gd0', 8))).toBeCloseTo(1);
    expect(likely(lo, cellSpan('wrs5ge', 8)[1])).toBe(40);
    expect(likely(...cellSpan('wrs5gf', 8))).toBe(0);
  });
});

describe('coverRangesByCounts', () => {
  it('reads every point of the ring whatever the counts say: right, none, or wrong', () => {
    const right = countsOf(positions);
    const wrong = countsOf(positions.map((p) => offset(p, 30, 1)));
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (inner, width, t, bearing) => {
          const point = offset(searcher, inner + t * width, bearing);
          const d = distanceKm(searcher, point);
          fc.pre(d >= inner && d <= inner + width);
          for (const counts of [right, [], wrong]) {
            const ranges = coverRangesByCounts(annulus(searcher, inner, inner + width), counts, CUTS);
            expect(inRanges(ranges, point)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads a thin ring through crowded towns at under 1.5× what it holds, where edges even all round read several times that', () => {
    const counts = countsOf(positions);
    for (const [inner, outer] of [
      [39, 39.5],
      [40.2, 40.5],
      [55, 56],
    ] as const) {
      const ring = annulus(searcher, inner, outer);
      const held = positions.filter((p) => {
        const d = distanceKm(searcher, p);
        return d >= inner && d <= outer;
      }).length;
      const readBy = (ranges: IndexRange[]) => positions.filter((p) => inRanges(ranges, p)).length;
      const counted = coverRangesByCounts(ring, counts, CUTS);
      const even = coverRangesWithin(ring, edgePrecisionFor(outer - inner), edgePrecisionFor(outer), 32);
      expect(counted.length).toBeLessThanOrEqual(CUTS.maxQueries);
      expect(readBy(counted) / held).toBeLessThan(1.5);
      expect(readBy(even) / held).toBeGreaterThan(2.5);
    }
  });

  it('takes at most the Queries allowed, or one for each partition the ring crosses', () => {
    const counts = countsOf(positions);
    const ring = annulus(searcher, 60, 61);
    const partitions = new Set(coverRangesByCounts(ring, [], { ...CUTS, maxQueries: 1 }).map((r) => r.partition));
    expect(coverRangesByCounts(ring, counts, { ...CUTS, maxQueries: 1 }).length).toBe(partitions.size);
    expect(coverRangesByCounts(ring, counts, { ...CUTS, maxQueries: 200 }).length).toBeLessThanOrEqual(200);
  });
});
