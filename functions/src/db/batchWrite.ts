import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { inPool } from './inPool.js';
import type { TableRef } from './versioned.js';

const BATCH_SIZE = 25; // DynamoDB's limit per BatchWriteItem

/**
 * Puts many items with BatchWriteItem, a few batches in flight at once,
 * retrying unprocessed items with backoff. For seeds and imports, not for
 * changes that need conditions.
 */
export async function batchPut(table: TableRef, items: Record<string, unknown>[], concurrency = 4): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) batches.push(items.slice(i, i + BATCH_SIZE));
  await inPool(batches, concurrency, async (batch) => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(2 ** attempt * 50, 2_000)));
      if (attempt > 8) throw new Error(`BatchWriteItem left ${requests.length} items unprocessed`);
      const result = await table.db.send(new BatchWriteCommand({ RequestItems: { [table.tableName]: requests } }));
      requests = (result.UnprocessedItems?.[table.tableName] ?? []) as typeof requests;
    }
  });
}
