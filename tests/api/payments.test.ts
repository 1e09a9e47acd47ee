/**
 * Paying approved claims: each to the worker's own card, in batches where every claim
 * is paid exactly once — a retry returns the same batch, two batches at once split the
 * claims between them, and a claim without a card waits for the next batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '@bangfu/shared';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { claimFor } from '../support/claims.js';

let api: TestApi;
/** The worker a test claim pays. */
const workerIdOf = (claim: Claim) => (claim.beneficiary.kind === 'worker' ? claim.beneficiary.workerId : '');
let township: string;
let county: string;

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoCounty(api.ctx);
  [township, county] = await Promise.all([api.loginAs('demo-staff-township-1'), api.loginAs('demo-staff-county')]);
});
afterAll(async () => {
  await api?.close();
});

async function approvedClaim(n: number, amountFen: number, card?: string): Promise<Claim> {
  const { claim } = await claimFor(api, n, amountFen);
  const approved = await api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, {
    token: township,
    body: { version: claim.version, decision: 'approve' },
  });
  expect(approved.body.claim.status).toBe('approved');
  if (card) {
    const set = await api.call('PUT', `/api/v1/registry/workers/${workerIdOf(claim)}/payout-account`, {
      token: county,
      body: { kind: 'socialSecurityCard', number: card },
    });
    expect(set.body).toEqual({ kind: 'socialSecurityCard', numberMasked: `${'*'.repeat(card.length - 4)}${card.slice(-4)}` });
  }
  return approved.body.claim;
}

const pay = (idempotencyKey: string, token = county) =>
  api.call('POST', '/api/v1/claims/payments', { token, body: { regionCode: '150222102', idempotencyKey } });

describe('payment batches', () => {
  it('pays each approved claim exactly once, even with two batches at once, and keeps a claim without a card waiting', async () => {
    const withCard = [
      await approvedClaim(1, 50_000, '6217991234567890123'),
      await approvedClaim(2, 80_000, '6217991234567890456'),
      await approvedClaim(3, 30_000, '6217991234567890789'),
    ];
    const noCard = await approvedClaim(4, 40_000);

    const [a, b] = await Promise.all([pay(crypto.randomUUID()), pay(crypto.randomUUID())]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const paidIds = [...a.body.batch.claimIds, ...b.body.batch.claimIds];
    expect(paidIds.sort()).toEqual(withCard.map((c) => c.claimId).sort()); // all, and none twice
    expect(a.body.batch.totalFen + b.body.batch.totalFen).toBe(160_000);
    for (const batch of [a.body.batch, b.body.batch]) {
      expect(batch.skipped.map((s: { claimId: string }) => s.claimId)).toContain(noCard.claimId);
    }
    for (const claim of withCard) {
      const stored = (await api.ctx.claims.get(claim.claimId))!;
      expect(stored.status).toBe('paid');
      expect([a.body.batch.batchId, b.body.batch.batchId]).toContain(stored.paymentBatchId);
      expect(stored.history.at(-1)).toMatchObject({ from: 'approved', to: 'paid', by: 'demo-staff-county' });
    }
    expect((await api.ctx.claims.get(noCard.claimId))?.status).toBe('approved');

    // Nothing is left to pay; a retry of a batch returns that batch as it was.
    const key = crypto.randomUUID();
    const empty = await pay(key);
    expect(empty.body.batch.count).toBe(0);
    expect((await pay(key)).body.batch).toEqual(empty.body.batch);
    expect((await pay(a.body.batch.batchId.slice(2))).body.batch).toEqual(a.body.batch);
  });

  it('writes the bank’s file with the card and a masked ID number, and audits the download', async () => {
    const claim = await approvedClaim(10, 66_600, '6228481234567890001');
    const { body } = await pay(crypto.randomUUID());
    expect(body.batch.claimIds).toEqual([claim.claimId]);
    const response = await fetch(`${api.url}/api/v1/claims/payments/${body.batch.batchId}/file`, {
      headers: { authorization: `Bearer ${county}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = await response.text();
    const [header, row] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe('序号,姓名或单位,身份证号,账户类型,账号,金额（元）,补贴,申领编号');
    expect(row).toMatch(/^1,测试10,150222\*{8}\d{3}[\dX],社保卡,6228481234567890001,666\.00,一次性交通补助,c_/);
    const audit = await api.call('GET', `/api/v1/registry/workers/${workerIdOf(claim)}/audit`, { token: county });
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['payoutAccount']));
    expect(audit.body.entries.some((e: { reason: string }) => e.reason.includes(body.batch.batchId))).toBe(true);
  });

  it('is the county’s to do, and refuses a card number of the wrong shape', async () => {
    expect((await pay(crypto.randomUUID(), township)).status).toBe(403);
    const { claim } = await claimFor(api, 20, 10_000);
    const bad = await api.call('PUT', `/api/v1/registry/workers/${workerIdOf(claim)}/payout-account`, {
      token: county,
      body: { kind: 'bankCard', number: '1234' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.number');
    expect(await api.ctx.payments.account({ kind: 'worker', workerId: workerIdOf(claim) })).toBeUndefined();
  });
});
