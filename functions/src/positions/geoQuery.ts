/**
 * The job map's reads, on the geohash index only — never a Scan.
 *
 * Nearby: the map's counts per cell (mapCounts.ts) say how far from the point a page
 * reaches; that disc is read in at most NEARBY_QUERIES Queries (past the cursor, that ring,
 * cut finely only where the counts say positions lie), each position's exact distance
 * checked, and read further only if it held too few. The cursor is the (distance, id) of the
 * last position returned, or, for a later page that returned all its read held, the read's outer
 * edge; the next page starts its ring there, so pages neither repeat nor skip.
 *
 * Every read goes through mapReads.ts: what this process read of a partition under its cell's
 * current epoch is not asked of DynamoDB again.
 *
 * Map: the box's covering ranges, exact containment, then clusters by zoom.
 */
import {
  annulus,
  box,
  chinaDate,
  clusterPoints,
  clustersFromCounts,
  COUNTED_MAP_DEGREES,
  coverRangesByCounts,
  coverRangesInQueries,
  coverRangesWithin,
  edgePrecisionForRing,
  radiusHolding,
  type CellCount,
  distanceKm,
  edgePrecisionFor,
  isListable,
  narrowSideKm,
  matchesFilters,
  type Bbox,
  type LatLng,
  type MapResponse,
  type NearbyResponse,
  type Position,
  positionCardSchema,
  type PositionCard,
  type PositionFilters,
  type Shape,
} from '@bangfu/shared';
import * as z from 'zod';
import { invalidCursor } from '../db/paging.js';
import type { TableRef } from '../db/versioned.js';
import { COUNT_TIERS, countsAcrossRing, countsAround, countsInBox, type CountTier } from './mapCounts.js';
import { mapReader } from './mapReads.js';
import { toRecord } from './positionRepository.js';

/** Queries a map box may take before its edges are made coarser. */
const QUERY_BUDGET = 32;

export interface Found<T> {
  result: T;
  /** Index items read (the measure of the benchmark: read per returned). */
  itemsRead: number;
  queries: number;
}

/** The map's card of a position: the fields a list or a marker shows. */
export function toCard(position: Position): PositionCard {
  return positionCardSchema.parse(position);
}

/**
 * Reads a shape and keeps the positions a worker may see and wants. Its edges are as
 * fine as its narrow side asks (a ring's width), within QUERY_BUDGET Queries, and never
 * coarser than its size asks (a ring's outer radius).
 */
async function readShape(
  reader: ReturnType<typeof mapReader>,
  shape: Shape,
  size: { narrowKm: number; wholeKm: number },
  filters: PositionFilters,
  today: string,
) {
  const ranges = coverRangesWithin(shape, edgePrecisionFor(size.narrowKm), edgePrecisionFor(size.wholeKm), QUERY_BUDGET);
  const { items, itemsRead, queries } = await reader.read(ranges);
  const positions = items
    .map((item) => toRecord(item, today).position)
    .filter((p) => isListable(p, today) && matchesFilters(p, filters));
  return { positions, itemsRead, queries };
}

/** The cursor: where the last page ended. */
const cursorSchema = z.object({ d: z.number().min(0), id: z.string() });
type Cursor = z.infer<typeof cursorSchema>;

function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidCursor();
  }
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** (distance, id) order: nearest first, ties by id, so paging is exact. */
const after = (d: number, id: string, cursor: Cursor) => d > cursor.d || (d === cursor.d && id > cursor.id);

/** Queries one nearby disc may take (or one per index partition it touches, if more). */
const NEARBY_QUERIES = 8;
/** A read reaches for this many times the positions the page still needs: the counts are an estimate. */
const MARGIN = 1.3;
/** The thinnest ring worth a read. */
const MIN_RING_KM = 0.05;
/**
 * How a ring past the first read is cut by the counts (countedCovering.ts): an edge cell likely
 * holding more than a fiftieth of a position is cut finer, a gap likely holding less than a tenth
 * of one is read through. Of the settings tried on the benchmark's province (cutting from ¼, ⅒,
 * 1/20 and 1/50; bridging below ½, ¼, 0.15 and ⅒; at most 512 or 1,024 Queries), these kept every
 * 300 km search tried under 2× read per returned, cold, in about 440–610 Queries a page there
 * (functions/README.md); the cap bounds a page's time. Most of those Queries find nothing and
 * each is billed half a unit: reading through more gaps costs fewer units and more items.
 */
