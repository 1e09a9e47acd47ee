import { BatchGetCommand, type BatchGetCommandInput, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './versioned.js';

export const BATCH_SIZE = 100; // DynamoDB's limit per BatchGetItem

/** Reads items by key with BatchGetItem, 100 at a time, until DynamoDB has answered every key; in no order. */
export async function batchGet(table: TableRef, keys: readonly { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += BATCH_SIZE) {
    let request: BatchGetCommandInput['RequestItems'] = { [table.tableName]: { Keys: keys.slice(i, i + BATCH_SIZE) } };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(2 ** attempt * 50, 2_000)));
      const result: BatchGetCommandOutput = await table.db.send(new BatchGetCommand({ RequestItems: request }));
      items.push(...(result.Responses?.[table.tableName] ?? []));
      request = result.UnprocessedKeys;
    }
  }
  return items;
}
