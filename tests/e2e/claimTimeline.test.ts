/**
 * 申领进度 in the H5 app: a bound demo worker working in another province this month claims
 * everything due; the township officer refuses the transport subsidy with a reason. A larger
 * claim of theirs went through the township, then the county's second approval, and was
 * paid. 我的补贴 shows the refused card as claimed, with the way to have the records corrected (the
 * same records would be refused again). From it the worker opens the transport card's progress: that claim comes first,
 * says 未通过 with the officer's reason, and 为什么是这个金额 shows the rules' reasons and the
 * standard used. The paid claim's timeline reads 提交申领 → 苏木乡镇审核通过 → 旗县复核通过 →
 * 已发放, in that order, each with its day.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, formatYuan, type Claim } from '@bangfu/shared';
import type { TestApi } from '../support/api.js';
import { expectAccessible, shot, WAIT } from '../support/browser.js';
import {
  claimTransportWithTheRest,
  closeAll,
  openFromHome,
  reloadInCareMode,
  startDemoH5,
  workerWithTransportDue,
} from '../support/journeys.js';

const REASON = '务工证明上的日期对不上，请到村里补交';
const DAY = 86_400_000;

let api: TestApi;
let browser: Browser;
let transport: Claim;
let paid: Claim;
/** When each step of the paid claim happened. */
const when = {
  submitted: new Date(Date.now() - 9 * DAY),
  first: new Date(Date.now() - 7 * DAY),
  second: new Date(Date.now() - 5 * DAY),
  paid: new Date(Date.now() - 2 * DAY),
};

/** "11月22日", as the page says a day of this year. */
function dayOf(at: Date): string {
  const [, m, d] = chinaDate(at).split('-');
  return `${Number(m)}月${Number(d)}日`;
}

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  const { token } = await workerWithTransportDue(api);
  transport = await claimTransportWithTheRest(api, token);

  // The township officer refuses it, with a reason the worker reads.
  const township = await api.loginAs('demo-staff-township-1');
  const refused = await api.call('POST', `/api/v1/claims/${transport.claimId}/decision`, {
    token: township,
    body: { version: transport.version, decision: 'reject', reason: REASON },
  });
  expect(refused.status, JSON.stringify(refused.body)).toBe(200);

  // A larger claim of theirs: the township's approval, the county's second one, then paid.
  const { claim } = await api.ctx.claims.create(
    {
      subsidy: 'skill_certificate',
      name: '职业技能鉴定补贴',
      item: '中式面点师（五级）',
      periodKey: '2026:demo-certificate',
      period: transport.period,
      beneficiary: transport.beneficiary,
      regionCode: transport.regionCode,
      amountFen: 250_000,
      trace: [
        { kind: 'fact', text: '2026 年 9 月取得中式面点师（五级）证书' },
        { kind: 'parameter', text: '职业技能鉴定补贴标准：2500 元' },
        { kind: 'rule', text: '取得职业资格证书的脱贫人口，按标准补贴一次' },
      ],
      reference: { document: '演示文件', section: '一、(二)' },
      source: 'staff',
      needsSecondApproval: true,
      createdBy: 'demo-staff-village-1',
    },
    when.submitted,
  );
  const first = await api.ctx.claims.transition(
    claim,
    claim.version,
    { to: 'firstApproved', by: 'demo-staff-township-1', approval: { by: 'demo-staff-township-1', level: 'township' } },
    when.first,
  );
  const second = await api.ctx.claims.transition(
    first,
    first.version,
    { to: 'approved', by: 'demo-staff-county', approval: { by: 'demo-staff-county', level: 'county' } },
    when.second,
  );
  paid = await api.ctx.claims.transition(second, second.version, { to: 'paid', by: 'demo-staff-county' }, when.paid);
});
afterAll(() => closeAll(browser, api));

