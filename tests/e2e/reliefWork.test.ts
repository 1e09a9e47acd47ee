/**
 * 以工代赈 in Chromium, on the demo county's project: the contractor fills this month's wage sheet,
 * a worker on the roster says their line is wrong, and the county sees the arrears warning (欠薪防控
 * 预警) among its tasks and on the project — the worker sees that it was raised; the contractor
 * records the payment from the bank's 代发结果 (a row paid to another card than the worker's is
 * refused), and the worker says the money never came, which warns the county too. axe on each page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, chinaMonth } from '@bangfu/shared';
import type { TestApi } from '../support/api.js';
import { expectAccessible, fill, onPhones, shot, WAIT } from '../support/browser.js';
import { cardInForce, moneyOfficers } from '../support/claims.js';
import { bindDemoWorker, closeAll, openFromHome, startDemoH5 } from '../support/journeys.js';

let api: TestApi;
let browser: Browser;
const month = chinaMonth(new Date());
/** The demo's 农田灌溉渠道改造 in 西斗铺镇, built by demo-employer-3. */
const PROJECT = 'rp_00000000-0000-4000-8000-000000000001';
const CONTRACTOR = 'e_00000000-0000-4000-8000-000000000003';
let workerId: string;
let otherId: string;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  // demo-worker-1, bound, put on the project's roster by the county.
  ({
    worker: { workerId },
  } = await bindDemoWorker(api));
  const county = await api.loginAs('demo-staff-county');
  const added = await api.call('POST', `/api/v1/relief-projects/${PROJECT}/roster`, {
    token: county,
    body: { workerId, trade: '普工', relocationAnswer: '本村就近务工，搬迁群众已另行安排' },
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  otherId = (await api.ctx.reliefProjects.roster(PROJECT)).find((e) => e.workerId !== workerId)!.workerId;
});
afterAll(() => closeAll(browser, api));

