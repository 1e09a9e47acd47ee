/**
 * 收到了 / 没收到 on a paid subsidy, over DynamoDB Local: the person it was paid to says whether the
 * money reached their card, once; 没收到 is the county's task at once, naming the card the batch paid
 * to. Not before it is paid, not about anyone else's claim, not changed once said.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, type Claim } from '@bangfu/shared';
import { taskIdOf } from '../../functions/src/monitoring/taskRepository.js';
import { dynamoCallsDuring, startDemoCountyApi, type TestApi } from '../support/api.js';
import { approvedWithCard, moneyOfficers } from '../support/claims.js';

let api: TestApi;
let officers: Awaited<ReturnType<typeof moneyOfficers>>;
beforeAll(async () => {
  api = await startDemoCountyApi();
  officers = await moneyOfficers(api);
});
afterAll(() => api?.close());

const say = (token: string, claimId: string, answer: string) =>
  api.call('POST', `/api/v1/me/claims/${claimId}/receipt`, { token, body: { answer } });
const payRegion = () =>
  api.call('POST', '/api/v1/claims/payments', {
    token: officers.finance,
    body: { regionCode: '150222102', idempotencyKey: randomUUID() },
  });
const workerOf = (claim: Claim) => (claim.beneficiary.kind === 'worker' ? claim.beneficiary.workerId : '');

describe('收到了 / 没收到', () => {
  it('takes the person’s 没收到 once the subsidy is paid, and gives the county the task with the card it went to', async () => {
    const claim = await approvedWithCard(api, 30, 50_000, '6217000012340030', officers);
    const token = await api.loginAs('test-worker-30');
    // Not paid yet: nothing to have received.
    const early = await say(token, claim.claimId, 'notReceived');
    expect([early.status, early.body.error.field]).toEqual([409, 'body.answer']);
    expect((await api.ctx.claims.get(claim.claimId))!.receipt).toBeUndefined();

    expect((await payRegion()).status).toBe(200);
    // Someone else's claim is not found; nor is a claim id that does not exist.
    const other = await api.loginAs('demo-worker-1');
    expect((await say(other, claim.claimId, 'notReceived')).status).toBe(404);

    let said: Awaited<ReturnType<typeof say>> | undefined;
    const calls = await dynamoCallsDuring(api, async () => {
      said = await say(token, claim.claimId, 'notReceived');
    });
    expect(said!.status, JSON.stringify(said!.body)).toBe(200);
    // The session, the record, the claim and the batch's row (GetItem 4); the budgets and the answer
    // (UpdateItem 3); the trail (BatchWriteItem 1); the task (PutItem 1).
    const count = (command: string) => calls.filter((call) => call.command === `${command}Command`).length;
    expect(['GetItem', 'UpdateItem', 'BatchWriteItem', 'PutItem'].map(count)).toEqual([4, 3, 1, 1]);
    expect(calls).toHaveLength(9);
    expect(said!.body.claim).toMatchObject({ status: 'paid', receipt: { received: false, by: 'test-worker-30' } });
    expect(said!.body.claim.vouchedBy).toBeUndefined();

    const task = await api.ctx.tasks.get(
      taskIdOf({ cause: 'subsidyNotReceived', month: chinaDate(new Date()).slice(0, 7), subject: claim.claimId }),
    );
    expect(task).toMatchObject({ level: 'county', status: 'open', regionCode: claim.regionCode, workerIds: [workerOf(claim)] });
    expect(task!.text).toContain('说没有收到');
    expect(task!.text).toContain('一次性交通补助 500 元（发往尾号 0030 的卡）');
    const trail = await api.ctx.audit.page(workerOf(claim), { limit: 20 });
    expect(trail.entries.map((e: { action: string }) => e.action)).toContain('subsidyReceipt');

    // Said again (a retry): the same answer, nothing more written; said otherwise: refused.
    const again = await say(token, claim.claimId, 'notReceived');
    expect([again.status, again.body.claim.version]).toEqual([200, said!.body.claim.version]);
    const changed = await say(token, claim.claimId, 'received');
    expect([changed.status, changed.body.error.field]).toEqual([409, 'body.answer']);

    // The bank sends the money back: the answer was about that payment, and goes with it.
    const returned = await api.call('POST', `/api/v1/claims/payments/${said!.body.claim.paymentBatchId}/returns`, {
      token: officers.finance,
      body: { claimId: claim.claimId, reason: 'accountFrozen', bankReference: 'TP2026120801' },
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const back = (await api.ctx.claims.get(claim.claimId))!;
    expect([back.status, back.receipt]).toEqual(['approved', undefined]);
    const afterReturn = await say(token, claim.claimId, 'notReceived');
    expect([afterReturn.status, afterReturn.body.error.field]).toEqual([409, 'body.answer']);
  });

  it('keeps 收到了 without a task, and refuses an answer that is neither', async () => {
    const claim = await approvedWithCard(api, 31, 50_000, '6217000012340031', officers);
    const paid = await payRegion();
    expect(paid.body.batch.claimIds, JSON.stringify(paid.body)).toContain(claim.claimId);
    const token = await api.loginAs('test-worker-31');
    const odd = await say(token, claim.claimId, 'maybe');
    expect([odd.status, odd.body.error.field]).toEqual([400, 'body.answer']);
    const said = await say(token, claim.claimId, 'received');
    expect(said.status, JSON.stringify(said.body)).toBe(200);
    expect(said!.body.claim.receipt).toMatchObject({ received: true });
    const task = await api.ctx.tasks.get(
      taskIdOf({ cause: 'subsidyNotReceived', month: chinaDate(new Date()).slice(0, 7), subject: claim.claimId }),
    );
    expect(task).toBeUndefined();
  });
});
