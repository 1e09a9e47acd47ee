/**
 * axe-core (WCAG 2.1 A and AA, every rule) over the pages as each role finds them — a worker
 * before and after binding, an employer, staff, the county's admin — on the two smallest
 * phones people use (320×568 and 375×667), with a screenshot of each under tests/.artifacts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import type { TestApi } from '../support/api.js';
import { expectAccessible, logIn, shot, WAIT } from '../support/browser.js';
import { closeAll, jinshanEventToday, startDemoH5 } from '../support/journeys.js';

const PHONES = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
];

let api: TestApi;
let browser: Browser;
let positionId: string;
let workerId: string;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  const employer = await api.loginAs('demo-employer-1');
  positionId = (await api.call('GET', '/api/v1/me/positions', { token: employer })).body.positions[0].positionId;
  workerId = (await api.ctx.workers.findByIdNumber(demoIdNumber(2)))!.workerId;
});
afterAll(() => closeAll(browser, api));

async function phone(size: { width: number; height: number }, userId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor: 2, locale: 'zh-CN' });
  const page = await context.newPage();
  await logIn(page, api, userId);
  return page;
}

/** Opens a page of the app by its path, waits for what it shows when ready, and checks it. */
async function check(page: Page, path: string, ready: string | string[], name: string): Promise<void> {
  await page.goto(`${api.url}/#${path}`);
  await checkShown(page, ready, name);
}

/** `ready`: the test id of what the page shows once loaded (any one of several). */
async function checkShown(page: Page, ready: string | string[], name: string): Promise<void> {
  // A test id, or a selector of its own (a list's rows, whose ids carry the row's id).
  const shown = [ready].flat().map((id) => (id.startsWith('[') ? id : `[data-testid="${id}"]`));
  await page.locator(shown.join(', ')).first().waitFor(WAIT);
  await shot(page, `a11y-${name}-${page.viewportSize()!.width}`);
  await expectAccessible(page, `${name} at ${page.viewportSize()!.width}px`);
}

