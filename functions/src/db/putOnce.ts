/**
 * An item written once, counted once: the new item (under attribute_not_exists) and the ADDs
 * to a tally on another item, in one transaction. Doing it twice — a worker scanning twice,
 * a shard's Lambda retried — finds the item there and changes nothing.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons } from './errors.js';
import type { TableRef } from './versioned.js';

/** True when the item was new and the tally added to; false when it was already there. */
export async function putOnceAndAdd(
  { db, tableName }: TableRef,
  item: Record<string, unknown>,
  tally: { key: Record<string, string>; add: Record<string, number>; mustExist?: boolean },
): Promise<boolean> {
  const names = Object.keys(tally.add);
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Update: {
              TableName: tableName,
              Key: tally.key,
              UpdateExpression: `ADD ${names.map((_, i) => `#a${i} :a${i}`).join(', ')}`,
              ...(tally.mustExist ? { ConditionExpression: 'attribute_exists(pk)' } : {}),
              ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
              ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:a${i}`, tally.add[name]])),
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return false;
    throw error;
  }
}
