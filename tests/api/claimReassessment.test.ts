/**
 * A claim is approved on the facts as they stand at approval: one no longer due is refused with
 * the reason (and left as it was, for the approver to reject); one due at another amount is
 * restated, back to 待审核, so nobody approves an amount they did not see. A rejected claim is
 * claimed again by the person once the records changed, never unchanged and never by 免申即享.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth, formatYuan, type Claim } from '@bangfu/shared';
import { toWorker } from '../../functions/src/registry/workerRepository.js';
import { createSubsidyService } from '../../functions/src/subsidies/service.js';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import { workerWithDues } from '../support/claims.js';
import { employedAcrossProvince } from '../support/people.js';

let api: TestApi;
let county: string;
let township: string;
const month = chinaMonth(new Date());

beforeAll(async () => {
  api = await startDemoCountyApi();
  county = await api.loginAs('demo-staff-county');
  township = await api.loginAs('demo-staff-township-1');
});
afterAll(() => api?.close());

type Worker = Awaited<ReturnType<typeof workerWithDues>>;

async function claim(worker: Worker, subsidy: string): Promise<Claim> {
  const claimed = await api.call('POST', '/api/v1/me/subsidies/claims', {
    token: worker.token,
    body: { idempotencyKey: crypto.randomUUID(), subsidies: [subsidy] },
  });
  expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
  return (await api.ctx.claims.get(claimed.body.claims[0].claimId))!;
}

const approve = (claim: Claim, token: string) =>
  api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, { token, body: { version: claim.version, decision: 'approve' } });

describe('a claim weighed again at approval', () => {
  it('is refused, unchanged, once the month it rests on was corrected; the approver rejects it with the reason', async () => {
    const worker = await workerWithDues(api, 30);
    const made = await claim(worker, 'transport_once');
    expect(made.amountFen).toBeGreaterThan(0);
    // The month was in Beijing by mistake: the county corrects it to within the county.
    const corrected = await api.call('PUT', `/api/v1/registry/workers/${worker.workerId}/employment/${month}`, {
      token: county,
      body: { ...employedAcrossProvince('包头某厂'), place: 'withinCounty' },
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);

    const refused = await approve(made, township);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message.zh).toMatch(/^按现在的记录，这份申领已不符合条件：.+。请驳回，并把这个原因写给申领人$/);
    expect(await api.ctx.claims.get(made.claimId)).toEqual(made);

    const rejected = await api.call('POST', `/api/v1/claims/${made.claimId}/decision`, {
      token: township,
      body: { version: made.version, decision: 'reject', reason: '务工地点已更正为县内，不符合一次性交通补助条件' },
    });
    expect([rejected.status, rejected.body.claim?.status]).toEqual([200, 'rejected']);
  });

  it('is restated when its amount moved with the facts, back to 待审核, and approved at the new amount by someone who did not move it', async () => {
    const worker = await workerWithDues(api, 31); // 电焊工培训, 15 days
    const made = await claim(worker, 'training');
    // The township finds the course was 1 day, not 15.
    const record = (await api.ctx.workers.getItem(worker.workerId, true))!;
    const fixed = await api.call('PATCH', `/api/v1/registry/workers/${worker.workerId}`, {
      token: township,
      body: { version: record.version, trainings: [{ ...record.trainings[0]!, days: 1 }] },
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);

    // The county approves what it read: not what the facts now give.
    const moved = await approve(made, county);
    const restated = (await api.ctx.claims.get(made.claimId))!;
    expect(restated.amountFen).toBeLessThan(made.amountFen);
    expect([moved.status, moved.body.error.message.zh]).toEqual([
      409,
      `按最新记录重新计算，金额从 ${formatYuan(made.amountFen)} 变为 ${formatYuan(restated.amountFen)}，申领已退回待审核。请看一遍新的依据再审核`,
    ]);
    expect(restated).toMatchObject({ status: 'submitted', version: made.version + 1, approvals: [] });
    expect(restated.history.at(-1)).toMatchObject({ by: 'demo-staff-county', from: 'submitted', to: 'submitted' });
    expect(restated.trace.map((line) => line.text).join('\n')).toContain('：1 天 × ');
    // The township set the days the amount now rests on: not theirs to approve (四眼原则).
    expect(restated.vouchedBy).toContain('demo-staff-township-1');
    expect((await approve(restated, township)).status).toBe(403);

    const approved = await approve(restated, county);
    expect([approved.status, approved.body.claim?.status, approved.body.claim?.amountFen]).toEqual([
      200,
      'approved',
      restated.amountFen,
    ]);
  });
});

describe('a rejected claim, claimed again', () => {
  const standingOf = async (worker: Worker, subsidy: string) =>
    (await api.call('GET', '/api/v1/me/subsidies', { token: worker.token })).body.results.find(
      (r: { subsidy: string }) => r.subsidy === subsidy,
    );
  const reject = (made: Claim, reason: string) =>
    api.call('POST', `/api/v1/claims/${made.claimId}/decision`, {
      token: township,
      body: { version: made.version, decision: 'reject', reason },
    });
  /** The township corrects the course's days: the records now give another amount. */
  async function correctDays(worker: Worker, days: number) {
    const record = (await api.ctx.workers.getItem(worker.workerId, true))!;
    const fixed = await api.call('PATCH', `/api/v1/registry/workers/${worker.workerId}`, {
      token: township,
      body: { version: record.version, trainings: [{ ...record.trainings[0]!, days }] },
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
  }

  it('stays rejected while the records say the same, and is claimed again, weighed as now, once they change', async () => {
    const worker = await workerWithDues(api, 32); // 电焊工培训, 15 days
    const made = await claim(worker, 'training');
    const rejected = await reject(made, '培训天数和培训机构的记录对不上');
    expect([rejected.status, rejected.body.claim?.status]).toEqual([200, 'rejected']);

    // Nothing changed: still shown as claimed (and rejected), and claiming it again makes nothing.
    expect(await standingOf(worker, 'training')).toMatchObject({ eligible: false, claimed: true });
    const same = await api.call('POST', '/api/v1/me/subsidies/claims', {
      token: worker.token,
      body: { idempotencyKey: crypto.randomUUID(), subsidies: ['training'] },
    });
    expect([same.status, same.body.created]).toEqual([200, 0]);
    expect(await api.ctx.claims.get(made.claimId)).toMatchObject({ status: 'rejected', version: rejected.body.claim.version });

    await correctDays(worker, 10);
    const due = await standingOf(worker, 'training');
    expect(due).toMatchObject({ eligible: true, claimed: false });
    expect(due.amountFen).toBeLessThan(made.amountFen);
    const again = await api.call('POST', '/api/v1/me/subsidies/claims', {
      token: worker.token,
      body: { idempotencyKey: crypto.randomUUID(), subsidies: ['training'] },
    });
    expect([again.status, again.body.created]).toEqual([200, 1]);
    const reopened = (await api.ctx.claims.get(made.claimId))!;
    expect(reopened).toMatchObject({ status: 'submitted', amountFen: due.amountFen, approvals: [], period: month });
    expect(reopened.trace.map((line) => line.text).join('\n')).toContain('：10 天 × ');
    // Its rejection stays in its history, with the reason, before the claim made again.
    expect(reopened.history.slice(-2)).toMatchObject([
      { to: 'rejected', by: 'demo-staff-township-1', reason: '培训天数和培训机构的记录对不上' },
      { from: 'rejected', to: 'submitted', by: worker.userId, reason: '重新申领：记录更新了' },
    ]);
    // The township set the days it now rests on: another officer approves it.
    expect((await approve(reopened, township)).status).toBe(403);
    expect((await approve(reopened, county)).body.claim?.status).toBe('approved');
  });

  it('is never claimed again by 免申即享: only the person’s own 申领 puts it back before an officer', async () => {
    const worker = await workerWithDues(api, 33);
    const made = await claim(worker, 'training');
    expect((await reject(made, '培训记录要先核实')).status).toBe(200);
    await correctDays(worker, 10);
    const subsidies = createSubsidyService(api.ctx);
    const { results } = await subsidies.evaluateWorker(toWorker((await api.ctx.workers.getItem(worker.workerId))!));
    const due = results.filter((r) => r.subsidy === 'training');
    expect(due).toMatchObject([{ eligible: true }]);
    const [auto] = await subsidies.claimDue(made.beneficiary, made.regionCode, month, due, {
      source: 'auto',
      createdBy: 'system-auto-claims',
    });
    expect(auto).toMatchObject({ created: false, claim: { status: 'rejected', amountFen: made.amountFen } });
  });
});

