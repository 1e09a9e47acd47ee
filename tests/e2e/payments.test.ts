/**
 * 发放补贴 in the H5 app: the county's finance officer (发放) sees the approved claims waiting and
 * pays them in one batch, after a confirmation; a claim without a confirmed card is left out with
 * the reason; the batch's file for the bank is offered. The key of the batch is kept until the
 * server answers, so a request that failed (the network dropped) is sent again as the same batch. An officer without the duty is
 * told whose work it is. 以前的发放批次: an earlier batch opens its rows, a row is found by the name
 * on the bank's return slip and 银行退回 recorded on it; a batch left unfinished on another phone is
 * resumed by its payer. Checked with axe at 320×568 and 375×667.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelOfRegion, type Claim } from '@bangfu/shared';
import type { TestApi } from '../support/api.js';
import { fill, onPhones, WAIT } from '../support/browser.js';
import { cardInForce, claimFor } from '../support/claims.js';
import { closeAll, openFromHome, startDemoH5 } from '../support/journeys.js';

let api: TestApi;
let browser: Browser;
/** Two approved claims at the demo standard: the first has a confirmed card, the second none. */
const approved: Claim[] = [];

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  const [village, township] = await Promise.all([api.loginAs('demo-staff-village-1'), api.loginAs('demo-staff-township-1')]);
  for (const n of [300, 301]) {
    const { claim, worker } = await claimFor(api, n, 50_000);
    const by = 'demo-staff-county'; // not who enters or confirms the card (three people)
    approved.push(
      await api.ctx.claims.transition(claim, claim.version, {
        to: 'approved',
        by,
        approval: { by, level: levelOfRegion((await api.ctx.users.get(by))!.regionCode!) },
      }),
    );
    if (n === 300) expect((await cardInForce(api, worker.workerId, '6217990000000000300', village, township)).status).toBe(200);
  }
}, 120_000);
afterAll(() => closeAll(browser, api));

