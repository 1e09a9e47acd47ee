/**
 * A worker's ranked list of positions, kept so that opening 为你推荐 is a few key reads rather
 * than a search of every position within their reach. Each night's run ranks it exactly from the
 * frozen positions (dailyLists.ts); an open that finds it stale searches near home within its
 * budget and keeps the merge (recommendations.ts).
 *
 * Only the ranked ids are kept: each open reads the positions as they are now and scores them
 * again (a closed or filled one drops out, a changed wage moves), so the list is small to write
 * every night. It is the same list while the worker's matching facts are the same (a fingerprint
 * of what the scorer reads); it is up to date while it is the same China day (scores count days)
 * and no position near home was written since (positions/positionsEpoch.ts: the list remembers
 * the epochs of the cells within recommender.ts's watchedKm of home). When some were, the epochs'
 * log names them (`writtenSince`), so an open can read just those and keep the merge.
 */
import { createHash } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LatLng, MatchWorker } from '@bangfu/shared';
import { batchGet } from '../db/batchGet.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { epochCellsWithin, writtenSince } from '../positions/positionsEpoch.js';

/**
 * Matches kept: enough that a few applications or dismissals later the list still fills a
 * screen without a search.
 */
export const KEPT = 30;

export interface KeptList {
  day: string;
  basis: string;
  /** The epochs of the cells near home (watchedKm) when the list was ranked. */
  epochs: Record<string, number>;
  computedAt: string;
  /** Its first screen is the best within reach (exact), not only the best of what was read. */
  complete: boolean;
  /** It holds every match within reach: searching again finds nothing more. */
  exhausted: boolean;
  positionIds: string[];
}

/** What the scorer reads of a worker, as a short fingerprint. */
export function basisOf(worker: MatchWorker): string {
  return createHash('sha256').update(JSON.stringify(worker)).digest('base64url').slice(0, 22);
}

/**
 * A kept list as stored; anything unreadable, or of an earlier shape (whole cards, or one sum of
 * the epochs), is no list: it is searched again and rewritten. Only this module writes it.
 */
function parseKept(stored: unknown): KeptList | undefined {
  if (typeof stored !== 'string') return undefined;
  try {
    const kept = JSON.parse(stored) as Partial<KeptList>;
    return Array.isArray(kept.positionIds) && typeof kept.epochs === 'object' && kept.epochs !== null
      ? (kept as KeptList)
      : undefined;
  } catch {
    return undefined;
  }
}

export function createRecommendationCache(table: TableRef) {
  const { db, tableName } = table;
  return {
    /**
     * The worker's kept list, and the current epochs of the cells within `watchedKm` of home (for
     * `writtenSince` and a search near home to reuse): one BatchGetItem.
     */
    async read(workerId: string, home: LatLng, watchedKm: number): Promise<{ kept?: KeptList; cells: Map<string, number> }> {
      const cells = new Map(epochCellsWithin(home, watchedKm).map((cell) => [cell, 0]));
      const epochKeys = [...cells.keys()].map((cell) => ({ cell, key: keys.positionsEpoch(cell) }));
      const byPk = new Map(epochKeys.map(({ cell, key }) => [key.pk, cell]));
      const cacheKey = keys.recommendationCache(workerId);
      const items = await batchGet(table, [cacheKey, ...epochKeys.map(({ key }) => key)]);
      let kept: KeptList | undefined;
      for (const item of items) {
        if (item.pk === cacheKey.pk && item.sk === cacheKey.sk) kept = parseKept(item.list);
        else cells.set(byPk.get(String(item.pk))!, Number(item.epoch ?? 0));
      }
      return { ...(kept ? { kept } : {}), cells };
    },

    /**
     * The positions written near home since `list` was kept (`cells`: the epochs now), none when
     * the log cannot say (the caller searches instead), and the Queries it made.
     */
    writtenSince: (list: KeptList, cells: ReadonlyMap<string, number>) => writtenSince(table, list.epochs, cells),

    async write(workerId: string, list: KeptList): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          // One string, not a list attribute: it is only ever read whole, so DynamoDB need not know its shape.
          Item: { ...keys.recommendationCache(workerId), type: 'recommendationCache', list: JSON.stringify(list) },
        }),
      );
    },
  };
}

export type RecommendationCache = ReturnType<typeof createRecommendationCache>;
