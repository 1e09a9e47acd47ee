/**
 * 追回: money a paid claim should not have paid is ordered back by a county officer who rechecks
 * (all or part, with the reason the person reads), the worker's village is given the errand, and
 * another county officer who pays records it received under the bank's reference. Refusals change
 * nothing; two orders at once make one; a retry is answered as the first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, chinaMonth, quarterOf, type Claim } from '@bangfu/shared';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { quarterlyReport } from '../../functions/src/monitoring/quarterlyReport.js';
import { runWarnings } from '../../functions/src/monitoring/warningsJob.js';
import { taskIdOf } from '../../functions/src/monitoring/taskRepository.js';
import { dynamoCallsDuring, startTestApi, type TestApi } from '../support/api.js';
import { approvedWithCard, claimFor, insiderWithAllDuties, moneyOfficers } from '../support/claims.js';

let api: TestApi;
let village: string;
let township: string; // 审核 only
let county: string; // 审核 and 复核: orders recovery
let finance: string; // 发放: records it received
let allDuties: string; // a county officer given every duty

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoCounty(api.ctx);
  allDuties = await insiderWithAllDuties(api);
  ({ village, township, county, finance } = await moneyOfficers(api));
});
afterAll(async () => {
  await api?.close();
});

/** Worker n's 一次性交通补助 of 500 元, approved, its card confirmed, paid by the county's batch. */
async function paidClaim(n: number): Promise<Claim> {
  const claim = await approvedWithCard(api, n, 50_000, `62179900000000${n}`.padEnd(19, '0'), { village, township });
  const paid = await api.call('POST', '/api/v1/claims/payments', {
    token: finance,
    body: { regionCode: '150222102', idempotencyKey: crypto.randomUUID() },
  });
  expect(paid.body.batch.claimIds).toContain(claim.claimId);
  return (await api.ctx.claims.get(claim.claimId))!;
}

const order = (claim: Claim, body: Record<string, unknown>, token = county) =>
  api.call('POST', `/api/v1/claims/${claim.claimId}/recovery`, { token, body: { version: claim.version, ...body } });
const received = (claim: Claim, body: Record<string, unknown>, token = finance) =>
  api.call('POST', `/api/v1/claims/${claim.claimId}/recovery/received`, { token, body: { version: claim.version, ...body } });
const REASON = '顶岗替岗：11月实际由他人上岗';