describe.each(PHONES)('every page passes axe-core at $width×$height', (size) => {
  it('a worker before binding: each page says why to bind and leads there', async () => {
    const page = await phone(size, 'demo-worker-2');
    await check(page, '/worker/pages/me/index', 'bind-name', 'worker-me-unbound');
    await check(page, '/worker/pages/applications/index', 'bind-first', 'worker-applications-unbound');
    await check(page, '/worker/pages/subsidies/index', 'bind-first', 'worker-subsidies-unbound');
    await check(page, '/worker/pages/claims/index', 'bind-first', 'worker-claims-unbound');
    await check(page, '/worker/pages/recommendations/index', 'recommendations-unbound', 'worker-recommendations-unbound');
    await page.context().close();
  });

  it('a bound worker: record, subsidies, claims, applications, recommendations, a job', async () => {
    const account = (await api.ctx.users.get('demo-worker-1'))!;
    if (!account.workerId) {
      const bound = await api.call('POST', '/api/v1/me/worker/bind', {
        token: await api.loginAs('demo-worker-1'),
        body: { name: account.displayName, idNumber: demoIdNumber(1) },
      });
      expect(bound.status).toBe(200);
    }
    const page = await phone(size, 'demo-worker-1');
    await check(page, '/worker/pages/me/index', 'me-name', 'worker-me');
    await check(page, '/worker/pages/subsidies/index', 'subsidies-summary', 'worker-subsidies');
    await check(page, '/worker/pages/claims/index', 'my-claims-empty', 'worker-claims');
    await check(page, '/worker/pages/applications/index', 'applications-empty', 'worker-applications');
    await check(
      page,
      '/worker/pages/recommendations/index',
      ['recommendations-all', 'recommendations-empty'],
      'worker-recommendations',
    );
    await check(page, `/worker/pages/position/index?positionId=${positionId}`, 'position-title', 'worker-position');
    await check(page, '/worker/pages/code/index', 'my-code-image', 'worker-code');
    await check(page, '/worker/pages/data-uses/index', ['data-use-entry', 'data-uses-empty'], 'worker-data-uses');
    await check(page, '/worker/pages/post/index', ['post-none', 'post-mine'], 'worker-post');
    await check(page, '/worker/pages/relief/index', ['wages-none', 'wages-said'], 'worker-relief');
    await page.context().close();
  });

  it('an employer: positions, one position with its applicants, candidates, own subsidies', async () => {
    const page = await phone(size, 'demo-employer-1');
    await check(page, '/employer/pages/positions/index', 'positions-list', 'employer-positions');
    await check(page, `/employer/pages/applicants/index?positionId=${positionId}`, 'manage-title', 'employer-applicants');
    await check(page, `/employer/pages/candidates/index?positionId=${positionId}`, 'candidates-title', 'employer-candidates');
    await check(page, '/employer/pages/subsidies/index', 'employer-subsidies-summary', 'employer-subsidies');
    await check(page, '/employer/pages/scan/index', 'code-scanner', 'employer-scan');
    await check(page, '/employer/pages/shares/index', ['scan-shared', 'shares-empty'], 'employer-shares');
    await check(page, '/employer/pages/relief/index', ['my-projects-empty', 'my-projects-more'], 'employer-relief');
    await page.context().close();
  });

  it('a village officer on a person’s record, with the binding lockout section', async () => {
    const page = await phone(size, 'demo-staff-village-1');
    await page.goto(`${api.url}/#/staff/pages/worker/index?workerId=${workerId}`);
    await checkShown(page, 'purpose-service', 'staff-purpose');
    await page.getByTestId('purpose-service').click();
    await checkShown(page, 'unlock-binding', 'staff-worker');
    await check(page, '/staff/pages/scan/index', 'code-scanner', 'staff-scan');
    await check(page, '/staff/pages/posters/index', 'posters-villages', 'staff-posters');
    await check(page, '/staff/pages/events/index', ['events-list', 'events-empty'], 'staff-events');
    await check(page, '/staff/pages/monitoring/index', ['monitoring-region'], 'staff-monitoring');
    await check(page, '/staff/pages/welfare-posts/index', ['posts-list', 'posts-empty'], 'staff-welfare-posts');
    await check(page, '/staff/pages/welfare-month/index', ['month-empty', 'month-open-flags'], 'staff-welfare-month');
    await check(page, '/staff/pages/relief-projects/index', ['projects-list', 'projects-empty'], 'staff-relief-projects');
    await check(
      page,
      '/staff/pages/welfare-attendance/index?postId=wp_00000000-0000-4000-8000-000000000001',
      ['attendance-sheet', 'attendance-nobody'],
      'staff-welfare-attendance',
    );
    await page.context().close();
  });

  it('every role’s home, and the pages the other suites do not check', async () => {
    const anonymous = await browser.newContext({ viewport: size, deviceScaleFactor: 2, locale: 'zh-CN' });
    const first = await anonymous.newPage();
    await check(first, '/pages/index/index', 'home-login', 'home-anonymous');
    await check(first, '/pages/dev-login/index', 'dev-login-user-demo-worker-1', 'dev-login');
    await check(first, '/worker/pages/jobs/index', 'map-status', 'jobs-anonymous');
    await anonymous.close();

    const worker = await phone(size, 'demo-worker-1');
    await check(worker, '/pages/index/index', 'home-tasks', 'home-worker');
    await check(worker, '/worker/pages/jobs/index', 'map-status', 'worker-jobs');
    await check(worker, '/worker/pages/difficulty/index', ['difficulty-form', 'difficulties'], 'worker-difficulty');
    await worker.context().close();

    const employer = await phone(size, 'demo-employer-1');
    await check(employer, '/pages/index/index', 'home-entry-positions', 'home-employer');
    await check(employer, '/employer/pages/profile/index', ['employer-view-name', 'employer-step'], 'employer-profile');
    await check(employer, '/employer/pages/edit/index', 'edit-step', 'employer-edit');
    await employer.context().close();

    const township = await phone(size, 'demo-staff-township-1');
    await check(township, '/pages/index/index', 'home-entry-registry', 'home-staff');
    await check(township, '/staff/pages/registry/index', 'registry-search', 'staff-registry');
    await check(township, '/staff/pages/reports/index', 'reports-deadlines', 'staff-reports');
    await check(township, '/staff/pages/employers/index', ['employers-empty', '[data-testid^="verify-"]'], 'staff-employers');
    await check(township, '/staff/pages/claims/index', ['claims-empty', '[data-testid^="claim-"]'], 'staff-claims');
    await check(township, '/staff/pages/parameters/index', 'parameters-readonly', 'staff-parameters');
    await check(township, '/staff/pages/coverage/index', 'coverage-rows', 'staff-coverage');
    await check(township, '/staff/pages/tasks/index', ['tasks-list', 'tasks-empty'], 'staff-tasks');
    await check(township, '/staff/pages/task-table/index', '[data-testid^="task-table-150222"]', 'staff-task-table-township');
    await township.context().close();

    const admin = await phone(size, 'demo-admin');
    await check(admin, '/pages/index/index', 'home-entry-parameters', 'home-admin');
    await admin.context().close();
  });

  it('the county’s admin on 任务完成情况 and the year’s targets form', async () => {
    const page = await phone(size, 'demo-admin');
    await check(page, '/staff/pages/task-table/index', 'task-table-total', 'staff-task-table');
    await page.getByTestId('targets-edit').click();
    await checkShown(page, 'targets-form', 'staff-task-targets');
    await page.context().close();
  });

  it('where a poster’s code leads: a village service point, an employer, a code that is not ours', async () => {
    const page = await phone(size, 'demo-worker-2');
    const employerId = (await api.ctx.users.get('demo-employer-1'))!.employerId!;
    await check(page, '/codes/pages/village/index?code=150222102212', 'village-title', 'codes-village');
    await check(page, `/codes/pages/employer/index?id=${employerId}`, 'public-employer-name', 'codes-employer');
    await check(page, '/codes/pages/open/index?code=not-a-code', 'code-open-problem', 'codes-open-problem');
    await check(page, `/codes/pages/event/index?id=${await jinshanEventToday(api, positionId)}`, 'event-title', 'codes-event');
    await page.context().close();
  });
});
