/**
 * 我的补贴 in the H5 app: a bound demo worker whose month is recorded as employed in another
 * province sees the one-off transport subsidy as 可以领, with its reasons and its document,
 * claims everything due with one tap, and sees the claim under review; the server holds
 * exactly one claim per subsidy due.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.js';
import { shot, WAIT } from '../support/browser.js';
import { closeAll, openFromHome, startDemoH5, workerWithTransportDue } from '../support/journeys.js';

let api: TestApi;
let browser: Browser;
let workerId: string;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  ({ workerId } = await workerWithTransportDue(api));
});
afterAll(() => closeAll(browser, api));

describe('我的补贴 in Chromium', () => {
  it('shows what the worker can claim and why, and claims it all with one tap', async () => {
    const page = await openFromHome(browser, api, 'demo-worker-1', 'subsidies');
    const transport = page.getByTestId('subsidy-transport_once-state');
    await expect.poll(() => transport.textContent(), WAIT).toBe('可以领');
    const card = page.getByTestId('subsidy-transport_once');
    expect(await card.textContent()).toContain('依据');
    await shot(page, 'subsidies-1-due');

    await page.getByTestId('subsidies-claim-all').click();
    await expect.poll(() => page.getByTestId('subsidies-notice').textContent(), WAIT).toContain('已申领');
    await expect.poll(() => page.getByTestId('subsidy-transport_once-claim').textContent(), WAIT).toContain('正在审核');
    await shot(page, 'subsidies-2-claimed');

    const claims = await api.ctx.claims.ofWorker(workerId);
    expect(claims.map((c) => c.subsidy)).toContain('transport_once');
    expect(new Set(claims.map((c) => `${c.subsidy}#${c.periodKey}`)).size).toBe(claims.length);
    expect(claims.every((c) => c.status === 'submitted' && c.createdBy === 'demo-worker-1')).toBe(true);
  });
});