describe('a claimed training or certificate on the record', () => {
  const edit = async (worker: Worker, changes: Record<string, unknown>) => {
    const record = (await api.ctx.workers.getItem(worker.workerId, true))!;
    return api.call('PATCH', `/api/v1/registry/workers/${worker.workerId}`, {
      token: township,
      body: { version: record.version, ...changes },
    });
  };

  it('keeps its name and date while a claim stands on it, so it is never claimed twice; rejected, it may be corrected', async () => {
    const worker = await workerWithDues(api, 34); // 电焊工培训, 焊工四级证书
    const made = await claim(worker, 'training');
    const before = (await api.ctx.workers.getItem(worker.workerId, true))!;
    const course = before.trainings[0]!;

    // Renamed, redated or removed, the course would be a new one to claim: refused, nothing written.
    for (const trainings of [[{ ...course, name: '电焊工培训（中级）' }], [{ ...course, endedOn: '2025-03-21' }], []]) {
      const refused = await edit(worker, { trainings });
      expect([refused.status, refused.body.error.field]).toEqual([409, 'body.trainings']);
      expect(refused.body.error.message.zh).toBe(
        '培训「电焊工培训」已经申领了补贴，不能再改名称或日期，也不能删除。记录有误的，请先驳回这份申领再改',
      );
    }
    expect(await api.ctx.workers.getItem(worker.workerId, true)).toEqual(before);
    // Another course beside it, and a certificate nobody claimed, may change.
    const added = await edit(worker, {
      trainings: [course, { name: '挖掘机培训', startedOn: '2025-05-01', endedOn: '2025-05-10', days: 10 }],
      certificates: [{ ...before.certificates[0]!, name: '焊工四级（中级工）证书' }],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);

    const rejected = await api.call('POST', `/api/v1/claims/${made.claimId}/decision`, {
      token: township,
      body: { version: made.version, decision: 'reject', reason: '培训名称记错了' },
    });
    expect(rejected.status).toBe(200);
    const renamed = await edit(worker, { trainings: [{ ...course, name: '电焊工培训（中级）' }] });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
  });

  it('will not take the same course again under another name beside it (nor the certificate), so it is not claimed twice', async () => {
    const worker = await workerWithDues(api, 35); // 电焊工培训, 焊工四级证书
    await claim(worker, 'training');
    const before = (await api.ctx.workers.getItem(worker.workerId, true))!;
    const [course] = before.trainings;
    const [certificate] = before.certificates;
    const again = await edit(worker, { trainings: [course, { ...course, name: '焊接技能培训班', provider: '另一家学校' }] });
    expect([again.status, again.body.error.field]).toEqual([400, 'body.trainings.1.name']);
    expect(again.body.error.message.zh).toContain('「焊接技能培训班」和「电焊工培训」是同一工种（或同一机构）、日期重叠的培训');
    const twice = await edit(worker, {
      certificates: [certificate, { ...certificate, name: '电焊工证', obtainedOn: '2025-05-01' }],
    });
    expect([twice.status, twice.body.error.field]).toEqual([400, 'body.certificates.1.name']);
    expect(await api.ctx.workers.getItem(worker.workerId, true)).toEqual(before);
  });
});
