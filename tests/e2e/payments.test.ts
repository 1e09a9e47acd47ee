/**
 * 发放补贴 in the H5 app: the county's finance officer (发放) sees the approved claims waiting and
 * pays them in one batch, after a confirmation; a claim without a confirmed card is left out with
 * the reason; the batch's file for the bank is offered. The key of the batch is kept until the
 * server answers, so a request that failed (the network dropped) is sent again as the same batch. An officer without the duty is
 * told whose work it is. 以前的发放批次: an earlier batch opens its rows, a row is found by the name
 * on the bank's return slip and 银行退回 recorded on it; the bank's return file (银行回盘) read into a
 * batch, refused with its rows when it does not match and recorded in one tap when it does, and a
 * batch whose file nobody read is the county's task, which opens it; the person paid says on 申领进度
 * that the money never came (没收到), the county's task too; a batch
 * left unfinished on another phone is resumed by its payer. Checked with axe at 320×568 and 375×667.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, levelOfRegion, type Claim } from '@bangfu/shared';
import { taskIdOf } from '../../functions/src/monitoring/taskRepository.js';
import { runWarnings } from '../../functions/src/monitoring/warningsJob.js';
import type { TestApi } from '../support/api.js';
import { fill, onPhones, WAIT } from '../support/browser.js';
import { approvedWithCard, cardInForce, claimFor, moneyOfficers } from '../support/claims.js';
import { closeAll, loggedInPhone, offerDevLogin, openFromHome, startDemoH5 } from '../support/journeys.js';

let api: TestApi;
let browser: Browser;
/** Two approved claims at the demo standard: the first has a confirmed card, the second none. */
const approved: Claim[] = [];

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  const [village, township] = await Promise.all([api.loginAs('demo-staff-village-1'), api.loginAs('demo-staff-township-1')]);
  for (const n of [300, 301]) {
    const { claim, worker } = await claimFor(api, n, 50_000);
    const by = 'demo-staff-county'; // not who enters or confirms the card (three people)
    approved.push(
      await api.ctx.claims.transition(claim, claim.version, {
        to: 'approved',
        by,
        approval: { by, level: levelOfRegion((await api.ctx.users.get(by))!.regionCode!) },
      }),
    );
    if (n === 300) expect((await cardInForce(api, worker.workerId, '6217990000000000300', village, township)).status).toBe(200);
  }
}, 120_000);
afterAll(() => closeAll(browser, api));

