/**
 * An epoch per geohash cell of EPOCH_PRECISION (about 156 km square) that every position write
 * raises: a reader that kept something derived from the positions around a point (a worker's
 * ranked recommendations) knows it is stale when the sum of the epochs of the cells it covered
 * has changed. Epochs only grow, so the sum changes exactly when one of them did.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { cellsCoveringCircle, encodeGeohash, type LatLng } from '@bangfu/shared';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';

const EPOCH_PRECISION = 3;

/** The epoch items of the cells a disc touches. */
export function epochKeysWithin(center: LatLng, radiusKm: number) {
  return cellsCoveringCircle(center, radiusKm, EPOCH_PRECISION).map((cell) => keys.positionsEpoch(cell));
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
