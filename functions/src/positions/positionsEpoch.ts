/**
 * An epoch per geohash cell of EPOCH_PRECISION (about 156 km square) that every position write
 * raises: a reader that kept something derived from the positions around a point (a worker's
 * ranked recommendations) knows it is stale when the sum of the epochs of the cells it covered
 * has changed. Epochs only grow, so the sum changes exactly when one of them did.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { cellsCoveringBbox, cellsCoveringCircle, CHINA_BOX, encodeGeohash, type LatLng } from '@bangfu/shared';
import { batchGet } from '../db/batchGet.js';
import { keys } from '../db/tableSchema.js';
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

/** Positions at these locations were written: what was derived from their cells is stale. */
export async function raisePositionsEpoch({ db, tableName }: TableRef, ...locations: LatLng[]): Promise<void> {
  const cells = new Set(locations.map((location) => encodeGeohash(location, EPOCH_PRECISION)));
  await Promise.all(
    [...cells].map((cell) =>
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.positionsEpoch(cell),
          UpdateExpression: 'ADD epoch :one SET #type = :type',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':one': 1, ':type': 'positionsEpoch' },
        }),
      ),
    ),
  );
}
