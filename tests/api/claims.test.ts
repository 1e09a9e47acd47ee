/**
 * Reviewing claims: the queue of a region, approve / reject on the version read,
 * separation of duties (not one's own claim, not one's own household), the second
 * approval of large amounts by a higher level, and every transition in the history.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '@bangfu/shared';
import { keys } from '../../functions/src/db/tableSchema.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { claimFor } from '../support/claims.js';
import { idNumber } from '../support/people.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
let township: string; // 金山镇
let otherTownship: string; // 西斗铺镇
let county: string;

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoCounty(api.ctx);
  [township, otherTownship, county] = await Promise.all([
    api.loginAs('demo-staff-township-1'),
    api.loginAs('demo-staff-township-2'),
    api.loginAs('demo-staff-county'),
  ]);
});
afterAll(async () => {
  await api?.close();
});

const decide = (claim: Claim, token: string, body: Record<string, unknown>) =>
  api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, { token, body: { version: claim.version, ...body } });

describe('the review queue', () => {
  it('lists a region’s waiting claims oldest first, for staff of that region only', async () => {
    const { claim: first } = await claimFor(api, 1, 50_000);
    const { claim: second } = await claimFor(api, 2, 50_000);
    const { status, body } = await api.call('GET', '/api/v1/claims?regionCode=150222102&status=submitted', { token: township });
    expect(status).toBe(200);
    const ids = body.claims.map((c: Claim) => c.claimId);
    expect(ids.indexOf(first.claimId)).toBeLessThan(ids.indexOf(second.claimId));
    const refused = await api.call('GET', '/api/v1/claims?regionCode=150222102&status=submitted', { token: otherTownship });
    expect(refused.status).toBe(403);
    expect(
      (await api.call('GET', '/api/v1/claims?regionCode=150222102&status=pending', { token: township })).body.error.field,
    ).toBe('query.status');
  });
});

describe('deciding a claim', () => {
  it('approves once, on the version read; a second decision is refused and changes nothing', async () => {
    const { claim, worker } = await claimFor(api, 10, 50_000);
    const approved = await decide(claim, township, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.claim).toMatchObject({
      status: 'approved',
      version: 2,
      approvals: [{ by: 'demo-staff-township-1', level: 'township' }],
    });
    expect(approved.body.claim.history.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, 'submitted'],
      ['submitted', 'approved'],
    ]);
    expect((await decide(claim, township, { decision: 'approve' })).status).toBe(409); // stale version
    expect((await decide(approved.body.claim, county, { decision: 'reject', reason: '重复申领了' })).status).toBe(409); // decided
    expect((await api.ctx.claims.get(claim.claimId))?.status).toBe('approved');
    // The worker sees it approved.
    const mine = await api.call('GET', '/api/v1/me/claims', { token: worker.token });
    expect(mine.body.claims[0]).toMatchObject({ claimId: claim.claimId, status: 'approved' });
    // And it left the waiting queue for the approved one.
    const approvedQueue = await api.call('GET', '/api/v1/claims?regionCode=150222102&status=approved', { token: township });
    expect(approvedQueue.body.claims.map((c: Claim) => c.claimId)).toContain(claim.claimId);
  });

  it('rejects only with a reason the worker reads', async () => {
    const { claim } = await claimFor(api, 11, 50_000);
    const bare = await decide(claim, township, { decision: 'reject' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.field).toBe('body.reason');
    const rejected = await decide(claim, township, { decision: 'reject', reason: '本月务工地点登记有误，请村里核实' });
    expect(rejected.body.claim.history.at(-1)).toMatchObject({ to: 'rejected', reason: '本月务工地点登记有误，请村里核实' });
  });

  it('keeps staff out of other regions, of claims they created, and of their own household’s', async () => {
    const { claim } = await claimFor(api, 12, 50_000);
    expect((await decide(claim, otherTownship, { decision: 'approve' })).status).toBe(403);

    const { claim: made } = await claimFor(api, 13, 50_000, { source: 'staff', createdBy: 'demo-staff-township-1' });
    const own = await decide(made, township, { decision: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.error.message.zh).toContain('自己创建');

    // The county officer is in the registry, in the beneficiary's household: declaring their own ID number links it.
    const { claim: family } = await claimFor(api, 14, 50_000);
    await boundWorker(api, 15, { householdId: 'H-14' });
    const declared = await api.call('PUT', '/api/v1/me/household', {
      token: county,
      body: { idNumbers: [idNumber('150222', '19800101', 315)] },
    });
    expect(declared.body).toEqual({ members: 1 });
    const household = await decide(family, county, { decision: 'approve' });
    expect(household.status).toBe(403);
    expect(household.body.error.message.zh).toContain('自己家庭');
    expect((await api.ctx.claims.get(family.claimId))?.status).toBe('submitted');
  });

  it('is decided only by officers given the duty 审核 (复核 for the second approval)', async () => {
    const { claim } = await claimFor(api, 16, 50_000);
    const village = await api.loginAs('demo-staff-village-1'); // in scope, but enters data only
    const refused = await decide(claim, village, { decision: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message.zh).toContain('审核');
    const finance = await api.loginAs('demo-staff-county-finance'); // pays, never decides
    expect((await decide(claim, finance, { decision: 'reject', reason: '测试：财务不能审核' })).status).toBe(403);
    expect((await api.ctx.claims.get(claim.claimId))?.status).toBe('submitted');
  });

  it('keeps an officer out of the claims of the household they declared, by ID number', async () => {
    const { claim } = await claimFor(api, 17, 50_000);
    // Staff accounts have no registry record: the officer declares the household's members.
    const declared = await api.call('PUT', '/api/v1/me/household', {
      token: township,
      body: { idNumbers: [idNumber('150222', '19800101', 317)] }, // the worker of claim 17
    });
    expect(declared.status).toBe(200);
    const refused = await decide(claim, township, { decision: 'approve' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message.zh).toContain('自己家庭');
    expect((await api.ctx.claims.get(claim.claimId))?.status).toBe('submitted');
    const bad = await api.call('PUT', '/api/v1/me/household', { token: township, body: { idNumbers: ['150222198001010000'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.idNumbers.0');

    // A later declaration adds and never takes away: dropping the relative does not open their claim.
    const later = await api.call('PUT', '/api/v1/me/household', {
      token: township,
      body: { idNumbers: [idNumber('150222', '19800101', 318)] },
    });
    expect(later.body).toEqual({ members: 2 });
    expect((await decide(claim, township, { decision: 'approve' })).body.error.message.zh).toContain('自己家庭');
    const kept = await api.ctx.table.db.send(
      new GetCommand({ TableName: api.tableName, Key: keys.staffHousehold('demo-staff-township-1'), ConsistentRead: true }),
    );
    expect(kept.Item).toMatchObject({ version: 2, declarations: [{ members: 1 }, { members: 1 }] });
    expect(JSON.stringify(kept.Item)).not.toContain('19800101');
  });

  it('needs a second approver of a higher level above the threshold', async () => {
    // As a county whose threshold is under the 500 yuan it pays would have made it.
    const { claim } = await claimFor(api, 20, 50_000, { needsSecondApproval: true });
    expect(claim.needsSecondApproval).toBe(true);
    const first = await decide(claim, township, { decision: 'approve' });
    expect(first.body.claim.status).toBe('firstApproved');
    // Another officer of the same level cannot give the second approval.
    const peer = await api.loginAs('demo-staff-village-1');
    expect((await decide(first.body.claim, peer, { decision: 'approve' })).status).toBe(403);
    const second = await decide(first.body.claim, county, { decision: 'approve' });
    expect(second.body.claim).toMatchObject({ status: 'approved', version: 3 });
    expect(second.body.claim.approvals.map((a: { level: string }) => a.level)).toEqual(['township', 'county']);
  });

  it('lets exactly one of two officers deciding at once win', async () => {
    const { claim } = await claimFor(api, 30, 50_000);
    const results = await Promise.all([
      decide(claim, township, { decision: 'approve' }),
      decide(claim, county, { decision: 'reject', reason: '材料不一致，需要核实' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await api.ctx.claims.get(claim.claimId))?.history).toHaveLength(2);
  });
});