describe('以工代赈 in Chromium', () => {
  it('lets the county record a project in three short steps, its contractor one of the county’s 以工代赈 employers', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-county', 'relief-projects');
    await page.getByTestId('projects-new').click();
    await fill(page, 'project-name', '小三分子村村道硬化工程');
    await fill(page, 'project-owner', '固阳县交通运输局');
    await page.getByTestId('project-township-150222102').click();
    await page.getByTestId('project-village-150222102212').click();
    await page.getByTestId('project-site-inSite').click();
    await shot(page, 'relief-0a-new-project');
    await expectAccessible(page, '登记以工代赈项目：第 1 步');
    await page.getByTestId('project-next-1').click();
    await page.getByTestId(`project-contractor-${CONTRACTOR}`).click();
    await fill(page, 'project-jobs', '10');
    await fill(page, 'project-trade-count-0', '12');
    await fill(page, 'project-sector', '固阳县发展和改革委员会');
    // More people by trade than planned jobs: the step says so and stays.
    await page.getByTestId('project-next-2').click();
    await expect.poll(() => page.getByTestId('project-form').textContent(), WAIT).toContain('超过了计划岗位数');
    await fill(page, 'project-trade-count-0', '10');
    await page.getByTestId('project-next-2').click();
    await page.getByTestId('project-wage-unit-day').click();
    await fill(page, 'project-wage', '150');
    await page.getByTestId('project-save').click();
    await page.getByTestId('project-summary').waitFor(WAIT);
    expect(await page.getByTestId('project-share').textContent()).toContain('至少 1 个岗位安排搬迁群众，已安排 0 人，还差 1 人');
    const { projects } = await api.ctx.reliefProjects.inRegion('150222102212', { limit: 10 });
    expect(projects.find((p) => p.name === '小三分子村村道硬化工程')).toMatchObject({
      contractorEmployerId: CONTRACTOR,
      plannedJobs: 10,
      wageStandard: { unit: 'day', amountFen: 15_000 },
    });
    await shot(page, 'relief-0b-project-recorded');
    await page.context().close();
  });

  it('lets the contractor fill this month’s wage sheet, at the standard at least', async () => {
    const page = await openFromHome(browser, api, 'demo-employer-3', 'relief-projects');
    await page.getByTestId(`project-${PROJECT}`).click();
    await page.getByTestId('project-summary').waitFor(WAIT);
    await page.getByTestId('wage-form').waitFor(WAIT);
    await fill(page, `wage-days-${workerId}`, '20');
    await fill(page, `wage-pay-${workerId}`, '2000');
    await fill(page, `wage-days-${otherId}`, '10');
    await fill(page, `wage-pay-${otherId}`, '1500');
    await page.getByTestId('wage-save').click();
    // 150 元 a day: 20 days are at least 3000 元.
    await expect.poll(() => page.getByTestId(`wage-pay-${workerId}-error`).textContent(), WAIT).toContain('至少应发 3000 元');
    await fill(page, `wage-pay-${workerId}`, '3000');
    await shot(page, 'relief-1-wage-form');
    await expectAccessible(page, '用工名册和工资表');
    await page.getByTestId('wage-save').click();
    await page.getByTestId('wages-said').waitFor(WAIT);
    await expect.poll(() => page.getByTestId(`sheet-line-${workerId}`).textContent(), WAIT).toContain('3000 元');
    expect(await page.getByTestId('sheet-totals').textContent()).toContain('合计 2 人，30 天，4500 元');
    await shot(page, 'relief-2-sheet');
    await page.context().close();
  });

  it('lets the worker say their line is wrong, which warns the county at once', async () => {
    const page = await openFromHome(browser, api, 'demo-worker-1', 'relief-wages');
    const key = `${PROJECT}-${month}`;
    const line = page.getByTestId(`wage-line-${key}`);
    await line.waitFor(WAIT);
    expect(await line.textContent()).toContain('20 天，3000 元');
    await shot(page, 'relief-3-worker');
    await expectAccessible(page, '以工代赈工资');
    await page.getByTestId(`wage-${key}-wrong`).click();
    await fill(page, `wage-${key}-dispute-reason`, '实际干了22天，少算了两天');
    await page.getByTestId(`wage-${key}-dispute-confirm`).click();
    await page.getByTestId('wages-said').waitFor(WAIT);
    await page.getByTestId(`wage-warned-${key}`).waitFor(WAIT);
    expect(await page.getByTestId(`wage-status-${key}`).textContent()).toContain('实际干了22天');
    await shot(page, 'relief-4-disputed');
    await page.context().close();
  });

  it('shows the county the arrears warning among its tasks and on the project', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-county', 'tasks');
    const task = page.getByTestId('tasks-list').locator('[data-testid^="task-"]').filter({ hasText: '以工代赈' }).first();
    await task.waitFor(WAIT);
    expect(await task.textContent()).toContain('西斗铺镇以工代赈农田水利项目部');
    await shot(page, 'relief-5-county-task');

    await page.goto(`${api.url}/#/staff/pages/relief-projects/index`);
    await page.getByTestId(`project-${PROJECT}`).click();
    await page.getByTestId('project-summary').waitFor(WAIT);
    const arrears = page.getByTestId('sheet-arrears');
    await arrears.waitFor(WAIT);
    expect(await arrears.textContent()).toContain('已向旗县发出欠薪预警');
    expect(await arrears.textContent()).toContain('实际干了22天');
    await shot(page, 'relief-6-county-project');
    await expectAccessible(page, '以工代赈项目');
    await page.context().close();
  });

  it('lets the contractor record the payment from the bank’s 代发结果, paid to the worker’s own card only', async () => {
    // The contractor corrects the line and the worker confirms it (API); the worker's card is on record.
    const contractor = await api.loginAs('demo-employer-3');
    const wages = `/api/v1/relief-projects/${PROJECT}/wages/${month}`;
    const corrected = await api.call('PUT', wages, {
      token: contractor,
      body: { lines: [{ workerId, days: 22, payFen: 330_000 }] },
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    const worker = await api.loginAs('demo-worker-1');
    const line = (await api.ctx.reliefProjects.line(PROJECT, month, workerId))!;
    const mine = `/api/v1/me/relief-work/${PROJECT}/wages/${month}`;
    const confirmed = await api.call('POST', mine, {
      token: worker,
      body: { version: line.version, answer: 'confirm', device: 'relief-e2e-phone-0001' },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const { village, township } = await moneyOfficers(api);
    expect((await cardInForce(api, workerId, '6228480000012345', village, township)).status).toBe(200);
    const name = line.name;
    const bankFile = (account: string) =>
      Buffer.from(
        [
          '户名,收款账号,代发金额,交易状态,失败原因,交易流水号,交易日期',
          `${name},${account},3300.00,成功,,DF${month.replace('-', '')}01,${chinaDate(new Date())}`,
        ].join('\n'),
      );

    const page = await openFromHome(browser, api, 'demo-employer-3', 'relief-projects');
    await page.getByTestId(`project-${PROJECT}`).click();
    await page.getByTestId('wagefile').waitFor(WAIT);
    const pickFile = async (buffer: Buffer) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('wagefile-pick').click()]);
      await chooser.setFiles({ name: '代发结果.csv', mimeType: 'text/csv', buffer });
    };
    // Paid to a card that is not the worker's: said by its row, nothing to tap.
    await pickFile(bankFile('6228480000099999'));
    await expect.poll(() => page.getByTestId('wagefile-problems').textContent(), WAIT).toContain('一笔也不能登记');
    expect(await page.getByTestId('wagefile-problems').textContent()).toContain(
      '的钱发到了尾号 9999 的卡，不是本人在村里登记的卡：要发到本人的卡上',
    );
    expect(await page.getByTestId('wagefile-record').count()).toBe(0);
    await onPhones(page, 'relief-7-wagefile-wrong-card', 'the 代发结果 paid to another card', 'wagefile');

    await page.getByTestId('wagefile-cancel').click();
    await pickFile(bankFile('6228480000012345'));
    await expect
      .poll(() => page.getByTestId('wagefile-reading').textContent(), WAIT)
      .toContain('银行说已发到本人卡上：1 人，3300 元');
    await onPhones(page, 'relief-8-wagefile-read', 'the 代发结果 read against the sheet', 'wagefile');
    await page.getByTestId('wagefile-record').click();
    await expect.poll(() => page.getByTestId('wages-said').textContent(), WAIT).toBe('已按银行代发结果登记发放。');
    await expect.poll(() => page.getByTestId(`sheet-line-${workerId}`).textContent(), WAIT).toContain('已发放');
    expect((await api.ctx.reliefProjects.line(PROJECT, month, workerId))!.payment).toMatchObject({
      paidOn: chinaDate(new Date()),
      reference: `DF${month.replace('-', '')}01`,
      bankFile: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    await page.context().close();
  });

  it('asks the worker, once the payment is recorded, whether the money came; 没收到 warns the county', async () => {
    const page = await openFromHome(browser, api, 'demo-worker-1', 'relief-wages');
    const key = `${PROJECT}-${month}`;
    await page.getByTestId(`wage-${key}-received`).waitFor(WAIT);
    expect(await page.getByTestId(`wage-status-${key}`).textContent()).toContain('已发放');
    await shot(page, 'relief-9-worker-paid');
    await expectAccessible(page, '以工代赈工资：收到了吗');
    // The two answers on the smallest phone too.
    await page.setViewportSize({ width: 320, height: 568 });
    await shot(page, 'relief-9-worker-paid-320');
    await expectAccessible(page, '以工代赈工资：收到了吗（320×568）');
    await page.getByTestId(`wage-${key}-not-received`).click();
    await expect.poll(() => page.getByTestId('wages-said').textContent(), WAIT).toContain('已经告诉旗县');
    await expect.poll(() => page.getByTestId(`wage-status-${key}`).textContent(), WAIT).toContain('您说没有收到');
    expect(await page.getByTestId(`wage-${key}-received`).count()).toBe(0);
    await shot(page, 'relief-10-not-received');
    await page.context().close();
  });
});
