/**
 * 人岗匹配 in the H5 app: a bound demo worker sees 为你推荐 on the home screen with the API's
 * own reasons; after the monthly push the pushed jobs carry 本月推荐; 不感兴趣 takes a card
 * away for good; 更多推荐 explains each job factor by factor, and 报名 applies. The workshop
 * sees 推荐人选 for its position — surnames only, never an ID number. The county officer sees
 * the coverage table with the areas below the 50% and 15% goals in red, in words.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '@bangfu/shared';
import { runPushLocally } from '../../functions/src/local/pushThreads.js';
import type { TestApi } from '../support/api.js';
import { shot, WAIT } from '../support/browser.js';
import { bindDemoWorker, closeAll, loggedInPhone, openFromHome, setCareMode, startDemoH5 } from '../support/journeys.js';

let api: TestApi;
let browser: Browser;
let workerToken: string;

interface Shown {
  position: { positionId: string; title: string };
  reason: string;
  pushed: boolean;
}

async function recommendations(): Promise<{ homeIsVillageCentre: boolean; recommendations: Shown[] }> {
  const { status, body } = await api.call('GET', '/api/v1/me/recommendations', { token: workerToken });
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

/** The home page's recommendation cards, in order. */
const homeCards = (page: Page) => page.getByTestId('recommendations-list').locator('[data-testid^="recommendation-p_"]');

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  ({ token: workerToken } = await bindDemoWorker(api));
});
afterAll(() => closeAll(browser, api));

