/**
 * The job map's reads of the geohash index, kept by the process that read them. Every position
 * write raises the epoch of its geohash-3 cell (positionsEpoch.ts), so what a process read of an
 * index partition is still exact while that cell's epoch is unchanged. A request reads the epochs
 * of the cells it touches (one BatchGetItem) and Queries only the slices of its ranges the
 * process does not hold: a neighbour's search, the next page past a cursor, a map moved a little
 * are answered from memory, the exact distances and filters applied as before.
 *
 * Held at most a minute: on AWS an index answers a moment behind its table, so a read just after
 * a write may miss it under the new epoch; the minute bounds how long that can show.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  pointNumber,
  POINT_PRECISION,
  rangeOfSpan,
  spanOfRange,
  unheldSpan,
  withSpan,
  type IndexRange,
  type Span,
} from '@bangfu/shared';
import QuickLRU from 'quick-lru';
import { positionEntity } from '../db/entities.js';
import { inPool } from '../db/inPool.js';
import type { TableRef } from '../db/versioned.js';
import { epochCellOf, readEpochs } from './positionsEpoch.js';

/** Queries in flight at once for one request. */
const FAN_OUT = 16;
const MAX_AGE_MS = 60_000;
/** Partitions held; items held in all (a position and its parse, a few KB: tens of MB) and per partition. */
const PARTITIONS_HELD = 256;
const ITEMS_HELD = 20_000;
const ITEMS_PER_PARTITION = 2_000;

type Item = Record<string, unknown>;
interface HeldItem {
  point: number;
  item: Item;
}
/** What this process holds of one partition, all read under one epoch of its cell. */
interface Held {
  epoch: number;
  since: number;
  /** The slices read whole: sorted, disjoint. */
  spans: Span[];
  items: Map<string, HeldItem>;
}

const held = new QuickLRU<string, Held>({ maxSize: PARTITIONS_HELD });
const heldKey = (table: TableRef, partition: string) => `${table.tableName}#${partition}`;

function currentHeld(key: string, epoch: number, now: number): Held | undefined {
  const entry = held.get(key);
  if (entry && entry.epoch === epoch && now - entry.since < MAX_AGE_MS) return entry;
  return undefined;
}

/** Adds a slice read under `epoch` to what is held of its partition, if it fits. */
function hold(key: string, epoch: number, span: Span, items: Item[], now: number) {
  let entry = held.get(key);
  if (!entry || entry.epoch < epoch || now - entry.since >= MAX_AGE_MS) {
    entry = { epoch, since: now, spans: [], items: new Map() };
  } else if (entry.epoch > epoch) return; // a newer read is already held
  if (entry.items.size + items.length > ITEMS_PER_PARTITION) return;
  makeRoom(key, items.length);
  for (const item of items) {
    const sortKey = positionEntity.mapSortKey(item);
    entry.items.set(sortKey, { point: pointNumber(sortKey.slice(0, POINT_PRECISION)), item });
  }
  entry.spans = withSpan(entry.spans, span);
  held.set(key, entry);
}

/** Forgets the partitions read longest ago until `adding` more items fit in ITEMS_HELD. */
function makeRoom(adding: string, count: number) {
  let total = count;
  for (const [, entry] of held.entriesAscending()) total += entry.items.size;
  for (const [key, entry] of [...held.entriesAscending()]) {
    if (total <= ITEMS_HELD) break;
    if (key === adding) continue;
    total -= entry.items.size;
    held.delete(key);
  }
}

/** Forgets every held read (a benchmark measuring a cold process). */
export function forgetMapReads(): void {
  held.clear();
}

/**
 * Reads for one request: the epochs it has read (or was given, read earlier in the same request)
 * are reused by its later reads.
 */
export function mapReader(table: TableRef, known: ReadonlyMap<string, number> = new Map()) {
  const epochs = new Map(known);
  let epochReads = 0;

  async function readEpochsOf(partitions: readonly string[]) {
    const missing = [...new Set(partitions.map(epochCellOf))].filter((cell) => !epochs.has(cell));
    if (missing.length === 0) return;
    epochReads += Math.ceil(missing.length / 100);
    for (const [cell, epoch] of await readEpochs(table, missing)) epochs.set(cell, epoch);
  }

  async function query(range: IndexRange) {
    const items: Item[] = [];
    let queries = 0;
    let start: Item | undefined;
    do {
      const page = await table.db.send(
        new QueryCommand({ TableName: table.tableName, ...positionEntity.onMap(range), ExclusiveStartKey: start }),
      );
      queries++;
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return { items, queries };
  }

  return {
    /** BatchGetItems of epochs so far. */
    get epochReads() {
      return epochReads;
    },
    /** Every item of the ranges (disjoint, as a covering's are): `itemsRead` and `queries` count only what DynamoDB was asked. */
    async read(ranges: readonly IndexRange[]): Promise<{ items: Item[]; itemsRead: number; queries: number }> {
      await readEpochsOf(ranges.map((range) => range.partition));
      const now = Date.now();
      const plans = ranges.map((range) => {
        const key = heldKey(table, range.partition);
        const epoch = epochs.get(epochCellOf(range.partition))!;
        const entry = currentHeld(key, epoch, now);
        const span = spanOfRange(range);
        return { range, key, epoch, entry, span, unheld: unheldSpan(span, entry?.spans ?? []), read: [] as Item[] };
      });
      let itemsRead = 0;
      let queries = 0;
      await inPool(
        plans.filter((plan) => plan.unheld),
        FAN_OUT,
        async (plan) => {
          const read = await query(rangeOfSpan(plan.range.partition, plan.unheld!));
          plan.read = read.items;
          itemsRead += read.items.length;
          queries += read.queries;
          hold(plan.key, plan.epoch, plan.unheld!, read.items, now);
        },
      );
      const items: Item[] = [];
      for (const { entry, span, unheld, read } of plans) {
        items.push(...read);
        if (!entry) continue;
        // The held part of the range: inside it and outside what was just read.
        for (const { point, item } of entry.items.values()) {
          if (point >= span[0] && point < span[1] && !(unheld && point >= unheld[0] && point < unheld[1])) items.push(item);
        }
      }
      return { items, itemsRead, queries };
    },
  };
}
