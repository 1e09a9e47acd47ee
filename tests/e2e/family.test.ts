/**
 * 亲情服务 in the H5 app: a bound demo worker (transport subsidy due) invites on their phone and
 * the code shows in big digits; a family member enters it on their own phone with their name,
 * relation and 18+; the worker taps 同意; the family member taps 帮TA办事 and every page says
 * 您正在帮 X 办事; they claim with 一键申领; the worker's 申领进度 says 由 X 代办 and 亲情服务 lists
 * the act; 退出 brings the family member back to their own account. The 亲情服务 page of each
 * side, and a page while acting, are checked with axe at 320×568 and 375×667.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.js';
import { fill, onPhones, WAIT } from '../support/browser.js';
import { closeAll, loggedInPhone, startDemoH5, workerWithTransportDue } from '../support/journeys.js';

const FAMILY_PAGE = '/worker/pages/family/index';

let api: TestApi;
let browser: Browser;
let workerName: string;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  await workerWithTransportDue(api);
  workerName = (await api.ctx.users.get('demo-worker-1'))!.displayName;
});
afterAll(() => closeAll(browser, api));

/** The banner of the page on the screen (Taro keeps the pages behind it in the document, hidden). */
const banner = (page: Page) => page.getByTestId('acting-banner').filter({ visible: true });

async function open(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(`${api.url}/#${path}`);
  await page.getByTestId(ready).first().waitFor(WAIT);
}

describe('亲情服务 in Chromium', () => {
  it('a family member claims for the worker on their own phone, with the worker’s 同意, recorded 由 X 代办', async () => {
    // The worker invites: the code in big digits.
    const worker = await loggedInPhone(browser, api, 'demo-worker-1');
    await open(worker, FAMILY_PAGE, 'family-invite');
    expect(await worker.getByTestId('family-no-helpers').textContent()).toContain('还没有家人帮您办事');
    await worker.getByTestId('family-invite').click();
    const shown = (await worker.getByTestId('family-invitation-code').textContent()) ?? '';
    expect(shown).toMatch(/^\d{4} \d{4}$/);
    await onPhones(worker, 'family-1-invitation', '亲情服务 with an invitation code');

    // The family member, on their own phone: the code as read out, their name, 子女, 18+.
    const helper = await loggedInPhone(browser, api, 'demo-worker-2');
    await open(helper, FAMILY_PAGE, 'family-accept');
    await helper.getByTestId('family-accept-send').click();
    await expect.poll(() => helper.getByTestId('family-code-error').textContent(), WAIT).toContain('8 位数字');
    await fill(helper, 'family-code', shown.replace(' ', ''));
    await fill(helper, 'family-name', '刘小军');
    await helper.getByTestId('family-relation-child').click();
    await helper.getByTestId('family-adult').click();
    await helper.getByTestId('family-accept-send').click();
    await expect.poll(() => helper.getByTestId('family-said').textContent(), WAIT).toContain('点“同意”');
    expect(await helper.getByTestId('family-helping').textContent()).toContain('等家人同意');
    await onPhones(helper, 'family-2-accepted', '亲情服务 of the family member, waiting for 同意');

    // The worker agrees, on their phone.
    await worker.reload();
    await worker.getByTestId('family-agree').waitFor(WAIT);
    expect(await worker.locator('[data-testid^="family-asking-"]').textContent()).toContain('刘小军（子女）想帮您办事');
    await onPhones(worker, 'family-3-asking', '亲情服务 asking for 同意');
    await worker.getByTestId('family-agree').click();
    await expect.poll(() => worker.getByTestId('family-said').textContent(), WAIT).toContain('已同意');
    await worker.getByTestId('family-end').waitFor(WAIT);

    // 帮TA办事: every page says whom for; 一键申领 claims in the worker's name.
    await helper.reload();
    await helper.getByTestId('family-act').click();
    await expect.poll(() => banner(helper).textContent(), WAIT).toContain(`您正在帮 ${workerName} 办事`);
    await open(helper, '/worker/pages/subsidies/index', 'subsidies-claim-all');
    expect(await banner(helper).textContent()).toContain(`您正在帮 ${workerName} 办事`);
    await helper.getByTestId('subsidies-claim-all').click();
    await helper.getByTestId('subsidies-notice').waitFor(WAIT);
    await onPhones(helper, 'family-4-acting', '我的补贴 while acting for a family member');
    // Home, while acting, offers only the four everyday tasks a family member may do.
    await helper.goto(`${api.url}/#/pages/index/index`);
    await helper.locator('[data-testid="home-tasks"]:visible').waitFor(WAIT);
    expect(
      await helper
        .locator('[data-testid^="home-entry-"]:visible')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))),
    ).toEqual(['home-entry-jobs', 'home-entry-subsidies', 'home-entry-applications', 'home-entry-me']);
    expect(await helper.locator('[data-testid="care-mode-toggle"]:visible').count()).toBe(0);

    // The worker sees who did it: on the claim's progress and in 亲情服务.
    await open(worker, '/worker/pages/claims/index', 'my-claims-summary');
    await expect.poll(() => worker.locator('.bf-claim-tl').first().textContent(), WAIT).toContain('由 刘小军（子女）代办');
    await open(worker, FAMILY_PAGE, 'family-acts');
    await expect.poll(() => worker.getByTestId('family-acts').textContent(), WAIT).toContain('刘小军（子女）：帮您申领补贴');
    await onPhones(worker, 'family-5-helper', '亲情服务 with a family member who helps, and what they did');

    // 退出: the family member's own account again, nothing of the worker's on the screen.
    await helper.getByTestId('acting-exit').filter({ visible: true }).click();
    await helper.getByTestId('home-greeting').waitFor(WAIT);
    await expect.poll(() => helper.getByTestId('acting-banner').count(), WAIT).toBe(0);
    const helperToken = await api.loginAs('demo-worker-2');
    const mine = await api.call('GET', '/api/v1/me/family', { token: helperToken });
    expect(mine.body.helping).toEqual([expect.objectContaining({ status: 'active', workerName })]);
  });
});