describe('追回: a paid claim’s money ordered back and received', () => {
  it('orders part of it back with the reason, tells the village and the person, and another officer records it received', async () => {
    const claim = await paidClaim(200);
    const ordered = await order(claim, { amountFen: 20_000, reason: REASON });
    expect(ordered.status).toBe(200);
    expect(ordered.body.claim).toMatchObject({
      status: 'recovering',
      version: claim.version + 1,
      recovery: { amountFen: 20_000, reason: REASON, orderedBy: 'demo-staff-county' },
    });
    expect(ordered.body.claim.history.at(-1)).toMatchObject({
      from: 'paid',
      to: 'recovering',
      by: 'demo-staff-county',
      reason: `追回 200 元：${REASON}`,
    });
    // The village is given the errand of telling the person.
    const workerId = claim.beneficiary.kind === 'worker' ? claim.beneficiary.workerId : '';
    const task = await api.ctx.tasks.get(
      taskIdOf({ cause: 'recoveryOrdered', month: chinaDate(new Date()).slice(0, 7), subject: claim.claimId }),
    );
    expect(task).toMatchObject({ level: 'village', regionCode: claim.regionCode, status: 'open', workerIds: [workerId] });
    expect(task!.text).toContain(`测试200 的一次性交通补助要追回 200 元：${REASON}`);
    // The person reads how much and why, and nothing of who decided it.
    const token = await api.loginAs('test-worker-200');
    const mine = (await api.call('GET', '/api/v1/me/claims', { token })).body;
    expect(mine.summary).toMatchObject({ paidFen: 30_000, owedFen: 20_000 });
    expect(mine.claims[0].recovery).toEqual({ amountFen: 20_000, reason: REASON, orderedAt: expect.any(String) });
    expect(JSON.stringify(mine.claims[0].recovery)).not.toContain('demo-staff-county');
    // Listed for the county under 追回中.
    const queue = await api.call('GET', '/api/v1/claims?regionCode=150222&status=recovering', { token: county });
    expect(queue.body.claims.map((c: Claim) => c.claimId)).toContain(claim.claimId);

    // The same order again (its answer lost) is answered as the first.
    const again = await order(claim, { amountFen: 20_000, reason: REASON });
    expect([again.status, again.body.claim.version]).toEqual([200, claim.version + 1]);

    const recovering = ordered.body.claim as Claim;
    const back = await received(recovering, { bankReference: 'ZH20261207-0200' });
    expect(back.status).toBe(200);
    expect(back.body.claim).toMatchObject({
      status: 'recovered',
      recovery: { amountFen: 20_000, received: { by: 'demo-staff-county-finance', bankReference: 'ZH20261207-0200' } },
    });
    expect(back.body.claim.history.at(-1).reason).toBe('已收回 200 元（流水号 ZH20261207-0200）');
    // The village, not yet done with telling the person, reads that there is nothing left to ask.
    expect((await api.ctx.tasks.get(task!.taskId))!.figures.at(-1)).toEqual({
      label: '钱已退回',
      value: '已收回 200 元（流水号 ZH20261207-0200）。不用再找本人退钱了',
    });
    expect((await api.call('GET', '/api/v1/me/claims', { token })).body.summary).toMatchObject({ paidFen: 30_000, owedFen: 0 });
    expect((await received(recovering, { bankReference: 'ZH20261207-0200' })).status).toBe(200); // a retry
    const other = await received(recovering, { bankReference: 'ZH20261207-0999' });
    expect([other.status, other.body.error.field]).toEqual([409, 'params.claimId']);
    // The claim still counts as made: its period is never paid again.
    expect((await api.call('GET', '/api/v1/me/subsidies', { token })).body.results).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ subsidy: 'transport_once', claimed: false, eligible: true })]),
    );
  });

  it('refuses who may not order or receive it, more than was paid, a claim not paid and a stale read; changes nothing', async () => {
    const claim = await paidClaim(201);
    const ok = { amountFen: 50_000, reason: REASON };
    const refusals: [body: Record<string, unknown>, token: string, status: number, field?: string][] = [
      [ok, township, 403, 'params.claimId'], // reviews, at a township
      [ok, finance, 403, 'params.claimId'], // pays, does not recheck
      [{ ...ok, amountFen: 50_001 }, county, 409, 'body.amountFen'],
      [{ ...ok, amountFen: 0 }, county, 400, 'body.amountFen'],
      [{ ...ok, amountFen: 12.5 }, county, 400, 'body.amountFen'],
      [{ ...ok, reason: '不对' }, county, 400, 'body.reason'],
      [{ ...ok, version: claim.version - 1 }, county, 409],
    ];
    for (const [body, token, status, field] of refusals) {
      const refused = await order(claim, body, token);
      expect([refused.status, field === undefined ? undefined : refused.body.error.field]).toEqual([status, field]);
    }
    // Nothing to receive while it is only paid.
    expect((await received(claim, { bankReference: 'ZH-0201' })).status).toBe(409);
    expect(await api.ctx.claims.get(claim.claimId)).toEqual(claim);

    // A claim not yet paid is stopped by 不通过 or 退回重审, not recovered.
    const { claim: submitted } = await claimFor(api, 202, 50_000);
    expect((await order(submitted, ok)).status).toBe(409);

    // Whoever ordered it does not record it received, even holding the duty 发放.
    const byInsider = await order(claim, ok, allDuties);
    expect(byInsider.status).toBe(200);
    const own = await received(byInsider.body.claim, { bankReference: 'ZH-0201' }, allDuties);
    expect([own.status, own.body.error.message.zh]).toEqual([403, '追回是您决定的，要由另一位工作人员登记收回']);
    const bad = await received(byInsider.body.claim, { bankReference: '回单' });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'body.bankReference']);
    expect((await api.ctx.claims.get(claim.claimId))!.status).toBe('recovering');
  });

  it('keeps money ordered back among what the quarter paid out: it was sent all the same', async () => {
    const quarter = quarterOf(chinaMonth(new Date()));
    const transport = async () =>
      (await quarterlyReport(api.ctx, '150222102', quarter)).paid.find((row) => row.subsidy === '一次性交通补助');
    const before = await transport();
    const claim = await paidClaim(204);
    expect(await transport()).toEqual({
      subsidy: '一次性交通补助',
      claims: (before?.claims ?? 0) + 1,
      yuan: (before?.yuan ?? 0) + 500,
    });
    expect((await order(claim, { amountFen: 50_000, reason: REASON })).status).toBe(200);
    expect(await transport()).toEqual({
      subsidy: '一次性交通补助',
      claims: (before?.claims ?? 0) + 1,
      yuan: (before?.yuan ?? 0) + 500,
    });
  });

  it('writes off (核销) what cannot come back, on the county’s document, by a payer other than who ordered it; the person owes nothing', async () => {
    const claim = await paidClaim(207);
    const recovering = (await order(claim, { amountFen: 30_000, reason: REASON })).body.claim as Claim;
    const writeOff = (body: Record<string, unknown>, token = finance) =>
      api.call('POST', `/api/v1/claims/${claim.claimId}/recovery/write-off`, {
        token,
        body: { version: recovering.version, ...body },
      });
    const ok = { documentNo: '固人社发〔2027〕3号', reason: '本人已去世，没有遗产可以退回' };
    const refusals: [body: Record<string, unknown>, token: string, status: number, field: string][] = [
      [ok, county, 403, 'params.claimId'], // ordered it, and does not pay
      [ok, township, 403, 'params.claimId'],
      [{ ...ok, documentNo: '3号' }, finance, 400, 'body.documentNo'],
      [{ ...ok, reason: '没钱' }, finance, 400, 'body.reason'],
      [{ ...ok, version: recovering.version - 1 }, finance, 409, 'body.version'],
    ];
    for (const [body, token, status, field] of refusals) {
      const refused = await writeOff(body, token);
      expect([refused.status, refused.body.error.field]).toEqual([status, field]);
    }
    expect(await api.ctx.claims.get(claim.claimId)).toEqual(recovering);

    let done!: Awaited<ReturnType<typeof writeOff>>;
    const calls = await dynamoCallsDuring(api, async () => {
      done = await writeOff(ok);
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    // Its cost: the session, the two rate limits, the claim, the officer's duties, the transition,
    // and the village's errand read and, being open, told: no read per anything.
    expect(calls.map((c) => c.command.replace(/Command$/, '')).sort()).toEqual(
      ['GetItem', 'UpdateItem', 'UpdateItem', 'GetItem', 'GetItem', 'UpdateItem', 'GetItem', 'PutItem'].sort(),
    );
    expect(done.body.claim).toMatchObject({
      status: 'writtenOff',
      recovery: { amountFen: 30_000, writtenOff: { by: 'demo-staff-county-finance', ...ok } },
    });
    expect(done.body.claim.history.at(-1)).toMatchObject({
      from: 'recovering',
      to: 'writtenOff',
      reason: `核销 300 元，不再追回：${ok.reason}（${ok.documentNo}）`,
    });
    const errand = await api.ctx.tasks.get(
      taskIdOf({ cause: 'recoveryOrdered', month: chinaDate(new Date()).slice(0, 7), subject: claim.claimId }),
    );
    expect(errand!.figures.at(-1)).toEqual({
      label: '已核销',
      value: `核销 300 元，不再追回：${ok.reason}（${ok.documentNo}）。不用再找本人退钱了`,
    });
    // A retry after a lost answer is answered as the first; the money cannot then be received.
    const again = await writeOff(ok);
    expect([again.status, again.body.claim.version]).toEqual([200, done.body.claim.version]);
    expect((await received(done.body.claim, { bankReference: 'ZH-0207' })).status).toBe(409);
    // The person owes nothing more, and the whole 500 元 counts as paid.
    const workerId = claim.beneficiary.kind === 'worker' ? claim.beneficiary.workerId : '';
    const summary = await api.ctx.claims.summary({ kind: 'worker', workerId });
    expect(summary).toMatchObject({ owedFen: 0 });
    expect(summary.paidFen).toBeGreaterThanOrEqual(50_000);
    // Nothing is out any more: the daily run does not chase it.
    const late = new Date(Date.now() + 90 * 86_400_000);
    await runWarnings(api.ctx, '150222', late);
    expect(
      await api.ctx.tasks.get(taskIdOf({ cause: 'recoveryOverdue', month: chinaMonth(late), subject: claim.claimId })),
    ).toBeUndefined();
  });

  it('is the county’s to follow up each month once it is out past the region’s days (60 in the demo), until received', async () => {
    const out = await paidClaim(205);
    const back = await paidClaim(206);
    expect((await order(out, { amountFen: 50_000, reason: REASON })).status).toBe(200);
    const ordered = (await order(back, { amountFen: 50_000, reason: REASON })).body.claim as Claim;
    expect((await received(ordered, { bankReference: 'YH20261207206' })).status).toBe(200);
    const taskOf = (claim: Claim, at: Date) =>
      api.ctx.tasks.get(taskIdOf({ cause: 'recoveryOverdue', month: chinaMonth(at), subject: claim.claimId }));
    const day = 86_400_000;

    const onTime = new Date(Date.now() + 60 * day);
    await runWarnings(api.ctx, '150222', onTime);
    expect(await taskOf(out, onTime)).toBeUndefined();

    const late = new Date(Date.now() + 61 * day);
    const report = await runWarnings(api.ctx, '150222', late);
    expect(report.found.recoveryOverdue).toBeGreaterThanOrEqual(1);
    const task = await taskOf(out, late);
    expect(task).toMatchObject({ cause: 'recoveryOverdue', level: 'county', status: 'open', regionCode: out.regionCode });
    expect(task!.text).toContain('决定追回 500 元，61 天了还没有收回（期限 60 天）');
    expect(await taskOf(back, late)).toBeUndefined();
    // The same day again opens nothing new; the next month, while the money is still out, another.
    const again = await runWarnings(api.ctx, '150222', late);
    expect(await api.ctx.tasks.get(task!.taskId)).toMatchObject({ version: task!.version });
    expect(again.found.recoveryOverdue).toBe(report.found.recoveryOverdue);
    const nextMonth = new Date(late.getTime() + 31 * day);
    await runWarnings(api.ctx, '150222', nextMonth);
    expect(await taskOf(out, nextMonth)).toMatchObject({ cause: 'recoveryOverdue', status: 'open' });
  });

  it('makes one order of two at once', async () => {
    const claim = await paidClaim(203);
    const [a, b] = await Promise.all([
      order(claim, { amountFen: 50_000, reason: REASON }),
      order(claim, { amountFen: 10_000, reason: '另一个原因，金额不同' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const stored = (await api.ctx.claims.get(claim.claimId))!;
    expect(stored.history.filter((step) => step.to === 'recovering')).toHaveLength(1);
    expect(stored.recovery!.amountFen).toBe((a.status === 200 ? a : b).body.claim.recovery.amountFen);
  });
});
