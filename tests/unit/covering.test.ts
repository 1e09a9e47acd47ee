/** The index ranges that read a ring or a box: nothing inside is missed, and little outside is read. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annulus,
  box,
  coverCells,
  coverRanges,
  coverRangesInQueries,
  distanceKm,
  edgePrecisionFor,
  edgePrecisionForRing,
  encodeGeohash,
  geohashBbox,
  INDEX_PRECISION,
  POINT_PRECISION,
  type IndexRange,
  type LatLng,
} from '@bangfu/shared';

/** Where a point's index entry sorts: the range that would read it, if any. */
function rangeOf(ranges: IndexRange[], point: LatLng): IndexRange | undefined {
  const hash = encodeGeohash(point, POINT_PRECISION);
  const sortKey = `${hash}#p_1`;
  return ranges.find((r) => r.partition === hash.slice(0, INDEX_PRECISION) && r.from <= sortKey && sortKey <= r.to);
}

/** A point at `km` from `center` in direction `bearing` (flat approximation, plenty at these scales). */
function offset(center: LatLng, km: number, bearing: number): LatLng {
  const lat = center.lat + (km * Math.cos(bearing)) / 111.195;
  const lng = center.lng + (km * Math.sin(bearing)) / (111.195 * Math.cos((center.lat * Math.PI) / 180));
  return { lat, lng };
}

/** Any number from `min` to `max`. */
const between = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const chinaPoint = fc.record({ lat: between(18, 53), lng: between(75, 134) });
/** How far along a span, 0 to 1. */
const fraction = between(0, 1);

/** `check` for 300 random rings around points of China, each with a random point inside it. */
function forPointsOfRings(
  limits: { maxInner: number; minWidth: number; maxWidth: number },
  check: (center: LatLng, inner: number, outer: number, point: LatLng) => void,
) {
  fc.assert(
    fc.property(
      chinaPoint,
      between(0, limits.maxInner),
      between(limits.minWidth, limits.maxWidth),
      fraction,
      between(0, 2 * Math.PI),
      (center, inner, width, t, bearing) => {
        const outer = inner + width;
        const point = offset(center, inner + t * width, bearing);
        const d = distanceKm(center, point);
        fc.pre(d >= inner && d <= outer);
        check(center, inner, outer, point);
      },
    ),
    { numRuns: 300 },
  );
}

describe('covering a ring around a point', () => {
  it('reads every point whose distance lies in the ring', () => {
    forPointsOfRings({ maxInner: 40, minWidth: 0.5, maxWidth: 40 }, (center, inner, outer, point) => {
      const ranges = coverRanges(annulus(center, inner, outer), edgePrecisionFor(outer));
      expect(rangeOf(ranges, point)).toBeDefined();
    });
  });

  it('reads about the ring’s own area, not the box around it', () => {
    const center = { lat: 41.03, lng: 110.05 }; // 固阳县
    const areaOf = (cell: string) => {
      const b = geohashBbox(cell);
      return (b.maxLat - b.minLat) * 111.195 * (b.maxLng - b.minLng) * 111.195 * Math.cos((center.lat * Math.PI) / 180);
    };
    for (const radius of [1, 5, 20, 50, 150]) {
      const cells = coverCells(annulus(center, 0, radius), edgePrecisionFor(radius));
      const covered = cells.reduce((sum, cell) => sum + areaOf(cell), 0);
      expect(covered / (Math.PI * radius * radius)).toBeLessThan(1.5);
    }
    // A ring skips its middle: the ring 20–25 km reads far less than the disc of 25 km.
    const ring = coverCells(annulus(center, 20, 25), edgePrecisionFor(25)).reduce((s, c) => s + areaOf(c), 0);
    const disc = coverCells(annulus(center, 0, 25), edgePrecisionFor(25)).reduce((s, c) => s + areaOf(c), 0);
    expect(ring).toBeLessThan(disc * 0.7);
    expect(ring / (Math.PI * (25 ** 2 - 20 ** 2))).toBeLessThan(2.5); // coarse edges on a thin ring: Queries, not reads, cost
  });

  it('merges neighbouring cells of a partition into one Query', () => {
    const ranges = coverRanges(annulus({ lat: 41.03, lng: 110.05 }, 0, 20), edgePrecisionFor(20));
    const cells = coverCells(annulus({ lat: 41.03, lng: 110.05 }, 0, 20), edgePrecisionFor(20));
    expect(ranges.length).toBeLessThan(cells.length / 3);
    for (const range of ranges) {
      expect(range.partition).toHaveLength(INDEX_PRECISION);
      expect(range.from.startsWith(range.partition)).toBe(true);
      expect(range.from < range.to).toBe(true);
    }
  });
});

describe('covering a ring in a budget of Queries', () => {
  /** Km² a range reads: its count of cells of the precision its bounds are written in. */
  const areaOf = (range: IndexRange) => {
    const precision = range.from.length;
    const index = (hash: string) =>
      [...hash].reduce((value, char) => value * 32 + '0123456789bcdefghjkmnpqrstuvwxyz'.indexOf(char), 0);
    const cell = geohashBbox(range.from);
    const km2 =
      (cell.maxLat - cell.minLat) * 111.195 * (cell.maxLng - cell.minLng) * 111.195 * Math.cos((cell.minLat * Math.PI) / 180);
    return (index(range.to.slice(0, precision)) - index(range.from) + 1) * km2;
  };

  it('reads every point of the ring, in at most the budget (or one Query per partition it touches)', () => {
    forPointsOfRings({ maxInner: 30, minWidth: 0.05, maxWidth: 30 }, (center, inner, outer, point) => {
      const shape = annulus(center, inner, outer);
      const ranges = coverRangesInQueries(shape, edgePrecisionForRing(inner, outer), 8);
      const partitions = new Set(coverCells(shape, INDEX_PRECISION).map((cell) => cell.slice(0, INDEX_PRECISION)));
      expect(ranges.length).toBeLessThanOrEqual(Math.max(8, partitions.size));
      expect(rangeOf(ranges, point)).toBeDefined();
    });
  });

  it('reads a town’s disc, or a sparse place’s, in 8 Queries and under twice its area', () => {
    for (const center of [
      { lat: 41.03, lng: 110.05 }, // 固阳县
      { lat: 40.65, lng: 109.84 }, // 包头
      { lat: 36.62, lng: 101.78 }, // 西宁
    ]) {
      for (const radius of [0.8, 1.5, 3, 12]) {
        const shape = annulus(center, 0, radius);
        const budgeted = coverRangesInQueries(shape, edgePrecisionForRing(0, radius), 8);
        const disc = Math.PI * radius ** 2;
        const read = budgeted.reduce((sum, range) => sum + areaOf(range), 0);
        expect(budgeted.length).toBeLessThanOrEqual(8);
        expect(read / disc).toBeLessThan(2);
      }
    }
  });
});

describe('covering a map box', () => {
  it('reads every point inside the box', () => {
    fc.assert(
      fc.property(chinaPoint, between(0.01, 1.5), between(0.01, 1.5), fraction, fraction, (corner, dLat, dLng, u, v) => {
        const bounds = { minLat: corner.lat, minLng: corner.lng, maxLat: corner.lat + dLat, maxLng: corner.lng + dLng };
        const ranges = coverRanges(box(bounds), edgePrecisionFor(Math.min(dLat, dLng) * 80));
        expect(rangeOf(ranges, { lat: corner.lat + u * dLat, lng: corner.lng + v * dLng })).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });
});
