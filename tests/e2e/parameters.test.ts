/**
 * 补贴标准 in the H5 app. The county's admin sees the one-off transport subsidy at the value its
 * demo document set (演示数据), changes it from the start of this year in two
 * steps (从哪天起 / 新标准); the change waits on the card until the county's second admin
 * confirms it, and the page then shows the new value set by 本地区; the server
 * holds it and the rules use it. Too large a number is refused under the field. An edit on a
 * stale read (someone saved after the page loaded) is refused with 刚被别人改过 and changes
 * nothing. A standard the documents fix has no edit control and says why; county staff
 * (not admin) see the standards but cannot edit any. Under 政策文件 staff see only the documents
 * that govern them, with their status; 于都县's admin records the document that sets the standard
 * it still owes, in three short steps, and it is owed no more.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@bangfu/shared';
import type { TestApi } from '../support/api.js';
import { expectAccessible, fill, shot, WAIT } from '../support/browser.js';
import { closeAll, openFromHome, reloadInCareMode, startDemoH5 } from '../support/journeys.js';

let api: TestApi;
let browser: Browser;
let admin: string;
let secondAdmin: string;

const REGION = '150222'; // 固阳县, the demo admin's county
const TODAY = chinaDate(new Date());
const YEAR = TODAY.slice(0, 4);
const TODAY_TEXT = `${YEAR}年${Number(TODAY.slice(5, 7))}月${Number(TODAY.slice(8, 10))}日`;

type View = { key: string; today: Record<string, unknown>; own?: { version: number; steps: unknown[] } };
async function standard(key: string): Promise<View> {
  const { status, body } = await api.call('GET', `/api/v1/regions/${REGION}/parameters`, { token: admin });
  expect(status).toBe(200);
  return (body.parameters as View[]).find((p) => p.key === key)!;
}

async function openStandards(userId: string): Promise<Page> {
  const page = await openFromHome(browser, api, userId, 'parameters');
  await page.getByTestId('parameter-transportOnceFen').waitFor(WAIT);
  return page;
}

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  [admin, secondAdmin] = await Promise.all([api.loginAs('demo-admin'), api.loginAs('demo-admin-2')]);
});
afterAll(() => closeAll(browser, api));

describe('补贴标准 in Chromium', () => {
  it('lets the admin change a demo standard from a date; the page and the server then hold the region’s own', async () => {
    const before = await standard('transportOnceFen');
    expect(before.today).toMatchObject({ status: 'value', setIn: REGION, example: true });
    const page = await openStandards('demo-admin');
    const card = page.getByTestId('parameter-transportOnceFen');
    await expect.poll(() => page.getByTestId('parameter-transportOnceFen-where').textContent(), WAIT).toBe('本地区设定');
    expect(await page.getByTestId('parameter-transportOnceFen-value').textContent()).toBe('500 元');
    expect(await page.getByTestId('parameter-transportOnceFen-example').textContent()).toBe('演示数据');
    expect(await card.textContent()).toContain('依据：');
    await shot(page, 'parameters-1-list');

    await page.getByTestId('parameter-transportOnceFen-edit').click();
    await page.getByTestId('parameter-form').waitFor(WAIT);
    // Step 1 asks for the day first: 下一步 without one says so.
    await page.getByTestId('parameter-next').click();
    await expect.poll(() => page.getByTestId('parameter-from-error').textContent(), WAIT).toContain('从哪天起');
    // 选别的日期 opens the date picker (WeChat's own on the phone); 确定 takes today.
    await page.getByTestId('parameter-from-other').click();
    await page.locator('.weui-picker').waitFor(WAIT);
    await shot(page, 'parameters-2-picker');
    await page.locator('.weui-picker__action', { hasText: '确定' }).click();
    await expect.poll(() => page.getByTestId('parameter-from-other').textContent(), WAIT).toContain(`别的日期：${TODAY_TEXT}`);
    expect(await page.getByTestId('parameter-from-other').getAttribute('aria-checked')).toBe('true');
    await page.getByTestId(`parameter-from-${YEAR}-01-01`).click();
    expect(await page.getByTestId('parameter-from-other').getAttribute('aria-checked')).toBe('false');
    await shot(page, 'parameters-3-from');
    await page.getByTestId('parameter-next').click();

    // Step 2: too large a number is refused by the server, said under the field; nothing saved.
    await fill(page, 'parameter-value', '2000000');
    await page.getByTestId('parameter-save').click();
    await expect.poll(() => page.getByTestId('parameter-value-error').textContent(), WAIT).toBe('这个数太大了，请核对');
    expect((await standard('transportOnceFen')).own).toMatchObject({ version: 1, steps: [{ value: 50_000 }] });
    await shot(page, 'parameters-4-too-big');

    await fill(page, 'parameter-value', '666');
    await page.getByTestId('parameter-save').click();
    await expect.poll(() => page.getByTestId('parameters-done').textContent(), WAIT).toContain(`${YEAR}年1月1日起是 666 元`);
    expect(await page.getByTestId('parameters-done').textContent()).toContain('要另一位管理员确认以后才生效');
    // Not in force yet: the card shows the change waiting, and offers its proposer no 确认.
    const proposal = page.getByTestId('parameter-transportOnceFen-proposal');
    await expect.poll(() => proposal.textContent(), WAIT).toContain(`${YEAR}年1月1日起：666 元`);
    expect(await proposal.textContent()).toContain('您');
    expect(await page.getByTestId('parameter-transportOnceFen-value').textContent()).toBe('500 元');
    expect(await page.getByTestId('parameter-transportOnceFen-confirm').count()).toBe(0);
    await page.close();

    // The second admin, having checked it against the document, confirms the one they see.
    const second = await openStandards('demo-admin-2');
    const confirm = second.getByTestId('parameter-transportOnceFen-confirm');
    await confirm.waitFor(WAIT);
    expect(await second.getByTestId('parameter-transportOnceFen-proposal').textContent()).toContain('管理员 demo-admin');
    for (const size of [
      { width: 320, height: 568 },
      { width: 375, height: 667 },
    ]) {
      await second.setViewportSize(size);
      await confirm.scrollIntoViewIfNeeded();
      await shot(second, `parameters-5-to-confirm-${size.width}x${size.height}`);
      await expectAccessible(second, `a change of a standard to confirm at ${size.width}×${size.height}`);
    }
    await confirm.click();
    await expect.poll(() => second.getByTestId('parameters-done').textContent(), WAIT).toContain('新标准生效了');
    await expect.poll(() => second.getByTestId('parameter-transportOnceFen-value').textContent(), WAIT).toBe('666 元');
    expect(await second.getByTestId('parameter-transportOnceFen-where').textContent()).toBe('本地区设定');
    expect(await second.getByTestId('parameter-transportOnceFen-example').count()).toBe(0);
    expect(await second.getByTestId('parameter-transportOnceFen-proposal').count()).toBe(0);
    await shot(second, 'parameters-5-saved');

    const after = await standard('transportOnceFen');
    expect(after.today).toMatchObject({ status: 'value', value: 66_600, setIn: REGION, example: false });
    // The demo document's step stays, citing it; the admin's own follows.
    expect(after.own).toMatchObject({
      version: 2,
      steps: [
        { from: '2021-01-01', value: 50_000, example: true, document: { section: '补贴标准' } },
        { from: `${YEAR}-01-01`, value: 66_600 },
      ],
    });
  });

  it('refuses an edit on a stale read and changes nothing', async () => {
    const page = await openStandards('demo-admin');
    await page.getByTestId('parameter-yuluPerSemesterFen-edit').click();
    await page.getByTestId(`parameter-from-${YEAR}-01-01`).click();
    await page.getByTestId('parameter-next').click();
    await fill(page, 'parameter-value', '1200');

    // Someone else changes this standard after the page read it (proposed, and confirmed by the other admin).
    const other = await api.call('PUT', `/api/v1/regions/${REGION}/parameters/yuluPerSemesterFen`, {
      token: admin,
      body: { version: 1, steps: [{ from: `${YEAR}-03-01`, value: 88_800 }] },
    });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    const confirmed = await api.call('POST', `/api/v1/regions/${REGION}/parameters/yuluPerSemesterFen/confirm`, {
      token: secondAdmin,
      body: { proposedAt: other.body.proposal.proposedAt },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);

    await page.getByTestId('parameter-save').click();
    await expect.poll(() => page.getByTestId('parameter-error').textContent(), WAIT).toContain('刚被别人改过');
    expect(await page.getByTestId('parameter-save').count()).toBe(0);
    await shot(page, 'parameters-6-stale');
    const held = await standard('yuluPerSemesterFen');
    expect(held.own).toMatchObject({ version: 2, steps: [{ from: `${YEAR}-03-01`, value: 88_800 }] });
    expect(held.today).toMatchObject({ value: 88_800, setIn: REGION });

    // 刷新 shows what the other person saved.
    await page.getByTestId('parameter-refresh').click();
    await expect.poll(() => page.getByTestId('parameter-yuluPerSemesterFen-value').textContent(), WAIT).toBe('888 元');
    expect(await page.getByTestId('parameter-yuluPerSemesterFen-where').textContent()).toBe('本地区设定');
  });

  it('offers no edit for a standard the documents fix', async () => {
    const page = await openStandards('demo-admin');
    await page.getByTestId('parameters-tab-fixed').click();
    const fixed = page.getByTestId('parameter-agencyTransferAcrossProvinceFen');
    await fixed.waitFor(WAIT);
    expect(await page.getByTestId('parameter-agencyTransferAcrossProvinceFen-value').textContent()).toBe('800 元');
    expect(await page.getByTestId('parameter-agencyTransferAcrossProvinceFen-fixed').textContent()).toContain(
      '按文件规定，本地不能修改',
    );
    expect(await page.getByTestId('parameter-agencyTransferAcrossProvinceFen-edit').count()).toBe(0);
    expect(await page.locator('[data-testid^="parameter-"][data-testid$="-edit"]').count()).toBe(0);
    await shot(page, 'parameters-7-fixed');
  });

  it('shows county staff the standards without any edit control', async () => {
    const page = await openStandards('demo-staff-county');
    expect(await page.getByTestId('parameters-readonly').textContent()).toContain('只能查看');
    expect(await page.getByTestId('parameter-transportOnceFen-value').textContent()).toBe('666 元');
    expect(await page.locator('[data-testid^="parameter-"][data-testid$="-edit"]').count()).toBe(0);
    await shot(page, 'parameters-8-staff');
    // 关怀版: the same page one step bigger.
    const token = await api.loginAs('demo-staff-county');
    await reloadInCareMode(page, api, token);
    await page.getByTestId('parameter-transportOnceFen').waitFor(WAIT);
    await shot(page, 'parameters-9-care');

    // And the server refuses staff an edit all the same.
    const refused = await api.call('PUT', `/api/v1/regions/${REGION}/parameters/transportOnceFen`, {
      token,
      body: { version: 2, steps: [{ from: `${YEAR}-01-01`, value: 1 }] },
    });
    expect(refused.status).toBe(403);
    expect((await standard('transportOnceFen')).today).toMatchObject({ value: 66_600 });
  });

  it('shows staff only the documents that govern them, and lets 于都县’s admin record the standard it owes', async () => {
    const guyang = await openStandards('demo-staff-county');
    await guyang.getByTestId('parameters-tab-policies').click();
    await guyang.getByTestId('policy-000').waitFor(WAIT);
    expect(await guyang.getByTestId('policy-000-status').textContent()).toBe('执行中');
    expect(await guyang.getByTestId('policy-002-status').textContent()).toBe('已到期');
    expect(await guyang.getByTestId('policy-003').count()).toBe(0); // Jiangxi's: nothing here
    expect(await guyang.getByTestId('policy-ld-demo-1502-continued-demo').textContent()).toContain('演示数据');
    expect(await guyang.getByTestId('policies-none-owed').count()).toBe(1);
    expect(await guyang.getByTestId('policies-record').count()).toBe(0); // staff look only
    await shot(guyang, 'parameters-10-policies');
    await expectAccessible(guyang, '政策文件');

    const page = await openFromHome(browser, api, 'demo-admin-jx', 'parameters');
    await page.getByTestId('parameters-tab-policies').waitFor(WAIT);
    await page.getByTestId('parameters-tab-policies').click();
    await page.getByTestId('owed-yuluPerSemesterFen').waitFor(WAIT);
    expect(await page.getByTestId('policies-owed').textContent()).toContain('还有 1 项标准');
    await shot(page, 'parameters-11-owed');
    await page.getByTestId('policies-record').click();
    await page.getByTestId('record-form').waitFor(WAIT);
    await page.getByTestId('record-next-1').click();
    await expect.poll(() => page.getByTestId('record-title-error').textContent(), WAIT).toContain('文件标题');
    await fill(page, 'record-title', '关于公布雨露计划助学补助标准的通知');
    await fill(page, 'record-issuer', '于都县乡村振兴局');
    await page.getByTestId('record-next-1').click();
    await page.getByTestId('record-next-2').click();
    await fill(page, 'record-set-yuluPerSemesterFen', '1200');
    await shot(page, 'parameters-12-record');
    await expectAccessible(page, '记录本地的文件');
    await page.getByTestId('record-save').click();
    await expect
      .poll(() => page.getByTestId('parameters-done').textContent(), WAIT)
      .toContain('要定 1 项标准。另一位管理员对照原件确认以后才生效');
    // One admin's word sets nothing: still owed, and the document waits for the other admin.
    const waiting = page.locator('[data-testid^="waiting-ld-"]').first();
    await waiting.waitFor(WAIT);
    expect(await waiting.textContent()).toContain('另一位管理员确认以后才生效');
    expect(await page.locator('[data-testid^="waiting-"][data-testid$="-confirm"]').count()).toBe(0);
    expect(await page.getByTestId('policies-owed').count()).toBe(1);
    await waiting.scrollIntoViewIfNeeded();
    await shot(page, 'parameters-13-waiting');

    const second = await openFromHome(browser, api, 'demo-admin-jx-2', 'parameters');
    await second.getByTestId('parameters-tab-policies').waitFor(WAIT);
    await second.getByTestId('parameters-tab-policies').click();
    const confirmButton = second.locator('[data-testid^="waiting-"][data-testid$="-confirm"]');
    await confirmButton.waitFor(WAIT);
    await shot(second, 'parameters-14-confirm');
    await expectAccessible(second, '确认本地的文件');
    await confirmButton.click();
    await expect.poll(() => second.getByTestId('parameters-done').textContent(), WAIT).toContain('生效了');
    await second.getByTestId('policies-none-owed').waitFor(WAIT);
    const yuduAdmin = await api.loginAs('demo-staff-county-jx');
    const { body } = await api.call('GET', '/api/v1/regions/360731/parameters', { token: yuduAdmin });
    const yulu = (body.parameters as View[]).find((p) => p.key === 'yuluPerSemesterFen')!;
    expect(yulu.today).toMatchObject({ status: 'value', value: 120_000, setIn: '360731', example: false });
  });
});
