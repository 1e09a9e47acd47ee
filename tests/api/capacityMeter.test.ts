/**
 * The capacity units a process counts are what AWS bills: DynamoDB Local answers 0 for a Query that
 * found nothing and for a BatchGetItem key that is missing, where DynamoDB bills a read's least
 * (db/capacityMeter.ts). Each case here against DynamoDB Local, and the same answers as DynamoDB
 * itself gives them, which must count the same.
 */
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meterOf, unitsOfCall } from '../../functions/src/db/capacityMeter.js';
import { keys } from '../../functions/src/db/tableSchema.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await seedDemoCounty(api.ctx);
});
afterAll(() => api.close());

/** The read units the app's meter counted for `read`. */
async function unitsOf(read: () => Promise<unknown>): Promise<number> {
  const meter = meterOf(api.ctx.table.db)!;
  const before = meter.readUnits;
  await read();
  return meter.readUnits - before;
}

describe('read units as billed, on DynamoDB Local', () => {
  const queryOf = (userId: string, consistent: boolean) =>
    api.ctx.table.db.send(
      new QueryCommand({
        TableName: api.ctx.table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.user(userId).pk },
        ConsistentRead: consistent,
      }),
    );

  it('a Query that finds nothing costs half a unit, one when strongly consistent', async () => {
    expect(await unitsOf(() => queryOf('nobody-at-all', false))).toBe(0.5);
    expect(await unitsOf(() => queryOf('nobody-at-all', true))).toBe(1);
  });

  it('a Query that finds a small item costs what DynamoDB Local says, not more', async () => {
    expect(await unitsOf(() => queryOf('demo-worker-1', false))).toBe(0.5);
  });

  it('a BatchGetItem counts each key it answered, found or missing', async () => {
    const { db, tableName } = api.ctx.table;
    const units = await unitsOf(() =>
      db.send(
        new BatchGetCommand({
          RequestItems: { [tableName]: { Keys: [keys.user('demo-worker-1'), keys.user('nobody-1'), keys.user('nobody-2')] } },
        }),
      ),
    );
    expect(units).toBe(1.5);
  });

  it('a GetItem of a missing key costs half a unit', async () => {
    const { db, tableName } = api.ctx.table;
    expect(await unitsOf(() => db.send(new GetCommand({ TableName: tableName, Key: keys.user('nobody-3') })))).toBe(0.5);
  });
});

describe('read units as DynamoDB itself answers them: counted as they are', () => {
  it('keeps an answer that already holds the least, and adds nothing to a larger one', () => {
    const empty = { ConsumedCapacity: { TableName: 't', CapacityUnits: 0.5 } };
    expect(unitsOfCall('QueryCommand', {}, empty)).toEqual({ readUnits: 0.5, writeUnits: 0 });
    expect(unitsOfCall('QueryCommand', {}, { ConsumedCapacity: { TableName: 't', CapacityUnits: 12.5 } }).readUnits).toBe(12.5);
  });

  it('does not count a BatchGetItem key left unprocessed, which the next call pays for', () => {
    const input = { RequestItems: { t: { Keys: [{}, {}, {}, {}], ConsistentRead: true } } };
    const output = { ConsumedCapacity: [{ TableName: 't', CapacityUnits: 0 }], UnprocessedKeys: { t: { Keys: [{}] } } };
    expect(unitsOfCall('BatchGetItemCommand', input, output).readUnits).toBe(3);
  });

  it('counts a write as its answer says, with no least of a read', () => {
    expect(unitsOfCall('PutItemCommand', {}, { ConsumedCapacity: { TableName: 't', CapacityUnits: 1 } })).toEqual({
      readUnits: 0,
      writeUnits: 1,
    });
  });
});
