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
import { bboxOfCircle, cellSize, cellsCoveringBbox, childCells, distanceToCellKm, geohashBbox, type Bbox } from './geohash.js';

/** Characters of the geohash that name an index partition (a cell of about 39 × 20 km). */
export const INDEX_PRECISION = 4;
/** Characters of the geohash stored in the sort key (about 5 m). */
export const POINT_PRECISION = 9;
/** Finer edges than this cost more to compute than they save reads. */
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

/**
 * Distance to the farthest point of a cell: one of its corners. Along a meridian edge (a great
 * circle) the distance from a point outside has no maximum inside the edge, and along a parallel
 * edge it grows with the difference in longitude, so it is largest at an end.
 */
export function farthestDistanceKm(point: LatLng, cell: Bbox): number {
  let far = 0;
  for (const lat of [cell.minLat, cell.maxLat]) {
    for (const lng of [cell.minLng, cell.maxLng]) far = Math.max(far, distanceKm(point, { lat, lng }));
  }
  return far;
}

/**
 * The edge precision for a shape of size `extentKm` (a disc's radius, a box's
 * shorter side). Finer edges read less outside the shape, and bridging small gaps
 * (coverRanges) keeps the Queries few: around Baotou (41° N) a disc of radius
 * 5 / 20 / 50 km is read in 14 / 12 / 22 Queries covering at most 1.3× its area.
 * Past 30 km the edge is a small part of the disc and coarse cells cost less to compute.
 */
export function edgePrecisionFor(extentKm: number): number {
  // Longer side of a cell at China's latitudes: precision 5 ≈ 4.9 km, 6 ≈ 1.2 km, 7 ≈ 0.15 km.
  if (extentKm >= 30) return 5;
  if (extentKm >= 8) return 6;
  return FINEST_EDGE;
}

/** Edge cells along a ring's two circles a covering may compute before its edges are made coarser (CPU, not reads). */
const MAX_RING_EDGE_CELLS = 600;

/** The edge precision for the ring between two radii: as fine as its width asks, within MAX_RING_EDGE_CELLS. */
export function edgePrecisionForRing(innerKm: number, outerKm: number): number {
  const perimeterKm = 2 * Math.PI * (innerKm + outerKm);
  let precision = edgePrecisionFor(outerKm - innerKm);
  while (precision > 5 && perimeterKm / (cellSize(precision).lat * 111.195) > MAX_RING_EDGE_CELLS) precision--;
  return precision;
}

/** The cells covering `shape`, coarse inside and down to `maxPrecision` at its edge. */
export function coverCells(shape: Shape, maxPrecision: number): string[] {
  const cells: string[] = [];
  const visit = (cell: string, bbox: Bbox) => {
    const relation = shape.relate(bbox);
    if (relation === 'outside') return;
    if (relation === 'inside' || cell.length >= maxPrecision) {
      cells.push(cell);
      return;
    }
    for (const child of childCells(cell, bbox)) visit(child.cell, child.box);
  };
  for (const cell of cellsCoveringBbox(shape.bounds, INDEX_PRECISION)) visit(cell, geohashBbox(cell));
  return cells;
}

/** A cell as a span of the integers of `precision`-character geohashes. */
export function cellSpan(cell: string, precision: number): [number, number] {
  let value = 0;
  for (const char of cell) value = value * 32 + BASE32.indexOf(char);
  const scale = 32 ** (precision - cell.length);
  return [value * scale, (value + 1) * scale];
}

/** The `precision`-character geohash that is the integer `value` in base 32. */
export function toGeohash(value: number, precision: number): string {
  let text = '';
  for (let i = 0; i < precision; i++) {
    text = BASE32[value % 32]! + text;
    value = Math.floor(value / 32);
  }
  return text;
}

