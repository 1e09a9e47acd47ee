/**
 * How far from a point one must read to find a number of positions, from counts of
 * positions per geohash cell. The job map keeps such counts (functions/src/positions/
 * mapCounts.ts) so a nearby search reads one disc just large enough for its page
 * instead of growing rings until the page is full.
 *
 * A count tells how many positions a cell holds, not where in it: each cell is taken
 * as SAMPLES × SAMPLES points of equal share, which is close enough for cells a few
 * times smaller than the disc. The answer is an estimate; the search checks it.
 */
import { distanceKm, type LatLng } from './distance.js';
import { geohashBbox } from './geohash.js';

const SAMPLES = 4;

/** A geohash cell (any precision) and the positions it holds. */
export interface CellCount {
  cell: string;
  count: number;
}

/**
 * The distance from `center` within which about `wanted` positions lie beyond `fromKm`,
 * counting only what lies within `knownKm` (where the counts given cover every cell);
 * undefined when fewer than `wanted` lie within `knownKm`.
 */
export function radiusHolding(
  center: LatLng,
  cells: Iterable<CellCount>,
  { fromKm, wanted, knownKm }: { fromKm: number; wanted: number; knownKm: number },
): number | undefined {
  const shares: [distance: number, share: number][] = [];
  for (const { cell, count } of cells) {
    if (count <= 0) continue;
    const b = geohashBbox(cell);
    const share = count / SAMPLES ** 2;
    for (let i = 0.5; i < SAMPLES; i++) {
      for (let j = 0.5; j < SAMPLES; j++) {
        const point = {
          lat: b.minLat + (i / SAMPLES) * (b.maxLat - b.minLat),
          lng: b.minLng + (j / SAMPLES) * (b.maxLng - b.minLng),
        };
        const d = distanceKm(center, point);
        if (d >= fromKm && d <= knownKm) shares.push([d, share]);
      }
    }
  }
  shares.sort((a, b) => a[0] - b[0]);
  let found = 0;
  for (const [d, share] of shares) {
    found += share;
    if (found >= wanted) return d;
  }
  return undefined;
}
