/**
 * 收款账户 on 我的奖补 in the H5 app. A 帮扶车间 (demo-employer-1) with no corporate account
 * is told plainly that its subsidies cannot be paid without one. A malformed number gets
 * the server's message under the 对公账号 field and nothing is stored; a good one is saved,
 * and from then on the page shows the bank and only the masked number — also after a
 * reload, read back from the server — never the full number.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Employer } from '@bangfu/shared';
import type { TestApi } from '../support/api.js';
import { expectAccessible, fill, shot, WAIT } from '../support/browser.js';
import { closeAll, openFromHome, reloadInCareMode, startDemoH5 } from '../support/journeys.js';
import { demoWorkshop } from '../support/positions.js';

const BANK = '中国农业银行固阳县支行';
const NUMBER = '05370101040012345';

let api: TestApi;
let browser: Browser;
let employer: Employer;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  ({ employer } = await demoWorkshop(api));
});
afterAll(() => closeAll(browser, api));

describe('收款账户 in Chromium', () => {
  it('lets an employer record its corporate account and then shows only the bank and the masked number', async () => {
    const owner = { kind: 'employer', employerId: employer.employerId } as const;
    const page = await openFromHome(browser, api, 'demo-employer-1', 'employer-subsidies');
    const missing = page.getByTestId('account-missing');
    await expect.poll(() => missing.textContent(), WAIT).toContain('还没有登记对公账户');
    await missing.scrollIntoViewIfNeeded();
    await shot(page, 'employer-account-1-missing');

    // A number with a dash: the server's message under the field, and nothing stored.
    await page.getByTestId('account-start').click();
    await fill(page, 'account-bank', BANK);
    await fill(page, 'account-number', '0537-0101-0400');
    await page.getByTestId('account-save').click();
    await expect.poll(() => page.getByTestId('account-number-error').textContent(), WAIT).toBe('对公账号应为 8 到 30 位数字');
    expect(await page.getByTestId('account-bank-error').count()).toBe(0);
    expect(await api.ctx.payments.account(owner)).toBeUndefined();
    await page.getByTestId('account-number-error').scrollIntoViewIfNeeded();
    await shot(page, 'employer-account-2-bad-number');

    // Copied with spaces, as people do: the digits are saved.
    await fill(page, 'account-number', '0537 0101 0400 12345');
    await page.getByTestId('account-save').click();
    const shownNumber = page.getByTestId('account-shown-number');
    await expect.poll(() => shownNumber.textContent(), WAIT).toBe('*************2345');
    expect(await page.getByTestId('account-shown-bank').textContent()).toBe(BANK);
    expect(await page.getByTestId('account-saved').textContent()).toContain('已保存');
    expect(await page.getByTestId('account-missing').count()).toBe(0);
    expect(await api.ctx.payments.account(owner)).toEqual({ kind: 'corporateAccount', bankName: BANK, number: NUMBER });
    expect(await page.content()).not.toContain(NUMBER);
    await page.getByTestId('account-shown').scrollIntoViewIfNeeded();
    await shot(page, 'employer-account-3-saved');

    // Read back from the server after a reload (in 关怀版, one step bigger): still only the masked number.
    await reloadInCareMode(page, api, await api.loginAs('demo-employer-1'));
    await expect.poll(() => page.getByTestId('account-shown-number').textContent(), WAIT).toBe('*************2345');
    expect(await page.getByTestId('account-shown-bank').textContent()).toBe(BANK);
    expect(await page.getByTestId('account-start').textContent()).toContain('更换收款账户');
    expect(await page.content()).not.toContain(NUMBER);
    await page.getByTestId('account-shown').scrollIntoViewIfNeeded();
    await shot(page, 'employer-account-4-care');
    await page.getByTestId('account-start').click();
    await fill(page, 'account-number', '123');
    await page.getByTestId('account-save').click();
    await page.getByTestId('account-number-error').waitFor(WAIT);
    expect(await api.ctx.payments.account(owner)).toMatchObject({ number: NUMBER }); // the saved one stays
    await page.getByTestId('account-form').scrollIntoViewIfNeeded();
    await shot(page, 'employer-account-5-care-form');
  });

  it('says so on the account when the bank sent a payment back (银行退回)', async () => {
    // The workshop's reward, recognised, claimed, approved twice, paid to the account, and returned by the bank.
    const [token, township, county, finance] = await Promise.all(
      ['demo-employer-1', 'demo-staff-township-1', 'demo-staff-county', 'demo-staff-county-finance'].map((id) => api.loginAs(id)),
    );
    const profile = (await api.call('GET', '/api/v1/me/employer', { token })).body.employer as Employer;
    await api.call('PUT', `/api/v1/employers/${employer.employerId}/workshop`, {
      token: township,
      body: { version: profile.version, recognition: 'recognised', decidedOn: '2026-01-10', assistedEmployees: 12 },
    });
    const claimed = await api.call('POST', '/api/v1/me/employer/subsidies/claims', {
      token,
      body: { idempotencyKey: crypto.randomUUID(), subsidies: ['workshop_reward'] },
    });
    let claim = claimed.body.claims[0] as { claimId: string; version: number; status: string };
    for (const approver of [township, county]) {
      claim = (
        await api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, {
          token: approver,
          body: { version: claim.version, decision: 'approve' },
        })
      ).body.claim;
    }
    expect(claim.status).toBe('approved');
    const paid = await api.call('POST', '/api/v1/claims/payments', {
      token: finance,
      body: { regionCode: employer.regionCode, idempotencyKey: crypto.randomUUID() },
    });
    expect(paid.body.batch.claimIds).toContain(claim.claimId);
    const returned = await api.call('POST', `/api/v1/claims/payments/${paid.body.batch.batchId}/returns`, {
      token: finance,
      body: { claimId: claim.claimId, reason: 'nameMismatch', bankReference: 'TP20261207-0002' },
    });
    expect(returned.status).toBe(200);

    const page = await openFromHome(browser, api, 'demo-employer-1', 'employer-subsidies');
    const notice = page.getByTestId('account-returned');
    await expect.poll(() => notice.textContent(), WAIT).toContain('退回了发到这个账户的钱：户名和账户不符');
    await notice.scrollIntoViewIfNeeded();
    await shot(page, 'employer-account-6-returned');
    await expectAccessible(page, '收款账户：银行退回');
  });
});
