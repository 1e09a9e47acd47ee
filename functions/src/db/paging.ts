import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DomainError } from '../errors.js';
import { GLOBAL_INDEXES, PARTITION_KEY, SORT_KEY } from './tableSchema.js';

/** An opaque cursor is the base64url of the key after which the next page starts. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;
}

export const invalidCursor = () =>
  new DomainError('INVALID_CURSOR', '翻页标记无效，请从第一页重新开始', 'The cursor is not valid for this list.', 'query.cursor');

/**
 * The key a client sent back: exactly the key attributes of the table or index
 * queried, each a string. Whether it lies inside the query's partition and range
 * is DynamoDB's to say (queryPage turns its refusal into the same 400).
 */
function decodeCursor(cursor: string | undefined, indexName: string | undefined): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const names = keyAttributes(indexName);
  const keySchema = z.strictObject(Object.fromEntries(names.map((name) => [name, z.string().min(1).max(1024)])));
  try {
    return keySchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))) as Record<string, string>;
  } catch {
    throw invalidCursor();
  }
}

/** The attributes that make up an item's position in a table or index (what ExclusiveStartKey needs). */
function keyAttributes(indexName: string | undefined): string[] {
  const index = GLOBAL_INDEXES.find((i) => i.name === indexName);
  return [PARTITION_KEY, SORT_KEY, ...(index ? [index.partitionKey, index.sortKey] : [])];
}

/**
 * One page of a Query with exactly `limit` items when that many exist.
 * DynamoDB applies Limit before a FilterExpression, so a filtered page can
 * come back short: keep reading, and cut the cursor at the last item returned.
 */
export async function queryPage(
  db: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: Record<string, unknown>[]; nextCursor?: string }> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined = decodeCursor(page.cursor, input.IndexName);
  let fromClient = start !== undefined;
  do {
    const result = await db
      .send(new QueryCommand({ ...input, Limit: page.limit - items.length, ExclusiveStartKey: start }))
      .catch((error: unknown) => {
        // DynamoDB refuses a start key outside the query's partition or range.
        if (fromClient && error instanceof Error && error.name === 'ValidationException') throw invalidCursor();
        throw error;
      });
    fromClient = false;
    items.push(...(result.Items ?? []));
    start = result.LastEvaluatedKey;
  } while (start && items.length < page.limit);
  if (!start) return { items };
  const last = items.at(-1);
  if (!last) return { items };
  const lastKey = Object.fromEntries(keyAttributes(input.IndexName).map((name) => [name, last[name]]));
  return { items, nextCursor: encodeCursor(lastKey) };
}

/** Every item of a Query, page after page: for small, bounded sets (a region's children, a worker's months). */
export async function queryAll(
  db: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const afterCursorSchema = z.object({ after: z.string().min(1).max(1024) });

/**
 * A page of a small set read whole but shown in an order the table does not keep (a position's
 * applicants by when they applied): sorted by `keyOf`, and the cursor is the last key shown, so a
 * page is neither skipped nor repeated when items are added meanwhile.
 */
export function pageInKeyOrder<T>(
  all: readonly T[],
  keyOf: (item: T) => string,
  page: { limit: number; cursor?: string | undefined },
): { items: T[]; nextCursor?: string } {
  const sorted = [...all].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  let start = 0;
  if (page.cursor !== undefined) {
    let after: string;
    try {
      after = afterCursorSchema.parse(JSON.parse(Buffer.from(page.cursor, 'base64url').toString('utf8'))).after;
    } catch {
      throw invalidCursor();
    }
    const next = sorted.findIndex((item) => keyOf(item) > after);
    start = next < 0 ? sorted.length : next;
  }
  const items = sorted.slice(start, start + page.limit);
  const last = items.at(-1);
  if (!last || start + items.length >= sorted.length) return { items };
  return { items, nextCursor: encodeCursor({ after: keyOf(last) })! };
}

/**
 * How many items a Query's key condition holds (`scanned`) and how many of them pass its filter
 * (`matched`): one read returns both, no item travels, page after page of 1 MB of keys read.
 */
export async function queryCount(
  db: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey' | 'Select'>,
): Promise<{ scanned: number; matched: number }> {
  let scanned = 0;
  let matched = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: start }));
    scanned += page.ScannedCount ?? 0;
    matched += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return { scanned, matched };
}
