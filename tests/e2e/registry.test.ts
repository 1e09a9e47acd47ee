/**
 * The registry in the H5 app: a worker binds their account to their record and sees
 * it (ID masked); a village officer finds them, opens the record for a monthly update,
 * records this month (employed, 省外, 企业务工, 4500.5 元) and reports the month.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '@bangfu/shared';
import { demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import type { TestApi } from '../support/api.js';
import { fill, shot, WAIT } from '../support/browser.js';
import { closeAll, loggedInPhone, openFromHome, openWorkerRecord, startDemoH5 } from '../support/journeys.js';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
});
afterAll(() => closeAll(browser, api));

describe('registry screens in Chromium', () => {
  it('lets a worker bind their account and see their record with the ID masked', async () => {
    const account = (await api.ctx.users.get('demo-worker-1'))!;
    const idNumber = demoIdNumber(1);
    const page = await openFromHome(browser, api, 'demo-worker-1', 'me');
    await page.getByTestId('bind-name').waitFor(WAIT);
    await shot(page, 'registry-1-bind-form');

    // A wrong number first: the server's Chinese message is shown.
    await fill(page, 'bind-name', account.displayName);
    await fill(page, 'bind-id', demoIdNumber(2));
    await page.getByTestId('bind-submit').click();
    await expect.poll(() => page.getByTestId('bind-error').textContent(), WAIT).toContain('不一致');
    await shot(page, 'registry-2-bind-mismatch');

    await fill(page, 'bind-id', idNumber.toLowerCase());
    await page.getByTestId('bind-submit').click();
    await expect.poll(() => page.getByTestId('me-name').textContent(), WAIT).toBe(account.displayName);
    const masked = await page.getByTestId('me-id-masked').textContent();
    expect(masked).toBe(`${idNumber.slice(0, 4)}${'*'.repeat(12)}${idNumber.slice(-2)}`);
    expect(await page.content()).not.toContain(idNumber);
    await shot(page, 'registry-3-me-bound');
    expect((await api.ctx.users.get('demo-worker-1'))?.workerId).toMatch(/^w_/);
  });

  it('lets a village officer find the worker, update this month and report the village', async () => {
    const month = chinaMonth(new Date());
    const officer = (await api.ctx.users.get('demo-staff-village-1'))!;
    const account = (await api.ctx.users.get('demo-worker-1'))!;
    const worker = (await api.ctx.workers.findByIdNumber(demoIdNumber(1)))!;
    expect(worker.villageCode).toBe(officer.regionCode); // the officer's own village

    const page = await openFromHome(browser, api, 'demo-staff-village-1', 'registry');
    await page.getByTestId('registry-search').waitFor(WAIT);
    await page.locator('[data-testid^="registry-row-"]').first().waitFor(WAIT);
    await shot(page, 'registry-4-list');

    await fill(page, 'registry-search', account.displayName);
    await page.getByTestId('registry-search-submit').click();
    const row = page.getByTestId(`registry-row-${worker.workerId}`);
    await row.waitFor(WAIT);
    await expect.poll(() => page.locator('[data-testid^="registry-row-"]').count(), WAIT).toBe(1);
    await shot(page, 'registry-5-search');

    await row.click();
    await page.getByTestId('purpose-monthlyUpdate').waitFor(WAIT);
    await shot(page, 'registry-6-purpose');
    await page.getByTestId('purpose-monthlyUpdate').click();
    await expect.poll(() => page.getByTestId('worker-name').textContent(), WAIT).toBe(account.displayName);
    await shot(page, 'registry-7-worker');

    await page.getByTestId('update-month').click();
    await page.getByTestId('monthly-employed').waitFor(WAIT);
    await shot(page, 'registry-8-monthly-status');
    await page.getByTestId('monthly-employed').click();
    await page.getByTestId('place-acrossProvince').click();
    await page.getByTestId('form-enterprise').click();
    await shot(page, 'registry-9-monthly-where');
    await page.getByTestId('monthly-next').click();
    await fill(page, 'monthly-income', '4500.5');
    await shot(page, 'registry-10-monthly-income');
    await page.getByTestId('monthly-save').click();

    // Back on the record: the new month is on the timeline.
    const entry = page.getByTestId(`timeline-month-${month}`);
    await entry.waitFor(WAIT);
    await expect.poll(() => entry.textContent(), WAIT).toContain('4500.50 元');
    expect(await entry.textContent()).toContain('省外');
    expect(await entry.textContent()).toContain('企业务工');
    expect(await entry.textContent()).toContain('经办人员');
    await page.getByText('已保存').waitFor({ state: 'hidden', timeout: 5_000 });
    await shot(page, 'registry-11-timeline');

    const [record] = await api.ctx.employment.timeline(worker.workerId);
    expect(record).toMatchObject({
      month,
      status: 'employed',
      place: 'acrossProvince',
      form: 'enterprise',
      monthlyIncomeFen: 450050,
      source: 'staff',
      recordedBy: 'demo-staff-village-1',
    });

    // Back on the list, the row says this month is done.
    await page.goBack();
    await expect.poll(() => row.textContent(), WAIT).toContain('本月已登记：在岗');
    await shot(page, 'registry-12-list-after');

    // The monthly report of the officer's village.
    await page.getByTestId('registry-reports').click();
    await page.getByTestId('reports-submit').waitFor(WAIT);
    await shot(page, 'registry-13-reports');
    await page.getByTestId('reports-submit').click();
    await page.getByTestId('reports-done').waitFor(WAIT);
    await shot(page, 'registry-14-reported');
    const reports = await api.ctx.reports.reportsIn(month, officer.regionCode!);
    expect(reports.map((r) => r.reportedBy)).toEqual(['demo-staff-village-1']);
  });

  it('lets the village officer lift a binding lockout after seeing the person, and the worker then binds', async () => {
    const account = (await api.ctx.users.get('demo-worker-2'))!;
    const idNumber = demoIdNumber(2);
    const worker = (await api.ctx.workers.findByIdNumber(idNumber))!;
    // Strangers' accounts guess names for this number until it locks (10 wrong answers a day,
    // the first test's mistyped number among them).
    const answers: number[] = [];
    for (const n of [1, 2]) {
      const stranger = await api.ctx.users.findOrCreateByOpenid('wx-test-app', `openid-guesser-${n}`);
      const { token } = await api.ctx.tokens.issue({ userId: stranger.userId, role: stranger.role });
      for (let i = 0; i < 5; i++) {
        const guess = await api.call('POST', '/api/v1/me/worker/bind', { token, body: { name: `郭春${n}${i}`, idNumber } });
        answers.push(guess.status);
      }
    }
    expect(answers).toContain(429);
    expect(answers.filter((status) => status !== 422 && status !== 429)).toEqual([]);
    const bind = async () =>
      api.call('POST', '/api/v1/me/worker/bind', {
        token: await api.loginAs('demo-worker-2'),
        body: { name: account.displayName, idNumber },
      });
    expect((await bind()).status).toBe(429);

    const page = await loggedInPhone(browser, api, 'demo-staff-village-1');
    await openWorkerRecord(page, { name: account.displayName, workerId: worker.workerId }, 'service');
    await page.getByTestId('unlock-binding').click();
    await expect.poll(() => page.getByTestId('unlock-binding-outcome').textContent(), WAIT).toContain('已解除锁定');
    await shot(page, 'registry-15-unlocked');
    expect((await bind()).status).toBe(200);
  });
});
