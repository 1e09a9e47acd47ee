/**
 * 免申即享: the monthly run plans one shard per township, evaluates every worker of each from
 * the registry and makes the claims that are due, awaiting review. Running the month again
 * makes none; a worker who has left the registry gets nothing; a shard retried — after its
 * first attempt died half-way, or after it had already reported — neither makes nor counts
 * anything twice; a shard claims the month its plan fixed, whenever it runs.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '@bangfu/shared';
import { keys } from '../../functions/src/db/tableSchema.js';
import { DEMO_COUNTY_CODE, demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import { townshipsUnder } from '../../functions/src/monthlyRuns/plan.js';
import {
  AUTO_CLAIMS_ACTOR,
  autoClaimsShardsOf,
  planAutoClaimsRun,
  runAndRecordAutoClaimsShard,
  runAutoClaims,
  runAutoClaimsShard,
} from '../../functions/src/subsidies/autoClaims.js';
import { startDemoCountyApi, type TestApi } from '../support/api.js';

let api: TestApi;
let townships: string[];

beforeAll(async () => {
  api = await startDemoCountyApi();
  townships = await townshipsUnder(api.ctx, DEMO_COUNTY_CODE);
});
afterAll(() => api?.close());

const month = chinaMonth(new Date());
const [year, monthNumber] = month.split('-').map(Number) as [number, number];
const lastMonth = chinaMonth(new Date(Date.UTC(year, monthNumber - 2, 15)));
const acrossProvince = { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 500_000 } as const;
const byStaff = { source: 'staff', userId: 'demo-staff-county' } as const;

/** Makes a worker 脱贫人口 (the demo groups are random), whom the transport subsidy is for. */
async function povertyAlleviated(workerId: string) {
  const item = (await api.ctx.workers.getItem(workerId, true))!;
  return api.ctx.workers.update(workerId, { version: item.version, groups: ['povertyAlleviated'] });
}

/** The first worker of a township, made due the transport subsidy for `period` (worked across provinces). */
async function dueWorkerIn(township: string, period: string) {
  const { items } = await api.ctx.workers.page({ regionCode: township, limit: 1 });
  const worker = await povertyAlleviated(String(items[0]!.workerId));
  await api.ctx.employment.record(worker, period, acrossProvince, byStaff);
  return worker;
}

async function runRecord(runId: string) {
  const { Item } = await api.ctx.table.db.send(
    new GetCommand({ TableName: api.ctx.table.tableName, Key: keys.monthlyRun('autoClaims', DEMO_COUNTY_CODE, runId) }),
  );
  return Item!;
}

