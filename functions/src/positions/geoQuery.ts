/**
 * The job map's reads, on the geohash index only — never a Scan.
 *
 * Nearby: rings of growing radius around the point, one Query per covering range,
 * an exact distance filter, until a page is full or the radius is reached. The
 * first ring is 1 km; each next one reaches as far as the density of matching
 * positions seen so far says the page needs (at most 4× further), so a town reads
 * little more than a page and the open steppe still finds its few jobs. The cursor
 * is the (distance, id) of the last position returned with that density; the next
 * page starts its ring there, so pages neither repeat nor skip.
 *
 * Map: the box's covering ranges, exact containment, then clusters by zoom.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  annulus,
  box,
  chinaDate,
  clusterPoints,
  coverRangesWithin,
  distanceKm,
  edgePrecisionFor,
  isListable,
  matchesFilters,
  type Bbox,
  type IndexRange,
  type LatLng,
  type MapResponse,
  type NearbyResponse,
  type Position,
  positionCardSchema,
  type PositionCard,
  type PositionFilters,
  type Shape,
} from '@bangfu/shared';
import { z } from 'zod';
import { invalidCursor } from '../db/paging.js';
import { positionEntity } from '../db/entities.js';
import type { TableRef } from '../db/versioned.js';
import { toRecord } from './positionRepository.js';

/** Queries in flight at once for one request. */
const FAN_OUT = 16;
/** The first ring of a search; later rings grow by what the density seen so far says is needed. */
const FIRST_RING_KM = 1;
/** Queries one ring may take before its edges are made coarser. */
const QUERY_BUDGET = 32;
const MIN_RING_KM = 0.5;
const MAX_GROWTH = 4;

export interface Found<T> {
  result: T;
  /** Index items read (the measure of the benchmark: read per returned). */
  itemsRead: number;
  queries: number;
}

/** Reads every item of the ranges, FAN_OUT Queries at a time. */
async function readRanges(table: TableRef, ranges: IndexRange[]): Promise<{ items: Record<string, unknown>[]; queries: number }> {
  const items: Record<string, unknown>[] = [];
  let queries = 0;
  let next = 0;
  const worker = async () => {
    while (next < ranges.length) {
      const range = ranges[next++]!;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await table.db.send(
          new QueryCommand({
            TableName: table.tableName,
            ...positionEntity.onMap(range),
            ExclusiveStartKey: start,
          }),
        );
        queries++;
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FAN_OUT, ranges.length) }, worker));
  return { items, queries };
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
  table: TableRef,
  shape: Shape,
  size: { narrowKm: number; wholeKm: number },
  filters: PositionFilters,
  today: string,
) {
  const ranges = coverRangesWithin(shape, edgePrecisionFor(size.narrowKm), edgePrecisionFor(size.wholeKm), QUERY_BUDGET);
  const { items, queries } = await readRanges(table, ranges);
  const positions = items
    .map((item) => toRecord(item, today).position)
    .filter((p) => isListable(p, today) && matchesFilters(p, filters));
  return { positions, itemsRead: items.length, queries };
}

/** The cursor: where the last page ended, and how dense matching positions were (per km²). */
const cursorSchema = z.object({ d: z.number().min(0), id: z.string(), density: z.number().min(0).optional() });
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

/** How far to read to find `wanted` more positions beyond `fromKm` at `density` per km², with a margin. */
function reachFor(fromKm: number, wanted: number, density: number): number {
  return Math.sqrt(fromKm ** 2 + wanted / (Math.PI * density)) * 1.25;
}

