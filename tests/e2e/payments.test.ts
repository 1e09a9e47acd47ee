/**
 * 发放补贴 in the H5 app: the county's finance officer (发放) sees the approved claims waiting and
 * pays them in one batch, after a confirmation; a claim without a confirmed card is left out with
 * the reason; the batch's file for the bank is offered. The key of the batch is kept until the
 * server answers, so a request that failed (the network dropped) is sent again as the same batch. An officer without the duty is
 * told whose work it is. Checked with axe at 320×568 and 375×667.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelOfRegion, type Claim } from '@bangfu/shared';
import type { TestApi } from '../support/api.js';
import { onPhones, WAIT } from '../support/browser.js';
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
});
