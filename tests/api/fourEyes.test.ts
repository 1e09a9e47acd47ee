/**
 * 四眼原则 on the money path: the officer who records a fact a claim rests on (an employment
 * month, the confirmation of a worker's own report) may not approve that claim. The claim keeps
 * their accounts for the check; the worker's view of it does not show them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth, type Claim } from '@bangfu/shared';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import { employedAcrossProvince } from '../support/people.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
let county: string; // 审核 and 复核, and may record the county's months
let township: string; // 金山镇: 审核, and may confirm its villages' months
const month = chinaMonth(new Date());
const acrossProvince = employedAcrossProvince('北京某建筑公司');

beforeAll(async () => {
  api = await startDemoCountyApi();
  county = await api.loginAs('demo-staff-county');
  township = await api.loginAs('demo-staff-township-1');
});
afterAll(() => api?.close());

/** The worker's 一次性交通补助 claimed through 申领全部, as stored. */
async function claimTransport(worker: { token: string; workerId: string }): Promise<Claim> {
  const claimed = await api.call('POST', '/api/v1/me/subsidies/claims', {
    token: worker.token,
    body: { idempotencyKey: crypto.randomUUID(), subsidies: ['transport_once'] },
  });
  expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
  return (await api.ctx.claims.get(claimed.body.claims[0].claimId))!;
}

/** A month in another province recorded for the worker by `token`'s officer. */
async function recordAway(worker: { workerId: string }, token: string) {
  const recorded = await api.call('PUT', `/api/v1/registry/workers/${worker.workerId}/employment/${month}`, {
    token,
    body: acrossProvince,
  });
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
}

const decide = (claim: Claim, token: string, more: { decision?: 'reject'; reason?: string } = {}) =>
  api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, {
    token,
    body: { version: claim.version, decision: 'approve', ...more },
  });

describe('an officer who vouched for a fact a claim rests on', () => {
  it('may not approve it: the county recorded the month, so 金山镇 approves, and the worker never sees the county’s account', async () => {
    const worker = await boundWorker(api, 10, { groups: ['povertyAlleviated'], householdId: 'H-10' });
    await recordAway(worker, county);
    const claim = await claimTransport(worker);
    // The county's month, and the registrar who set the worker's groups (boundWorker).
    expect([...claim.vouchedBy!].sort()).toEqual(['demo-staff-county', 'test-registrar']);

    const refused = await decide(claim, county);
    expect([refused.status, refused.body.error.message.zh]).toEqual([
      403,
      '这份申领依据的记录有您登记或核实的，请由另一位工作人员审核',
    ]);
    expect(await api.ctx.claims.get(claim.claimId)).toEqual(claim);

    const approved = await decide(claim, township);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.claim).toMatchObject({ status: 'approved', vouchedBy: claim.vouchedBy });

    // The worker's own views: the claim, without whose records it rests on.
    const mine = await api.call('GET', '/api/v1/me/claims', { token: worker.token });
    expect(mine.body.claims).toEqual([expect.objectContaining({ claimId: claim.claimId, status: 'approved' })]);
    const standing = await api.call('GET', '/api/v1/me/subsidies', { token: worker.token });
    for (const text of [JSON.stringify(mine.body), JSON.stringify(standing.body)]) {
      expect(text).not.toContain('vouchedBy');
      expect(text).not.toContain('demo-staff-county');
    }
  });

  it('may not approve a claim on the groups they set, which the trace names and the worker’s trail shows', async () => {
    const worker = await boundWorker(api, 12, { groups: [], householdId: 'H-12' });
    const before = (await api.ctx.workers.getItem(worker.workerId, true))!;
    const changed = await api.call('PATCH', `/api/v1/registry/workers/${worker.workerId}`, {
      token: township,
      body: { version: before.version, groups: ['povertyAlleviated'] },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    await recordAway(worker, await api.loginAs('demo-staff-village-1'));
    const claim = await claimTransport(worker);
    expect([...claim.vouchedBy!].sort()).toEqual(['demo-staff-township-1', 'demo-staff-village-1']);
    const groups = claim.trace.find((line) => line.key === 'person.groups');
    expect(groups?.source).toMatch(/^乡镇经办人员 \d{4}-\d{2}-\d{2} 登记$/);

    expect((await decide(claim, township)).status).toBe(403);
    const approved = await decide(claim, county);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const trail = await api.call('GET', '/api/v1/me/data-uses?limit=20', { token: worker.token });
    expect(trail.body.entries).toContainEqual(
      expect.objectContaining({ action: 'update', what: '修改了您的台账记录', reason: '帮扶类别' }),
    );
    const own = await api.call('GET', '/api/v1/me/worker', { token: worker.token });
    expect(own.body.worker.groups).toEqual(['povertyAlleviated']);
    expect(own.body.worker.stamps).toBeUndefined();
  });

  it('may not approve a claim on a report they confirmed (核实), though the worker reported it; rejecting stays open to them', async () => {
    const worker = await boundWorker(api, 11, { groups: ['povertyAlleviated'], householdId: 'H-11' });
    expect((await api.call('PUT', `/api/v1/me/employment/${month}`, { token: worker.token, body: acrossProvince })).status).toBe(
      200,
    );
    const confirmed = await api.call('POST', `/api/v1/registry/workers/${worker.workerId}/employment/${month}/confirmation`, {
      token: township,
      body: { revision: 1 },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const claim = await claimTransport(worker);
    // The worker's own report vouches for nothing: it is the officer's confirmation that counts.
    expect([...claim.vouchedBy!].sort()).toEqual(['demo-staff-township-1', 'test-registrar']);
    expect((await decide(claim, township)).status).toBe(403);

    // Stopping money is not releasing it: the confirming officer may still reject.
    const rejected = await decide(claim, township, { decision: 'reject', reason: '核实时看错了务工地点' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body.claim.status).toBe('rejected');
  });
});
