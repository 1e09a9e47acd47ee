/**
 * What a process has asked of DynamoDB: its calls, and the read and write capacity units they are
 * billed, from what DynamoDB says they consumed. Every data call asks for ReturnConsumedCapacity TOTAL,
 * which costs nothing. The request log (http/requestContext.ts) prints the difference over one
 * request, so a route's cost is read from the logs rather than estimated.
 *
 * Capacity, not items, is the measure of a read: a Query is billed by the bytes it reads in 4 KB
 * units, a GetItem or each key of a BatchGetItem by its item rounded up to 4 KB, so a Query that
 * reads six small items costs what a GetItem of one does.
 *
 * A read that finds nothing is still billed a read's least: half a unit, or one if strongly
 * consistent. DynamoDB Local says so for a GetItem but answers 0 for a Query or Scan page that
 * found nothing and for a BatchGetItem key that is missing (awslabs/amazon-dynamodb-local-samples#7),
 * so the meter counts at least that least; DynamoDB's own answer already holds it.
 */
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DbMeter {
  calls: number;
  readUnits: number;
  writeUnits: number;
}

const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);
const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

const meters = new WeakMap<DynamoDBDocumentClient, DbMeter>();

/** Counts every call `client` makes from now on; the meter is read with meterOf. */
export function meterCapacity(client: DynamoDBDocumentClient): DbMeter {
  const meter: DbMeter = { calls: 0, readUnits: 0, writeUnits: 0 };
  meters.set(client, meter);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName);
      if (!READS.has(command) && !WRITES.has(command)) return next(args);
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity ??= 'TOTAL';
      meter.calls++;
      const answer = await next(args);
      const { readUnits, writeUnits } = unitsOfCall(command, args.input as CallInput, answer.output as CallOutput);
      meter.readUnits += readUnits;
      meter.writeUnits += writeUnits;
      return answer;
    },
    { step: 'initialize', name: 'capacityMeter' },
  );
  return meter;
}

/** What a call asked, as far as its least charge depends on it. */
export interface CallInput {
  ConsistentRead?: boolean;
  RequestItems?: Record<string, { Keys?: unknown[]; ConsistentRead?: boolean }>;
}
/** What DynamoDB answered: the units it says, and a BatchGetItem's keys left for another call. */
export interface CallOutput {
  ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[];
  UnprocessedKeys?: Record<string, { Keys?: unknown[] }>;
}

/** The read and write units one call (`command`, e.g. 'QueryCommand') is billed, from its input and answer. */
export function unitsOfCall(command: string, input: CallInput, output: CallOutput): { readUnits: number; writeUnits: number } {
  const read = READS.has(command);
  let readUnits = 0;
  let writeUnits = 0;
  for (const { CapacityUnits = 0, ReadCapacityUnits, WriteCapacityUnits } of [output.ConsumedCapacity ?? []].flat()) {
    // A transaction's answer splits reads (its condition checks) from writes; the others say only the total.
    readUnits += ReadCapacityUnits ?? (read ? CapacityUnits : 0);
    writeUnits += WriteCapacityUnits ?? (read ? 0 : CapacityUnits);
  }
  return { readUnits: Math.max(readUnits, leastReadUnits(command, input, output)), writeUnits };
}

const leastOfOne = (consistent: boolean | undefined) => (consistent ? 1 : 0.5);

/** A read's least charge: one item's worth for a Query or Scan page or a GetItem, and for each key a BatchGetItem answered. */
function leastReadUnits(command: string, input: CallInput, output: CallOutput): number {
  switch (command) {
    case 'GetItemCommand':
    case 'QueryCommand':
    case 'ScanCommand':
      return leastOfOne(input.ConsistentRead);
    case 'BatchGetItemCommand':
      return Object.entries(input.RequestItems ?? {}).reduce((sum, [table, { Keys = [], ConsistentRead }]) => {
        const answered = Keys.length - (output.UnprocessedKeys?.[table]?.Keys?.length ?? 0);
        return sum + answered * leastOfOne(ConsistentRead);
      }, 0);
    default:
      return 0;
  }
}

/** The meter of a client made by createDynamoClient. */
export function meterOf(client: DynamoDBDocumentClient): DbMeter | undefined {
  return meters.get(client);
}
