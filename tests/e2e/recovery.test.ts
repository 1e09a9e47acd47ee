/**
 * 追回 in the H5 app: the county officer who rechecks finds a paid claim under 补贴审核 › 已发放,
 * orders 200 元 of it back with a reason (a wrong amount is refused on the page, nothing
 * sent); the worker reads on 我的补贴 that 200 元 is to be paid back and why; the county's finance
 * officer records the money received under 追回中 with the bank's reference, and writes off (核销)
 * another that cannot come back, on the county's document, whose person then reads that nothing is
 * owed. Checked with axe at 320×568 and 375×667.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fenToYuan, formatYuan, levelOfRegion, type Claim } from '@bangfu/shared';
import type { TestApi } from '../support/api.js';
import { fill, onPhones, WAIT } from '../support/browser.js';
import { approvedWithCard, cardInForce, moneyOfficers } from '../support/claims.js';
import {
  claimTransportWithTheRest,
  closeAll,
  offerDevLogin,
  openFromHome,
  startDemoH5,
  workerWithTransportDue,
} from '../support/journeys.js';

let api: TestApi;
let browser: Browser;
let claim: Claim;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  const { village, township, finance } = await moneyOfficers(api);
  // demo-worker-1's 一次性交通补助, approved by the county, paid to a card two officers put in force.
  const worker = await workerWithTransportDue(api);
  const claimed = await claimTransportWithTheRest(api, worker.token);
  const by = 'demo-staff-county';
  await api.ctx.claims.transition(claimed, claimed.version, {
    to: 'approved',
    by,
    approval: { by, level: levelOfRegion((await api.ctx.users.get(by))!.regionCode!) },
  });
  expect((await cardInForce(api, worker.workerId, '6217990000000000400', village, township)).status).toBe(200);
  const paid = await api.call('POST', '/api/v1/claims/payments', {
    token: finance,
    body: { regionCode: '150222102', idempotencyKey: crypto.randomUUID() },
  });
  expect(paid.body.batch.claimIds).toContain(claimed.claimId);
  claim = (await api.ctx.claims.get(claimed.claimId))!;
}, 120_000);
afterAll(() => closeAll(browser, api));

describe('追回 in Chromium', () => {
  it('lets the county officer who rechecks order part of a paid claim back, with the reason', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-county', 'reviews');
    await page.getByTestId('claims-status-paid').click();
    const id = claim.claimId;
    await page.getByTestId(`claim-${id}-recovery-start`).click();
    await fill(page, `claim-${id}-recovery-amount`, fenToYuan(claim.amountFen + 10_000));
    await fill(page, `claim-${id}-recovery-reason`, '顶岗替岗：11月有 12 天由他人上岗');
    await page.getByTestId(`claim-${id}-recovery-confirm`).click();
    await expect
      .poll(() => page.getByTestId(`claim-${id}-recovery-amount-error`).textContent(), WAIT)
      .toBe(`不能超过发放的 ${formatYuan(claim.amountFen)}`);
    expect((await api.ctx.claims.get(id))!.status).toBe('paid'); // nothing sent
    await fill(page, `claim-${id}-recovery-amount`, '200');
    expect(await page.getByTestId(`claim-${id}-recovery-amount-error`).count()).toBe(0); // put right, no longer said
    await onPhones(page, 'recovery-1-order', '补贴审核：追回', `claim-${id}-recovery-form`);
    await page.getByTestId(`claim-${id}-recovery-confirm`).click();
    await expect.poll(() => page.getByTestId('claims-done').textContent(), WAIT).toContain('已决定追回');
    expect((await api.ctx.claims.get(id))!).toMatchObject({ status: 'recovering', recovery: { amountFen: 20_000 } });
  });

  it('tells the worker how much to pay back and why', async () => {
    const page = await openFromHome(browser, api, 'demo-worker-1', 'subsidies');
    await page.getByTestId('subsidies-my-claims').click();
    await expect.poll(() => page.getByTestId('my-claims-owed').textContent(), WAIT).toContain('要退回 200 元');
    expect(await page.getByTestId(`claim-${claim.claimId}-status`).textContent()).toBe('要退回');
    expect(await page.getByTestId(`claim-${claim.claimId}-refusal`).textContent()).toContain(
      '追回 200 元：顶岗替岗：11月有 12 天由他人上岗',
    );
    expect(await page.getByTestId(`claim-${claim.claimId}-next`).textContent()).toContain(
      '退回 200 元，村里的工作人员会告诉您怎么退',
    );
    await onPhones(page, 'recovery-2-worker', '我的补贴：要退回', `claim-${claim.claimId}`);
  });

  it('lets the finance officer record the money back under 追回中', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-county-finance', 'reviews');
    await page.getByTestId('claims-status-recovering').click();
    const id = claim.claimId;
    await expect.poll(() => page.getByTestId(`claim-${id}-recovery`).textContent(), WAIT).toContain('追回 200 元');
    await onPhones(page, 'recovery-3-tabs', '补贴审核：追回中');
    await page.getByTestId(`claim-${id}-received-start`).click();
    await fill(page, `claim-${id}-received-reference`, 'ZH20261207-0400');
    await onPhones(page, 'recovery-4-received', '补贴审核：钱已退回', `claim-${id}-received-form`);
    await page.getByTestId(`claim-${id}-received-confirm`).click();
    await expect.poll(() => page.getByTestId('claims-done').textContent(), WAIT).toContain('已登记收回');
    expect((await api.ctx.claims.get(id))!.recovery?.received).toMatchObject({
      by: 'demo-staff-county-finance',
      bankReference: 'ZH20261207-0400',
    });
  });

  it('lets the finance officer write off (核销) what cannot come back, on the county’s document', async () => {
    // Another person's 500 元, paid and ordered back in full by the county.
    const officers = await moneyOfficers(api);
    const made = await approvedWithCard(api, 300, 50_000, '6217990000000000300', officers);
    await api.call('POST', '/api/v1/claims/payments', {
      token: officers.finance,
      body: { regionCode: '150222102', idempotencyKey: crypto.randomUUID() },
    });
    const paid = (await api.ctx.claims.get(made.claimId))!;
    const ordered = await api.call('POST', `/api/v1/claims/${paid.claimId}/recovery`, {
      token: officers.county,
      body: { version: paid.version, amountFen: 50_000, reason: '冒名顶替：实际没有外出务工' },
    });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(200);

    const page = await openFromHome(browser, api, 'demo-staff-county-finance', 'reviews');
    await page.getByTestId('claims-status-recovering').click();
    const id = paid.claimId;
    await page.getByTestId(`claim-${id}-writeoff-start`).click();
    await page.getByTestId(`claim-${id}-writeoff-confirm`).click();
    await expect
      .poll(() => page.getByTestId(`claim-${id}-writeoff-document-error`).textContent(), WAIT)
      .toBe('请填写批准核销的文件文号');
    expect((await api.ctx.claims.get(id))!.status).toBe('recovering'); // nothing sent
    await fill(page, `claim-${id}-writeoff-document`, '固人社发〔2027〕3号');
    await fill(page, `claim-${id}-writeoff-reason`, '本人重病住院，家里没有能力退回');
    await onPhones(page, 'recovery-5-writeoff', '补贴审核：登记核销', `claim-${id}-writeoff-form`);
    await page.getByTestId(`claim-${id}-writeoff-confirm`).click();
    await expect.poll(() => page.getByTestId('claims-done').textContent(), WAIT).toContain('已登记核销');
    expect((await api.ctx.claims.get(id))!).toMatchObject({
      status: 'writtenOff',
      recovery: { writtenOff: { by: 'demo-staff-county-finance', documentNo: '固人社发〔2027〕3号' } },
    });
    await page.getByTestId('claims-status-writtenOff').click();
    await expect
      .poll(() => page.getByTestId(`claim-${id}-recovery`).textContent(), WAIT)
      .toContain('已核销（固人社发〔2027〕3号）');
    await onPhones(page, 'recovery-6-written-off', '补贴审核：已核销');

    // The person reads that nothing is owed: the whole 500 元 counts as paid, the step says why.
    await offerDevLogin(api, 'test-worker-300');
    const mine = await openFromHome(browser, api, 'test-worker-300', 'subsidies');
    await mine.getByTestId('subsidies-my-claims').click();
    await expect.poll(() => mine.getByTestId(`claim-${id}-status`).textContent(), WAIT).toBe('不用退了');
    expect(await mine.getByTestId('my-claims-summary').textContent()).toContain('已经发给您 500 元');
    expect(await mine.getByTestId('my-claims-owed').count()).toBe(0);
    expect(await mine.locator(`[data-testid^="claim-${id}-step-"]`).last().textContent()).toContain(
      '多发的不用再退了核销 500 元，不再追回：本人重病住院，家里没有能力退回',
    );
    expect(await mine.getByTestId(`claim-${id}-next`).count()).toBe(0);
    await onPhones(mine, 'recovery-7-worker-written-off', '我的补贴：不用退了', `claim-${id}`);
  });
});
