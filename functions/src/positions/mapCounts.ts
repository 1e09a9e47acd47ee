/**
 * How many positions the job map holds per geohash cell, kept as positions join and leave
 * it (a public position is created, opens, closes, fills, moves, or its employer's
 * verification changes). A nearby search reads these few items to know how far its page
 * reaches before it reads any position (shared/src/geo/density.ts).
 *
 * Three tiers, so a search reads a handful of items near or far: a tile (one item) per
 * cell of 4, 3 and 2 geohash characters holds the counts of its cells two characters
 * finer, one number attribute each. The counts are a hint: a crash between a position's
 * write and its count, or a position that expired by date, makes them a little off, and
 * the search only reads less well, never wrongly. So a process keeps the tiles it read for a
 * minute (and forgets those it writes): most searches then read no count at all.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import QuickLRU from 'quick-lru';
import {
  annulus,
  cellsCoveringBbox,
  cellsCoveringCircle,
  encodeGeohash,
  geohashBbox,
  type Bbox,
  type CellCount,
  type LatLng,
} from '@bangfu/shared';
import { BATCH_SIZE, batchGet } from '../db/batchGet.js';
import { inPool } from '../db/inPool.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

/** A tile's precision, and how far from a point its tier's counts are read. */
export const COUNT_TIERS = [
  { tile: 4, reachKm: 10 },
  { tile: 3, reachKm: 80 },
  { tile: 2, reachKm: Number.POSITIVE_INFINITY },
] as const;
export type CountTier = (typeof COUNT_TIERS)[number];

/** Characters a counted cell adds to its tile. */
const FINER = 2;
const COUNT_PREFIX = 'n';
/** Attributes one update adds to, well inside DynamoDB's 4 KB expression. */
const ATTRIBUTES_PER_UPDATE = 100;

/** Tiles read lately, by table and tile: about 10 KB each at most (quick-lru: the same bounded, expiring cache as lru-cache in a fifth of its bundle). */
const recentTiles = new QuickLRU<string, CellCount[]>({ maxSize: 5_000, maxAge: 60_000 });
const cacheKey = (table: TableRef, tile: string) => `${table.tableName}#${tile}`;

/** A position joined (+1) or left (−1) the map at a place. */
export interface MapChange {
  location: LatLng;
  delta: number;
}

/** Adds the changes to every tier's counts: one update per tile touched (more for a seed's thousands). */
export async function countOnMap(table: TableRef, changes: readonly MapChange[]): Promise<void> {
  const byTile = new Map<string, Map<string, number>>();
  for (const { location, delta } of changes) {
    for (const { tile } of COUNT_TIERS) {
      const cell = encodeGeohash(location, tile + FINER);
      const counts = byTile.get(cell.slice(0, tile)) ?? new Map<string, number>();
      counts.set(cell.slice(tile), (counts.get(cell.slice(tile)) ?? 0) + delta);
      byTile.set(cell.slice(0, tile), counts);
    }
  }
  const updates: { tile: string; adds: [string, number][] }[] = [];
  for (const [tile, counts] of byTile) {
    const adds = [...counts].filter(([, delta]) => delta !== 0);
    for (let i = 0; i < adds.length; i += ATTRIBUTES_PER_UPDATE)
      updates.push({ tile, adds: adds.slice(i, i + ATTRIBUTES_PER_UPDATE) });
  }
  await inPool(updates, 8, async ({ tile, adds }) => {
    await table.db.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.mapCounts(tile),
        UpdateExpression: `SET #type = :type, tile = :tile ADD ${adds.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
        ExpressionAttributeNames: {
          '#type': 'type',
          ...Object.fromEntries(adds.map(([suffix], i) => [`#c${i}`, COUNT_PREFIX + suffix])),
        },
        ExpressionAttributeValues: {
          ':type': 'mapCounts',
          ':tile': tile,
          ...Object.fromEntries(adds.map(([, delta], i) => [`:c${i}`, delta])),
        },
      }),
    );
    recentTiles.delete(cacheKey(table, tile));
  });
}

/** The counts of one tier's cells within `reachKm` of a point (and a little beyond). */
export function countsAround(table: TableRef, tier: CountTier, center: LatLng, reachKm: number) {
  return countsOfTiles(table, cellsCoveringCircle(center, reachKm, tier.tile));
}

/**
 * Tiles a ring's counts may take: four BatchGetItems of a few KB a tile, so that a ring hundreds
 * of km out still has cells of 6 characters (about 1.2 × 0.6 km), as fine as a town, to be cut by.
 */
const RING_TILES = 400;

/**
 * The counts across a ring, of the finest tier whose tiles crossing it are at most RING_TILES:
 * cells of 6 characters to a few hundred km out, of 5 or 4 far beyond.
 */
export function countsAcrossRing(table: TableRef, center: LatLng, innerKm: number, outerKm: number) {
  const ring = annulus(center, innerKm, outerKm);
  let tiles: string[] = [];
  for (const tier of COUNT_TIERS) {
    tiles = cellsCoveringCircle(center, outerKm, tier.tile).filter((tile) => ring.relate(geohashBbox(tile)) !== 'outside');
    if (tiles.length <= RING_TILES) break; // else the coarsest tier's, however many
  }
  return countsOfTiles(table, tiles);
}

/** The counts of cells of 4 characters in a box (and a little beyond): a province or a country, for a zoomed-out map. */
export function countsInBox(table: TableRef, bounds: Bbox) {
  return countsOfTiles(table, cellsCoveringBbox(bounds, COUNT_TIERS[2].tile));
}

/** The counts the tiles hold: those not read lately, in one BatchGetItem for each hundred. */
async function countsOfTiles(table: TableRef, tiles: readonly string[]): Promise<{ counts: CellCount[]; calls: number }> {
  const unknown = tiles.filter((tile) => !recentTiles.has(cacheKey(table, tile)));
  const calls = Math.ceil(unknown.length / BATCH_SIZE);
  if (unknown.length > 0) {
    const items = await batchGet(
      table,
      unknown.map((tile) => keys.mapCounts(tile)),
    );
    for (const tile of unknown) recentTiles.set(cacheKey(table, tile), []); // a tile never written holds nothing
    for (const item of items) {
      const counts = Object.entries(item)
        .filter(([name, count]) => name.startsWith(COUNT_PREFIX) && typeof count === 'number')
        .map(([name, count]) => ({ cell: String(item.tile) + name.slice(COUNT_PREFIX.length), count: count as number }));
      recentTiles.set(cacheKey(table, String(item.tile)), counts);
    }
  }
  return { counts: tiles.flatMap((tile) => recentTiles.get(cacheKey(table, tile)) ?? []), calls };
}
