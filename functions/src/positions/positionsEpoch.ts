/**
 * An epoch per geohash cell of EPOCH_PRECISION (about 156 km square) that every position write
 * raises: a reader that kept something derived from the positions around a point (a worker's
 * ranked recommendations) knows it is stale when the epoch of a cell it covered has changed.
 *
 * Each raise for one position is logged beside the epoch under the epoch it raised to
 * (`positionChange`, kept a few days), so such a reader can learn which positions changed since
 * and read just those (`writtenSince`) rather than search again. A raise with no log entry (its
 * writer stopped between the two calls) leaves a gap the reader sees.
 */
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { cellsCoveringBbox, cellsCoveringCircle, CHINA_BOX, encodeGeohash, type LatLng } from '@bangfu/shared';
import { batchGet } from '../db/batchGet.js';
import { batchPut } from '../db/batchWrite.js';
import { keys, TTL_ATTRIBUTE } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

const EPOCH_PRECISION = 3;

/** The epoch cells a disc touches. */
export const epochCellsWithin = (center: LatLng, radiusKm: number) => cellsCoveringCircle(center, radiusKm, EPOCH_PRECISION);

/** The epoch cell an index partition (a finer geohash) lies in. */
export const epochCellOf = (partition: string) => partition.slice(0, EPOCH_PRECISION);

/**
 * Every cell's epoch that was ever raised: those of the cells covering mainland China (about
 * 1,800, nineteen BatchGetItems), the ones still 0 left out.
 */
export async function raisedEpochs(table: TableRef): Promise<Record<string, number>> {
  const epochs = await readEpochs(table, cellsCoveringBbox(CHINA_BOX, EPOCH_PRECISION));
  return Object.fromEntries([...epochs].filter(([, epoch]) => epoch > 0));
}

/** The current epochs of `cells` (0 where no position was ever written): one BatchGetItem per 100. */
export async function readEpochs(table: TableRef, cells: readonly string[]): Promise<Map<string, number>> {
  const epochs = new Map(cells.map((cell) => [cell, 0]));
  const byPk = new Map(cells.map((cell) => [keys.positionsEpoch(cell).pk, cell]));
  for (const item of await batchGet(
    table,
    cells.map((cell) => keys.positionsEpoch(cell)),
  )) {
    epochs.set(byPk.get(item.pk as string)!, Number(item.epoch ?? 0));
  }
  return epochs;
}

/**
 * How long a raise's log entry is kept: longer than any reader's view can be up to date (a kept
 * list is only while its China day lasts).
 */
const CHANGE_KEPT_S = 3 * 86_400;

/**
 * Positions were written (each where it was and where it is): what was derived from their cells
 * is stale. Each cell's epoch is raised by one for each position written in it, in one update,
 * and each of those raises logged under the epoch it raised to.
 */
export async function raisePositionsEpoch(
  table: TableRef,
  written: readonly { positionId: string; location: LatLng }[],
  now = new Date(),
): Promise<void> {
  const { db, tableName } = table;
  const byCell = new Map<string, Set<string>>();
  for (const { positionId, location } of written) {
    const cell = encodeGeohash(location, EPOCH_PRECISION);
    byCell.set(cell, (byCell.get(cell) ?? new Set()).add(positionId));
  }
  const expiresAt = Math.floor(now.getTime() / 1000) + CHANGE_KEPT_S;
  await Promise.all(
    [...byCell].map(async ([cell, ids]) => {
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.positionsEpoch(cell),
          UpdateExpression: 'ADD epoch :n SET #type = :type',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':n': ids.size, ':type': 'positionsEpoch' },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const first = Number(Attributes!.epoch) - ids.size + 1;
      const entries = [...ids].map((positionId, i) => ({
        ...keys.positionChange(cell, first + i),
        type: 'positionChange',
        positionId,
        [TTL_ATTRIBUTE]: expiresAt,
      }));
      if (entries.length === 1) await db.send(new PutCommand({ TableName: tableName, Item: entries[0] }));
      else await batchPut(table, entries);
    }),
  );
}

/** The most changes a reader takes from the log at once; more, and it should search instead. */
export const MAX_LOGGED_CHANGES = 50;

/**
 * The positions written in the cells of `current` (each cell's epoch now) since `since` (their
 * epochs then), one Query per cell that moved, or `written` undefined when the log cannot say: a
 * cell not in `since`, more than `max` raises in all, or a raise not logged (its writer stopped
 * between the two calls). `queries`: how many it made.
 */
export async function writtenSince(
  { db, tableName }: TableRef,
  since: Readonly<Record<string, number>>,
  current: ReadonlyMap<string, number>,
  max = MAX_LOGGED_CHANGES,
): Promise<{ written?: Set<string>; queries: number }> {
  const moved: { cell: string; from: number; to: number }[] = [];
  for (const [cell, to] of current) {
    const from = since[cell];
    if (from === undefined || from > to) return { queries: 0 };
    if (from < to) moved.push({ cell, from, to });
  }
  if (moved.reduce((sum, { from, to }) => sum + to - from, 0) > max) return { queries: 0 };
  const logged = await Promise.all(
    moved.map(async ({ cell, from, to }) => {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
          ExpressionAttributeValues: {
            ':pk': keys.positionChange(cell, from + 1).pk,
            ':first': keys.positionChange(cell, from + 1).sk,
            ':last': keys.positionChange(cell, to).sk,
          },
          ProjectionExpression: 'positionId',
        }),
      );
      return Items.length === to - from ? Items.map((item) => String(item.positionId)) : undefined;
    }),
  );
  if (logged.some((ids) => ids === undefined)) return { queries: moved.length };
  return { written: new Set(logged.flat() as string[]), queries: moved.length };
}
