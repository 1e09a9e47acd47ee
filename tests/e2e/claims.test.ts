/**
 * 补贴审核 in the H5 app: a bound demo worker recorded as employed in another province this
 * month claims everything due; the township officer of their township (金山镇) opens 补贴审核,
 * sees the one-off transport subsidy claim with its amount, village, reasons and document,
 * tries 不通过 with too short a reason (refused on the page, nothing sent), then approves it;
 * the card leaves 待审核 and shows under 已通过. The server holds the claim approved by that
 * officer at township level, and the worker's 我的补贴 says 审核通过，等待发放. Then 批量通过
 * over three more claims, one of which the county decided after the page loaded: the first
 * is approved, the batch stops at the second with its name and the server's words, the
 * third is left as it was, and 重新加载 shows only it. Last, 退回重审 sends the approved claim back to
 * 待审核 with a reason, which the worker reads in 申领进度.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatYuan, type Claim } from '@bangfu/shared';
import type { TestApi } from '../support/api.js';
import { expectAccessible, fill, shot, WAIT } from '../support/browser.js';
import { employedAcrossProvince } from '../support/people.js';
import {
  claimTransportWithTheRest,
  closeAll,
  openFromHome,
  reloadInCareMode,
  setCareMode,
  startDemoH5,
  workerWithTransportDue,
} from '../support/journeys.js';

let api: TestApi;
let browser: Browser;
let workerId: string;
let claim: Claim;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  const worker = await workerWithTransportDue(api);
  workerId = worker.workerId;
  claim = await claimTransportWithTheRest(api, worker.token);
  expect(claim).toMatchObject({ status: 'submitted', needsSecondApproval: false });
});
afterAll(() => closeAll(browser, api));

describe('补贴审核 in Chromium', () => {
  it('lets the township officer see why a claim is due and approve it', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-township-1', 'reviews'); // 金山镇, the worker's township
    const card = page.getByTestId(`claim-${claim.claimId}`);
    await card.waitFor(WAIT);
    // The village name comes a moment later than the list.
    await expect.poll(() => card.textContent(), WAIT).not.toContain('村代码');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(claim.beneficiary.name);
    expect(text).toContain('一次性交通补助');
    expect(await page.getByTestId(`claim-${claim.claimId}-amount`).textContent()).toBe(formatYuan(claim.amountFen));
    // Why: the rules' reasons and the standard they used, and the document.
    const why = (await page.getByTestId(`claim-${claim.claimId}-why`).textContent()) ?? '';
    const ruleLine = claim.trace.find((t) => t.kind === 'rule');
    const parameterLine = claim.trace.find((t) => t.kind === 'parameter');
    expect(ruleLine && parameterLine, 'the claim keeps its reasons').toBeTruthy();
    expect(why).toContain(ruleLine!.text);
    expect(why).toContain(parameterLine!.text);
    expect(why).toContain(`依据：${claim.reference.document}`);
    await shot(page, 'claims-1-queue');

    // 不通过 asks a reason of at least 4 characters before sending anything.
    await page.getByTestId(`claim-${claim.claimId}-reject`).click();
    await fill(page, `claim-${claim.claimId}-reject-reason`, '不对');
    await page.getByTestId(`claim-${claim.claimId}-reject-confirm`).click();
    await expect
      .poll(() => page.getByTestId(`claim-${claim.claimId}-reject-reason-error`).textContent(), WAIT)
      .toContain('至少 4 个字');
    await shot(page, 'claims-2-reject-reason');
    await page.getByTestId(`claim-${claim.claimId}-reject-cancel`).click();
    expect((await api.ctx.claims.get(claim.claimId))?.status).toBe('submitted');

    await page.getByTestId(`claim-${claim.claimId}-approve`).click();
    await expect.poll(() => page.getByTestId('claims-done').textContent(), WAIT).toContain('已通过');
    await card.waitFor({ state: 'detached', ...WAIT });
    await shot(page, 'claims-3-approved');

    const [stored] = (await api.ctx.claims.ofWorker(workerId)).filter((c) => c.claimId === claim.claimId);
    expect(stored).toMatchObject({ status: 'approved', version: claim.version + 1 });
    expect(stored!.approvals).toEqual([expect.objectContaining({ by: 'demo-staff-township-1', level: 'township' })]);

    // Under 已通过, with who approved it.
    await page.getByTestId('claims-status-approved').click();
    await card.waitFor(WAIT);
    expect(await card.textContent()).toContain('审核通过：苏木乡镇（您）');
    await shot(page, 'claims-4-approved-tab');

    // 关怀版: the same page one step bigger.
    await reloadInCareMode(page, api, await api.loginAs('demo-staff-township-1'));
    await page.getByTestId('claims-status-approved').click();
    await card.waitFor(WAIT);
    await shot(page, 'claims-5-care');
  });

  it('shows the worker their claim approved, waiting to be paid', async () => {
    const page = await openFromHome(browser, api, 'demo-worker-1', 'subsidies');
    await expect.poll(() => page.getByTestId('subsidy-transport_once-claim').textContent(), WAIT).toContain('审核通过，等待发放');
    await shot(page, 'claims-6-worker');
  });

  it('批量通过 approves the loaded claims one by one and stops at the first refusal, naming it', async () => {
    // Four more claims of 金山镇's 脱贫 workers, each on a month in another province a registrar
    // recorded, oldest first: one that needs a second approval (as a county with a threshold under
    // its amount makes it; left out of the batch), then three; the second of those is decided by the
    // county (through the API) after the township officer's page has loaded it, so it is stale there.
    const officer = await api.loginAs('demo-staff-township-1');
    const township = claim.regionCode.slice(0, 9);
    const list = await api.call('GET', `/api/v1/registry/workers?regionCode=${township}&group=povertyAlleviated&limit=10`, {
      token: officer,
    });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const others = (list.body.workers as { workerId: string; name: string; villageCode: string }[])
      .filter((w) => w.workerId !== workerId)
      .slice(0, 4);
    expect(others).toHaveLength(4);
    const base = Date.now() - 3 * 86_400_000;
    const made: Claim[] = [];
    for (const [i, w] of others.entries()) {
      // Approval weighs a claim again on the facts (reassessment.ts): these are claims the facts bear.
      const record = (await api.ctx.workers.getItem(w.workerId, true))!;
      await api.ctx.employment.record(record, claim.period, employedAcrossProvince('北京某建筑公司'), {
        source: 'staff',
        userId: 'test-registrar',
      });
      const { claim: c } = await api.ctx.claims.create(
        {
          subsidy: claim.subsidy,
          name: claim.name,
          periodKey: claim.periodKey,
          period: claim.period,
          beneficiary: { kind: 'worker', workerId: w.workerId, name: w.name },
          regionCode: w.villageCode,
          amountFen: claim.amountFen,
          trace: claim.trace,
          reference: claim.reference,
          source: 'staff',
          needsSecondApproval: i === 0,
          createdBy: 'demo-staff-village-1',
        },
        new Date(base + i * 60_000),
      );
      made.push(c);
    }
    const [large, first, stale, last] = made as [Claim, Claim, Claim, Claim];

    // Back to the standard size (the first test turned 关怀版 on).
    await setCareMode(api, officer, false);
    const page = await openFromHome(browser, api, 'demo-staff-township-1', 'reviews');
    await page.getByTestId(`claim-${last.claimId}`).waitFor(WAIT);
    expect(await page.getByTestId(`claim-${large.claimId}-second`).textContent()).toBe('金额较大，需要上一级复核');
    expect(await page.getByTestId('claims-batch').textContent()).toContain('批量通过（3 项）');

    const county = await api.loginAs('demo-staff-county');
    const decided = await api.call('POST', `/api/v1/claims/${stale.claimId}/decision`, {
      token: county,
      body: { version: stale.version, decision: 'approve' },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    await page.getByTestId('claims-batch').click();
    await page.getByTestId('claims-batch-confirm').waitFor(WAIT);
    await shot(page, 'claims-7-batch-ask');
    await page.getByTestId('claims-batch-confirm').click();
    const progress = page.getByTestId('claims-batch-progress');
    await expect.poll(() => progress.textContent(), WAIT).toContain('在第 2 项停下了');
    const said = (await progress.textContent()) ?? '';
    expect(said).toContain('已通过 1 / 3');
    expect(said).toContain(stale.beneficiary.name);
    expect(said).toContain('已经处理过了');
    expect(said).toContain('后面 1 项还没有处理');
    // Only 重新加载 is offered: the batch would meet the stale claim again.
    expect(await page.getByTestId('claims-batch').count()).toBe(0);
    await page.getByTestId(`claim-${first.claimId}`).waitFor({ state: 'detached', ...WAIT });
    await shot(page, 'claims-8-batch-stopped');

    const status = async (c: Claim) => (await api.ctx.claims.get(c.claimId))!;
    expect(await status(first)).toMatchObject({
      status: 'approved',
      approvals: [expect.objectContaining({ by: 'demo-staff-township-1' })],
    });
    expect(await status(stale)).toMatchObject({
      status: 'approved',
      approvals: [expect.objectContaining({ by: 'demo-staff-county' })],
    });
    expect(await status(last)).toMatchObject({ status: 'submitted', version: last.version });

    // 重新加载: only the ones not yet decided are left.
    await page.getByTestId('claims-batch-reload').click();
    await expect.poll(() => page.locator('[data-testid^="claim-c_"][data-testid$="-why"]').count(), WAIT).toBe(2);
    await page.getByTestId(`claim-${last.claimId}`).waitFor(WAIT);

    // The large one: the township's approval is the first of two; it moves to 待复核.
    await page.getByTestId(`claim-${large.claimId}-approve`).click();
    await expect.poll(() => page.getByTestId('claims-done').textContent(), WAIT).toContain('一审通过，等待上一级复核');
    expect(await status(large)).toMatchObject({ status: 'firstApproved' });
    await page.getByTestId('claims-status-firstApproved').click();
    const second = page.getByTestId(`claim-${large.claimId}`);
    await second.waitFor(WAIT);
    expect(await second.textContent()).toContain('您已经一审通过了');
    expect(await page.getByTestId(`claim-${large.claimId}-approve`).count()).toBe(0);
    await shot(page, 'claims-9-second-approval');
  });

  it('退回重审 sends the approved claim back to 待审核 with a reason, which the worker reads', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-township-1', 'reviews');
    await page.getByTestId('claims-status-approved').click();
    const reopen = page.getByTestId(`claim-${claim.claimId}-reopen`);
    await reopen.waitFor(WAIT);
    await reopen.click();
    const reason = '群众反映他这个月在本地打零工，先核实';
    await fill(page, `claim-${claim.claimId}-reopen-reason`, reason);
    for (const size of PHONES) {
      await page.setViewportSize(size);
      await page.getByTestId(`claim-${claim.claimId}-reopen-confirm`).scrollIntoViewIfNeeded();
      await shot(page, `claims-10-reopen-${size.width}x${size.height}`);
      await expectAccessible(page, `退回重审 at ${size.width}×${size.height}`);
    }
    await page.getByTestId(`claim-${claim.claimId}-reopen-confirm`).click();
    await expect.poll(() => page.getByTestId('claims-done').textContent(), WAIT).toContain('已退回待审核');
    expect(await api.ctx.claims.get(claim.claimId)).toMatchObject({ status: 'submitted', approvals: [] });
    await page.close();

    const worker = await openFromHome(browser, api, 'demo-worker-1', 'subsidies');
    await worker.getByTestId('subsidies-my-claims').click();
    const card = worker.getByTestId(`claim-${claim.claimId}`);
    await card.waitFor(WAIT);
    const steps = await card.locator('[data-testid^="claim-"][data-testid*="-step-"]').allTextContents();
    expect(steps.at(-1)).toMatch(new RegExp(`退回重新审核${reason}$`));
    expect(await worker.getByTestId(`claim-${claim.claimId}-status`).textContent()).toBe('审核中');
    for (const size of PHONES) {
      await worker.setViewportSize(size);
      await card.scrollIntoViewIfNeeded();
      await shot(worker, `claims-11-worker-reopened-${size.width}x${size.height}`);
      await expectAccessible(worker, `the claim sent back, as its worker reads it, at ${size.width}×${size.height}`);
    }
  });
});

const PHONES = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
];
