/**
 * An employer's and an agency's own subsidies, from what the system holds: a recognised
 * 帮扶车间's reward by the 帮扶对象 it employs, and an agency's transfer service for each
 * worker it placed outside the county, once they have worked 6 months of the year.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth, type Claim, type Employer, type SubsidyResult } from '@bangfu/shared';
import { keys } from '../../functions/src/db/tableSchema.js';
import { Conflict } from '../../functions/src/errors.js';
import { createSubsidyService } from '../../functions/src/subsidies/service.js';
import { dynamoCallsDuring, startDemoCountyApi, type TestApi } from '../support/api.js';
import { accountWithoutProfile, boundWorker, employerProfile, positionInput, putPositions } from '../support/positions.js';

let api: TestApi;

beforeAll(async () => {
  api = await startDemoCountyApi();
});
afterAll(() => api?.close());

type Result = {
  subsidy: string;
  item?: string;
  eligible: boolean;
  amountFen: number;
  periodKey: string;
  trace: { text: string }[];
};
const subsidiesOf = async (token: string) => {
  const { status, body } = await api.call('GET', '/api/v1/me/employer/subsidies', { token });
  expect(status).toBe(200);
  return body.results as Result[];
};

describe('an employer’s own subsidies', () => {
  it('rewards a recognised 帮扶车间 by the tier of 帮扶对象 it employs, and nothing once it has exited', async () => {
    const token = await api.loginAs('demo-employer-1'); // 金山镇服装加工帮扶车间
    const staff = await api.loginAs('demo-staff-township-1');
    const employer = (await api.call('GET', '/api/v1/me/employer', { token })).body.employer as Employer;
    const setWorkshop = (version: number, recognition: string, assistedEmployees: number) =>
      api.call('PUT', `/api/v1/employers/${employer.employerId}/workshop`, {
        token: staff,
        body: { version, recognition, decidedOn: '2026-01-10', assistedEmployees },
      });
    const set = await setWorkshop(employer.version, 'recognised', 12);
    expect(set.status).toBe(200);
    const [reward] = (await subsidiesOf(token)).filter((r) => r.subsidy === 'workshop_reward');
    expect(reward).toMatchObject({ eligible: true, amountFen: 2_000_000, periodKey: chinaMonth(new Date()).slice(0, 4) }); // 10–19 people: the second tier (example)

    await setWorkshop(set.body.employer.version, 'exited', 12);
    const [after] = (await subsidiesOf(token)).filter((r) => r.subsidy === 'workshop_reward');
    expect(after).toMatchObject({ eligible: false, amountFen: 0 });
    // A workshop is not an agency: the agencies' transfer service is not among its subsidies.
    expect((await subsidiesOf(token)).map((r) => r.subsidy)).not.toContain('agency_transfer_service');
  });

  it('pays an agency for a worker it placed in another province, from their sixth month of the year', async () => {
    const token = await api.loginAs('demo-employer-6'); // 怀朔镇劳务经纪服务站
    const agency = (await api.call('GET', '/api/v1/me/employer', { token })).body.employer as Employer;
    expect(agency.kind).toBe('hrAgency');
    const [record] = await putPositions(api.ctx, agency, [
      positionInput({ regionCode: '110115', location: { lat: 39.73, lng: 116.34 } }),
    ]);
    const positionId = record!.position.positionId;
    const worker = await boundWorker(api, 700);
    const { application } = await api.ctx.applications.apply(positionId, worker.workerId, worker.userId);

    // Hired five months ago; employed every month since.
    const now = new Date();
    const monthsAgo = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 15));
    const hired = await api.ctx.applications.hire(
      application,
      record!.position.location,
      worker,
      { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 500_000 },
      'demo-employer-6',
      monthsAgo(5),
    );
    expect(hired.application.status).toBe('hired');
    const transfer = async () => (await subsidiesOf(token)).find((r) => r.subsidy === 'agency_transfer_service')!;
    for (let n = 4; n >= 1; n--) {
      await api.ctx.employment.record(
        worker,
        chinaMonth(monthsAgo(n)),
        { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 500_000 },
        { source: 'staff', userId: 'demo-staff-county' },
      );
    }
    // Months of this year since the hire: six from June on; earlier in the year the hire fell last year.
    const year = chinaMonth(now).slice(0, 4);
    const monthsThisYear = (through: number) =>
      [5, 4, 3, 2, 1, 0].filter((n) => n >= through && chinaMonth(monthsAgo(n)).startsWith(year)).length;
    const five = await transfer();
    expect(monthsThisYear(1)).toBeLessThan(6);
    expect(five).toMatchObject({ eligible: false, amountFen: 0, item: '跨省转移 测试700' }); // the agency reads a name, not an id
    expect(five.trace.map((t) => t.text).join()).toContain('不满 6 个月');

    await api.ctx.employment.record(
      worker,
      chinaMonth(now),
      { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 500_000 },
      { source: 'staff', userId: 'demo-staff-county' },
    );
    // The placed workers come in one BatchGetItem, never a GetItem each.
    const calls = await dynamoCallsDuring(api, () => subsidiesOf(token));
    expect(
      calls.filter((c) => c.command === 'GetItemCommand' && String((c.input.Key as { pk: string }).pk).startsWith('WORKER#')),
    ).toEqual([]);
    // And who holds each placed person's first transfer in one more; no claim holds one, so no third.
    expect(calls.filter((c) => c.command === 'BatchGetItemCommand')).toHaveLength(2);

    const six = await transfer();
    const due = monthsThisYear(0) >= 6;
    expect(six).toMatchObject(
      due ? { eligible: true, amountFen: 80_000, periodKey: `${year}:${worker.workerId}` } : { eligible: false, amountFen: 0 },
    );
  });
});

describe('the service of a first transfer (首次输出), once per person', () => {
  // Fixed months of 2026, weighed as of October: the same in any year the suite runs.
  const PERIOD = '2026-10';
  const EMPLOYED = { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 500_000 } as const;

  /** A verified agency of its own, with a position in Beijing. */
  async function agency(name: string, userId: string) {
    const user = await api.ctx.users.get('demo-employer-6');
    const token = await accountWithoutProfile(api, user!, userId);
    const created = await api.call('POST', '/api/v1/me/employer', {
      token,
      body: employerProfile({ name, kind: 'hrAgency', address: '金山镇', contactName: '王站长', contactPhone: '13904720002' }),
    });
    expect(created.status).toBe(201);
    const pending = created.body.employer as Employer;
    const employer = await api.ctx.employers.decideVerification(
      pending,
      pending.version,
      'verified',
      { userId: 'demo-staff-county' } as never,
      undefined,
    );
    const [record] = await putPositions(api.ctx, employer, [
      positionInput({ regionCode: '110115', location: { lat: 39.73, lng: 116.34 } }),
    ]);
    return { employer, userId, position: record!.position };
  }
  type Agency = Awaited<ReturnType<typeof agency>>;

  /** The agency's result for the worker, weighed as of PERIOD. */
  const serviceOf = async (of: Agency, workerId: string) =>
    (await createSubsidyService(api.ctx).evaluateEmployer(of.employer, PERIOD)).results.find(
      (r) => r.subsidy === 'agency_transfer_service' && r.periodKey === `2026:${workerId}`,
    )!;
  const claimFor = (of: Agency, result: SubsidyResult) =>
    createSubsidyService(api.ctx).claimDue(
      { kind: 'employer', employerId: of.employer.employerId, name: of.employer.name },
      of.employer.regionCode,
      PERIOD,
      [result],
      { source: 'employer', createdBy: of.userId },
    );
  const holderOf = async (workerId: string) =>
    (await api.ctx.table.db.send(new GetCommand({ TableName: api.ctx.table.tableName, Key: keys.firstTransferTaken(workerId) })))
      .Item?.claimId;

  it('pays one of two agencies that placed the same person in the same month, even when both claim at once; another year is refused too', async () => {
    const [first, second] = await Promise.all([agency('甲劳务公司', 'agency-a'), agency('乙劳务公司', 'agency-b')]);
    const worker = await boundWorker(api, 710);
    // Both hired them in March; an officer recorded April to September away in another province.
    for (const of of [first, second]) {
      const { application } = await api.ctx.applications.apply(of.position.positionId, worker.workerId, worker.userId);
      await api.ctx.applications.hire(
        application,
        of.position.location,
        worker,
        EMPLOYED,
        of.userId,
        new Date('2026-03-15T04:00:00Z'),
      );
    }
    for (const month of ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']) {
      await api.ctx.employment.record(worker, month, EMPLOYED, { source: 'staff', userId: 'demo-staff-county' });
    }
    const [a, b] = await Promise.all([serviceOf(first, worker.workerId), serviceOf(second, worker.workerId)]);
    expect([a, b].map((r) => [r.eligible, r.amountFen])).toEqual([
      [true, 80_000],
      [true, 80_000],
    ]);

    // Both claim at the same moment: one claim is made, the other refused, and nothing of it written.
    const settled = await Promise.allSettled([claimFor(first, a), claimFor(second, b)]);
    const made = settled.filter((s) => s.status === 'fulfilled').map((s) => s.value[0]!.claim);
    const refused = settled.filter((s) => s.status === 'rejected').map((s) => s.reason as unknown);
    expect(made).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(Conflict);
    expect((refused[0] as Conflict).zh).toContain('每人只补助一次');
    const winner = made[0]!;
    const [won, lost] =
      winner.beneficiary.kind === 'employer' && winner.beneficiary.employerId === first.employer.employerId
        ? [first, second]
        : [second, first];
    expect(await api.ctx.claims.ofEmployer(lost.employer.employerId)).toEqual([]);
    expect(await holderOf(worker.workerId)).toBe(winner.claimId);

    // The other agency now reads why, without being told who.
    const told = await serviceOf(lost, worker.workerId);
    expect(told).toMatchObject({ eligible: false, amountFen: 0 });
    expect(told.trace.map((t) => t.text).join()).toContain('首次输出每人只补助一次，另一家机构已经申领过');
    expect(JSON.stringify(told)).not.toContain(won.employer.name);
    // The winner's own result is 已领; the same placement in another year is refused by the person's item.
    expect(await serviceOf(won, worker.workerId)).toMatchObject({ eligible: false, claimed: true });
    await expect(
      api.ctx.claims.create({ ...winner, periodKey: `2027:${worker.workerId}`, period: '2027-10' }),
    ).rejects.toMatchObject({ zh: expect.stringContaining('每人只补助一次') });

    // Rejected, the claim gives the person up: the other agency may claim, and the first cannot claim again.
    const rejected = await api.ctx.claims.transition(winner, winner.version, {
      to: 'rejected',
      by: 'demo-staff-county',
      reason: '核实不是本机构输出',
    });
    const nowDue = await serviceOf(lost, worker.workerId);
    expect(nowDue).toMatchObject({ eligible: true, amountFen: 80_000 });
    const [taken] = await claimFor(lost, nowDue);
    expect(taken!.created).toBe(true);
    expect(await holderOf(worker.workerId)).toBe(taken!.claim.claimId);
    await expect(
      api.ctx.claims.restate(
        rejected,
        rejected.version,
        { ...rejected, vouchedBy: [] },
        { by: won.userId, reason: '重新申领：记录更新了' },
      ),
    ).rejects.toBeInstanceOf(Conflict);
    expect((await api.ctx.claims.get(rejected.claimId))!.status).toBe('rejected');
  });
});

