/**
 * 补贴要用的情况 in the H5 app: a bound demo worker (脱贫) reports their child at a 技工院校 on 我的信息,
 * where it shows 本人申报，待核实; the village officer opens the record, sees it 待核实 and taps 核实属实,
 * and it then shows 村信息员 … 登记; the worker's 我的补贴 shows 雨露计划 as 可以领, and 我的信息 no longer
 * offers to change it (村里已经登记). The officer's form saved on a record changed meanwhile says
 * 刚被别人改过 and 刷新 shows the latest. Each new screen is checked with axe at 320×568 and 375×667.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.js';
import { fill, onPhones, shot, WAIT } from '../support/browser.js';
import {
  bindDemoWorker,
  closeAll,
  loggedInPhone,
  openFromHome,
  openWorkerRecord,
  reloadInCareMode,
  startDemoH5,
} from '../support/journeys.js';

let api: TestApi;
let browser: Browser;
let token: string;
let worker: { workerId: string; name: string };
let workerPage: Page;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  // demo-worker-1, bound; the village records them as 脱贫, so 雨露计划 is theirs once a child's school is recorded.
  const bound = await bindDemoWorker(api);
  token = bound.token;
  const village = await api.loginAs('demo-staff-village-1');
  const updated = await api.call('PATCH', `/api/v1/registry/workers/${bound.worker.workerId}`, {
    token: village,
    body: { version: bound.worker.version, groups: ['povertyAlleviated'] },
  });
  expect(updated.status, JSON.stringify(updated.body)).toBe(200);
  worker = { workerId: bound.worker.workerId, name: (await api.ctx.users.get('demo-worker-1'))!.displayName };
});
afterAll(() => closeAll(browser, api));

/** From the home page, finds the person in 台账 and opens their record to check what is recorded. */
async function openRecordToVerify(page: Page): Promise<void> {
  await openWorkerRecord(page, worker, 'verification');
  await page.getByTestId('circumstances').waitFor(WAIT);
}

/** Takes what the open date or month picker shows (WeChat's own on the phone). */
async function pickerOk(page: Page): Promise<void> {
  await page.locator('.weui-picker').waitFor(WAIT);
  await page.locator('.weui-picker__action', { hasText: '确定' }).click();
  // Gone, not fading: axe run on a picker half faded out finds its buttons' contrast too low.
  await page.locator('.weui-picker').waitFor({ ...WAIT, state: 'hidden' });
}

