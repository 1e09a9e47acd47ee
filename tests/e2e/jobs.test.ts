/**
 * The job map in the H5 app: a worker opens 找工作 (no phone position in headless Chromium,
 * so the map centres on their village), sees clusters and markers, narrows with a filter,
 * taps a marker for its card, finds a job of 金山镇服装加工帮扶车间 in the list and applies
 * (twice: the second time just says 已报名); the workshop's account sees the applicant,
 * accepts, and confirms the hire with the agreed monthly income of the piece-paid job.
 * The server then holds: the application hired, the position's `filled` one up, and the
 * worker's month employed with source employerHire. The employer also posts a position in
 * the six short steps.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '@bangfu/shared';
import type { TestApi } from '../support/api.js';
import { expectAccessible, fill, phonePage, shot, WAIT } from '../support/browser.js';
import { bindDemoWorker, closeAll, openFromHome, reloadInCareMode, startDemoH5 } from '../support/journeys.js';

let api: TestApi;
let browser: Browser;

/** The applying worker and the workshop whose piece-paid job they take. */
let workerToken: string;
let workerId: string;
let employerToken: string;
let target: { positionId: string; filled: number; headcount: number; title: string };

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());

  const bound = await bindDemoWorker(api);
  workerToken = bound.token;
  workerId = bound.worker.workerId;
  // A phone to be reached on, which the employer sees once it accepts the application.
  const phone = await api.call('PATCH', '/api/v1/me/worker', {
    token: workerToken,
    body: { version: bound.worker.version, phone: '13904721234' },
  });
  expect(phone.status, JSON.stringify(phone.body)).toBe(200);

  // The sewing workshop's open, piece-paid job with places left: the one to apply for.
  employerToken = await api.loginAs('demo-employer-1');
  const mine = await api.call('GET', '/api/v1/me/positions', { token: employerToken });
  expect(mine.status).toBe(200);
  const piece = mine.body.positions.find(
    (p: any) => p.status === 'open' && p.pay.unit === 'piece' && p.filled < p.headcount && p.suitsWeakLabour,
  );
  expect(piece, 'demo-employer-1 has an open piece-paid job').toBeTruthy();
  target = { positionId: piece.positionId, filled: piece.filled, headcount: piece.headcount, title: piece.title };
});
afterAll(() => closeAll(browser, api));

/** "这片地图里有 N 个岗位" → N. */
async function mapTotal(page: Page): Promise<number> {
  const status = page.getByTestId('map-status');
  await expect.poll(() => status.textContent(), WAIT).toMatch(/有 \d+ 个岗位|没有符合条件/);
  const match = /有 (\d+) 个岗位/.exec((await status.textContent()) ?? '');
  return match ? Number(match[1]) : 0;
}

const onMap = (page: Page) => page.locator('[data-testid^="map-cluster-"], [data-testid^="map-marker-"]');