describe('发放补贴 in Chromium', () => {
  it('tells an officer without the duty whose work it is', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-county', 'payments');
    await expect.poll(() => page.getByTestId('payments-no-duty').textContent(), WAIT).toContain('没有发放补贴的职责');
  });

  it('pays what is approved after a confirmation, leaves out a claim without a card with the reason, and offers the bank file', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-county-finance', 'payments');
    await expect.poll(() => page.getByTestId('payments-waiting').textContent(), WAIT).toMatch(/等待发放的申领：\d+/);
    await onPhones(page, 'payments-1-waiting', '发放补贴');

    await page.getByTestId('payments-start').click();
    await page.getByTestId('payments-ask').waitFor(WAIT);
    await onPhones(page, 'payments-2-ask', '发放补贴：确认');
    // The network drops as it is sent: said so, and the same batch is sent again (继续发放).
    await page.context().setOffline(true);
    await page.getByTestId('payments-confirm').click();
    await expect.poll(() => page.getByTestId('payments-unfinished').textContent(), WAIT).toContain('继续发放');
    expect(await page.getByTestId('payments-failure').textContent()).toMatch(/^没能发放：[^。]+。可以再点一次/);
    expect(await page.getByTestId('payments-confirm').textContent()).toContain('继续发放');
    await page.context().setOffline(false);
    await page.getByTestId('payments-confirm').click();
    await expect.poll(() => page.getByTestId('payments-paid').textContent(), WAIT).toMatch(/这一批发放 \d+ 份，共/);
    const [withCard, withoutCard] = approved;
    expect((await api.ctx.claims.get(withCard!.claimId))!.status).toBe('paid');
    expect((await api.ctx.claims.get(withoutCard!.claimId))!.status).toBe('approved');
    expect(await page.getByTestId(`payments-skipped-${withoutCard!.claimId}`).textContent()).toContain('测试301');
    await page.getByTestId('payments-file').click();
    await expect.poll(() => page.getByTestId('payments-file-said').textContent(), WAIT).toContain('已下载');
    expect(await page.getByTestId('payments-unfinished').count()).toBe(0);
    await onPhones(page, 'payments-3-paid', '发放补贴：结果');
  });

  it('opens an earlier batch, finds a row by the name on the return slip, and records what the bank sent back', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-county-finance', 'payments');
    const [withCard] = approved;
    const batchId = (await api.ctx.claims.get(withCard!.claimId))!.paymentBatchId!;
    await page.getByTestId(`batch-${batchId}`).waitFor(WAIT);
    await onPhones(page, 'payments-4-earlier', '发放补贴：以前的批次', 'payments-earlier');
    await page.getByTestId(`batch-${batchId}`).click();
    await expect.poll(() => page.getByTestId('batch-summary').textContent(), WAIT).toMatch(/发放 \d+ 份，共/);
    // Its number in the bank's file, which the row shows.
    const row = (await api.ctx.payments.reservations(batchId)).findIndex((r) => r.claimId === withCard!.claimId) + 1;
    await fill(page, 'lines-name', '测试300');
    await page.getByTestId('lines-search').click();
    await expect.poll(() => page.getByTestId(`line-${row}`).textContent(), WAIT).toContain(`第 ${row} 行 · 测试300`);
    expect(await page.locator('.bf-card[data-testid^="line-"]').count()).toBe(1);
    await onPhones(page, 'payments-5-batch', '发放批次');

    await page.getByTestId(`line-return-${row}`).click();
    // Nothing chosen, no reference: said under each field, nothing sent.
    await page.getByTestId('return-confirm').click();
    await expect.poll(() => page.getByTestId('return-reason-error').textContent(), WAIT).toBe('请选银行说的原因');
    expect(await page.getByTestId('return-reference-error').textContent()).toContain('流水号');
    await page.getByTestId('return-reason-accountClosed').click();
    await fill(page, 'return-reference', 'TP20261207-0300');
    // What was said goes once the field is put right.
    expect(await page.locator('[data-testid$="-error"]').count()).toBe(0);
    await onPhones(page, 'payments-6-return', '发放批次：登记银行退回', 'return-form');
    await page.getByTestId('return-confirm').click();
    await expect
      .poll(() => page.getByTestId(`line-returned-${row}`).textContent(), WAIT)
      .toContain('账户已销户（流水号 TP20261207-0300');
    expect(await page.getByTestId('batch-summary-returned').textContent()).toContain('银行退回 1 份，500 元');
    const claim = (await api.ctx.claims.get(withCard!.claimId))!;
    expect([claim.status, claim.history.at(-1)!.reason]).toEqual(['approved', '银行退回：账户已销户（流水号 TP20261207-0300）']);
    await onPhones(page, 'payments-7-returned', '发放批次：已登记退回');
  });

  it('lets the payer resume a batch left unfinished on another phone, from the list', async () => {
    // Started on another phone, which never heard the answer: its key is not on this one.
    const key = crypto.randomUUID();
    await api.ctx.payments.start(`b_${key}`, '150222', 'demo-staff-county-finance');
    const page = await openFromHome(browser, api, 'demo-staff-county-finance', 'payments');
    await expect.poll(() => page.getByTestId(`batch-b_${key}`).textContent(), WAIT).toContain('没有发完');
    await onPhones(page, 'payments-8-unfinished', '发放补贴：没有发完的批次', `batch-b_${key}`);
    await page.getByTestId(`batch-b_${key}`).getByTestId('batch-resume').click();
    await expect.poll(() => page.getByTestId('payments-paid').textContent(), WAIT).toContain('这一批发放');
    expect((await api.ctx.payments.finished(`b_${key}`))?.state).toBe('done');
    await expect.poll(() => page.getByTestId(`batch-b_${key}`).textContent(), WAIT).not.toContain('没有发完');
  });
});
