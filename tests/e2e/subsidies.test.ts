/**
 * 我的补贴 in the H5 app: a bound demo worker whose month is recorded as employed in another
 * province sees the one-off transport subsidy as 可以领, with its reasons and its document,
 * claims everything due with one tap, and sees the claim under review; the server holds
 * exactly one claim per subsidy due.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '@bangfu/shared';
import { miniappDist } from '../../functions/src/local/paths.js';
import { demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { launchChromium, logIn, phonePage, shot, WAIT } from '../support/browser.js';

let api: TestApi;
let browser: Browser;
let workerId: string;

beforeAll(async () => {
  api = await startTestApi({ staticDir: miniappDist('h5') });
  await seedDemoCounty(api.ctx);
  browser = await launchChromium();
  const token = await api.loginAs('demo-worker-1');
  const account = (await api.ctx.users.get('demo-worker-1'))!;
  const bound = await api.call('POST', '/api/v1/me/worker/bind', {
    token,
    body: { name: account.displayName, idNumber: demoIdNumber(1) },
  });
  workerId = bound.body.worker.workerId;
  // The village officer records this month: working in another province.
  const officer = await api.loginAs('demo-staff-village-1');
  const month = await api.call('PUT', `/api/v1/registry/workers/${workerId}/employment/${chinaMonth(new Date())}`, {
    token: officer,
    body: { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 480_000 },
  });
  expect(month.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('我的补贴 in Chromium', () => {
  it('shows what the worker can claim and why, and claims it all with one tap', async () => {
    const page = await phonePage(browser);
    await logIn(page, api, 'demo-worker-1');
    await page.getByTestId('home-entry-subsidies').click();
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
