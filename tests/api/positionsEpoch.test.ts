/**
 * The position epochs' log (functions/src/positions/positionsEpoch.ts) over DynamoDB Local: every
 * write of a position raises its cell's epoch and logs which position under the new epoch, so a
 * reader learns exactly what was written since; it cannot say (no set) for a raise with no entry,
 * a cell it did not know, or more than it may take, rather than answer an incomplete set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { encodeGeohash, type Employer, type LatLng } from '@bangfu/shared';
import { keys } from '../../functions/src/db/tableSchema.js';
import { readEpochs, writtenSince } from '../../functions/src/positions/positionsEpoch.js';
import { newPosition, putNewPositions, type PositionRecord } from '../../functions/src/positions/positionRepository.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { positionInput } from '../support/positions.js';

let api: TestApi;
const employer = { employerId: 'e_epochs', name: '纪元测试单位', kind: 'enterprise' } as Employer;
const here: LatLng = { lat: 36.06, lng: 103.83 }; // 兰州, far from every other test's positions
const cell = encodeGeohash(here, 3);
const record = (): PositionRecord => ({
  position: newPosition(employer, positionInput({ location: here, regionCode: '620102' }), 'open'),
  employerVerified: true,
});
const epochNow = async () => (await readEpochs(api.ctx.table, [cell])).get(cell)!;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

describe('the position epochs’ log', () => {
  it('names each position written since, once, and cannot say beyond its limit, for an unknown cell or across an unlogged raise', async () => {
    const since = { [cell]: await epochNow() };
    const [a, b] = [record(), record()];
    await api.ctx.positions.create(a);
    await api.ctx.positions.create(b);
    const saved = (await api.ctx.positions.get(a.position.positionId))!;
    await api.ctx.positions.save({ ...saved, position: { ...saved.position, status: 'closed' } }, saved.position.version);
    const current = new Map([[cell, await epochNow()]]);
    expect(current.get(cell)).toBe(since[cell]! + 3);

    expect(await writtenSince(api.ctx.table, since, current)).toEqual({
      written: new Set([a.position.positionId, b.position.positionId]),
      queries: 1,
    });
    // Past its limit, or for a cell it was not given, it does not read the log at all.
    expect(await writtenSince(api.ctx.table, since, current, 2)).toEqual({ queries: 0 });
    expect(await writtenSince(api.ctx.table, {}, current)).toEqual({ queries: 0 });
    expect(await writtenSince(api.ctx.table, { [cell]: current.get(cell)! }, current)).toEqual({
      written: new Set(),
      queries: 0,
    });

    // A bulk write logs each position it raised the epoch for.
    const bulk = [record(), record(), record()];
    await putNewPositions(api.ctx.table, bulk);
    const afterBulk = new Map([[cell, await epochNow()]]);
    expect(afterBulk.get(cell)).toBe(current.get(cell)! + 3);
    expect((await writtenSince(api.ctx.table, { [cell]: current.get(cell)! }, afterBulk)).written).toEqual(
      new Set(bulk.map((r) => r.position.positionId)),
    );

    // A writer that stopped after raising the epoch, before logging: from before it, the log cannot say.
    await api.ctx.table.db.send(
      new UpdateCommand({
        TableName: api.ctx.table.tableName,
        Key: keys.positionsEpoch(cell),
        UpdateExpression: 'ADD epoch :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    const afterGap = new Map([[cell, await epochNow()]]);
    expect(await writtenSince(api.ctx.table, since, afterGap)).toEqual({ queries: 1 });
    // From after it, it can again.
    const c = record();
    await api.ctx.positions.create(c);
    expect(
      (await writtenSince(api.ctx.table, { [cell]: afterGap.get(cell)! }, new Map([[cell, await epochNow()]]))).written,
    ).toEqual(new Set([c.position.positionId]));
  });
});