/** A covering's cells (none finer than `maxPrecision`) as runs of neighbouring cells per partition, and the gaps between runs. */
export function runsOf(cells: readonly string[], maxPrecision: number) {
  const byPartition = new Map<string, [number, number][]>();
  for (const cell of cells) {
    const partition = cell.slice(0, INDEX_PRECISION);
    const spans = byPartition.get(partition) ?? [];
    spans.push(cellSpan(cell, maxPrecision));
    byPartition.set(partition, spans);
  }
  const runs = new Map<string, [number, number][]>();
  const gaps: { key: string; from: number; size: number }[] = [];
  let covered = 0;
  for (const [partition, spans] of byPartition) {
    spans.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [start, end] of spans) {
      const last = merged.at(-1);
      if (last && last[1] === start) last[1] = end;
      else merged.push([start, end]);
      covered += end - start;
    }
    merged
      .slice(1)
      .forEach(([start], i) => gaps.push({ key: `${partition}#${i}`, from: merged[i]![1], size: start - merged[i]![1] }));
    runs.set(partition, merged);
  }
  return { runs, gaps, covered };
}

/** The runs as Queries, the gaps named in `bridged` read through. */
export function rangesOf(runs: Map<string, [number, number][]>, bridged: Set<string>, maxPrecision: number): IndexRange[] {
  const ranges: IndexRange[] = [];
  for (const [partition, spans] of runs) {
    let [from, to] = spans[0]!;
    const flush = () =>
      ranges.push({ partition, from: toGeohash(from, maxPrecision), to: `${toGeohash(to - 1, maxPrecision)}~` });
    spans.slice(1).forEach(([start, end], i) => {
      if (bridged.has(`${partition}#${i}`)) to = end;
      else {
        flush();
        [from, to] = [start, end];
      }
    });
    flush();
  }
  return ranges;
}

/**
 * The Queries that read `shape`: its covering cells, neighbours within a partition
 * merged into one sort-key range. `to` ends in '~', which sorts after every geohash
 * character and after '#', so the range takes every item whose geohash starts inside it.
 *
 * Then the smallest gaps between ranges of one partition are bridged too, as long as
 * the bridged cells add up to at most `slack` of the covering's area: a Query costs
 * more than reading a few more items, so many small gaps become one read.
 */
export function coverRanges(shape: Shape, maxPrecision: number, slack = 0.25): IndexRange[] {
  const { runs, gaps, covered } = runsOf(coverCells(shape, maxPrecision), maxPrecision);
  const bridged = new Set<string>();
  let budget = slack * covered;
  for (const gap of gaps.sort((a, b) => a.size - b.size)) {
    if (gap.size > budget) break;
    budget -= gap.size;
    bridged.add(gap.key);
  }
  return rangesOf(runs, bridged, maxPrecision);
}

/**
 * The covering of `shape` in at most `maxQueries` Queries (or one per partition it
 * touches, if that is more) that reads the least area: every gap is bridged but the
 * largest ones the Query budget can keep apart. A gap's size is its count of cells of
 * one size, so this is the least area for that count of ranges.
 */
export function coverRangesInQueries(shape: Shape, maxPrecision: number, maxQueries: number): IndexRange[] {
  const { runs, gaps } = runsOf(coverCells(shape, maxPrecision), maxPrecision);
  const bridged = gaps.sort((a, b) => b.size - a.size).slice(Math.max(0, maxQueries - runs.size));
  return rangesOf(runs, new Set(bridged.map((gap) => gap.key)), maxPrecision);
}

/**
 * The finest covering, from `finest` down to `coarsest` precision, that needs at most
 * `maxQueries` Queries: a thin ring read with coarse edges reads far more than the
 * ring, so its edges are as fine as the Query budget allows.
 */
export function coverRangesWithin(shape: Shape, finest: number, coarsest: number, maxQueries: number): IndexRange[] {
  for (let precision = finest; precision > coarsest; precision--) {
    const ranges = coverRanges(shape, precision);
    if (ranges.length <= maxQueries) return ranges;
  }
  return coverRanges(shape, coarsest);
}
