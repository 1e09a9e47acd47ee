/**
 * 乡村公益性岗位 in Chromium: a township officer sets a post up in three short steps (设岗), sees a
 * weak-labour 脱贫 person of the village offered it first, and takes them on (以岗聘用): the post
 * shows them on it, and their month is recorded as work on the post; then they leave it (有序退岗)
 * with a reason. axe on each page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '@bangfu/shared';
import type { TestApi } from '../support/api.js';
import { expectAccessible, fill, shot, WAIT } from '../support/browser.js';
import { closeAll, openFromHome, startDemoH5 } from '../support/journeys.js';
import { JINSHAN_VILLAGE } from '../support/people.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
let browser: Browser;
beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
});
afterAll(() => closeAll(browser, api));

describe('公益性岗位 in Chromium', () => {
  it('lets a township officer set a post up and take on the person the documents put first', async () => {
    const first = await boundWorker(api, 96, { groups: ['povertyAlleviated'], labourClass: 'weak' });
    const page = await openFromHome(browser, api, 'demo-staff-township-1', 'welfare-posts');
    await page.getByTestId('posts-new').waitFor(WAIT);
    await shot(page, 'welfare-posts-1-list');
    await expectAccessible(page, '公益性岗位');

    await page.getByTestId('posts-new').click();
    await fill(page, 'post-title', '小三分子村保洁员');
    await page.getByTestId('post-category-sanitation').click();
    await page.getByTestId(`post-village-${JINSHAN_VILLAGE}`).click();
    await shot(page, 'welfare-posts-2-form-what');
    await expectAccessible(page, '新设公益性岗位：第 1 步');
    await page.getByTestId('post-next-1').click();
    await fill(page, 'post-duties', '每天清扫村内主干道和公共场所');
    await page.getByTestId('post-full-time-yes').click();
    // The hours left empty: the step says so and stays.
    await page.getByTestId('post-next-2').click();
    await page.getByTestId('post-hours-error').waitFor(WAIT);
    await fill(page, 'post-hours', '40');
    await page.getByTestId('post-next-2').click();
    await fill(page, 'post-places', '2');
    await page.getByTestId('post-funding-ruralRevitalisationFund').click();
    await shot(page, 'welfare-posts-3-form-places');
    await expectAccessible(page, '新设公益性岗位：第 3 步');
    await page.getByTestId('post-save').click();

    await page.getByTestId('post-summary').waitFor(WAIT);
    expect(await page.getByTestId('post-summary').textContent()).toContain('每月补贴 800 元');
    const candidate = page.getByTestId(`candidate-${first.workerId}`);
    await candidate.waitFor(WAIT);
    // Everyone listed above them is of the first rank too (the demo village has others like them).
    const cards = await page.getByTestId('candidates').locator('[data-testid^="candidate-w_"]').allTextContents();
    const at = (
      await page
        .getByTestId('candidates')
        .locator('[data-testid^="candidate-w_"]')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')))
    ).indexOf(`candidate-${first.workerId}`);
    for (const card of cards.slice(0, at)) expect(card).toMatch(/(脱贫人口|监测对象).*(弱劳力|半劳力)/);
    expect(await candidate.textContent()).toContain('优先：脱贫人口 · 弱劳力 · 本村');
    await shot(page, 'welfare-posts-4-candidates');
    await expectAccessible(page, '公益性岗位：优先人选');

    await page.getByTestId(`candidate-take-${first.workerId}`).click();
    await page.getByTestId('post-taken').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('post-places').textContent(), WAIT).toContain('已聘 1 人');
    await page.getByTestId(`holder-${first.workerId}`).waitFor(WAIT);
    await shot(page, 'welfare-posts-5-taken');
    const [month] = await api.ctx.employment.timeline(first.workerId);
    expect(month).toMatchObject({ month: chinaMonth(new Date()), form: 'publicWelfarePost', monthlyIncomeFen: 80_000 });

    // 有序退岗: the person resigns; the reason and last day are kept and the place is free again.
    await page.getByTestId(`leave-${first.workerId}`).click();
    await page.getByTestId(`leave-confirm-${first.workerId}`).click();
    await page.getByText('请选退岗原因').waitFor(WAIT);
    await page.getByTestId(`leave-reason-${first.workerId}-resigned`).click();
    await shot(page, 'welfare-posts-6-leave');
    await expectAccessible(page, '公益性岗位：退岗');
    await page.getByTestId(`leave-confirm-${first.workerId}`).click();
    await expect.poll(() => page.getByTestId(`holder-${first.workerId}`).textContent(), WAIT).toContain('退岗：本人辞岗');
    await expect.poll(() => page.getByTestId('post-places').textContent(), WAIT).toContain('已聘 0 人');
  });
});