const RING_CUTS = { cutAbove: 0.02, bridgeBelow: 0.1, maxQueries: 1024 };
/**
 * A later page (past a cursor) may end where its read ended, with fewer than `limit` positions
 * but at least this share of it. What a read holds past a full page is read again by the next
 * page, in another process; a page that returns all its read holds reads nothing twice.
 */
const LATER_PAGE_LEAST = 0.5;
/** What a later page's read reaches for, as a share of `limit`: between LATER_PAGE_LEAST and a full page, as the counts' misses go. */
const LATER_PAGE_AIM = 0.8;
/** The least share of read positions taken to match the filters: a next read reaches for at most 20× what the page needs. */
const MIN_MATCH_SHARE = 0.05;

/**
 * How far from `center` one must read for a number of positions beyond a distance, from
 * the map's counts: the finest tier that reaches far enough, each tier read once (at most
 * one BatchGetItem, none if this process read its tiles lately) and only if a nearer one
 * had too few.
 */
function reachFinder(table: TableRef, center: LatLng, radiusKm: number) {
  const read = new Map<CountTier, CellCount[]>();
  let countReads = 0;
  return {
    get countReads() {
      return countReads;
    },
    async reach(fromKm: number, wanted: number): Promise<number> {
      for (const tier of COUNT_TIERS) {
        const knownKm = Math.min(radiusKm, tier.reachKm);
        if (knownKm <= fromKm) continue;
        if (!read.has(tier)) {
          const { counts, calls } = await countsAround(table, tier, center, knownKm);
          read.set(tier, counts);
          countReads += calls;
        }
        const reach = radiusHolding(center, read.get(tier)!, { fromKm, wanted, knownKm });
        if (reach !== undefined) return reach;
        if (knownKm >= radiusKm) break;
      }
      return radiusKm;
    },
  };
}

/**
 * The positions nearest `center`, a page at a time. Each read is one disc (or, past the
 * cursor, one ring) as wide as the map's counts say the page needs, a disc in at most
 * NEARBY_QUERIES Queries, so a page is usually one read. If the disc held too few (the
 * counts were off, or the filters narrow), the next ring reaches further by what the
 * reads so far matched, and is at least as wide as everything read before it.
 */
export async function nearby(
  table: TableRef,
  query: { center: LatLng; radiusKm: number; limit: number; cursor?: string | undefined; filters: PositionFilters },
  now = new Date(),
): Promise<Found<NearbyResponse> & { otherReads: number }> {
  const today = chinaDate(now);
  const cursor = decodeCursor(query.cursor);
  const { center, radiusKm, limit } = query;
  const finder = reachFinder(table, center, radiusKm);
  const reader = mapReader(table);
  const found: { position: Position; d: number }[] = [];
  let itemsRead = 0;
  let queries = 0;
  /** Positions read within the rings: what the counts counted, against which `found` is the share that matches. */
  let inRings = 0;
  let ringCountReads = 0;
  const start = cursor?.d ?? 0;
  let inner = start;
  let outer: number;
  for (;;) {
    const share = inRings > 0 ? Math.max(found.length / inRings, MIN_MATCH_SHARE) : 1;
    const needed = cursor ? LATER_PAGE_AIM * limit - found.length : (limit - found.length) * MARGIN;
    const reach = await finder.reach(inner, needed / share);
    outer = Math.min(radiusKm, Math.max(reach, inner + MIN_RING_KM, inner + (inner - start)));
    const last = outer >= radiusKm;
    const shape = annulus(center, inner, outer);
    // A disc is read in a few Queries; a ring (past a cursor, or a second read) is thin, and
    // reads little more than itself only with fine edges where positions are, from the counts.
    let ranges;
    if (inner === 0) ranges = coverRangesInQueries(shape, edgePrecisionForRing(inner, outer), NEARBY_QUERIES);
    else {
      const across = await countsAcrossRing(table, center, inner, outer);
      ringCountReads += across.calls;
      ranges = coverRangesByCounts(shape, across.counts, RING_CUTS);
    }
    const read = await reader.read(ranges);
    itemsRead += read.itemsRead;
    queries += read.queries;
    for (const { position, d } of inRing(read.items, center, inner, outer, last, today)) {
      inRings++;
      if (!isListable(position, today) || !matchesFilters(position, query.filters)) continue;
      if (cursor && !after(d, position.positionId, cursor)) continue;
      found.push({ position, d });
    }
    if (found.length >= limit || last || (cursor && found.length >= LATER_PAGE_LEAST * limit)) break;
    inner = outer;
  }
  found.sort((a, b) => a.d - b.d || (a.position.positionId < b.position.positionId ? -1 : 1));
  const page = found.slice(0, limit);
  const lastShown = page.at(-1);
  // A later page that holds all it read ends at its read's edge (the rings are half-open, and
  // every id sorts after ''); a full one, and the first page, at the last position shown.
  const next =
    cursor && found.length <= limit ? { d: outer, id: '' } : lastShown && { d: lastShown.d, id: lastShown.position.positionId };
  const more = found.length > limit || outer < radiusKm; // short of the radius, the loop stopped on a page's worth
  return {
    result: {
      positions: page.map(({ position, d }) => ({ ...toCard(position), distanceKm: Math.round(d * 100) / 100 })),
      ...(more && next ? { nextCursor: encodeCursor(next) } : {}),
    },
    itemsRead,
    queries,
    otherReads: finder.countReads + ringCountReads + reader.epochReads,
  };
}