describe('补贴要用的情况 in Chromium', () => {
  it('leads from a 还差信息 subsidy on 我的补贴 straight to the form that gives the missing fact', async () => {
    const page = await openFromHome(browser, api, 'demo-worker-1', 'subsidies');
    const report = page.getByTestId('subsidy-yulu_education-report-vocationalStudent');
    await report.waitFor(WAIT);
    expect(await page.getByTestId('subsidy-yulu_education-state').textContent()).toBe('还差信息');
    expect(await page.getByTestId('subsidy-yulu_education-report').textContent()).toContain('村里的信息员核实后才算数');
    await onPhones(page, 'circumstances-0-subsidy-missing', '我的补贴 with a fact to report', 'subsidy-yulu_education');
    await report.click();
    await page.getByTestId('circ-form').waitFor(WAIT);
    expect(await page.getByTestId('circ-form').textContent()).toContain('孩子上职业院校');
    await page.close();
  });

  it('lets the worker report their child at vocational school, marked 待核实', async () => {
    workerPage = await openFromHome(browser, api, 'demo-worker-1', 'me');
    const row = workerPage.getByTestId('circ-vocationalStudent');
    await row.waitFor(WAIT);
    expect(await workerPage.getByTestId('circ-vocationalStudent-value').textContent()).toBe('没有登记');
    expect(await workerPage.getByTestId('circumstances').textContent()).toContain('村里的信息员核实后才算数');
    await onPhones(workerPage, 'circumstances-1-worker-list', 'the worker’s circumstances', 'circumstances');

    await workerPage.getByTestId('circ-vocationalStudent-edit').click();
    await workerPage.getByTestId('circ-form').waitFor(WAIT);
    // The form is the whole screen: the record and the job wishes wait behind it.
    expect(await workerPage.getByTestId('me-name').isVisible()).toBe(false);
    expect(await workerPage.getByTestId('circ-form').textContent()).toContain('村里的信息员核实后才算数');
    // 申报 without the school says what is missing, under the question.
    await workerPage.getByTestId('circ-save').click();
    await expect.poll(() => workerPage.getByTestId('circ-field-schoolKind-error').textContent(), WAIT).toBe('请选一项');
    await onPhones(workerPage, 'circumstances-2-worker-form-missing', 'the worker’s report form with a problem');

    await workerPage.getByTestId('circ-field-schoolKind-technicalSchool').click();
    await workerPage.getByTestId('circ-field-enrolledOn').click();
    await pickerOk(workerPage);
    const enrolled = await workerPage.getByTestId('circ-field-enrolledOn').textContent();
    expect(enrolled).toMatch(/^\d{4}年9月1日（点这里改）$/);
    await onPhones(workerPage, 'circumstances-3-worker-form', 'the worker’s report form');
    await workerPage.getByTestId('circ-save').click();

    await expect
      .poll(() => workerPage.getByTestId('circumstances-notice').textContent(), WAIT)
      .toContain('已申报：孩子上职业院校');
    expect(await workerPage.getByTestId('circ-vocationalStudent-badge').textContent()).toBe('待核实');
    expect(await workerPage.getByTestId('circ-vocationalStudent-source').textContent()).toBe('本人申报，待核实');
    expect(await workerPage.getByTestId('circ-vocationalStudent-value').textContent()).toBe(
      `技工院校，${enrolled!.replace('（点这里改）', '')}入学`,
    );
    // Their own report they may still change.
    expect(await workerPage.getByTestId('circ-vocationalStudent-edit').textContent()).toBe('修改');
    await onPhones(workerPage, 'circumstances-4-worker-reported', 'the worker’s report, waiting', 'circ-vocationalStudent');

    const stored = (await api.ctx.workers.getItem(worker.workerId, true))!.circumstances?.vocationalStudent;
    expect(stored).toMatchObject({
      value: { schoolKind: 'technicalSchool' },
      stamp: { source: 'self', recordedBy: 'demo-worker-1' },
    });
  });

  it('lets the village officer see the report 待核实 and confirm it', async () => {
    const page = await loggedInPhone(browser, api, 'demo-staff-village-1');
    await openRecordToVerify(page);
    const badge = page.getByTestId('circ-vocationalStudent-badge');
    await expect.poll(() => badge.textContent(), WAIT).toBe('待核实');
    expect(await page.getByTestId('circ-vocationalStudent-source').textContent()).toBe('本人申报，待核实');
    expect(await page.getByTestId('circ-insured-value').textContent()).toBe('没有登记');
    await onPhones(page, 'circumstances-5-staff-waiting', 'the officer’s list with a report waiting', 'circ-vocationalStudent');

    await page.getByTestId('circ-vocationalStudent-confirm').click();
    await expect.poll(() => page.getByTestId('circumstances-notice').textContent(), WAIT).toContain('已核实：孩子上职业院校');
    expect(await page.getByTestId('circ-vocationalStudent-source').textContent()).toMatch(/^村信息员 \d{4}-\d{2}-\d{2} 登记$/);
    expect(await badge.textContent()).toBe('已登记');
    await onPhones(page, 'circumstances-6-staff-confirmed', 'the officer’s list after 核实', 'circumstances-notice');
    const stored = (await api.ctx.workers.getItem(worker.workerId, true))!.circumstances?.vocationalStudent;
    expect(stored?.stamp).toMatchObject({ source: 'staff', recordedBy: 'demo-staff-village-1', recordedByLevel: 'village' });

    // 参加社会保险: the officer's form; someone else changes the record before it is saved.
    await page.getByTestId('circ-insured-edit').click();
    await page.getByTestId('circ-form').waitFor(WAIT);
    expect(await page.getByTestId('worker-name').textContent()).toBe(worker.name);
    await page.getByTestId('circ-field-from').click();
    await pickerOk(page);
    await expect.poll(() => page.getByTestId('circ-field-from').textContent(), WAIT).toContain('（点这里改）');
    await page.getByTestId('circ-field-ongoing-no').click();
    await page.getByTestId('circ-field-until').waitFor(WAIT);
    await onPhones(page, 'circumstances-7-staff-form', 'the officer’s 参保 form');
    await page.getByTestId('circ-field-ongoing-yes').click();

    const version = (await api.ctx.workers.getItem(worker.workerId, true))!.version;
    const meanwhile = await api.call('PUT', `/api/v1/registry/workers/${worker.workerId}/circumstances`, {
      token: await api.loginAs('demo-staff-township-1'),
      body: { kind: 'minimumLiving', version, value: { from: '2026-01' } },
    });
    expect(meanwhile.status, JSON.stringify(meanwhile.body)).toBe(200);
    await page.getByTestId('circ-save').click();
    await expect.poll(() => page.getByTestId('circ-failure').textContent(), WAIT).toContain('刚被别人改过');
    await onPhones(page, 'circumstances-8-staff-stale', 'the officer’s form on a record changed meanwhile');

    await page.getByTestId('circ-refresh').click();
    await expect.poll(() => page.getByTestId('circ-minimumLiving-value').textContent(), WAIT).toBe('2026年1月起');
    expect(await page.getByTestId('circ-minimumLiving-source').textContent()).toMatch(/^乡镇经办人员 \d{4}-\d{2}-\d{2} 登记$/);
    expect(await page.getByTestId('circ-insured-value').textContent()).toBe('没有登记');

    // 创业担保贷款 in three short steps, the amount typed in 元.
    await page.getByTestId('circ-startupLoan-edit').click();
    await expect.poll(() => page.getByTestId('circ-step').textContent(), WAIT).toBe('第 1 步，共 3 步');
    await fill(page, 'circ-field-principalFen', '10万');
    await page.getByTestId('circ-field-partnership-no').click();
    await page.getByTestId('circ-next').click();
    await expect.poll(() => page.getByTestId('circ-field-principalFen-error').textContent(), WAIT).toContain('请只填数字');
    await onPhones(page, 'circumstances-9-staff-loan-amount', 'the officer’s loan form, step 1, with a problem');
    await fill(page, 'circ-field-principalFen', '100000');
    await page.getByTestId('circ-next').click();
    await expect.poll(() => page.getByTestId('circ-step').textContent(), WAIT).toBe('第 2 步，共 3 步');
    await page.getByTestId('circ-next').click();
    await page.getByTestId('circ-field-repaidOnSchedule-yes').click();
    await onPhones(page, 'circumstances-10-staff-loan-repaid', 'the officer’s loan form, step 3');
    await page.getByTestId('circ-save').click();
    await expect.poll(() => page.getByTestId('circumstances-notice').textContent(), WAIT).toContain('已登记：创业担保贷款');
    expect(await page.getByTestId('circ-startupLoan-value').textContent()).toMatch(
      /^贷款 100000 元，\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日，按时还款$/,
    );
    const loan = (await api.ctx.workers.getItem(worker.workerId, true))!.circumstances?.startupLoan;
    expect(loan?.value).toMatchObject({ principalFen: 10_000_000, partnership: false, repaidOnSchedule: true });
  });

  it('pays 雨露计划 on the officer’s record, and no longer offers the worker to change it', async () => {
    await workerPage.reload();
    const recorded = workerPage.getByTestId('circ-vocationalStudent-recorded');
    await recorded.waitFor(WAIT);
    expect(await recorded.textContent()).toContain('村里已经登记');
    expect(await workerPage.getByTestId('circ-vocationalStudent-edit').count()).toBe(0);
    expect(await workerPage.getByTestId('circ-vocationalStudent-source').textContent()).toMatch(/^村信息员 .* 登记$/);
    await onPhones(workerPage, 'circumstances-11-worker-recorded', 'the worker’s list after 核实', 'circ-vocationalStudent');

    await reloadInCareMode(workerPage, api, token);
    await workerPage.getByTestId('circ-vocationalStudent').scrollIntoViewIfNeeded();
    await onPhones(workerPage, 'circumstances-12-worker-care', 'the worker’s list in 关怀版', 'circ-vocationalStudent');

    await workerPage.goto(`${api.url}/#/worker/pages/subsidies/index`);
    const state = workerPage.getByTestId('subsidy-yulu_education-state');
    await expect.poll(() => state.textContent(), WAIT).toBe('可以领');
    expect(await workerPage.getByTestId('subsidy-yulu_education').textContent()).toContain('雨露计划');
    await workerPage.getByTestId('subsidy-yulu_education').scrollIntoViewIfNeeded();
    await shot(workerPage, 'circumstances-13-worker-subsidies');
  });
});
