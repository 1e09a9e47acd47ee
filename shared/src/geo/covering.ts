/**
 * Which slices of the geohash index to read for a shape (a ring around a point, or
 * a map's box). Positions are indexed under a partition of INDEX_PRECISION geohash
 * characters, and sorted inside it by their full geohash. A shape is covered by
 * cells of mixed size: a cell wholly inside the shape is read whole, a cell on its
 * edge is split into its 32 children until `maxPrecision`, and neighbouring cells of
 * one partition merge into one sort-key range. One range is one Query.
 *
 * How fine the edge goes decides how much is read for nothing: the area of the
 * covering over the area of the shape is the expected items read per item found.
 * `edgePrecisionFor` picks the edge precision from the shape's size (README of
 * functions/ lists the figures).
 */
import { distanceKm, type LatLng } from './distance.js';
import { bboxOfCircle, cellsCoveringBbox, distanceToCellKm, geohashBbox, type Bbox } from './geohash.js';

/** Characters of the geohash that name an index partition (a cell of about 39 × 20 km). */
export const INDEX_PRECISION = 4;
/** Characters of the geohash stored in the sort key (about 5 m). */
export const POINT_PRECISION = 9;
/** Finer edges than this cost more Queries than they save reads. */
const FINEST_EDGE = 7;

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

/** How a shape meets a cell. */
export type Relation = 'outside' | 'inside' | 'partial';

export interface Shape {
  /** A box around the whole shape. */
  bounds: Bbox;
  relate(cell: Bbox): Relation;
}

/** One Query: `gsi3pk = partition AND gsi3sk BETWEEN from AND to`. */
export interface IndexRange {
  partition: string;
  from: string;
  to: string;
}

/** The points whose distance from `center` lies in [innerKm, outerKm]. */
export function annulus(center: LatLng, innerKm: number, outerKm: number): Shape {
  return {
    bounds: bboxOfCircle(center, outerKm),
    relate(cell) {
      const near = distanceToCellKm(center, cell);
      const far = farthestDistanceKm(center, cell);
      if (near > outerKm || far < innerKm) return 'outside';
      if (near >= innerKm && far <= outerKm) return 'inside';
      return 'partial';
    },
  };
}

export function box(bounds: Bbox): Shape {
  return {
    bounds,
    relate(cell) {
      if (cell.minLat > bounds.maxLat || cell.maxLat < bounds.minLat) return 'outside';
      if (cell.minLng > bounds.maxLng || cell.maxLng < bounds.minLng) return 'outside';
      const inside =
        cell.minLat >= bounds.minLat &&
        cell.maxLat <= bounds.maxLat &&
        cell.minLng >= bounds.minLng &&
        cell.maxLng <= bounds.maxLng;
      return inside ? 'inside' : 'partial';
    },
  };
}

/** Distance to the farthest corner or edge middle: the farthest point of a cell this small. */
export function farthestDistanceKm(point: LatLng, cell: Bbox): number {
  const midLat = (cell.minLat + cell.maxLat) / 2;
  const midLng = (cell.minLng + cell.maxLng) / 2;
  let far = 0;
  for (const lat of [cell.minLat, midLat, cell.maxLat]) {
    for (const lng of [cell.minLng, midLng, cell.maxLng]) far = Math.max(far, distanceKm(point, { lat, lng }));
  }
  return far;
}

/**
 * The edge precision for a shape of size `extentKm` (a disc's radius, a box's
 * shorter side): the coarsest that keeps the covering within about 1.3× the
 * shape's area. Measured around Baotou (41° N), a disc of radius 1 / 5 / 20 / 50 km
 * reads 1.17 / 1.20 / 1.29 / 1.11× its area in 22 / 27 / 18 / 41 Queries. A ring
 * takes the precision of its outer disc: finer edges along a long thin ring would
 * cost hundreds of Queries to save a few reads.
 */
export function edgePrecisionFor(extentKm: number): number {
  // Longer side of a cell at China's latitudes: precision 5 ≈ 4.9 km, 6 ≈ 1.2 km, 7 ≈ 0.15 km.
  if (extentKm >= 8) return 5;
  if (extentKm >= 1.5) return 6;
  return FINEST_EDGE;
}

/** The cells covering `shape`, coarse inside and down to `maxPrecision` at its edge. */
export function coverCells(shape: Shape, maxPrecision: number): string[] {
  const cells: string[] = [];
  const visit = (cell: string) => {
    const relation = shape.relate(geohashBbox(cell));
    if (relation === 'outside') return;
    if (relation === 'inside' || cell.length >= maxPrecision) {
      cells.push(cell);
      return;
    }
    for (const child of BASE32) visit(cell + child);
  };
  for (const cell of cellsCoveringBbox(shape.bounds, INDEX_PRECISION)) visit(cell);
  return cells;
}

/** A cell as a span of the integers of `precision`-character geohashes. */
function span(cell: string, precision: number): [number, number] {
  let value = 0;
  for (const char of cell) value = value * 32 + BASE32.indexOf(char);
  const scale = 32 ** (precision - cell.length);
  return [value * scale, (value + 1) * scale];
}

function toGeohash(value: number, precision: number): string {
  let text = '';
  for (let i = 0; i < precision; i++) {
    text = BASE32[value % 32]! + text;
    value = Math.floor(value / 32);
  }
  return text;
}

/**
 * The Queries that read `shape`: its covering cells, neighbours within a partition
 * merged into one sort-key range. `to` ends in '~', which sorts after every geohash
 * character and after '#', so the range takes every item whose geohash starts inside it.
 */
export function coverRanges(shape: Shape, maxPrecision: number): IndexRange[] {
  const byPartition = new Map<string, [number, number][]>();
  for (const cell of coverCells(shape, maxPrecision)) {
    const partition = cell.slice(0, INDEX_PRECISION);
    const spans = byPartition.get(partition) ?? [];
    spans.push(span(cell, maxPrecision));
    byPartition.set(partition, spans);
  }
  const ranges: IndexRange[] = [];
  for (const [partition, spans] of byPartition) {
    spans.sort((a, b) => a[0] - b[0]);
    let [from, to] = spans[0]!;
    const flush = () =>
      ranges.push({ partition, from: toGeohash(from, maxPrecision), to: `${toGeohash(to - 1, maxPrecision)}~` });
    for (const [start, end] of spans.slice(1)) {
      if (start === to) to = end;
      else {
        flush();
        [from, to] = [start, end];
      }
    }
    flush();
  }
  return ranges;
}