describe('job map and hiring in Chromium', () => {
  it('lets a worker find a job on the map and in the list, and apply (twice is just 已报名)', async () => {
    const page = await openFromHome(browser, api, 'demo-worker-1', 'jobs');

    // No phone position here: the map says it centres on the worker's village.
    const centre = page.getByTestId('jobs-centre');
    await centre.waitFor({ timeout: 20_000 });
    await expect.poll(() => centre.textContent(), WAIT).toContain('您家所在的');
    await expect.poll(() => onMap(page).count(), WAIT).toBeGreaterThan(0);
    const before = await mapTotal(page);
    expect(before).toBeGreaterThan(0);
    await shot(page, 'jobs-1-map');

    // 筛选 opens the filters, each explained: only jobs for weak labour; the map asks again and shows fewer.
    await page.getByTestId('filters-toggle').click();
    expect(await page.getByTestId('filters-panel').textContent()).toContain('弱劳力：只能干轻活');
    const filtered = page.waitForResponse((r) => r.url().includes('/positions/map') && r.url().includes('suitsWeakLabour=true'));
    await page.getByTestId('filter-suitsWeakLabour').click();
    await filtered;
    await expect.poll(() => page.getByTestId('filter-suitsWeakLabour').getAttribute('aria-checked'), WAIT).toBe('true');
    await page.getByTestId('filters-done').click();
    expect(await page.getByTestId('filters-chosen').textContent()).toContain('只看：适合弱劳力');
    await expect.poll(() => mapTotal(page), WAIT).toBeLessThan(before);
    await shot(page, 'jobs-2-map-filtered');

    // Zoom in by tapping clusters until single markers show, then tap one for its card.
    for (let i = 0; i < 5 && (await page.locator('[data-testid^="map-marker-"]').count()) === 0; i++) {
      const cluster = page.locator('[data-testid^="map-cluster-"]').first();
      await cluster.click();
      await page.waitForResponse((r) => r.url().includes('/positions/map'));
      await page.waitForTimeout(300);
    }
    const marker = page.locator('[data-testid^="map-marker-"]').first();
    await marker.waitFor(WAIT);
    await marker.click();
    const card = page.getByTestId('map-selected-card');
    await card.waitFor(WAIT);
    expect(await card.textContent()).toMatch(/元/);
    // The card is brought into sight below the map.
    await expect.poll(() => card.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight + 1), WAIT).toBe(true);
    await shot(page, 'jobs-3-map-card');

    // The list, nearest first, narrowed to 帮扶车间: the workshop's job is there (加载更多 if needed).
    await page.getByTestId('jobs-view-list').click();
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-kind-assistanceWorkshop').click();
    await shot(page, 'jobs-4-filters');
    await page.getByTestId('filters-done').click();
    const job = page.getByTestId(`job-card-${target.positionId}`);
    for (let i = 0; i < 10 && !(await job.isVisible()); i++) {
      const more = page.getByTestId('job-list-more');
      await Promise.race([job.waitFor({ timeout: 5_000 }), more.waitFor({ timeout: 5_000 })]).catch(() => undefined);
      if (await job.isVisible()) break;
      if (await more.isVisible()) await more.click();
    }
    await job.waitFor(WAIT);
    await shot(page, 'jobs-5-list');

    // Its detail: pay from fen, distance from the village, the workshop; then apply.
    await job.click();
    await expect.poll(() => page.getByTestId('position-title').textContent(), WAIT).toBe(target.title);
    expect(await page.getByTestId('position-pay').textContent()).toMatch(/^计件/);
    await expect.poll(() => page.getByTestId('position-distance').textContent(), WAIT).toMatch(/公里|米/);
    await page.getByTestId('apply').waitFor(WAIT);
    await shot(page, 'jobs-6-detail');
    await page.getByTestId('apply').click();
    await expect.poll(() => page.getByTestId('apply-done').textContent(), WAIT).toContain('已报名');
    expect(await page.getByTestId('apply-message').textContent()).toContain('报名成功');
    await shot(page, 'jobs-7-applied');

    // Opened again, the page already says 已报名; applying again through the API changes nothing.
    await page.reload();
    await expect.poll(() => page.getByTestId('apply-done').textContent(), WAIT).toContain('已报名');
    const again = await api.call('POST', `/api/v1/positions/${target.positionId}/applications`, { token: workerToken });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, application: { status: 'applied', workerId } });

    const applicants = await api.call('GET', `/api/v1/positions/${target.positionId}/applications`, { token: employerToken });
    expect(applicants.body.applicants.map((a: any) => a.workerId)).toEqual([workerId]);

    // 关怀版: the same pages one step bigger.
    await reloadInCareMode(page, api, workerToken);
    await page.getByTestId('apply-done').waitFor(WAIT);
    await shot(page, 'jobs-care-1-detail');
    await page.goBack();
    await page.getByTestId('jobs-centre').waitFor({ timeout: 20_000 });
    await expect.poll(() => onMap(page).count(), WAIT).toBeGreaterThan(0);
    await shot(page, 'jobs-care-2-map');

    // Zoomed out past a region, the map counts: clusters over the province, no refusal.
    for (let i = 0; i < 4; i++) {
      const answered = page.waitForResponse((r) => r.url().includes('/positions/map'));
      await page.locator('.leaflet-control-zoom-out').click();
      await answered;
    }
    await expect.poll(() => page.getByTestId('map-status').textContent(), WAIT).toMatch(/大约有 \d+ 个岗位/);
    expect(await page.locator('[data-testid^="map-cluster-"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid^="map-marker-"]').count()).toBe(0);
    await shot(page, 'jobs-care-3-zoomed-out');
    for (const { width, height } of [
      { width: 320, height: 568 },
      { width: 375, height: 667 },
    ]) {
      await page.setViewportSize({ width, height });
      await page.getByTestId('map-status').scrollIntoViewIfNeeded();
      await shot(page, `jobs-care-3-zoomed-out-${width}x${height}`);
      await expectAccessible(page, `the zoomed-out map at ${width}×${height}`);
    }
  });

  it('lets the workshop accept the applicant and confirm the hire, which records the worker’s month', async () => {
    const page = await openFromHome(browser, api, 'demo-employer-1', 'positions');
    const row = page.getByTestId(`my-position-${target.positionId}`);
    await row.waitFor(WAIT);
    expect(await row.getByTestId('my-position-status').textContent()).toBe('招聘中');
    await shot(page, 'jobs-8-employer-positions');

    await row.click();
    const applicant = page.getByTestId(`applicant-${workerId}`);
    await applicant.waitFor(WAIT);
    expect(await applicant.getByTestId('applicant-status').textContent()).toContain('新报名');
    expect(await applicant.textContent()).not.toMatch(/\d{17}[\dX]/); // never an ID number
    await shot(page, 'jobs-9-applicants');

    await applicant.getByTestId('applicant-accept').click();
    await expect.poll(() => applicant.getByTestId('applicant-status').textContent(), WAIT).toContain('同意面谈');
    await expect.poll(() => applicant.getByTestId('applicant-phone').textContent(), WAIT).toBe('13904721234');

    // Piece pay: the agreed monthly income is asked, in yuan.
    await applicant.getByTestId('applicant-hire').click();
    await fill(page, 'applicant-income', '3500');
    await shot(page, 'jobs-10-hire');
    await applicant.getByTestId('applicant-hire-confirm').click();
    await expect.poll(() => applicant.getByTestId('applicant-status').textContent(), WAIT).toContain('已录用');
    await expect
      .poll(() => page.getByTestId('manage-filled').textContent(), WAIT)
      .toContain(`已招 ${target.filled + 1} 人，共要 ${target.headcount} 人`);
    await shot(page, 'jobs-11-hired');

    // The server: hired, filled one up, and the worker's month employed by the employer's word.
    const applicants = await api.call('GET', `/api/v1/positions/${target.positionId}/applications`, { token: employerToken });
    expect(applicants.body.applicants[0].application).toMatchObject({ status: 'hired', workerId });
    const detail = await api.call('GET', `/api/v1/positions/${target.positionId}`);
    expect(detail.body.position.filled).toBe(target.filled + 1);
    const officer = await api.loginAs('demo-staff-village-1');
    const employment = await api.call('GET', `/api/v1/registry/workers/${workerId}/employment`, { token: officer });
    expect(employment.status).toBe(200);
    expect(employment.body.records[0]).toMatchObject({
      month: chinaMonth(new Date()),
      status: 'employed',
      source: 'employerHire',
      monthlyIncomeFen: 350000,
      positionId: target.positionId,
    });

    // And the worker reads 已录用 under 我的报名.
    const workerPage = await openFromHome(browser, api, 'demo-worker-1', 'applications');
    const mine = workerPage.getByTestId(`application-${target.positionId}`);
    await mine.waitFor(WAIT);
    await expect.poll(() => mine.getByTestId('application-status').textContent(), WAIT).toBe('已录用');
    await shot(workerPage, 'jobs-12-my-applications');
  });

  it('lets the employer post a position in short steps (pay typed in yuan, sent in fen)', async () => {
    const page = await openFromHome(browser, api, 'demo-employer-1', 'post-position');

    await fill(page, 'edit-title', '包装工');
    await fill(page, 'occupation-search', '普工');
    await page.getByTestId('occupation-factory_operator').click();
    await shot(page, 'jobs-13-post-what');
    await page.getByTestId('edit-next').click();

    await page.getByTestId('unit-month').click();
    await fill(page, 'edit-min', '3000');
    await fill(page, 'edit-max', '3600.5');
    await shot(page, 'jobs-14-post-pay');
    await page.getByTestId('edit-next').click();

    await page.getByTestId('form-seasonal').click();
    await page.getByTestId('month-9').click();
    await page.getByTestId('month-10').click();
    await fill(page, 'edit-hours', '早 8 点到晚 5 点');
    await page.getByTestId('edit-next').click();

    await page.getByTestId('intensity-light').click();
    await page.getByTestId('suits-half').click();
    await page.getByTestId('board-meals').click();
    await shot(page, 'jobs-15-post-who');
    await page.getByTestId('edit-next').click();

    await shot(page, 'jobs-16-post-where');
    await page.getByTestId('edit-next').click();

    await fill(page, 'edit-headcount', '4');
    await page.getByTestId('until-1').click();
    await shot(page, 'jobs-17-post-count');
    await page.getByTestId('edit-publish').click();

    await expect.poll(() => page.getByTestId('manage-status').textContent(), WAIT).toBe('招聘中');
    await expect.poll(() => page.getByTestId('manage-filled').textContent(), WAIT).toContain('共要 4 人');
    await shot(page, 'jobs-18-posted');

    const mine = await api.call('GET', '/api/v1/me/positions', { token: employerToken });
    const posted = mine.body.positions.find((p: any) => p.title === '包装工');
    expect(posted).toMatchObject({
      status: 'open',
      occupation: 'factory_operator',
      pay: { unit: 'month', minFen: 300000, maxFen: 360050 },
      form: 'seasonal',
      seasonMonths: [9, 10],
      intensity: 'light',
      suitsHalfLabour: true,
      suitsWeakLabour: false,
      accommodation: false,
      meals: true,
      headcount: 4,
    });
  });

  it('lets a new employer account fill in its profile in four steps, picking the place on the map', async () => {
    // A fresh employer account of the workshop's township, with no profile yet.
    const township = (await api.ctx.users.get('demo-employer-1'))!;
    await api.ctx.users.create({
      userId: 'test-employer-new',
      role: 'employer',
      displayName: '新开的加工厂',
      regionCode: township.regionCode!,
      regionName: township.regionName!,
      careMode: false,
      demo: true,
      createdAt: new Date().toISOString(),
      version: 1,
    });
    const session = (await api.call('POST', '/api/v1/auth/dev-login', { body: { userId: 'test-employer-new' } })).body;
    const page = await phonePage(browser);
    await page.goto(api.url);
    await page.evaluate((s) => localStorage.setItem('bangfu.session', JSON.stringify({ data: s })), session);
    await page.reload();
    await expect.poll(() => page.getByTestId('home-greeting').textContent(), WAIT).toContain('新开的加工厂');

    await page.getByTestId('home-entry-positions').click();
    await page.getByTestId('positions-no-profile').waitFor(WAIT);
    await page.getByTestId('positions-profile').click();

    await fill(page, 'employer-name', '金山镇杂粮加工厂');
    await page.getByTestId('kind-enterprise').click();
    await shot(page, 'jobs-19-profile-name');
    await page.getByTestId('employer-next').click();

    const village = page.locator('[data-testid^="region-"]').nth(1);
    await village.waitFor(WAIT);
    const villageCode = (await village.getAttribute('data-testid'))!.slice('region-'.length);
    await village.click();
    await shot(page, 'jobs-20-profile-region');
    await page.getByTestId('employer-next').click();

    // On H5 the place is a tap on the map.
    const map = page.getByTestId('location-map');
    await map.waitFor(WAIT);
    await page.waitForTimeout(500);
    await map.click({ position: { x: 120, y: 120 } });
    await expect.poll(() => page.getByTestId('location-value').textContent(), WAIT).toContain('已选好');
    await fill(page, 'employer-address', '金山镇工业园 3 号');
    await shot(page, 'jobs-21-profile-place');
    await page.getByTestId('employer-next').click();

    await fill(page, 'employer-contact', '王经理');
    await fill(page, 'employer-phone', '13904725678');
    await shot(page, 'jobs-22-profile-contact');
    await page.getByTestId('employer-save').click();

    await expect.poll(() => page.getByTestId('employer-view-status').textContent(), WAIT).toBe('等待工作人员审核');
    await page.getByTestId('employer-verification').waitFor(WAIT);
    await shot(page, 'jobs-23-profile-pending');

    const token = session.token as string;
    const saved = await api.call('GET', '/api/v1/me/employer', { token });
    expect(saved.body.employer).toMatchObject({
      name: '金山镇杂粮加工厂',
      kind: 'enterprise',
      regionCode: villageCode,
      address: '金山镇工业园 3 号',
      contactName: '王经理',
      contactPhone: '13904725678',
      verification: { status: 'pending' },
    });
    expect(saved.body.employer.location.lat).toBeGreaterThan(40);
  });

  it('lets a township officer verify a waiting employer, whose jobs then come onto the map', async () => {
    const waiting = (await api.ctx.employers.listInRegion('150222103', { status: 'pending', limit: 50 })).employers;
    const employer = waiting.find((e) => e.name === '西斗铺镇农产品加工有限公司')!;
    expect(employer).toBeDefined();
    const [first] = (await api.ctx.positions.ofEmployer(employer.employerId)).map((r) => r.position);
    const near = async () => {
      const { body } = await api.call(
        'GET',
        `/api/v1/positions/nearby?lat=${first!.location.lat}&lng=${first!.location.lng}&radiusKm=1&limit=50`,
      );
      return body.positions.map((p: { positionId: string }) => p.positionId) as string[];
    };
    expect(await near()).not.toContain(first!.positionId);

    const page = await openFromHome(browser, api, 'demo-staff-township-2', 'employer-review'); // 西斗铺镇就业服务站
    const card = page.getByTestId(`employer-${employer.employerId}`);
    await card.waitFor(WAIT);
    await shot(page, 'jobs-24-staff-review');
    await page.getByTestId(`verify-${employer.employerId}`).click();
    await expect.poll(() => page.getByTestId('employers-done').textContent(), WAIT).toContain('已通过');
    await shot(page, 'jobs-25-staff-verified');

    expect((await api.ctx.employers.get(employer.employerId))?.verification).toMatchObject({
      status: 'verified',
      decidedBy: 'demo-staff-township-2',
    });
    expect(await near()).toContain(first!.positionId);

    // The local positions, one of which the officer takes down with a reason.
    await page.getByTestId('review-view-positions').click();
    const row = page.getByTestId(`staff-position-${first!.positionId}`);
    const more = page.getByTestId('staff-positions-more');
    // The township's positions come 20 at a time: load more until the employer's first is there.
    await expect
      .poll(
        async () => {
          if (await row.isVisible()) return true;
          if (await more.isVisible()) await more.click();
          return false;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    await page.getByTestId(`takedown-${first!.positionId}`).click();
    await fill(page, `takedown-${first!.positionId}-reason`, '工资标准写错了，请单位改正后再发');
    await page.getByTestId(`takedown-${first!.positionId}-confirm`).click();
    await expect.poll(() => row.textContent(), WAIT).toContain('已下架');
    await shot(page, 'jobs-26-staff-takedown');
    expect((await api.ctx.positions.get(first!.positionId))?.position).toMatchObject({
      status: 'closed',
      takenDown: { by: 'demo-staff-township-2', reason: '工资标准写错了，请单位改正后再发' },
    });
    expect(await near()).not.toContain(first!.positionId);
  });
});
