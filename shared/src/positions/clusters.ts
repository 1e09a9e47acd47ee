/**
 * Map clustering: at low zoom the positions of one geohash cell become one bubble
 * with a count, placed at their mean position; at high zoom each position is its
 * own marker. Every position is in exactly one cluster or is one marker, so the
 * counts add up to what the box holds.
 */
import type { CellCount } from '../geo/density.js';
import { encodeGeohash, geohashBbox, type Bbox } from '../geo/geohash.js';
import type { LatLng } from '../geo/distance.js';

/** From this zoom on (a few streets across a phone) every position is its own marker. */
export const MARKER_ZOOM = 13;
/** More markers than this on one screen help nobody: cluster anyway, finely. */
export const MAX_MARKERS = 300;

/** Geohash characters of a cluster cell at a zoom: cells a little smaller than a quarter of the screen. */
export function clusterPrecisionFor(zoom: number): number {
  if (zoom <= 5) return 2;
  if (zoom <= 7) return 3;
  if (zoom <= 9) return 4;
  if (zoom <= 11) return 5;
  if (zoom <= 12) return 6;
  return 7;
}

export interface Cluster extends LatLng {
  /** The geohash cell the cluster gathers. */
  cell: string;
  count: number;
}

export function clusterPoints<T extends { location: LatLng }>(
  points: readonly T[],
  zoom: number,
): { clusters: Cluster[]; markers: T[] } {
  if (zoom >= MARKER_ZOOM && points.length <= MAX_MARKERS) return { clusters: [], markers: [...points] };
  const precision = clusterPrecisionFor(zoom);
  const cells = new Map<string, T[]>();
  for (const point of points) {
    const cell = encodeGeohash(point.location, precision);
    const members = cells.get(cell);
    if (members) members.push(point);
    else cells.set(cell, [point]);
  }
  const clusters: Cluster[] = [];
  const markers: T[] = [];
  for (const [cell, members] of cells) {
    if (members.length === 1) {
      markers.push(members[0]!);
      continue;
    }
    const lat = members.reduce((sum, m) => sum + m.location.lat, 0) / members.length;
    const lng = members.reduce((sum, m) => sum + m.location.lng, 0) / members.length;
    clusters.push({ cell, lat, lng, count: members.length });
  }
  clusters.sort((a, b) => b.count - a.count || a.cell.localeCompare(b.cell));
  return { clusters, markers };
}

/**
 * Clusters from counts per cell (a zoomed-out map): the cells whose centre lies in the box,
 * gathered by the zoom's cluster cell (never finer than the counted cells), each placed at
 * the mean of its cells' centres weighted by their counts.
 */
export function clustersFromCounts(
  cells: readonly CellCount[],
  bounds: Bbox,
  zoom: number,
): { clusters: Cluster[]; total: number } {
  const gathered = new Map<string, { count: number; lat: number; lng: number }>();
  let total = 0;
  for (const { cell, count } of cells) {
    if (count <= 0) continue;
    const b = geohashBbox(cell);
    const [lat, lng] = [(b.minLat + b.maxLat) / 2, (b.minLng + b.maxLng) / 2];
    if (lat < bounds.minLat || lat > bounds.maxLat || lng < bounds.minLng || lng > bounds.maxLng) continue;
    const key = cell.slice(0, Math.min(cell.length, clusterPrecisionFor(zoom)));
    const sum = gathered.get(key) ?? { count: 0, lat: 0, lng: 0 };
    gathered.set(key, { count: sum.count + count, lat: sum.lat + lat * count, lng: sum.lng + lng * count });
    total += count;
  }
  const clusters = [...gathered].map(([cell, sum]) => ({
    cell,
    count: sum.count,
    lat: sum.lat / sum.count,
    lng: sum.lng / sum.count,
  }));
  clusters.sort((a, b) => b.count - a.count || a.cell.localeCompare(b.cell));
  return { clusters, total };
}
