/**
 * 务工监测 in Chromium: a village's people recorded as working last month, one of them home this
 * month (务工回流, recorded by the village officer on the phone); the month records reach the
 * figures through the table's stream, and the township officer sees the township's employed count
 * fall against last month, the village that fell first among its villages, and the twelve months
 * before, drawn; the county downloads the quarter's report and it reads back. The daily warnings
 * make the fall a task, which the officer follows up with a home visit and closes. The county's
 * admin sets the year's targets on the township task table, which the township officer reads. A
 * worker tells the village 我有困难 and sees the help it brought.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chinaMonth, previousMonth, quarterOf, type EmploymentInput } from '@bangfu/shared';
import { createStreamFollower } from '../../functions/src/local/streamFollower.js';
import { demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import { runWarnings } from '../../functions/src/monitoring/warningsJob.js';
import { TEST_REGION, type TestApi } from '../support/api.js';
import { expectAccessible, fill, shot, WAIT } from '../support/browser.js';
import { bindDemoWorker, closeAll, loggedInPhone, openFromHome, startDemoH5 } from '../support/journeys.js';
import { JINSHAN_VILLAGE } from '../support/people.js';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
});
afterAll(() => closeAll(browser, api));

const officer = { source: 'staff' as const, userId: 'demo-staff-village-1', level: 'village' as const };
const working: EmploymentInput = { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 480_000 };

describe('务工监测 in Chromium', () => {
  it('shows a township officer the month’s fall against last month, and the village where it fell first', async () => {
    const month = chinaMonth(new Date());
    const people = await Promise.all([1, 2, 3, 4].map(async (n) => (await api.ctx.workers.findByIdNumber(demoIdNumber(n)))!));
    const inJinshan = people.filter((p) => p.villageCode.startsWith('150222102'));
    expect(inJinshan.length).toBeGreaterThanOrEqual(2);
    for (const person of inJinshan) await api.ctx.employment.record(person, previousMonth(month), working, officer);
    // The one who came home is of the village officer's own village, who records it on the phone.
    const left = inJinshan.find((p) => p.villageCode === JINSHAN_VILLAGE)!;
    const stayed = inJinshan.filter((p) => p !== left);
    for (const person of stayed) await api.ctx.employment.record(person, month, working, officer);
    const villagePhone = await loggedInPhone(browser, api, 'demo-staff-village-1');
    await villagePhone.goto(`${api.url}/#/staff/pages/worker/index?workerId=${left.workerId}`);
    await villagePhone.getByTestId('purpose-monthlyUpdate').click();
    await villagePhone.getByTestId('update-month').click();
    await villagePhone.getByTestId('monthly-not-employed').click();
    await villagePhone.getByTestId('at-home-returnedFromWork').click();
    await fill(villagePhone, 'monthly-income', '0');
    await villagePhone.getByTestId('monthly-save').click();
    await expect.poll(() => villagePhone.getByTestId(`timeline-month-${month}`).textContent(), WAIT).toContain('务工回流');
    await villagePhone.context().close();
    const follower = createStreamFollower(api.ctx, { endpoint: inject('dynamoEndpoint'), region: TEST_REGION });
    try {
      await follower.drain();
    } finally {
      follower.stop();
    }

    const page = await openFromHome(browser, api, 'demo-staff-township-1', 'monitoring');
    const employed = page.getByTestId('monitoring-employed');
    await employed.waitFor(WAIT);
    expect(await employed.textContent()).toContain(`${stayed.length} 人`);
    expect(await page.getByTestId('monitoring-employed-change').textContent()).toContain('比上月少 1 人');
    expect(await page.getByTestId('monitoring-returned').textContent()).toContain('1 人');
    const first = page.getByTestId('monitoring-children').locator('[data-testid^="monitoring-child-"]').first();
    expect(await first.getAttribute('data-testid')).toBe(`monitoring-child-${left.villageCode}`);
    expect(await first.textContent()).toContain('▼ 下降');
    expect(await page.getByTestId(`monitoring-trend-${previousMonth(month)}`).textContent()).toContain(
      `在岗 ${inJinshan.length} 人`,
    );
    await shot(page, 'monitoring-1-township');
    // The twelve months drawn by ECharts: the canvas has lines on it, not an empty box.
    const chart = page.getByTestId('monitoring-chart');
    await chart.locator('canvas').first().waitFor(WAIT);
    await chart.scrollIntoViewIfNeeded();
    const inked = () =>
      chart
        .locator('canvas')
        .first()
        .evaluate((canvas: HTMLCanvasElement) => {
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
          return n;
        });
    await expect.poll(inked, WAIT).toBeGreaterThan(2_000);
    await shot(page, 'monitoring-1b-trend-chart');
    await expectAccessible(page, '务工监测');
    // The county downloads the quarter's report as the browser saves it; its figures read back.
    const county = await openFromHome(browser, api, 'demo-staff-county', 'monitoring');
    await county.getByTestId('monitoring-report').waitFor(WAIT);
    const [download] = await Promise.all([county.waitForEvent('download'), county.getByTestId('monitoring-report').click()]);
    expect(download.suggestedFilename()).toBe(`季度报告-150222-${quarterOf(month)}.xlsx`);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet('务工情况')!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const rowOf = (name: string) => {
      let found: unknown[] | undefined;
      sheet.eachRow((row) => {
        const values = row.values as unknown[];
        if (values[headers.indexOf('地区')] === name && values[headers.indexOf('月份')] === month) found = values;
      });
      return (header: string) => Number(found![headers.indexOf(header)]);
    };
    const jinshan = rowOf('金山镇');
    expect([jinshan('在岗务工'), jinshan('务工回流'), jinshan('人均月收入（元）')]).toEqual([stayed.length, 1, 4800]);
    expect(rowOf('固阳县')('在岗务工')).toBe(stayed.length);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['务工情况', '预警任务', '补贴发放']);
  });

  it('gives the township officer the village’s fall as a task, who records a home visit and closes it', async () => {
    const report = await runWarnings(api.ctx, '150222');
    expect(report.found.employedDrop).toBeGreaterThanOrEqual(1);
    const page = await openFromHome(browser, api, 'demo-staff-township-1', 'tasks');
    const card = page.getByTestId('tasks-list').locator('[data-testid^="task-"]').filter({ hasText: '在岗人数下降' }).first();
    await card.waitFor(WAIT);
    await shot(page, 'monitoring-2-tasks');
    await expectAccessible(page, '预警任务');
    await card.click();
    await page.getByTestId('task-summary').waitFor(WAIT);
    expect(await page.getByTestId('task-text').textContent()).toMatch(/在岗人数从上月 \d+ 人降到 \d+ 人/);
    await page.getByTestId('task-action-kind-homeVisit').click();
    await fill(page, 'task-action-note', '上门了解，回来照顾老人，想在镇上找活');
    await page.getByTestId('task-action-save').click();
    await page.getByTestId('task-actions').waitFor(WAIT);
    expect(await page.getByTestId('task-actions').textContent()).toContain('上门走访：上门了解');
    await page.getByTestId('task-close').click();
    await page.getByTestId('task-closed').waitFor(WAIT);
    await shot(page, 'monitoring-3-task-closed');
    await expectAccessible(page, '预警任务：已办结');
    // The run also counted the month's 零就业家庭: the household of the one who came home.
    const monitoring = await openFromHome(browser, api, 'demo-staff-township-1', 'monitoring');
    const households = monitoring.getByTestId('monitoring-zero-households');
    await households.waitFor(WAIT);
    expect(await households.textContent()).toContain('1 户');
  });

  it('shows the township task table, red where short, after the county’s admin sets the year’s targets', async () => {
    const admin = await openFromHome(browser, api, 'demo-admin', 'task-table');
    const jinshan = admin.getByTestId('task-table-150222102');
    await jinshan.waitFor(WAIT);
    await admin.getByTestId('task-table-total').waitFor(WAIT);
    expect(await admin.getByTestId('task-table-targets-source').textContent()).toContain('按文件的目标');
    // The month's records above: of 金山镇's people recorded, one came home — short of 95%.
    const share = jinshan.getByTestId('task-table-150222102-ableAndWillingEmployed');
    expect(await share.textContent()).toContain('目标 95% 以上');
    expect(await share.locator('[data-standing]').getAttribute('data-standing')).toBe('below');
    await shot(admin, 'monitoring-6-task-table');

    await admin.getByTestId('targets-edit').click();
    await fill(admin, 'targets-ableAndWillingEmployedPercent', '50');
    await admin.getByTestId('targets-township-150222102').click();
    await fill(admin, 'targets-trainedPeople', '3');
    await shot(admin, 'monitoring-7-targets-form');
    await admin.getByTestId('targets-save').click();
    await admin.getByTestId('targets-saved').waitFor(WAIT);
    await expect.poll(() => admin.getByTestId('task-table-150222102-trainedPeople').textContent(), WAIT).toContain('目标 3 人');
    expect(await admin.getByTestId('task-table-150222102-trainedPeople').textContent()).toContain('未达标');
    expect(await admin.getByTestId('task-table-150222102-ableAndWillingEmployed').textContent()).toContain('目标 50% 以上');
    await expectAccessible(admin, '任务完成情况：新目标');

    // The township officer sees their own township by the county's targets, and cannot change them.
    const township = await openFromHome(browser, api, 'demo-staff-township-1', 'task-table');
    await township.getByTestId('task-table-150222102').waitFor(WAIT);
    expect(await township.getByTestId('task-table-150222102-trainedPeople').textContent()).toContain('目标 3 人');
    expect(await township.getByTestId('task-table-total').count()).toBe(0);
    expect(await township.getByTestId('targets-edit').count()).toBe(0);
    await shot(township, 'monitoring-8-task-table-township');
  });

  it('lets a worker tell the village 我有困难 in a few taps, and shows them the help it brought', async () => {
    await bindDemoWorker(api);
    const phone = await openFromHome(browser, api, 'demo-worker-1', 'difficulty');
    await phone.getByTestId('difficulty-kind-unpaidWages').click();
    await phone.getByTestId('difficulty-since-lastMonth').click();
    await fill(phone, 'difficulty-detail', '工地老板欠了两个月工资');
    await phone.getByTestId('difficulty-time-evening').click();
    await shot(phone, 'monitoring-4-difficulty-form');
    await expectAccessible(phone, '我有困难');
    await phone.getByTestId('difficulty-send').click();
    await phone.getByTestId('difficulty-told').waitFor(WAIT);
    await expect.poll(() => phone.getByTestId('difficulty-state').first().textContent(), WAIT).toContain('村里会尽快联系您');

    // The officer takes it up; the worker sees what kind of help, from which office.
    const township = await api.loginAs('demo-staff-township-1');
    const { workerId } = (await api.ctx.users.get('demo-worker-1'))!;
    const { tasks } = await api.ctx.tasks.reportedBy(workerId!, { limit: 5 });
    const acted = await api.call('POST', `/api/v1/tasks/${tasks[0]!.taskId}/actions`, {
      token: township,
      body: { kind: 'referral', note: '转给县劳动监察大队' },
    });
    expect(acted.status).toBe(200);
    await phone.reload();
    await expect
      .poll(() => phone.getByTestId('difficulty').first().textContent(), WAIT)
      .toContain('金山镇乡镇经办人员：转给相关部门');
    await shot(phone, 'monitoring-5-difficulty-followed');
  });
});
