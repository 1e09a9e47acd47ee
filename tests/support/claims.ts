/** Claims for tests: a new bound worker of 金山镇 with a claim as 申领全部 (or staff) would make it, or with subsidies due. */
import { chinaMonth, levelOfRegion, type Claim } from '@bangfu/shared';
import type { TestApi } from './api.js';
import { employedAcrossProvince, JINSHAN_VILLAGE } from './people.js';
import { boundWorker } from './positions.js';

/**
 * A claim for a new worker of 金山镇, as 申领全部 makes it (or as staff would, on their behalf): its
 * 一次性交通补助 of 2026, on a month in another province that a registrar (who approves nothing)
 * recorded. At the demo standard (500 元) it is still due when approved; at another amount it is
 * a claim whose facts moved, and an approval restates it first (reassessment.ts).
 */
export async function claimFor(
  api: TestApi,
  n: number,
  amountFen: number,
  overrides: Partial<Claim> = {},
  beneficiaryName = `测试${n}`,
) {
  const worker = await boundWorker(api, n, { householdId: `H-${n}` });
  await api.ctx.employment.record(worker, '2026-11', employedAcrossProvince('北京某建筑公司'), {
    source: 'staff',
    userId: 'test-registrar',
  });
  const { claim } = await api.ctx.claims.create({
    subsidy: 'transport_once',
    name: '一次性交通补助',
    periodKey: '2026',
    period: '2026-11',
    beneficiary: { kind: 'worker', workerId: worker.workerId, name: beneficiaryName },
    regionCode: JINSHAN_VILLAGE,
    amountFen,
    trace: [{ kind: 'rule', text: '2026 年到省外务工，每年补助一次' }],
    reference: { document: '文件 003', section: '(三)' },
    source: 'worker',
    needsSecondApproval: amountFen > 200_000,
    createdBy: worker.userId,
    ...overrides,
  });
  return { claim, worker };
}

/**
 * A new bound worker of 金山镇 with subsidies due this month: a training and a certificate on
 * record, and working in another province (the one-off transport subsidy).
 */
export async function workerWithDues(api: TestApi, n: number) {
  const worker = await boundWorker(api, n, {
    groups: ['povertyAlleviated'],
    trainings: [{ name: '电焊工培训', occupation: '电焊工', startedOn: '2025-03-01', endedOn: '2025-03-20', days: 15 }],
    certificates: [{ name: '焊工四级证书', occupation: '焊工', level: '4', obtainedOn: '2025-04-01' }],
  });
  await api.ctx.employment.record(
    worker,
    chinaMonth(new Date()),
    { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 520_000 },
    { source: 'staff', userId: 'demo-staff-county' },
  );
  return worker;
}

/**
 * A worker's card entered by `enteredBy` and confirmed by `confirmedBy` (a second officer), as
 * every card must be before it is paid to: the confirmer reads the waiting card, masked, and
 * confirms the one they saw. The confirmation's answer.
 */
export async function cardInForce(api: TestApi, workerId: string, number: string, enteredBy: string, confirmedBy: string) {
  const path = `/api/v1/registry/workers/${workerId}/payout-account`;
  const entered = await api.call('PUT', path, { token: enteredBy, body: { kind: 'socialSecurityCard', number } });
  if (entered.status !== 200) return entered;
  return confirmCard(api, workerId, confirmedBy);
}

/** The second officer confirms the card they see waiting. */
export async function confirmCard(api: TestApi, workerId: string, token: string) {
  const path = `/api/v1/registry/workers/${workerId}/payout-account`;
  const seen = await api.call('GET', path, { token });
  return api.call('POST', `${path}/confirm`, { token, body: { setAt: seen.body.pending?.setAt } });
}

/** A county officer given every duty (审核, 复核, 发放): the insider the separation of duties is about. Logged in. */
export async function insiderWithAllDuties(api: TestApi): Promise<string> {
  const bureau = (await api.ctx.users.get('demo-staff-county'))!;
  await api.ctx.users.create({ ...bureau, userId: 'test-staff-all-duties', duties: ['review', 'recheck', 'pay'] });
  return api.loginAs('test-staff-all-duties');
}

/** The demo county's officers of the money paths, logged in: who enter cards, confirm them, approve and recheck, and pay. */
export async function moneyOfficers(api: TestApi) {
  const [village, township, county, finance] = await Promise.all(
    ['demo-staff-village-1', 'demo-staff-township-1', 'demo-staff-county', 'demo-staff-county-finance'].map((id) =>
      api.loginAs(id),
    ),
  );
  return { village: village!, township: township!, county: county!, finance: finance! };
}

/**
 * Worker n's claim (claimFor) approved by the county's officer, with the card `card` entered by the
 * village and confirmed by the township: what a county payer may pay. The approved claim.
 */
export async function approvedWithCard(
  api: TestApi,
  n: number,
  amountFen: number,
  card: string,
  officers: { village: string; township: string },
): Promise<Claim> {
  const { claim, worker } = await claimFor(api, n, amountFen);
  const by = 'demo-staff-county';
  const approved = await api.ctx.claims.transition(claim, claim.version, {
    to: 'approved',
    by,
    approval: { by, level: levelOfRegion((await api.ctx.users.get(by))!.regionCode!) },
  });
  const entered = await cardInForce(api, worker.workerId, card, officers.village, officers.township);
  if (entered.status !== 200) throw new Error(`card for worker ${n}: ${entered.status} ${JSON.stringify(entered.body)}`);
  return approved;
}
