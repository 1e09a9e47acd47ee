/**
 * 收补贴的卡 in the H5 app: the village officer enters a worker's card on their record (typed
 * twice: a mismatch is said under the second box) and is not offered to confirm it; the township
 * officer, having seen the card, confirms it; the worker's home then asks 这是您的卡吗？, and 不是我的卡
 * (asked once more) stops the card and tells the county; 我的补贴 and the officer's record say so. The
 * card is texted to the phone on the record (the officer is told where; SMS is a fake on loopback). Then
 * the bank sends a payment back (银行退回): 我的补贴, the claim's steps and the record say so too.
 * Each new screen is checked with axe at 320×568 and 375×667.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chinaDate, maskPhone } from '@bangfu/shared';
import { createStreamFollower, type StreamFollower } from '../../functions/src/local/streamFollower.js';
import { configuredTextSender } from '../../functions/src/notices/textMessageSender.js';
import { taskIdOf } from '../../functions/src/monitoring/taskRepository.js';
import { TEST_REGION, type TestApi } from '../support/api.js';
import { confirmCard } from '../support/claims.js';
import { employedAcrossProvince } from '../support/people.js';
import { fill, onPhones, WAIT } from '../support/browser.js';
import { bindDemoWorker, closeAll, loggedInPhone, openFromHome, openWorkerRecord, startDemoH5 } from '../support/journeys.js';
import { SMS_FAKE_KEY, startSmsFake, type SmsFake } from '../support/smsFake.js';

let api: TestApi;
let browser: Browser;
let worker: { workerId: string; name: string };
let sms: SmsFake;
const PHONE = '13904727788';
let follower: StreamFollower;

beforeAll(async () => {
  sms = await startSmsFake();
  ({ api, browser } = await startDemoH5({
    SMS_SDK_APP_ID: '1400000001',
    SMS_SIGN_NAME: '帮扶就业',
    SMS_CARD_TEMPLATE_ID: '2301001',
    SMS_ENDPOINT: sms.url,
    SMS_SECRET_ID: SMS_FAKE_KEY.secretId,
    SMS_SECRET_KEY: SMS_FAKE_KEY.secretKey,
  }));
  const texts = await configuredTextSender(api.config);
  follower = createStreamFollower(api.ctx, { endpoint: inject('dynamoEndpoint'), region: TEST_REGION, texts });
  await follower.drain();
  const bound = await bindDemoWorker(api);
  worker = { workerId: bound.worker.workerId, name: (await api.ctx.users.get('demo-worker-1'))!.displayName };
  // The demo's records have no phones: this one has, for its card to be texted.
  await api.ctx.workers.update(worker.workerId, { version: bound.worker.version, phone: PHONE });
});
afterAll(async () => {
  follower?.stop();
  await closeAll(browser, api, sms);
});

async function openCards(userId: string): Promise<Page> {
  const page = await loggedInPhone(browser, api, userId);
  await openWorkerRecord(page, worker, 'verification');
  await page.getByTestId('payout-cards').waitFor(WAIT);
  return page;
}

describe('收补贴的卡 in Chromium', () => {
  it('lets the village officer enter the card, typed twice, and leaves its confirmation to another officer', async () => {
    const page = await openCards('demo-staff-village-1');
    const section = page.getByTestId('payout-cards');
    await expect.poll(() => section.textContent(), WAIT).toContain('还没有登记收补贴的卡');
    await page.getByTestId('enter-card').click();
    await page.getByTestId('enter-card-form').waitFor(WAIT);
    await fill(page, 'enter-card-number', '6217000012340521');
    await fill(page, 'enter-card-again', '6217000012340512');
    await page.getByTestId('enter-card-submit').click();
    await expect
      .poll(() => page.getByTestId('enter-card-again-error').textContent(), WAIT)
      .toBe('两次填的卡号不一样，请对着卡再看一遍');
    expect((await api.ctx.payments.entries({ kind: 'worker', workerId: worker.workerId })).pending).toBeUndefined();
    await onPhones(page, 'cards-1-typed-twice', 'the card form with the second number different', 'enter-card-again');

    await fill(page, 'enter-card-again', '6217000012340521');
    await page.getByTestId('enter-card-submit').click();
    await expect.poll(() => page.getByTestId('payout-cards-said').textContent(), WAIT).toContain('已登记社保卡（尾号 0521）');
    // Where the text about it goes: the phone on the record, masked; it goes off the table's stream.
    expect(await page.getByTestId('payout-cards-said').textContent()).toContain(`短信也会发到本人手机 ${maskPhone(PHONE)}。`);
    await follower.drain();
    expect(sms.texts.filter((text) => text.phone === PHONE).map((text) => text.params.slice(1))).toEqual([['社保卡', '0521']]);
    const waiting = page.getByTestId('card-waiting');
    await expect.poll(() => waiting.textContent(), WAIT).toContain('等待确认：社保卡，尾号 0521');
    expect(await waiting.textContent()).toContain('您登记的卡要由另一位工作人员确认');
    expect(await page.getByTestId('confirm-card').count()).toBe(0);
    await onPhones(page, 'cards-2-entered', 'the record with the card waiting', 'card-waiting');
    await page.close();
  });

  it('lets the township officer confirm the card they saw', async () => {
    const page = await openCards('demo-staff-township-1');
    const confirm = page.getByTestId('confirm-card');
    await confirm.waitFor(WAIT);
    expect(await confirm.textContent()).toContain('已当面核对本人的卡，确认尾号 0521');
    expect(await page.getByTestId('card-waiting').textContent()).toContain('由工作人员 demo-staff-village-1 登记');
    // The person was texted: the confirming officer sees where.
    expect(await page.getByTestId('card-texted').textContent()).toContain(`已发短信告诉本人（${maskPhone(PHONE)}）`);
    await onPhones(page, 'cards-3-to-confirm', 'the record with a card to confirm', 'card-waiting');
    await confirm.click();
    await expect.poll(() => page.getByTestId('payout-cards-said').textContent(), WAIT).toContain('已确认');
    const inForce = page.getByTestId('card-in-force');
    await expect.poll(() => inForce.textContent(), WAIT).toContain('在用的卡：社保卡，尾号 0521');
    expect(await inForce.textContent()).toContain('本人还没有在小程序里确认');
    await page.close();
  });

  it('asks the worker on their home whether the card is theirs, and 不是我的卡 stops it and tells the county', async () => {
    const page = await loggedInPhone(browser, api, 'demo-worker-1');
    const check = page.getByTestId('home-card-check');
    await check.waitFor(WAIT);
    expect(await check.textContent()).toContain(`社保卡，尾号 0521（${Number(chinaDate(new Date()).slice(5, 7))}月`);
    await onPhones(page, 'cards-4-home-asks', 'the worker’s home asking about the card', 'home-card-check');
    await page.getByTestId('home-card-not-mine').click();
    await page.getByTestId('home-card-not-mine-sure').waitFor(WAIT);
    expect(await check.textContent()).toContain('确定这张卡不是您的吗？');
    await onPhones(page, 'cards-5-home-sure', 'the worker asked once more', 'home-card-not-mine-sure');
    await page.getByTestId('home-card-not-mine-sure').click();
    await expect.poll(() => page.getByTestId('home-card-said').textContent(), WAIT).toContain('已经告诉县里');

    const { current } = await api.ctx.payments.entries({ kind: 'worker', workerId: worker.workerId });
    expect(current?.ownerAnswer?.answer).toBe('notMine');
    const task = await api.ctx.tasks.get(
      taskIdOf({
        cause: 'payoutCardDisputed',
        month: chinaDate(new Date()).slice(0, 7),
        subject: `${worker.workerId}#${current!.setAt}`,
      }),
    );
    expect(task).toMatchObject({ level: 'county', status: 'open' });
    await page.close();

    const subsidies = await openFromHome(browser, api, 'demo-worker-1', 'subsidies');
    const card = subsidies.getByTestId('payout-card-current');
    await expect.poll(() => card.textContent(), WAIT).toContain('您说这张卡不是您的：补贴先不发到这张卡');
    expect(await subsidies.getByTestId('payout-card-current-mine').count()).toBe(0);
    await onPhones(subsidies, 'cards-6-subsidies-disowned', '我的补贴 with the card disowned', 'payout-card-current');
    await subsidies.close();

    const officer = await openCards('demo-staff-village-1');
    await expect
      .poll(() => officer.getByTestId('card-in-force').textContent(), WAIT)
      .toContain('本人说这张卡不是自己的：补贴不发到这张卡');
    await onPhones(officer, 'cards-7-officer-sees', 'the record with the card disowned', 'card-in-force');
    await officer.close();
  });

  it('says on 我的补贴, in the claim’s steps and on the record that the bank sent the money back', async () => {
    // The county looked into it: the village enters the person's card, a second officer confirms it.
    const [village, township, finance] = await Promise.all([
      api.loginAs('demo-staff-village-1'),
      api.loginAs('demo-staff-township-1'),
      api.loginAs('demo-staff-county-finance'),
    ]);
    const cardPath = `/api/v1/registry/workers/${worker.workerId}/payout-account`;
    const entered = await api.call('PUT', cardPath, {
      token: village,
      body: { kind: 'bankCard', number: '6228480000000000531' },
    });
    expect(entered.status).toBe(200);
    expect((await confirmCard(api, worker.workerId, township)).status).toBe(200);
    // A claim approved at the county (on a month of work in another province, as a batch weighs it
    // again), paid in a batch, and sent back by the bank.
    const record = (await api.ctx.workers.getItem(worker.workerId))!;
    const { villageCode } = record;
    await api.ctx.employment.record(record, '2025-11', employedAcrossProvince('北京某建筑公司'), {
      source: 'staff',
      userId: 'demo-staff-village-1',
    });
    const { claim, created } = await api.ctx.claims.create({
      subsidy: 'transport_once',
      name: '一次性交通补助',
      periodKey: '2025',
      period: '2025-11',
      beneficiary: { kind: 'worker', workerId: worker.workerId, name: worker.name },
      regionCode: villageCode,
      amountFen: 50_000,
      trace: [{ kind: 'rule', text: '2025 年到省外务工，每年补助一次' }],
      reference: { document: '文件 003', section: '(三)' },
      source: 'worker',
      needsSecondApproval: false,
      createdBy: 'demo-worker-1',
    });
    expect(created).toBe(true);
    const by = 'demo-staff-county';
    await api.ctx.claims.transition(claim, claim.version, { to: 'approved', by, approval: { by, level: 'county' } });
    const paid = await api.call('POST', '/api/v1/claims/payments', {
      token: finance,
      body: { regionCode: villageCode.slice(0, 6), idempotencyKey: crypto.randomUUID() },
    });
    expect(paid.body.batch.claimIds).toContain(claim.claimId);
    const returned = await api.call('POST', `/api/v1/claims/payments/${paid.body.batch.batchId}/returns`, {
      token: finance,
      body: { claimId: claim.claimId, reason: 'nameMismatch', bankReference: 'TP-0531' },
    });
    expect(returned.status).toBe(200);

    const page = await openFromHome(browser, api, 'demo-worker-1', 'subsidies');
    const notice = page.getByTestId('payout-card-returned');
    await expect.poll(() => notice.textContent(), WAIT).toContain('银行退回了发到这张卡的钱（户名和账户不符）');
    expect(await page.getByTestId('payout-card-current').textContent()).toContain('银行卡，尾号 0531：先不用。');
    await onPhones(page, 'cards-8-bank-returned', '我的补贴 with the card the bank refused', 'payout-card-current');
    await page.getByTestId('subsidies-my-claims').click();
    const card = page.getByTestId(`claim-${claim.claimId}`);
    await card.waitFor(WAIT);
    expect(await page.getByTestId(`claim-${claim.claimId}-status`).textContent()).toBe('等待发放');
    const steps = await card.locator('[data-testid^="claim-"][data-testid*="-step-"]').allTextContents();
    expect(steps.slice(1).map((step) => step.replace(/^\d+月\d+日/, ''))).toEqual([
      '旗县审核通过',
      '已发放钱打到您登记的银行卡或社保卡',
      '银行退回户名和账户不符（流水号 TP-0531）。村里登记好您本人正确的卡以后，会再发一次',
    ]);
    await onPhones(page, 'cards-9-claim-returned', 'the claim’s steps with the bank’s return', `claim-${claim.claimId}-step-3`);
    await page.close();

    const officer = await openCards('demo-staff-village-1');
    await expect.poll(() => officer.getByTestId('card-bank-returned').textContent(), WAIT).toContain('户名和账户不符');
    await onPhones(officer, 'cards-10-officer-returned', 'the record with the card the bank refused', 'card-in-force');
    await officer.close();
  });
});