describe('发放补贴 in Chromium', () => {
  it('tells an officer without the duty whose work it is', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-county', 'payments');
    await expect.poll(() => page.getByTestId('payments-no-duty').textContent(), WAIT).toContain('没有发放补贴的职责');
  });

  it('pays what is approved after a confirmation, leaves out a claim without a card with the reason, and offers the bank file', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-county-finance', 'payments');
    await expect.poll(() => page.getByTestId('payments-waiting').textContent(), WAIT).toMatch(/等待发放的申领：\d+/);
    await onPhones(page, 'payments-1-waiting', '发放补贴');

    await page.getByTestId('payments-start').click();
    await page.getByTestId('payments-ask').waitFor(WAIT);
    await onPhones(page, 'payments-2-ask', '发放补贴：确认');
    // The network drops as it is sent: said so, and the same batch is sent again (继续发放).
    await page.context().setOffline(true);
    await page.getByTestId('payments-confirm').click();
    await expect.poll(() => page.getByTestId('payments-unfinished').textContent(), WAIT).toContain('继续发放');
    expect(await page.getByTestId('payments-failure').textContent()).toMatch(/^没能发放：[^。]+。可以再点一次/);
    expect(await page.getByTestId('payments-confirm').textContent()).toContain('继续发放');
    await page.context().setOffline(false);
    await page.getByTestId('payments-confirm').click();
    await expect.poll(() => page.getByTestId('payments-paid').textContent(), WAIT).toMatch(/这一批发放 \d+ 份，共/);
    const [withCard, withoutCard] = approved;
    expect((await api.ctx.claims.get(withCard!.claimId))!.status).toBe('paid');
    expect((await api.ctx.claims.get(withoutCard!.claimId))!.status).toBe('approved');
    expect(await page.getByTestId(`payments-skipped-${withoutCard!.claimId}`).textContent()).toContain('测试301');
    await page.getByTestId('payments-file').click();
    await expect.poll(() => page.getByTestId('payments-file-said').textContent(), WAIT).toContain('已下载');
    expect(await page.getByTestId('payments-unfinished').count()).toBe(0);
    await onPhones(page, 'payments-3-paid', '发放补贴：结果');
  });

  it('opens an earlier batch, finds a row by the name on the return slip, and records what the bank sent back', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-county-finance', 'payments');
    const [withCard] = approved;
    const batchId = (await api.ctx.claims.get(withCard!.claimId))!.paymentBatchId!;
    await page.getByTestId(`batch-${batchId}`).waitFor(WAIT);
    await onPhones(page, 'payments-4-earlier', '发放补贴：以前的批次', 'payments-earlier');
    await page.getByTestId(`batch-${batchId}`).click();
    await expect.poll(() => page.getByTestId('batch-summary').textContent(), WAIT).toMatch(/发放 \d+ 份，共/);
    // Its number in the bank's file, which the row shows.
    const row = (await api.ctx.payments.reservations(batchId)).findIndex((r) => r.claimId === withCard!.claimId) + 1;
    await fill(page, 'lines-name', '测试300');
    await page.getByTestId('lines-search').click();
    await expect.poll(() => page.getByTestId(`line-${row}`).textContent(), WAIT).toContain(`第 ${row} 行 · 测试300`);
    expect(await page.locator('.bf-card[data-testid^="line-"]').count()).toBe(1);
    await onPhones(page, 'payments-5-batch', '发放批次');

    await page.getByTestId(`line-return-${row}`).click();
    // Nothing chosen, no reference: said under each field, nothing sent.
    await page.getByTestId('return-confirm').click();
    await expect.poll(() => page.getByTestId('return-reason-error').textContent(), WAIT).toBe('请选银行说的原因');
    expect(await page.getByTestId('return-reference-error').textContent()).toContain('流水号');
    await page.getByTestId('return-reason-accountClosed').click();
    await fill(page, 'return-reference', 'TP20261207-0300');
    // What was said goes once the field is put right.
    expect(await page.locator('[data-testid$="-error"]').count()).toBe(0);
    await onPhones(page, 'payments-6-return', '发放批次：登记银行退回', 'return-form');
    await page.getByTestId('return-confirm').click();
    await expect
      .poll(() => page.getByTestId(`line-returned-${row}`).textContent(), WAIT)
      .toContain('账户已销户（流水号 TP20261207-0300');
    expect(await page.getByTestId('batch-summary-returned').textContent()).toContain('银行退回 1 份，500 元');
    const claim = (await api.ctx.claims.get(withCard!.claimId))!;
    expect([claim.status, claim.history.at(-1)!.reason]).toEqual(['approved', '银行退回：账户已销户（流水号 TP20261207-0300）']);
    await onPhones(page, 'payments-7-returned', '发放批次：已登记退回');
  });

  it('reads the bank’s return file into a batch: a file that does not match is refused with its rows, the right one recorded in one tap', async () => {
    // A fresh claim paid by its own batch, as the payer's phone would have paid it.
    const officers = await moneyOfficers(api);
    const { finance } = officers;
    const claim = await approvedWithCard(api, 302, 50_000, '6217990000000000302', officers);
    await approvedWithCard(api, 304, 50_000, '6217990000000000304', officers); // its neighbour in the batch, which arrives
    const paid = await api.call('POST', '/api/v1/claims/payments', {
      token: finance,
      body: { regionCode: '150222', idempotencyKey: crypto.randomUUID() },
    });
    const { batchId } = paid.body.batch;
    // The bank's answer: the batch's own file with its three columns; this person's card was frozen.
    const sent = await fetch(`${api.url}/api/v1/claims/payments/${batchId}/file`, {
      headers: { authorization: `Bearer ${finance}` },
    });
    const [header, ...rows] = (await sent.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const answer = (amountOf: (row: string) => string, allBack = false) =>
      Buffer.from(
        [
          `${header},处理结果,失败原因,银行流水号`,
          ...rows.map((row, i) =>
            allBack
              ? `${row},失败,文件格式错误,E2E-ALL-${i}`
              : row.endsWith(claim.claimId)
                ? `${amountOf(row)},失败,账户冻结,E2E-0302`
                : `${amountOf(row)},成功,,`,
          ),
        ].join('\r\n'),
      );
    const page = await openFromHome(browser, api, 'demo-staff-county-finance', 'payments');
    const pickFile = async (buffer: Buffer) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('returnfile-pick').click()]);
      await chooser.setFiles({ name: '代发回盘.csv', mimeType: 'text/csv', buffer });
    };

    await page.getByTestId(`batch-${batchId}`).click();
    await expect.poll(() => page.getByTestId('batch-summary-returnfile').textContent(), WAIT).toBe('还没有读银行回盘文件。');
    // A file whose amounts are not this batch's (another batch's answer): every row said, nothing to tap.
    await pickFile(answer((row) => row.replace(/,500\.00,/, ',5000.00,')));
    await expect.poll(() => page.getByTestId('returnfile-problems').textContent(), WAIT).toContain('一笔也不能登记');
    expect(await page.getByTestId('returnfile-problems').textContent()).toMatch(
      /文件第 \d+ 行：序号 \d+（测试302）的金额在文件里是“5000.00”/,
    );
    expect(await page.getByTestId('returnfile-record').count()).toBe(0);
    await onPhones(page, 'payments-9-returnfile-problems', '发放批次：回盘文件对不上', 'returnfile');
    expect((await api.ctx.claims.get(claim.claimId))!.status).toBe('paid');

    // Everything back at once, for the bank's own reason: the page says to ask the bank first.
    await page.getByTestId('returnfile-cancel').click();
    await pickFile(answer((row) => row, true));
    await expect.poll(() => page.getByTestId('returnfile-all-returned').textContent(), WAIT).toContain('整批都被退回了');
    await onPhones(page, 'payments-9b-returnfile-all-returned', '发放批次：整批退回', 'returnfile');
    await page.getByTestId('returnfile-cancel').click();

    await pickFile(answer((row) => row));
    await expect.poll(() => page.getByTestId('returnfile-returns').textContent(), WAIT).toContain('银行退回：1 份，500 元');
    expect(await page.getByTestId('returnfile-returns').textContent()).toContain(
      '测试302 · 500 元：账户冻结或挂失（流水号 E2E-0302）',
    );
    expect(await page.getByTestId('returnfile-record').textContent()).toBe('登记这 1 份银行退回');
    await onPhones(page, 'payments-10-returnfile-read', '发放批次：读回盘文件', 'returnfile');
    await page.getByTestId('returnfile-record').click();
    await expect.poll(() => page.getByTestId('returnfile-recorded').textContent(), WAIT).toContain('这次登记 1 份');
    await expect.poll(() => page.getByTestId('batch-summary-returned').textContent(), WAIT).toContain('银行退回 1 份，500 元');
    expect(await page.getByTestId('batch-summary-returnfile').textContent()).toMatch(/记下了银行回盘：到账 \d+ 份，退回 1 份/);
    const returned = (await api.ctx.claims.get(claim.claimId))!;
    expect([returned.status, returned.history.at(-1)!.reason]).toEqual([
      'approved',
      '银行退回：账户冻结或挂失（流水号 E2E-0302）',
    ]);
    await onPhones(page, 'payments-11-returnfile-recorded', '发放批次：已记下回盘', 'returnfile');
  });

  it('gives the county a task for a batch whose bank’s return file nobody read, which opens that batch', async () => {
    const officers = await moneyOfficers(api);
    const claim = await approvedWithCard(api, 303, 50_000, '6217990000000000303', officers);
    const paid = await api.call('POST', '/api/v1/claims/payments', {
      token: officers.finance,
      body: { regionCode: '150222', idempotencyKey: crypto.randomUUID() },
    });
    expect(paid.body.batch.claimIds).toContain(claim.claimId);
    const { batchId } = paid.body.batch;
    // Eleven days on, past the example's ten, the daily warnings run.
    const later = new Date(Date.now() + 11 * 86_400_000);
    await runWarnings(api.ctx, '150222', later);
    const taskId = taskIdOf({ cause: 'returnFileUnread', month: chinaDate(later).slice(0, 7), subject: batchId });

    const page = await loggedInPhone(browser, api, 'demo-staff-county-finance');
    await page.goto(`${api.url}/#/staff/pages/task/index?id=${taskId}`);
    await expect.poll(() => page.getByTestId('task-text').textContent(), WAIT).toContain('11 天了还没有读银行回盘文件');
    await expect.poll(() => page.getByTestId('task-summary').textContent(), WAIT).toContain('固阳县');
    await onPhones(page, 'payments-12-returnfile-task', '预警任务：银行回盘文件没有读');
    await page.getByTestId('task-open-batch').click();
    await expect.poll(() => page.getByTestId('batch-summary-returnfile').textContent(), WAIT).toBe('还没有读银行回盘文件。');
    expect(await page.getByTestId('batch-summary').textContent()).toContain('发放 1 份，共 500 元');

    // The person it was paid to says the money never came: the county's task at once.
    await offerDevLogin(api, 'test-worker-303');
    const worker = await loggedInPhone(browser, api, 'test-worker-303');
    await worker.goto(`${api.url}/#/worker/pages/claims/index`);
    await worker.getByTestId(`claim-${claim.claimId}-not-received`).waitFor(WAIT);
    await onPhones(worker, 'payments-13-received-or-not', '申领进度：钱到卡上了吗', `claim-${claim.claimId}`);
    await worker.getByTestId(`claim-${claim.claimId}-not-received`).click();
    await expect
      .poll(() => worker.getByTestId(`claim-${claim.claimId}-receipt`).textContent(), WAIT)
      .toContain('您说没有收到，已经告诉旗县');
    expect(await worker.getByTestId(`claim-${claim.claimId}-received`).count()).toBe(0);
    const notReceivedId = taskIdOf({
      cause: 'subsidyNotReceived',
      month: chinaDate(new Date()).slice(0, 7),
      subject: claim.claimId,
    });
    expect((await api.ctx.tasks.get(notReceivedId))?.text).toContain('发往尾号 0303 的卡');
    // The county's officer opens the task, and from it the batch that paid the money.
    const county = await loggedInPhone(browser, api, 'demo-staff-county-finance');
    await county.goto(`${api.url}/#/staff/pages/task/index?id=${notReceivedId}`);
    await expect.poll(() => county.getByTestId('task-text').textContent(), WAIT).toContain('说没有收到');
    await onPhones(county, 'payments-14-not-received-task', '预警任务：本人说补贴没有收到');
    await county.getByTestId('task-open-batch').click();
    await expect.poll(() => county.getByTestId('batch-summary').textContent(), WAIT).toContain('发放 1 份，共 500 元');
  });

  it('lets the payer resume a batch left unfinished on another phone, from the list', async () => {
    // Started on another phone, which never heard the answer: its key is not on this one.
    const key = crypto.randomUUID();
    await api.ctx.payments.start(`b_${key}`, '150222', 'demo-staff-county-finance');
    const page = await openFromHome(browser, api, 'demo-staff-county-finance', 'payments');
    await expect.poll(() => page.getByTestId(`batch-b_${key}`).textContent(), WAIT).toContain('没有发完');
    await onPhones(page, 'payments-8-unfinished', '发放补贴：没有发完的批次', `batch-b_${key}`);
    await page.getByTestId(`batch-b_${key}`).getByTestId('batch-resume').click();
    await expect.poll(() => page.getByTestId('payments-paid').textContent(), WAIT).toContain('这一批发放');
    expect((await api.ctx.payments.finished(`b_${key}`))?.state).toBe('done');
    await expect.poll(() => page.getByTestId(`batch-b_${key}`).textContent(), WAIT).not.toContain('没有发完');
  });
});