describe('an employer’s claims', () => {
  const claimAll = (token: string, body: Record<string, unknown> = { idempotencyKey: crypto.randomUUID() }) =>
    api.call('POST', '/api/v1/me/employer/subsidies/claims', { token, body });

  it('claims a workshop reward once under ten taps at once; the township and county approve it; it is paid to the corporate account', async () => {
    const token = await api.loginAs('demo-employer-1');
    const [township, county] = await Promise.all([api.loginAs('demo-staff-township-1'), api.loginAs('demo-staff-county')]);
    const employer = (await api.call('GET', '/api/v1/me/employer', { token })).body.employer as Employer;
    const set = await api.call('PUT', `/api/v1/employers/${employer.employerId}/workshop`, {
      token: township,
      body: { version: employer.version, recognition: 'recognised', decidedOn: '2026-01-10', assistedEmployees: 25 },
    });
    expect(set.status).toBe(200);

    const taps = await Promise.all(Array.from({ length: 10 }, () => claimAll(token)));
    expect(taps.map((t) => t.status)).toEqual(Array(10).fill(200));
    expect(taps.reduce((n, t) => n + (t.body.created as number), 0)).toBe(1);
    const mine = await api.call('GET', '/api/v1/me/employer/claims', { token });
    expect(mine.body.claims).toHaveLength(1);
    const [claim] = mine.body.claims as Claim[];
    expect(claim).toMatchObject({
      subsidy: 'workshop_reward',
      beneficiary: { kind: 'employer', employerId: employer.employerId, name: employer.name },
      regionCode: employer.regionCode,
      amountFen: 3_000_000, // 20 or more 帮扶对象: the top tier (example)
      status: 'submitted',
      source: 'employer',
      needsSecondApproval: true,
    });
    // Claimed now: shown as 已申领, and asking for it by name again is answered with the same claim.
    expect((await subsidiesOf(token)).find((r) => r.subsidy === 'workshop_reward')).toMatchObject({ eligible: false });
    const again = await claimAll(token, { idempotencyKey: crypto.randomUUID(), subsidies: ['workshop_reward'] });
    expect(again.body).toMatchObject({ created: 0, claims: [{ claimId: claim!.claimId }] });

    // In the township's queue; above the threshold the county approves it a second time.
    const queue = await api.call('GET', `/api/v1/claims?regionCode=${employer.regionCode}&status=submitted`, { token: township });
    expect(queue.body.claims.map((c: Claim) => c.claimId)).toContain(claim!.claimId);
    const first = await api.call('POST', `/api/v1/claims/${claim!.claimId}/decision`, {
      token: township,
      body: { version: claim!.version, decision: 'approve' },
    });
    expect(first.body.claim.status).toBe('firstApproved');
    const second = await api.call('POST', `/api/v1/claims/${claim!.claimId}/decision`, {
      token: county,
      body: { version: first.body.claim.version, decision: 'approve' },
    });
    expect(second.body.claim.status).toBe('approved');

    // No corporate account yet: the batch leaves it approved, and says why. The bureau's finance officer pays (发放).
    const finance = await api.loginAs('demo-staff-county-finance');
    const pay = () =>
      api.call('POST', '/api/v1/claims/payments', {
        token: finance,
        body: { regionCode: employer.regionCode, idempotencyKey: crypto.randomUUID() },
      });
    const skipped = await pay();
    expect(skipped.body.batch.skipped).toEqual([
      { claimId: claim!.claimId, name: employer.name, reason: '单位没有登记对公账户' },
    ]);
    const badAccount = await api.call('PUT', '/api/v1/me/employer/payout-account', {
      token,
      body: { kind: 'corporateAccount', bankName: '中国农业银行固阳县支行', number: '12-34' },
    });
    expect(badAccount.status).toBe(400);
    expect(badAccount.body.error.field).toBe('body.number');
    const account = await api.call('PUT', '/api/v1/me/employer/payout-account', {
      token,
      body: { kind: 'corporateAccount', bankName: '中国农业银行固阳县支行', number: '05370101040012345' },
    });
    expect(account.body).toEqual({
      kind: 'corporateAccount',
      bankName: '中国农业银行固阳县支行',
      numberMasked: '*************2345',
      pending: false,
    });
    const paid = await pay();
    expect(paid.body.batch).toMatchObject({ claimIds: [claim!.claimId], totalFen: 3_000_000 });
    const file = await fetch(`${api.url}/api/v1/claims/payments/${paid.body.batch.batchId}/file`, {
      headers: { authorization: `Bearer ${finance}` },
    });
    const [, row] = (await file.text()).trim().split('\r\n');
    expect(row).toBe(
      `1,${employer.name},,对公账户（中国农业银行固阳县支行）,05370101040012345,30000.00,帮扶车间奖补,${claim!.claimId}`,
    );

    // The bank sends it back: the unit reads why on its account, and nothing more goes to that account.
    const returned = await api.call('POST', `/api/v1/claims/payments/${paid.body.batch.batchId}/returns`, {
      token: finance,
      body: { claimId: claim!.claimId, reason: 'accountFrozen', bankReference: 'TP20261207-0001' },
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const onFile = (await api.call('GET', '/api/v1/me/employer/payout-account', { token })).body;
    expect(onFile.account).toEqual({
      kind: 'corporateAccount',
      bankName: '中国农业银行固阳县支行',
      numberMasked: '*************2345',
      bankReturned: { at: expect.any(String), reason: '账户冻结或挂失' },
    });
    const afterReturn = await pay();
    expect(afterReturn.body.batch.skipped).toEqual([expect.objectContaining({ claimId: claim!.claimId })]);
  });

  it('refuses a claim from an employer staff have not verified, and a subsidy that is not due, changing nothing', async () => {
    const user = await api.ctx.users.get('demo-employer-1');
    const fresh = await accountWithoutProfile(api, user!, 'unverified-employer');
    const created = await api.call('POST', '/api/v1/me/employer', {
      token: fresh,
      body: employerProfile({
        name: '金山镇新开劳务站',
        kind: 'hrAgency',
        address: '金山镇政府旁',
        contactName: '王站长',
        contactPhone: '13904720001',
      }),
    });
    expect(created.status).toBe(201);
    const refused = await claimAll(fresh);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message.zh).toContain('审核');

    const agency = await api.loginAs('demo-employer-6');
    const notDue = await claimAll(agency, { idempotencyKey: crypto.randomUUID(), subsidies: ['workshop_reward'] });
    expect(notDue.status).toBe(409);
    expect(notDue.body.error.field).toBe('body.subsidies');
    const agencyProfile = (await api.call('GET', '/api/v1/me/employer', { token: agency })).body.employer as Employer;
    expect(await api.ctx.claims.ofEmployer(agencyProfile.employerId)).toEqual([]);
  });
});

describe('an employer’s corporate account', () => {
  it('reads back nothing before one is recorded, then the bank and only the masked number', async () => {
    const token = await api.loginAs('demo-employer-2'); // verified; no account recorded yet
    const path = '/api/v1/me/employer/payout-account';
    const before = await api.call('GET', path, { token });
    expect(before).toEqual({ status: 200, body: { account: null, pending: null } });

    const number = '15012001040098765';
    const put = await api.call('PUT', path, {
      token,
      body: { kind: 'corporateAccount', bankName: '中国农业银行固阳县支行', number },
    });
    expect(put.status).toBe(200);
    const after = await api.call('GET', path, { token });
    expect(after.body).toEqual({
      account: { kind: 'corporateAccount', bankName: '中国农业银行固阳县支行', numberMasked: '*************8765' },
      pending: null,
    });
    expect(JSON.stringify(after.body)).not.toContain(number);

    // A change waits for staff: a stolen login cannot redirect the money on its own.
    const change = await api.call('PUT', path, {
      token,
      body: { kind: 'corporateAccount', bankName: '中国工商银行固阳县支行', number: '62170001040011111' },
    });
    expect(change.body).toMatchObject({ numberMasked: '*************1111', pending: true });
    const waiting = await api.call('GET', path, { token });
    expect(waiting.body.account.numberMasked).toBe('*************8765');
    expect(waiting.body.pending).toMatchObject({ bankName: '中国工商银行固阳县支行', numberMasked: '*************1111' });
    const employer = (await api.call('GET', '/api/v1/me/employer', { token })).body.employer as Employer;
    const staff = await api.loginAs('demo-staff-county');
    // The officer sees the change, masked, and confirms the one they saw.
    const onFile = await api.call('GET', `/api/v1/employers/${employer.employerId}/payout-account`, { token: staff });
    expect(onFile.body.pending).toMatchObject({ numberMasked: '*************1111', setAt: expect.any(String) });
    const confirm = `/api/v1/employers/${employer.employerId}/payout-account/confirm`;
    const stale = await api.call('POST', confirm, { token: staff, body: { setAt: '2020-01-01T00:00:00.000Z' } });
    expect(stale.status).toBe(409);
    expect((await api.call('POST', confirm, { token: staff, body: { setAt: onFile.body.pending.setAt } })).status).toBe(200);
    expect((await api.call('GET', path, { token })).body).toEqual({
      account: { kind: 'corporateAccount', bankName: '中国工商银行固阳县支行', numberMasked: '*************1111' },
      pending: null,
    });

    // Only employers have one; a worker is refused.
    const worker = await api.loginAs('demo-worker-1');
    expect((await api.call('GET', path, { token: worker })).status).toBe(403);
  });
});