describe('人岗匹配 in Chromium', () => {
  it('shows a bound worker 为你推荐 with reasons; 本月推荐 after the push; 不感兴趣 removes a job for good', async () => {
    // An account not bound yet sees no recommendations at all (and no error).
    const unbound = await loggedInPhone(browser, api, 'demo-worker-2');
    await unbound.getByTestId('home-entry-jobs').waitFor(WAIT);
    await unbound.waitForTimeout(1_000);
    expect(await unbound.getByTestId('home-recommendations').count()).toBe(0);
    expect(await unbound.locator('.bf-notice--error').count()).toBe(0);

    const before = await recommendations();
    expect(before.recommendations.length).toBeGreaterThan(0);
    const page = await loggedInPhone(browser, api, 'demo-worker-1');
    const first = homeCards(page).first();
    await first.waitFor(WAIT);
    expect(await first.getAttribute('data-testid')).toBe(`recommendation-${before.recommendations[0]!.position.positionId}`);
    expect(await first.getByTestId('recommendation-reason').textContent()).toBe(before.recommendations[0]!.reason);
    expect(await first.getByTestId('recommendation-title').textContent()).toBe(before.recommendations[0]!.position.title);
    expect(await first.textContent()).toMatch(/元/);
    expect(await homeCards(page).count()).toBe(Math.min(2, before.recommendations.length)); // two: the everyday tasks come first
    if (before.homeIsVillageCentre) {
      expect(await page.getByTestId('home-recommendations').textContent()).toContain('您还没有登记住址，距离按村里的位置算');
    }
    await shot(page, 'recommendations-1-home');

    // The monthly push: this month's pushes come first and say 本月推荐.
    const { total } = await runPushLocally(api.ctx, { regionCode: '150222', config: { k: 5, n: 3 } }, { threads: 0 });
    expect(total.pushed).toBeGreaterThan(0);
    const pushed = await recommendations();
    const top = pushed.recommendations[0]!;
    expect(top.pushed, 'demo-worker-1 got pushes').toBe(true);
    await page.reload();
    const pushedCard = page.getByTestId(`recommendation-${top.position.positionId}`);
    await pushedCard.waitFor(WAIT);
    expect(await pushedCard.getByTestId('recommendation-pushed').textContent()).toBe('本月推荐');
    expect(await pushedCard.getByTestId('recommendation-reason').textContent()).toBe(top.reason);
    await shot(page, 'recommendations-2-pushed');

    // 不感兴趣: the card goes, and the API never offers that job again.
    await pushedCard.getByTestId('recommendation-dismiss').click();
    await expect.poll(() => pushedCard.count(), WAIT).toBe(0);
    await expect.poll(() => homeCards(page).count(), WAIT).toBe(Math.min(2, pushed.recommendations.length - 1));
    const after = await recommendations();
    expect(after.recommendations.map((r) => r.position.positionId)).not.toContain(top.position.positionId);
    await page.reload();
    await homeCards(page).first().waitFor(WAIT);
    expect(await page.getByTestId(`recommendation-${top.position.positionId}`).count()).toBe(0);
    await shot(page, 'recommendations-3-dismissed');

    // 更多推荐: all of them, each with 为什么推荐; 报名 applies and says 已报名.
    await page.getByTestId('recommendations-more').click();
    const all = page.getByTestId('recommendations-all');
    await all.waitFor(WAIT);
    await expect.poll(() => all.locator('[data-testid^="recommendation-p_"]').count(), WAIT).toBe(after.recommendations.length);
    expect(await all.getByTestId('recommendation-why').first().textContent()).toContain('为什么推荐');
    await shot(page, 'recommendations-4-all');
    const target = after.recommendations[1] ?? after.recommendations[0]!;
    const card = all.getByTestId(`recommendation-${target.position.positionId}`);
    await card.getByTestId('recommendation-apply').click();
    await expect.poll(() => card.getByTestId('recommendation-applied').textContent(), WAIT).toContain('已报名');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'recommendations-5-applied');
    const mine = await api.call('GET', '/api/v1/me/applications', { token: workerToken });
    expect(mine.body.applications.map((a: any) => a.application.positionId)).toContain(target.position.positionId);

    // 关怀版: the same home screen one step bigger.
    await setCareMode(api, workerToken, true);
    const care = await loggedInPhone(browser, api, 'demo-worker-1');
    await care.locator('.bf-care').first().waitFor(WAIT);
    await homeCards(care).first().waitFor(WAIT);
    await shot(care, 'recommendations-6-care');
  });

  it('shows the workshop 推荐人选 for its position: surnames only, no ID numbers', async () => {
    const employer = await api.loginAs('demo-employer-1');
    const own = (await api.call('GET', '/api/v1/me/positions', { token: employer })).body.positions as {
      positionId: string;
      status: string;
    }[];
    const position = own.find((p) => p.status === 'open') ?? own[0]!;
    const expected = await api.call('GET', `/api/v1/positions/${position.positionId}/candidates?limit=20`, { token: employer });
    expect(expected.status).toBe(200);
    expect(expected.body.candidates.length).toBeGreaterThan(0);

    const page = await openFromHome(browser, api, 'demo-employer-1', 'positions');
    await page.getByTestId(`my-position-${position.positionId}`).click();
    await page.getByTestId('manage-candidates').click();
    const list = page.getByTestId('candidates-list');
    await list.waitFor(WAIT);
    const names = await list.getByTestId('candidate-name').allTextContents();
    expect(names).toEqual(expected.body.candidates.map((c: any) => c.nameMasked));
    for (const name of names) expect(name).toMatch(/^.\*+$/u);
    expect(await list.getByTestId('candidate-reason').first().textContent()).toBe(expected.body.candidates[0].reason);
    const text = (await page.locator('.taro_page_stationed').last().textContent()) ?? '';
    expect(text).not.toMatch(/\d{17}[\dX]/); // never an ID number
    expect(text).not.toMatch(/村代码/); // village names resolved
    await shot(page, 'recommendations-7-candidates');
  });

  it('shows the county officer the coverage table, below-goal areas in red with the goal named', async () => {
    const county = await api.loginAs('demo-staff-county');
    const { body } = await api.call('GET', '/api/v1/matching/coverage?regionCode=150222', { token: county });
    const page = await openFromHome(browser, api, 'demo-staff-county', 'coverage');
    const total = page.getByTestId('coverage-total');
    await total.waitFor(WAIT);
    expect(await total.textContent()).toContain(`${body.total.willingUnemployed} 人`);
    await shot(page, 'recommendations-8-coverage');

    // Each township's 50% line as the API decides it: red 未达标 below, green 达标 at or above.
    expect(body.rows.length).toBeGreaterThan(0);
    for (const row of body.rows as any[]) {
      const goal = page.getByTestId(`coverage-row-${row.regionCode}`).getByTestId('coverage-goal');
      if (row.monthlyCoverage === null) continue;
      const want = row.meetsCoverageGoal ? 'bf-goal--met' : 'bf-goal--below';
      expect(await goal.getAttribute('class')).toContain(want);
      expect(await goal.textContent()).toBe(`${row.meetsCoverageGoal ? '✓ 达标' : '✗ 未达标'}（目标 ≥50%）`);
    }
    // Nobody hired after a recommendation yet: the 15% success goal is missed, in red.
    const success = total.getByTestId('success-goal');
    expect(await success.getAttribute('class')).toContain('bf-goal--below');
    expect(await success.textContent()).toBe('✗ 未达标（目标 ≥15%）');
    await total.getByTestId('success-goal').scrollIntoViewIfNeeded();
    await shot(page, 'recommendations-9-coverage-success');

    // Last month nobody was pushed anything: every township is below the 50% line, in red, in words.
    const [year, month] = chinaMonth(new Date()).split('-').map(Number) as [number, number];
    const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const last = (await api.call('GET', `/api/v1/matching/coverage?regionCode=150222&month=${previous}`, { token: county })).body;
    await page.getByTestId(`coverage-month-${previous}`).click();
    await expect
      .poll(() => page.getByTestId('coverage-month').textContent(), WAIT)
      .toContain(`${month === 1 ? 12 : month - 1}月`);
    const below = (last.rows as any[]).filter((r) => r.monthlyCoverage !== null && !r.meetsCoverageGoal);
    expect(below.length).toBeGreaterThan(0);
    for (const row of below) {
      const card = page.getByTestId(`coverage-row-${row.regionCode}`);
      const goal = card.getByTestId('coverage-goal');
      expect(await goal.getAttribute('class')).toContain('bf-goal--below');
      expect(await goal.textContent()).toBe('✗ 未达标（目标 ≥50%）');
      expect(await card.textContent()).toContain(`${row.willingUnemployed} 人`);
    }
    // The red box is red: white on #b00020.
    const colours = await page
      .getByTestId(`coverage-row-${below[0].regionCode}`)
      .getByTestId('coverage-goal')
      .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    expect(colours).toEqual(['rgb(176, 0, 32)', 'rgb(255, 255, 255)']);
    await page.getByTestId(`coverage-row-${below[0].regionCode}`).scrollIntoViewIfNeeded();
    await shot(page, 'recommendations-10-coverage-last-month');
  });
});