describe('申领进度 in Chromium', () => {
  it('shows the refusal with its reason, and why the amount, from the subsidy card', async () => {
    const page = await openFromHome(browser, api, 'demo-worker-1', 'subsidies');
    await expect.poll(() => page.getByTestId('subsidy-transport_once-claim').textContent(), WAIT).toContain('审核没有通过');
    // Refused on records that have not changed since: the way to change them, not a second claim.
    expect(await page.getByTestId('subsidy-transport_once-state').textContent()).toBe('已申领');
    expect(await page.getByTestId('subsidy-transport_once-rejected').textContent()).toContain(
      '记录不对的，请找村里的信息员更正，更正以后可以重新申领',
    );
    for (const size of [
      { width: 320, height: 568 },
      { width: 375, height: 667 },
    ]) {
      await page.setViewportSize(size);
      await page.getByTestId('subsidy-transport_once-rejected').scrollIntoViewIfNeeded();
      await shot(page, `claim-timeline-0-refused-card-${size.width}x${size.height}`);
      await expectAccessible(page, `我的补贴 with a refused claim at ${size.width}×${size.height}`);
    }
    await page.getByTestId('subsidy-transport_once-progress').click();

    const card = page.getByTestId(`claim-${transport.claimId}`);
    await card.waitFor(WAIT);
    // The one tapped comes first.
    const first = page.locator('.bf-claim-tl').first();
    expect(await first.getAttribute('data-testid')).toBe(`claim-${transport.claimId}`);
    expect(await page.getByTestId(`claim-${transport.claimId}-status`).textContent()).toBe('未通过');
    expect(await page.getByTestId(`claim-${transport.claimId}-amount`).textContent()).toBe(formatYuan(transport.amountFen));
    expect(await page.getByTestId(`claim-${transport.claimId}-step-0`).textContent()).toContain('提交申领');
    expect(await page.getByTestId(`claim-${transport.claimId}-step-1`).textContent()).toContain('未通过');
    expect(await page.getByTestId(`claim-${transport.claimId}-refusal`).textContent()).toBe(`原因：${REASON}`);
    expect(await page.getByTestId(`claim-${transport.claimId}-next`).count()).toBe(0);

    // Opened from its card: 为什么是这个金额 is open, with the rules' reasons and the standard used.
    const why = page.getByTestId(`claim-${transport.claimId}-why`);
    await why.waitFor(WAIT);
    const whyText = (await why.textContent()) ?? '';
    const rule = transport.trace.find((t) => t.kind === 'rule')!;
    const parameter = transport.trace.find((t) => t.kind === 'parameter')!;
    expect(rule && parameter, 'the claim keeps its reasons').toBeTruthy();
    expect(whyText).toContain(rule.text);
    expect(whyText).toContain(parameter.text);
    expect(whyText).toContain(`依据：${transport.reference.document}`);
    await shot(page, 'claim-timeline-1-refused');

    // Folded, then open again.
    await page.getByTestId(`claim-${transport.claimId}-why-toggle`).click();
    await why.waitFor({ state: 'detached', ...WAIT });
    await page.getByTestId(`claim-${transport.claimId}-why-toggle`).click();
    await why.waitFor(WAIT);
  });

  it('shows a paid claim’s steps in order, each with its day', async () => {
    const page = await openFromHome(browser, api, 'demo-worker-1', 'subsidies');
    await page.getByTestId('subsidies-my-claims').click();
    const card = page.getByTestId(`claim-${paid.claimId}`);
    await card.waitFor(WAIT);
    expect(await page.getByTestId('my-claims-summary').textContent()).toContain(`已经发给您 ${formatYuan(250_000)}`);
    expect(await page.getByTestId(`claim-${paid.claimId}-status`).textContent()).toBe('已发放');

    const steps = await card.locator('[data-testid^="claim-"][data-testid*="-step-"]').allTextContents();
    expect(steps).toEqual([
      `${dayOf(when.submitted)}提交申领工作人员替您申领的`,
      `${dayOf(when.first)}苏木乡镇审核通过`,
      `${dayOf(when.second)}旗县复核通过`,
      `${dayOf(when.paid)}已发放钱打到您登记的银行卡或社保卡`,
    ]);
    expect(await page.getByTestId(`claim-${paid.claimId}-why`).count()).toBe(0);
    await page.getByTestId(`claim-${paid.claimId}-why-toggle`).click();
    const why = (await page.getByTestId(`claim-${paid.claimId}-why`).textContent()) ?? '';
    expect(why).toContain('台账里您的情况');
    expect(why).toContain('2026 年 9 月取得中式面点师（五级）证书');
    expect(why).toContain('职业技能鉴定补贴标准：2500 元');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'claim-timeline-2-paid');

    // 关怀版: the same timeline one step bigger.
    await reloadInCareMode(page, api, await api.loginAs('demo-worker-1'));
    await card.waitFor(WAIT);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'claim-timeline-3-care');
  });
});
