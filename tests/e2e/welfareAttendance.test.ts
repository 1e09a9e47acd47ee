/**
 * 在岗领补 in Chromium, one month of a post from the hire to the money: the township takes on a
 * weak-labour 脱贫 worker, the village records the month (记考勤), the worker confirms it on their
 * phone, the claim waits in 补贴审核 with the attendance behind it — held by a flag (two posts in
 * one household) that shows its evidence until a township officer looks into it — then is
 * approved and paid, and the worker sees it paid. axe on each page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth, defaultAgreement, formatYuan, type Claim } from '@bangfu/shared';
import type { TestApi } from '../support/api.js';
import { expectAccessible, fill, shot, WAIT } from '../support/browser.js';
import { cardInForce } from '../support/claims.js';
import { bindDemoWorker, closeAll, openFromHome, startDemoH5 } from '../support/journeys.js';
import { JINSHAN_VILLAGE } from '../support/people.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
let browser: Browser;
const month = chinaMonth(new Date());
const year = Number(month.slice(0, 4));
const term = { termStartsOn: `${year}-01-01`, termEndsOn: `${year + 1}-12-31` };
/** The demo's 护林员 post, in another village of 金山镇. */
const FOREST_POST = 'wp_00000000-0000-4000-8000-000000000002';

let workerId: string;
let mateName: string;
let forestTitle: string;
let postId: string;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  const township = await api.loginAs('demo-staff-township-1');
  const village = await api.loginAs('demo-staff-village-1');
  // demo-worker-1, bound; the village records them as 脱贫, weak labour, with a card for the money.
  const { worker } = await bindDemoWorker(api);
  workerId = worker.workerId;
  const updated = await api.call('PATCH', `/api/v1/registry/workers/${workerId}`, {
    token: village,
    body: { version: worker.version, labourClass: 'weak', groups: ['povertyAlleviated'] },
  });
  expect(updated.status, JSON.stringify(updated.body)).toBe(200);
  // The card in force once a second officer (the county's, who neither approves nor pays here) confirmed it.
  const card = await cardInForce(api, workerId, '6217000012345678', village, await api.loginAs('demo-staff-county'));
  expect(card.status, JSON.stringify(card.body)).toBe(200);
  // Someone of their household already on the demo's 护林员 post, with this month confirmed.
  const record = (await api.ctx.workers.getItem(workerId, true))!;
  const mate = await boundWorker(api, 130, {
    householdId: record.householdId,
    groups: ['povertyAlleviated'],
    labourClass: 'half',
  });
  mateName = mate.name;
  const forest = (await api.call('GET', `/api/v1/welfare-posts/${FOREST_POST}`, { token: township })).body.post;
  forestTitle = forest.title;
  const mateHired = await api.call('POST', `/api/v1/welfare-posts/${FOREST_POST}/holders`, {
    token: township,
    body: { workerId: mate.workerId, ...defaultAgreement(forest, `${month}-01`, 12) },
  });
  expect(mateHired.status, JSON.stringify(mateHired.body)).toBe(201);
  const mateMonth = await api.call('PUT', `/api/v1/welfare-posts/${FOREST_POST}/attendance/${month}`, {
    token: township,
    body: { daysRequired: 10, lines: [{ workerId: mate.workerId, daysWorked: 10 }], device: 'township-phone-000001' },
  });
  expect(mateMonth.status, JSON.stringify(mateMonth.body)).toBe(200);
  // The post the township sets up for this journey (setting one up by hand is welfarePosts.test.ts).
  const created = await api.call('POST', '/api/v1/welfare-posts', {
    token: township,
    body: {
      title: '小三分子村道路保洁员',
      category: 'sanitation',
      villageCode: JINSHAN_VILLAGE,
      duties: '清扫村道两侧，清运垃圾',
      fullTime: true,
      hoursPerWeek: 40,
      fundingSource: 'ruralRevitalisationFund',
      places: 1,
      ...term,
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  postId = created.body.post.postId;
});
afterAll(() => closeAll(browser, api));

const claimOfMonth = async (): Promise<Claim> =>
  (await api.ctx.claims.ofWorker(workerId)).find((c) => c.subsidy === 'public_welfare_post' && c.periodKey === month)!;

describe('在岗领补 in Chromium', () => {
  it('takes the worker on, and the village records their month', async () => {
    const township = await openFromHome(browser, api, 'demo-staff-township-1', 'welfare-posts');
    const card = township.getByTestId(`post-${postId}`);
    await card.waitFor(WAIT);
    await card.click();
    await township.getByTestId(`candidate-take-${workerId}`).click();
    await township.getByTestId('post-taken').waitFor(WAIT);
    await township.getByTestId(`holder-${workerId}`).waitFor(WAIT);
    await township.context().close();

    const village = await openFromHome(browser, api, 'demo-staff-village-1', 'welfare-posts');
    await village.getByTestId(`post-${postId}`).click();
    await village.getByTestId('post-attendance').click();
    await village.getByTestId('attendance-sheet').waitFor(WAIT);
    // Said before saving: a month requiring fewer days is flagged for the township (应出勤天数偏少).
    expect(await village.getByTestId('attendance-sheet').textContent()).toMatch(/工作日 \d+ 天；少于 \d+ 天会请乡镇核实/);
    await fill(village, 'attendance-required', '22');
    await fill(village, `attendance-days-${workerId}`, '40');
    await village.getByTestId('attendance-save').click();
    await expect.poll(() => village.getByTestId(`attendance-days-${workerId}-error`).textContent(), WAIT).toContain('31');
    await fill(village, `attendance-days-${workerId}`, '20');
    await shot(village, 'welfare-attendance-1-record');
    await expectAccessible(village, '记考勤');
    await village.getByTestId('attendance-save').click();
    await village.getByTestId('attendance-saved').waitFor(WAIT);
    const [line] = await api.ctx.attendance.ofPost(JINSHAN_VILLAGE, postId, month);
    expect(line).toMatchObject({ workerId, daysWorked: 20, daysRequired: 22, status: 'recorded' });
    await village.context().close();
  });

  it('lets the worker confirm the month in one tap, which claims its subsidy', async () => {
    const page = await openFromHome(browser, api, 'demo-worker-1', 'welfare-post');
    const line = page.getByTestId(`post-line-${month}`);
    await line.waitFor(WAIT);
    expect(await line.textContent()).toContain('在岗 20 天');
    await shot(page, 'welfare-attendance-2-worker');
    await expectAccessible(page, '公益岗位考勤');
    await page.getByTestId(`post-${month}-confirm`).click();
    const amount = formatYuan(Math.floor((80_000 * 20) / 22));
    await expect.poll(() => page.getByTestId('post-said').textContent(), WAIT).toContain(amount);
    await expect.poll(() => page.getByTestId(`post-claim-${month}`).textContent(), WAIT).toContain('正在审核');
    await shot(page, 'welfare-attendance-3-confirmed');
    expect(await claimOfMonth()).toMatchObject({ status: 'submitted', amountFen: Math.floor((80_000 * 20) / 22) });
    await page.context().close();
  });

  it('holds the claim in 补贴审核 until the household flag is looked into, then approves and pays it', async () => {
    const claim = await claimOfMonth();
    const page = await openFromHome(browser, api, 'demo-staff-township-1', 'reviews');
    const card = page.getByTestId(`claim-${claim.claimId}`);
    await card.waitFor(WAIT);
    const why = (await page.getByTestId(`claim-${claim.claimId}-why`).textContent()) ?? '';
    expect(why).toContain(`${month} 出勤 20 天，应出勤 22 天`);
    expect(why).toMatch(/村信息员 \d{4}-\d{2}-\d{2} 记录，本人 \d{4}-\d{2}-\d{2} 在小程序确认/);
    await page.getByTestId(`claim-${claim.claimId}-approve`).click();
    await expect.poll(() => page.getByTestId(`claim-${claim.claimId}-error`).textContent(), WAIT).toContain('一户多岗');
    await shot(page, 'welfare-attendance-4-held');

    await page.goto(`${api.url}/#/staff/pages/welfare-month/index`);
    const flag = page.getByTestId(`flag-householdTwoPosts-${workerId}`);
    await flag.waitFor(WAIT);
    expect(await flag.textContent()).toContain(`的 ${mateName} 也在「${forestTitle}」岗位上`);
    await shot(page, 'welfare-attendance-5-flag');
    await expectAccessible(page, '考勤与诚信提示');
    await page.getByTestId(`flag-open-householdTwoPosts-${workerId}`).click();
    await fill(page, `flag-clear-householdTwoPosts-${workerId}-reason`, '已入户核实，两人分户居住');
    await page.getByTestId(`flag-clear-householdTwoPosts-${workerId}-confirm`).click();
    await expect.poll(() => page.getByTestId(`flag-cleared-${workerId}`).textContent(), WAIT).toContain('已入户核实');

    await page.goto(`${api.url}/#/staff/pages/claims/index`);
    await page.getByTestId(`claim-${claim.claimId}-approve`).click();
    await expect.poll(() => page.getByTestId('claims-done').textContent(), WAIT).toContain('已通过');
    expect((await claimOfMonth()).status).toBe('approved');
    await page.context().close();

    const paid = await api.call('POST', '/api/v1/claims/payments', {
      token: await api.loginAs('demo-staff-county-finance'),
      body: { regionCode: '150222102', idempotencyKey: crypto.randomUUID() },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect((await claimOfMonth()).status).toBe('paid');
    const worker = await openFromHome(browser, api, 'demo-worker-1', 'welfare-post');
    await expect.poll(() => worker.getByTestId(`post-claim-${month}`).textContent(), WAIT).toContain('已发放');
    await shot(worker, 'welfare-attendance-6-paid');
    await worker.context().close();
  });
});