export async function nearby(
  table: TableRef,
  query: { center: LatLng; radiusKm: number; limit: number; cursor?: string | undefined; filters: PositionFilters },
  now = new Date(),
): Promise<Found<NearbyResponse>> {
  const today = chinaDate(now);
  const cursor = decodeCursor(query.cursor);
  const { center, radiusKm, limit } = query;
  const found: { position: Position; d: number }[] = [];
  let itemsRead = 0;
  let queries = 0;
  const start = cursor?.d ?? 0;
  let inner = start;
  let outer = Math.min(
    radiusKm,
    cursor?.density ? Math.max(start + MIN_RING_KM, reachFor(start, limit, cursor.density)) : start + FIRST_RING_KM,
  );
  let density = 0;
  for (;;) {
    const last = outer >= radiusKm;
    const read = await readShape(
      table,
      annulus(center, inner, outer),
      { narrowKm: outer - inner, wholeKm: outer },
      query.filters,
      today,
    );
    itemsRead += read.itemsRead;
    queries += read.queries;
    for (const position of read.positions) {
      const d = distanceKm(center, position.location);
      // Rings are half-open [inner, outer), the last one closed, so a position on a boundary is read once.
      if (d < inner || (last ? d > outer : d >= outer)) continue;
      if (cursor && !after(d, position.positionId, cursor)) continue;
      found.push({ position, d });
    }
    density = found.length / (Math.PI * (outer ** 2 - start ** 2));
    if (found.length >= limit || last) break;
    // Read next just as far as the density seen so far says the page needs.
    const reach = density > 0 ? reachFor(outer, limit - found.length, density) : outer * MAX_GROWTH;
    inner = outer;
    outer = Math.min(radiusKm, Math.max(outer * 1.5, Math.min(reach, outer * MAX_GROWTH)));
  }
  found.sort((a, b) => a.d - b.d || (a.position.positionId < b.position.positionId ? -1 : 1));
  const page = found.slice(0, limit);
  const lastShown = page.at(-1);
  const more = found.length > limit || (found.length === limit && outer < radiusKm);
  return {
    result: {
      positions: page.map(({ position, d }) => ({ ...toCard(position), distanceKm: Math.round(d * 100) / 100 })),
      ...(more && lastShown
        ? { nextCursor: encodeCursor({ d: lastShown.d, id: lastShown.position.positionId, ...(density > 0 ? { density } : {}) }) }
        : {}),
    },
    itemsRead,
    queries,
  };
}

/**
 * Every public, listable position within `radiusKm`, ring by ring outwards (each ring
 * twice as wide as the one before): the caller scores a ring and stops as soon as nothing
 * further out can beat what it has (the recommender's exact early stop).
 */
export async function* ringsOutward(
  table: TableRef,
  center: LatLng,
  radiusKm: number,
  now = new Date(),
): AsyncGenerator<{ innerKm: number; outerKm: number; queries: number; positions: { position: Position; d: number }[] }> {
  const today = chinaDate(now);
  for (
    let inner = 0, outer = Math.min(radiusKm, 2 * FIRST_RING_KM);
    inner < radiusKm;
    inner = outer, outer = Math.min(radiusKm, outer * 2)
  ) {
    const last = outer >= radiusKm;
    const read = await readShape(table, annulus(center, inner, outer), { narrowKm: outer - inner, wholeKm: outer }, {}, today);
    const positions = read.positions
      .map((position) => ({ position, d: distanceKm(center, position.location) }))
      .filter(({ d }) => d >= inner && (last ? d <= outer : d < outer));
    yield { innerKm: inner, outerKm: outer, queries: read.queries, positions };
  }
}

/** Km across the narrow side of a box, for the edge precision of its covering. */
function narrowSideKm(bounds: Bbox): number {
  const midLat = (bounds.minLat + bounds.maxLat) / 2;
  const height = distanceKm({ lat: bounds.minLat, lng: bounds.minLng }, { lat: bounds.maxLat, lng: bounds.minLng });
  const width = distanceKm({ lat: midLat, lng: bounds.minLng }, { lat: midLat, lng: bounds.maxLng });
  return Math.min(height, width);
}

export async function inBox(
  table: TableRef,
  query: { bounds: Bbox; zoom: number; filters: PositionFilters },
  now = new Date(),
): Promise<Found<MapResponse>> {
  const { bounds } = query;
  const side = narrowSideKm(bounds);
  const read = await readShape(table, box(bounds), { narrowKm: side, wholeKm: side }, query.filters, chinaDate(now));
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