/** The positions of index items within [inner, outer) of `center` (the last ring closed), with their distances. */
function* inRing(
  items: readonly Record<string, unknown>[],
  center: LatLng,
  inner: number,
  outer: number,
  last: boolean,
  today: string,
) {
  for (const item of items) {
    const d = distanceKm(center, item.location as LatLng);
    // Rings are half-open [inner, outer), the last one closed, so a position on a boundary is read once.
    if (d < inner || (last ? d > outer : d >= outer)) continue;
    yield { position: toRecord(item, today).position, d };
  }
}

/**
 * The listable positions of the disc around `center` that the map's counts say holds about
 * `wanted` of them (within `radiusKm`), read once in at most `maxQueries` Queries: a search
 * with a hard budget (the recommender's live path), which says how far it reached. `epochs`
 * are cells' epochs this request has read already.
 */
export async function nearestListable(
  table: TableRef,
  query: { center: LatLng; radiusKm: number; wanted: number; maxQueries: number; epochs?: ReadonlyMap<string, number> },
  now = new Date(),
): Promise<{ positions: { position: Position; d: number }[]; reachedKm: number }> {
  const today = chinaDate(now);
  const { center, radiusKm } = query;
  const outer = Math.min(radiusKm, Math.max(MIN_RING_KM, await reachFinder(table, center, radiusKm).reach(0, query.wanted)));
  const read = await mapReader(table, query.epochs).read(
    coverRangesInQueries(annulus(center, 0, outer), edgePrecisionForRing(0, outer), query.maxQueries),
  );
  const positions = [...inRing(read.items, center, 0, outer, true, today)].filter(({ position }) => isListable(position, today));
  return { positions, reachedKm: outer };
}

/**
 * What a map box shows. A box of a region or more (wider than COUNTED_MAP_DEGREES) is drawn
 * from the map's counts, clusters only, in one read of at most a hundred tiles; a smaller one
 * from its positions, filtered, clustered by zoom.
 */
export async function inBox(
  table: TableRef,
  query: { bounds: Bbox; zoom: number; filters: PositionFilters },
  now = new Date(),
): Promise<Found<MapResponse>> {
  const { bounds } = query;
  if (bounds.maxLat - bounds.minLat > COUNTED_MAP_DEGREES || bounds.maxLng - bounds.minLng > COUNTED_MAP_DEGREES) {
    const { counts } = await countsInBox(table, bounds);
    const { clusters, total } = clustersFromCounts(counts, bounds, query.zoom);
    return { result: { clusters, markers: [], total, counted: true }, itemsRead: 0, queries: 0 }; // no position read
  }
  const side = narrowSideKm(bounds);
  const read = await readShape(mapReader(table), box(bounds), { narrowKm: side, wholeKm: side }, query.filters, chinaDate(now));
  const inside = read.positions.filter(
    ({ location: { lat, lng } }) => lat >= bounds.minLat && lat <= bounds.maxLat && lng >= bounds.minLng && lng <= bounds.maxLng,
  );
  const { clusters, markers } = clusterPoints(inside, query.zoom);
  return {
    result: { clusters, markers: markers.map((position) => toCard(position)), total: inside.length },
    itemsRead: read.itemsRead,
    queries: read.queries,
  };
}
