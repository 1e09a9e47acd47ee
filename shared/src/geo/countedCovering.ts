/**
 * A thin ring's covering cut finely only where the map's counts say positions lie.
 *
 * A ring far out (a later page of a nearby search) is long and narrow: read with edges as
 * fine as its width everywhere, it would take thousands of Queries; with coarse edges it reads
 * many times what it holds. But most of a ring crosses fields and hills. With the counts of
 * positions per cell (functions/src/positions/mapCounts.ts), an edge cell that likely holds
 * nothing is read whole (it costs no items), one that holds many is cut down to about 40 m, and
 * a gap between two slices of a partition is read through when it likely holds nothing.
 *
 * The counts decide how the shape is cut, never what is read: every cell of the shape is still
 * in the covering, so a count that is off costs reads, not results.
 */
import type { CellCount } from './density.js';
import { cellsCoveringBbox, childCells, geohashBbox, type Bbox } from './geohash.js';
import { cellSpan, INDEX_PRECISION, rangesOf, runsOf, type IndexRange, type Shape } from './covering.js';

/** The finest edge: a cell of about 38 × 19 m. */
const FINEST_EDGE = 8;

/**
 * How many positions a slice of the index likely holds: each counted cell's positions spread
 * evenly over it. The counts are of one tier (cells of one size, so they do not overlap); the
 * slice is a span of FINEST_EDGE-character geohashes as integers (cellSpan).
 */
export function countedSpread(counts: readonly CellCount[]): (from: number, to: number) => number {
  const cells = counts
    .filter(({ count }) => count > 0)
    .map(({ cell, count }) => {
      const [lo, hi] = cellSpan(cell, FINEST_EDGE);
      return { lo, hi, count };
    })
    .sort((a, b) => a.lo - b.lo);
  const before = [0];
  for (const { count } of cells) before.push(before.at(-1)! + count);
  /** Positions at points below `x`. */
  const below = (x: number) => {
    let [low, high] = [0, cells.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cells[middle]!.lo <= x) low = middle + 1;
      else high = middle;
    }
    if (low === 0) return 0;
    const cell = cells[low - 1]!;
    return before[low - 1]! + cell.count * Math.min(1, (x - cell.lo) / (cell.hi - cell.lo));
  };
  return (from, to) => below(to) - below(from);
}

export interface CountedCoverOptions {
  /** An edge cell likely holding more positions than this is cut into its children. */
  cutAbove: number;
  /** A gap between two slices likely holding fewer positions than this is read through: a Query costs more. */
  bridgeBelow: number;
  /** Queries the covering may take (or one per index partition it touches, if more). */
  maxQueries: number;
}

/**
 * The Queries that read `shape`, cut by the counts: an edge cell is split while it likely holds
 * more than `cutAbove` positions, down to FINEST_EDGE; then every gap between slices of a
 * partition that likely holds less than `bridgeBelow` is read through, and, while there are more
 * than `maxQueries` slices, the gap likely holding the fewest.
 */
export function coverRangesByCounts(shape: Shape, counts: readonly CellCount[], options: CountedCoverOptions): IndexRange[] {
  const likely = countedSpread(counts);
  const cells: string[] = [];
  const visit = (cell: string, box: Bbox) => {
    const relation = shape.relate(box);
    if (relation === 'outside') return;
    if (relation === 'inside' || cell.length >= FINEST_EDGE || likely(...cellSpan(cell, FINEST_EDGE)) <= options.cutAbove) {
      cells.push(cell);
      return;
    }
    for (const child of childCells(cell, box)) visit(child.cell, child.box);
  };
  for (const cell of cellsCoveringBbox(shape.bounds, INDEX_PRECISION)) visit(cell, geohashBbox(cell));

  const { runs, gaps } = runsOf(cells, FINEST_EDGE);
  const byCost = gaps
    .map((gap) => ({ key: gap.key, cost: likely(gap.from, gap.from + gap.size) }))
    .sort((a, b) => a.cost - b.cost);
  let slices = runs.size + gaps.length;
  const allowed = Math.max(options.maxQueries, runs.size);
  const bridged = new Set<string>();
  for (const gap of byCost) {
    if (gap.cost >= options.bridgeBelow && slices <= allowed) break;
    bridged.add(gap.key);
    slices--;
  }
  return rangesOf(runs, bridged, FINEST_EDGE);
}
