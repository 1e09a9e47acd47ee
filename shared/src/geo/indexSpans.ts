/**
 * A slice of the geohash index as numbers: [lo, hi) over the POINT_PRECISION-character geohashes
 * read as base-32 integers. A reader that keeps what it read (functions/src/positions/mapReads.ts)
 * knows which slices of a partition it holds whole, and reads only what a new range adds.
 */
import { cellSpan, POINT_PRECISION, toGeohash, type IndexRange } from './covering.js';

export type Span = readonly [lo: number, hi: number];

/** Where an indexed point (its POINT_PRECISION geohash) sorts among the spans. */
export const pointNumber = (geohash: string): number => cellSpan(geohash, POINT_PRECISION)[0];

/** The span a range reads: `from` is a cell's geohash, `to` one followed by '~' (covering.ts). */
export function spanOfRange(range: IndexRange): Span {
  const to = range.to.endsWith('~') ? range.to.slice(0, -1) : range.to;
  return [cellSpan(range.from, POINT_PRECISION)[0], cellSpan(to, POINT_PRECISION)[1]];
}

/** The range that reads `span` of `partition`. */
export function rangeOfSpan(partition: string, [lo, hi]: Span): IndexRange {
  return { partition, from: toGeohash(lo, POINT_PRECISION), to: `${toGeohash(hi - 1, POINT_PRECISION)}~` };
}

/**
 * What of `wanted` the sorted, disjoint `held` spans do not hold, as one span: from the first
 * point not held to the end of the last (held slices in between are read again, so a range is
 * never more than one Query). Undefined when all of it is held.
 */
export function unheldSpan(wanted: Span, held: readonly Span[]): Span | undefined {
  let [lo, hi] = wanted;
  for (const [from, to] of held) if (from <= lo && to > lo) lo = to;
  for (const [from, to] of [...held].reverse()) if (from < hi && to >= hi) hi = from;
  return lo < hi ? [lo, hi] : undefined;
}

/** `held` with `span` added: sorted, disjoint, touching spans merged. */
export function withSpan(held: readonly Span[], span: Span): Span[] {
  const all = [...held, span].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of all) {
    const last = merged.at(-1);
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}
