/** A zoomed-out map's clusters, from counts per cell. */
import { describe, expect, it } from 'vitest';
import { clustersFromCounts, encodeGeohash, geohashBbox } from '@bangfu/shared';

const BEIJING = { lat: 39.9, lng: 116.4 };
const TIANJIN = { lat: 39.13, lng: 117.2 };
const SHANGHAI = { lat: 31.23, lng: 121.47 };
const NORTH_CHINA = { minLat: 36, minLng: 105, maxLat: 44, maxLng: 120 };
const centre = (cell: string) => {
  const b = geohashBbox(cell);
  return { lat: (b.minLat + b.maxLat) / 2, lng: (b.minLng + b.maxLng) / 2 };
};

describe('clusters from counts', () => {
  it('gathers the counted cells in the box by the zoom’s cell, at their weighted centre', () => {
    const beijing = encodeGeohash(BEIJING, 4);
    const nearby = encodeGeohash({ lat: 40.1, lng: 116.2 }, 4);
    const counts = [
      { cell: beijing, count: 30 },
      { cell: nearby, count: 10 },
      { cell: encodeGeohash(TIANJIN, 4), count: 5 },
      { cell: encodeGeohash(SHANGHAI, 4), count: 99 }, // outside the box
      { cell: encodeGeohash({ lat: 38, lng: 110 }, 4), count: 0 }, // nothing left there
    ];
    // Zoom 5: cells of 2 characters — Beijing's two cells in one (wx), Tianjin in the next (ww).
    const wide = clustersFromCounts(counts, NORTH_CHINA, 5);
    expect(wide.total).toBe(45);
    expect(wide.clusters.map((c) => [c.cell, c.count])).toEqual([
      ['wx', 40],
      ['ww', 5],
    ]);
    // Zoom 8: cells of 4 — each its own cluster, biggest first, at its cell's centre.
    const closer = clustersFromCounts(counts, NORTH_CHINA, 8);
    expect(closer.clusters.map((c) => c.count)).toEqual([30, 10, 5]);
    expect(closer.clusters[0]).toMatchObject({ cell: beijing, ...centre(beijing) });
    // Zoom 6: 3 characters — Beijing's two cells (wx4f, wx4s) weigh in by their counts.
    const middle = clustersFromCounts(counts.slice(0, 2), NORTH_CHINA, 6);
    expect(middle.clusters).toHaveLength(1);
    expect(middle.clusters[0]!.lat).toBeCloseTo((centre(beijing).lat * 30 + centre(nearby).lat * 10) / 40, 6);
  });
});
