/**
 * 我的奖补 in the H5 app. A recognised 帮扶车间 (demo-employer-1) whose township recorded 12
 * 帮扶对象 sees 帮扶车间奖补 as 可以领 with its amount, reasons and document, claims it with
 * one tap, and sees the claim's progress on the same timeline a worker reads; the server
 * holds exactly one claim for it. After the township approves and the county refuses with a
 * reason, the timeline reads 提交申领 → 苏木乡镇审核通过 → 未通过 with that reason. An agency
 * (demo-employer-6) with no transfers this year sees 就业创业服务补助 as 现在不符合, and why.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatYuan, type Claim, type Employer } from '@bangfu/shared';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/src/db/tableSchema.js';
import type { TestApi } from '../support/api.js';
import { shot, WAIT } from '../support/browser.js';
import { closeAll, openFromHome, startDemoH5 } from '../support/journeys.js';
import { demoWorkshop } from '../support/positions.js';

const REASON = '帮扶对象名单与台账不一致，请核对后重新申报';

let api: TestApi;
let browser: Browser;
let workshop: Employer;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  const { employer } = await demoWorkshop(api);
  const township = await api.loginAs('demo-staff-township-1');
  const set = await api.call('PUT', `/api/v1/employers/${employer.employerId}/workshop`, {
    token: township,
    body: { version: employer.version, recognition: 'recognised', decidedOn: '2026-01-10', assistedEmployees: 12 },
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  workshop = set.body.employer as Employer;

  // The agency is not among the seeded demo logins: list it on the dev-login page, as the seed lists the others.
  const agency = (await api.ctx.users.get('demo-employer-6'))!;
  await api.ctx.table.db.send(
    new PutCommand({
      TableName: api.tableName,
      Item: {
        ...keys.demoLogin(99, agency.userId),
        type: 'demoLogin',
        userId: agency.userId,
        role: agency.role,
        displayName: agency.displayName,
        description: `劳务经纪机构 · ${agency.regionName ?? ''}（演示数据）`,
      },
    }),
  );
});
afterAll(() => closeAll(browser, api));

describe('我的奖补 in Chromium', () => {
  it('lets a 帮扶车间 claim its reward with one tap and follow the claim', async () => {
    const page = await openFromHome(browser, api, 'demo-employer-1', 'employer-subsidies');
    const state = page.getByTestId('subsidy-workshop_reward-state');
    await expect.poll(() => state.textContent(), WAIT).toBe('可以领');
    const card = (await page.getByTestId('subsidy-workshop_reward').textContent()) ?? '';
    expect(card).toContain(formatYuan(2_000_000));
    expect(card).toContain('依据：');
    expect(await page.getByTestId('employer-subsidies-summary').textContent()).toContain('可以申领 1 项');
    expect(await page.getByTestId('employer-claims-empty').textContent()).toContain('还没有申领');
    await shot(page, 'employer-subsidies-1-due');

    await page.getByTestId('employer-subsidies-claim').click();
    await expect.poll(() => page.getByTestId('employer-subsidies-notice').textContent(), WAIT).toContain('已申领 1 项');
    // Claimed: no longer offered, and followed under 申领进度 instead.
    await expect
      .poll(() => page.getByTestId('employer-subsidies-summary').textContent(), WAIT)
      .toContain('现在没有可以申领的奖补');
    expect(await page.getByTestId('employer-subsidies-claim').count()).toBe(0);
    expect(await page.getByTestId('subsidy-workshop_reward').count()).toBe(0);

    const claims = await api.ctx.claims.ofEmployer(workshop.employerId);
    expect(claims).toHaveLength(1);
    const [claim] = claims as [Claim];
    expect(claim).toMatchObject({
      subsidy: 'workshop_reward',
      status: 'submitted',
      amountFen: 2_000_000,
      source: 'employer',
      beneficiary: { kind: 'employer', employerId: workshop.employerId },
    });
    const timeline = page.getByTestId(`claim-${claim.claimId}`);
    await timeline.waitFor(WAIT);
    expect(await page.getByTestId(`claim-${claim.claimId}-status`).textContent()).toBe('审核中');
    expect(await page.getByTestId(`claim-${claim.claimId}-step-0`).textContent()).toContain('提交申领单位自己申领的');
    expect(await page.getByTestId(`claim-${claim.claimId}-next`).textContent()).toContain('等待工作人员审核');
    await timeline.scrollIntoViewIfNeeded();
    await shot(page, 'employer-subsidies-2-claimed');

    // The township approves; the county, asked for the second approval, refuses with a reason.
    const [township, county] = await Promise.all([api.loginAs('demo-staff-township-1'), api.loginAs('demo-staff-county')]);
    const first = await api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, {
      token: township,
      body: { version: claim.version, decision: 'approve' },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const refused = await api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, {
      token: county,
      body: { version: first.body.claim.version, decision: 'reject', reason: REASON },
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);

    await page.reload();
    await page.getByTestId(`claim-${claim.claimId}`).waitFor(WAIT);
    expect(await page.getByTestId(`claim-${claim.claimId}-status`).textContent()).toBe('未通过');
    const steps = await page.getByTestId(`claim-${claim.claimId}`).locator('[data-testid*="-step-"]').allTextContents();
    expect(steps.map((s) => s.replace(/^\d+月\d+日/, ''))).toEqual([
      '提交申领单位自己申领的',
      '苏木乡镇审核通过',
      `未通过原因：${REASON}`,
    ]);
    expect(await page.getByTestId(`claim-${claim.claimId}-next`).count()).toBe(0);
    await page.getByTestId(`claim-${claim.claimId}-why-toggle`).click();
    const why = (await page.getByTestId(`claim-${claim.claimId}-why`).textContent()) ?? '';
    expect(why).toContain(claim.trace.find((t) => t.kind === 'rule')!.text);
    expect(why).toContain('系统里单位的情况');
    await page.getByTestId(`claim-${claim.claimId}`).scrollIntoViewIfNeeded();
    await shot(page, 'employer-subsidies-3-refused');
  });

  it('tells an agency with no transfers this year why it gets nothing yet', async () => {
    const page = await openFromHome(browser, api, 'demo-employer-6', 'employer-subsidies'); // 怀朔镇劳务经纪服务站
    await expect
      .poll(() => page.getByTestId('employer-subsidies-summary').textContent(), WAIT)
      .toContain('现在没有可以申领的奖补');
    expect(await page.getByTestId('employer-subsidies-claim').count()).toBe(0);
    await page.getByTestId('employer-subsidies-others').click();
    const card = page.getByTestId('subsidy-agency_transfer_service');
    await card.waitFor(WAIT);
    expect(await page.getByTestId('subsidy-agency_transfer_service-state').textContent()).toBe('现在不符合');
    expect(await card.textContent()).toContain('本年度没有组织转移就业的人员');
    await shot(page, 'employer-subsidies-4-agency');
  });
});
