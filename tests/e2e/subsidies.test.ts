/**
 * 我的补贴 in the H5 app: a bound demo worker whose month is recorded as employed in another
 * province sees the one-off transport subsidy as 可以领, with its reasons and its document,
 * claims everything due with one tap, and sees the claim under review; the server holds
 * exactly one claim per subsidy due. The page says which card the money goes to: none yet, then
 * one a village officer entered that waits for a second officer, then the card in force.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.js';
import { expectAccessible, shot, WAIT } from '../support/browser.js';
import { confirmCard } from '../support/claims.js';
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

    // Where the money goes: no card yet, then one entered and waiting, then the card in force.
    const line = page.getByTestId('payout-card');
    await expect.poll(() => line.textContent(), WAIT).toContain('还没有登记收补贴的卡');
    const village = await api.loginAs('demo-staff-village-1');
    const entered = await api.call('PUT', `/api/v1/registry/workers/${workerId}/payout-account`, {
      token: village,
      body: { kind: 'socialSecurityCard', number: '6217000012340521' },
    });
    expect(entered.status).toBe(200);
    await page.reload();
    await expect.poll(() => line.textContent(), WAIT).toContain('新登记的社保卡（尾号 0521）要另一位工作人员确认后才用');
    expect(await line.textContent()).toContain('这是您的卡吗？');
    expect((await confirmCard(api, workerId, await api.loginAs('demo-staff-township-1'))).status).toBe(200);
    await page.reload();
    await expect.poll(() => line.textContent(), WAIT).toContain('补贴发到您的社保卡，尾号 0521');
    expect(await line.textContent()).not.toContain('新登记');
    for (const size of [
      { width: 320, height: 568 },
      { width: 375, height: 667 },
    ]) {
      await page.setViewportSize(size);
      await line.scrollIntoViewIfNeeded();
      await shot(page, `subsidies-3-card-${size.width}x${size.height}`);
      await expectAccessible(page, `我的补贴 with the card the money goes to at ${size.width}×${size.height}`);
    }
  });
});
