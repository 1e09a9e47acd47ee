/**
 * What a process has asked of DynamoDB: its calls, and the read and write capacity units DynamoDB
 * says they consumed (what AWS bills). Every data call asks for ReturnConsumedCapacity TOTAL,
 * which costs nothing. The request log (http/requestContext.ts) prints the difference over one
 * request, so a route's cost is read from the logs rather than estimated.
 *
 * Capacity, not items, is the measure of a read: a Query is billed by the bytes it reads in 4 KB
 * units, a GetItem or each key of a BatchGetItem by its item rounded up to 4 KB, so a Query that
 * reads six small items costs what a GetItem of one does.
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
      const read = READS.has(command);
      if (!read && !WRITES.has(command)) return next(args);
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity ??= 'TOTAL';
      meter.calls++;
      const answer = await next(args);
      const consumed = (answer.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      for (const { CapacityUnits = 0, ReadCapacityUnits, WriteCapacityUnits } of [consumed ?? []].flat()) {
        // A transaction's answer splits reads (its condition checks) from writes; the others say only the total.
        meter.readUnits += ReadCapacityUnits ?? (read ? CapacityUnits : 0);
        meter.writeUnits += WriteCapacityUnits ?? (read ? 0 : CapacityUnits);
      }
      return answer;
    },
    { step: 'initialize', name: 'capacityMeter' },
  );
  return meter;
}

/** The meter of a client made by createDynamoClient. */
export function meterOf(client: DynamoDBDocumentClient): DbMeter | undefined {
  return meters.get(client);
}
