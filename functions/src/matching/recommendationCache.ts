/**
 * A worker's ranked live matches, kept so that opening 为你推荐 again is a few key reads rather
 * than a search of every position within their reach (140 DynamoDB calls for a demo worker).
 *
 * The list is good while three things hold: it is the same China day (scores count days, and a
 * position expires by date), the worker's matching facts are the same (a fingerprint of what the
 * scorer reads), and no position within their reach was written since (positions/positionsEpoch.ts:
 * the list remembers the epoch sum of the cells its reach covers). Positions the worker has since
 * applied to or dismissed are dropped when the list is read.
 */
import { createHash } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LatLng, MatchWorker, recommendationSchema } from '@bangfu/shared';
import type * as z from 'zod';
import { batchGet } from '../db/batchGet.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { epochKeysWithin } from '../positions/positionsEpoch.js';

export type LiveRecommendation = Omit<z.infer<typeof recommendationSchema>, 'pushed'>;

export interface CachedRecommendations {
  day: string;
  basis: string;
  epochs: number;
  computedAt: string;
  /** The search was not stopped by its work budget. */
  complete: boolean;
  /** The search read everything within reach: there is nothing more to find than `entries`. */
  exhausted: boolean;
  entries: LiveRecommendation[];
}

/** What the scorer reads of a worker, as a short fingerprint. */
export function basisOf(worker: MatchWorker): string {
  return createHash('sha256').update(JSON.stringify(worker)).digest('base64url').slice(0, 22);
}

/** A kept list as stored; anything unreadable is no list (it is searched again and rewritten). */
function parseKept(stored: unknown): CachedRecommendations | undefined {
  if (typeof stored !== 'string') return undefined;
  try {
    return JSON.parse(stored) as CachedRecommendations;
  } catch {
    return undefined;
  }
}

export function createRecommendationCache(table: TableRef) {
  const { db, tableName } = table;
  return {
    /** The worker's kept list and the current epoch sum of the cells within reach: one BatchGetItem. */
    async read(workerId: string, home: LatLng, reachKm: number): Promise<{ kept?: CachedRecommendations; epochs: number }> {
      const cellKeys = epochKeysWithin(home, reachKm);
      const cacheKey = keys.recommendationCache(workerId);
      const items = await batchGet(table, [cacheKey, ...cellKeys]);
      let epochs = 0;
      let kept: CachedRecommendations | undefined;
      for (const item of items) {
        if (item.pk === cacheKey.pk && item.sk === cacheKey.sk) kept = parseKept(item.list);
        else epochs += Number(item.epoch ?? 0);
      }
      return { ...(kept ? { kept } : {}), epochs };
    },

    async write(workerId: string, list: CachedRecommendations): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          // One string, not a map of 30 cards with their factors: the list is only ever read whole,
          // so DynamoDB need not know its shape.
          Item: { ...keys.recommendationCache(workerId), type: 'recommendationCache', list: JSON.stringify(list) },
        }),
      );
    },
  };
}

export type RecommendationCache = ReturnType<typeof createRecommendationCache>;