describe('免申即享, one shard at a time', () => {
  it('a shard retried after an attempt that died half-way counts that attempt’s claims as the run’s; reported twice, it adds once', async () => {
    const township = townships[0]!;
    const worker = await dueWorkerIn(township, month);
    const plan = await planAutoClaimsRun(api.ctx, { regionCode: DEMO_COUNTY_CODE });
    expect(plan.townships).toEqual(townships);
    const shard = autoClaimsShardsOf(plan)[0]!;

    // The first attempt makes its claims and dies before reporting.
    const died = await runAutoClaimsShard(api.ctx, shard);
    expect(died.created).toBeGreaterThanOrEqual(1);
    expect((await api.ctx.claims.ofWorker(worker.workerId)).map((c) => c.subsidy)).toContain('transport_once');

    // The retry makes nothing new, yet reports what this run made.
    const retried = await runAndRecordAutoClaimsShard(api.ctx, shard);
    expect(retried).toEqual(died);
    // Its Lambda timed out after reporting: run again, it finds its figures there and adds nothing.
    await runAndRecordAutoClaimsShard(api.ctx, shard);
    const record = await runRecord(plan.runId);
    expect(record).toMatchObject({
      shardsDone: 1,
      shards: townships.length,
      period: month,
      workers: died.workers,
      created: died.created,
      amountFen: died.amountFen,
    });
  });

  it('a shard claims the month its plan fixed, not the month it happens to run in', async () => {
    const township = townships[1]!;
    const worker = await dueWorkerIn(township, lastMonth);
    const plan = await planAutoClaimsRun(api.ctx, { regionCode: township, period: lastMonth });
    const shards = autoClaimsShardsOf(plan);
    expect(shards).toEqual([{ runId: plan.runId, regionCode: township, period: lastMonth, startedAt: plan.startedAt }]);
    const report = await runAndRecordAutoClaimsShard(api.ctx, shards[0]!);
    expect(report.period).toBe(lastMonth);
    const claims = await api.ctx.claims.ofWorker(worker.workerId);
    expect(claims.find((c) => c.subsidy === 'transport_once')).toMatchObject({ period: lastMonth, source: 'auto' });
  });

  it('refuses a month not yet begun and a region that does not exist, and records no run', async () => {
    const runs = async () =>
      (
        await api.ctx.table.db.send(
          new QueryCommand({
            TableName: api.ctx.table.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.monthlyRun('autoClaims', DEMO_COUNTY_CODE, '').pk },
          }),
        )
      ).Count;
    const before = await runs();
    const nextMonth = chinaMonth(new Date(Date.UTC(year, monthNumber, 15)));
    await expect(planAutoClaimsRun(api.ctx, { regionCode: DEMO_COUNTY_CODE, period: nextMonth })).rejects.toThrow(/本月或以前/);
    await expect(planAutoClaimsRun(api.ctx, { regionCode: DEMO_COUNTY_CODE, period: '2026-13' })).rejects.toThrow(/YYYY-MM/);
    await expect(planAutoClaimsRun(api.ctx, { regionCode: '159999' })).rejects.toThrow(/没有这个地区/);
    expect(await runs()).toBe(before);
  });
});

describe('免申即享, the whole month', () => {
  it('makes the claims due for every worker, once, and nothing for one who has left; the record sums every shard', async () => {
    const working = await povertyAlleviated((await api.ctx.workers.findByIdNumber(demoIdNumber(3)))!.workerId);
    const leaving = await povertyAlleviated((await api.ctx.workers.findByIdNumber(demoIdNumber(4)))!.workerId);
    for (const worker of [working, leaving]) await api.ctx.employment.record(worker, month, acrossProvince, byStaff);
    // Left the registry last month: subsidies stop from the next month (file 001 item 10).
    const lastMonthEnd = new Date(Date.UTC(year, monthNumber - 1, 0)).toISOString().slice(0, 10);
    const exitRecord = (await api.ctx.workers.getItem(leaving.workerId, true))!;
    await api.ctx.workers.update(leaving.workerId, { version: exitRecord.version, registryExitDate: lastMonthEnd });

    const first = await runAutoClaims(api.ctx, DEMO_COUNTY_CODE);
    expect(first.shards).toBe(townships.length);
    expect(first.workers).toBeGreaterThan(100); // every demo worker of the county
    expect(first.created).toBeGreaterThanOrEqual(1);
    const claims = await api.ctx.claims.ofWorker(working.workerId);
    expect(claims.map((c) => c.subsidy)).toContain('transport_once');
    expect(claims.every((c) => c.source === 'auto' && c.createdBy === AUTO_CLAIMS_ACTOR && c.status === 'submitted')).toBe(true);
    expect(await api.ctx.claims.ofWorker(leaving.workerId)).toEqual([]);
    expect(await runRecord(first.runId)).toMatchObject({
      shardsDone: townships.length,
      workers: first.workers,
      created: first.created,
      alreadyClaimed: first.alreadyClaimed,
      amountFen: first.amountFen,
      finishedAt: expect.any(String),
    });

    const again = await runAutoClaims(api.ctx, DEMO_COUNTY_CODE);
    expect(again.created).toBe(0);
    expect(again.amountFen).toBe(0);
    expect(again.alreadyClaimed).toBe(first.created + first.alreadyClaimed);
    expect(await api.ctx.claims.ofWorker(working.workerId)).toHaveLength(claims.length);
  });
});
