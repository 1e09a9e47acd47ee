/**
 * 银行回盘: a county payer reads the bank's return file (CSV in UTF-8 or GBK, or XLSX) against a
 * batch, sees what arrived and what came back, and records the returns by the file's digest, each
 * as one recorded by hand would be. A file that does not match the batch, another file than the
 * one read, a claim no longer this batch's, an officer who does not pay: refused, and nothing
 * changes. Reading again records nothing twice.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, type Claim } from '@bangfu/shared';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { taskIdOf } from '../../functions/src/monitoring/taskRepository.js';
import { runWarnings } from '../../functions/src/monitoring/warningsJob.js';
import { RETURNS_PER_REQUEST } from '../../functions/src/subsidies/returnFileService.js';
import { dynamoCallsDuring, startTestApi, type TestApi } from '../support/api.js';
import { approvedWithCard, moneyOfficers } from '../support/claims.js';

let api: TestApi;
let village: string;
let township: string;
let county: string; // 审核 and 复核, not 发放
let finance: string; // 发放
let worker = 400;

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoCounty(api.ctx);
  ({ village, township, county, finance } = await moneyOfficers(api));
});
afterAll(async () => {
  await api?.close();
});

/** A batch of `n` fresh workers' 500 元 claims, each with its card confirmed; its claims by 序号. */
async function paidBatch(n: number): Promise<{ batchId: string; claims: Claim[] }> {
  const approved: Claim[] = [];
  for (let i = 0; i < n; i++) {
    worker += 1;
    approved.push(await approvedWithCard(api, worker, 50_000, `62179900000${worker}`.padEnd(19, '7'), { village, township }));
  }
  const paid = await api.call('POST', '/api/v1/claims/payments', {
    token: finance,
    body: { regionCode: '150222102', idempotencyKey: crypto.randomUUID() },
  });
  expect(paid.status).toBe(200);
  const { batchId } = paid.body.batch;
  const rows = await api.ctx.payments.reservations(batchId);
  // Only this test's claims: the batch holds whatever the county had approved.
  expect(rows.map((r) => r.claimId).sort()).toEqual(approved.map((c) => c.claimId).sort());
  return { batchId, claims: rows.map((r) => approved.find((c) => c.claimId === r.claimId)!) };
}

/** The batch's own file as downloaded, rows split into cells (no field of ours holds a comma). */
async function batchFile(batchId: string): Promise<string[][]> {
  const response = await fetch(`${api.url}/api/v1/claims/payments/${batchId}/file`, {
    headers: { authorization: `Bearer ${finance}` },
  });
  return (await response.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
}

/** Our file with the bank's three columns: every row 成功 but those `failed` gives (by 序号). */
async function returnFileOf(batchId: string, failed: Record<number, [reason: string, reference: string]>): Promise<string[][]> {
  const [header, ...rows] = await batchFile(batchId);
  return [
    [...header!, '处理结果', '失败原因', '银行流水号'],
    ...rows.map((cells) => {
      const fail = failed[Number(cells[0])];
      return [...cells, fail ? '失败' : '成功', fail?.[0] ?? '', fail?.[1] ?? ''];
    }),
  ];
}

const csv = (rows: string[][]) => `${rows.map((cells) => cells.join(',')).join('\r\n')}\r\n`;

async function upload(
  batchId: string,
  bytes: Uint8Array<ArrayBuffer> | Buffer | string,
  options: { record?: string; token?: string; contentType?: string } = {},
) {
  const query = options.record ? `?record=${options.record}` : '';
  const response = await fetch(`${api.url}/api/v1/claims/payments/${batchId}/return-file${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token ?? finance}`, 'content-type': options.contentType ?? 'text/csv' },
    body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const workerIdOf = (claim: Claim) => (claim.beneficiary.kind === 'worker' ? claim.beneficiary.workerId : '');

describe('银行回盘: the bank’s return file read against a batch', () => {
  it('reads what arrived and what came back, changes nothing until asked, then records each return by the file’s digest', async () => {
    const { batchId, claims } = await paidBatch(3);
    const file = csv(await returnFileOf(batchId, { 2: ['账户已销户', 'TP20261207-0402'] }));

    let reading!: Awaited<ReturnType<typeof upload>>;
    // Reading only: the session, two budgets, the batch, the payer's duties and its rows.
    const readingCalls = await dynamoCallsDuring(api, async () => {
      reading = await upload(batchId, file);
    });
    expect(readingCalls).toHaveLength(6);
    expect(reading.status).toBe(200);
    expect(reading.body).toMatchObject({
      paid: { count: 2, fen: 100_000 },
      returns: {
        count: 1,
        fen: 50_000,
        toRecord: 1,
        shown: [
          {
            row: 2,
            claimId: claims[1]!.claimId,
            amountFen: 50_000,
            reason: '账户已销户',
            bankReference: 'TP20261207-0402',
            recorded: false,
          },
        ],
      },
      unlisted: { count: 0, rows: [] },
      problems: { count: 0, shown: [] },
      batch: { batchId, returnedCount: 0 },
    });
    expect(reading.body.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(reading.body.recorded).toBeUndefined();
    expect(reading.body.batch.returnFile).toBeUndefined();
    expect((await api.ctx.claims.get(claims[1]!.claimId))!.status).toBe('paid'); // a reading records nothing

    let recorded!: Awaited<ReturnType<typeof upload>>;
    const calls = await dynamoCallsDuring(api, async () => {
      recorded = await upload(batchId, file, { record: reading.body.digest });
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      recorded: 1,
      returns: { toRecord: 0, shown: [{ row: 2, recorded: true }] },
      batch: {
        returnedCount: 1,
        returnedFen: 50_000,
        returnFile: {
          by: 'demo-staff-county-finance',
          digest: reading.body.digest,
          paidCount: 2,
          returnedCount: 1,
          unlistedCount: 0,
        },
      },
    });
    // The return is the one a payer records by hand: the claim waits for the next batch, the village is told.
    const returned = (await api.ctx.claims.get(claims[1]!.claimId))!;
    expect(returned.status).toBe('approved');
    expect(returned.history.at(-1)).toMatchObject({
      from: 'paid',
      to: 'approved',
      by: 'demo-staff-county-finance',
      reason: '银行退回：账户已销户（流水号 TP20261207-0402）',
    });
    const card = (await api.ctx.payments.reservations(batchId))[1]!.account;
    const task = await api.ctx.tasks.get(
      taskIdOf({
        cause: 'payoutReturned',
        month: chinaDate(new Date()).slice(0, 7),
        subject: `${workerIdOf(claims[1]!)}#${card.setAt}`,
      }),
    );
    expect(task).toMatchObject({ level: 'village', status: 'open' });
    for (const other of [claims[0]!, claims[2]!]) expect((await api.ctx.claims.get(other.claimId))!.status).toBe('paid');
    // The session, two budgets, the batch, the payer's duties, its rows (one Query), the claims to return (one
    // BatchGetItem) and the batch's mark; then, per return, the account, the transaction, the
    // audit line and the village's task.
    expect(calls.map((c) => c.command).sort()).toEqual(
      [
        ...['GetItemCommand', 'UpdateItemCommand', 'UpdateItemCommand', 'GetItemCommand', 'GetItemCommand', 'QueryCommand'],
        ...['BatchGetItemCommand', 'UpdateItemCommand'],
        ...['GetItemCommand', 'TransactWriteItemsCommand', 'BatchWriteItemCommand', 'PutItemCommand'],
      ].sort(),
    );

    // Read and recorded again (a retry, or the same file twice): nothing more is recorded.
    const again = await upload(batchId, file, { record: reading.body.digest });
    expect(again.body).toMatchObject({ recorded: 0, returns: { shown: [{ recorded: true }] }, batch: { returnedCount: 1 } });
    expect((await api.ctx.claims.get(claims[1]!.claimId))!.history).toHaveLength(returned.history.length);
  });

  it('reads a bank’s own layout in GBK, by 序号 under a title, with only the failed rows, and an XLSX file, as the app sends them', async () => {
    const { batchId, claims } = await paidBatch(2);
    // The card's last four digits as the batch paid them, the rest masked as a bank prints it.
    const lastFour = (await api.ctx.payments.reservations(batchId))[0]!.account.numberMasked.slice(-4);
    const bank = [
      ['固阳县人社局代发补贴回盘'],
      ['序号', '收款人账号', '户名', '交易金额', '交易状态', '错误信息', '交易流水号'],
      ['1', `6217********${lastFour}`, claims[0]!.beneficiary.name, '500.00', '处理失败', '户名与账号不符', 'GBK-0001'],
    ];
    // As the app sends a CSV: plain bytes, so that no gateway reads the GBK as text.
    const gbk = await upload(batchId, iconv.encode(csv(bank), 'gbk'), { contentType: 'application/octet-stream' });
    expect(gbk.status).toBe(200);
    expect(gbk.body).toMatchObject({
      paid: { count: 0 },
      returns: { shown: [{ row: 1, name: claims[0]!.beneficiary.name, reason: '户名和账户不符', bankReference: 'GBK-0001' }] },
      unlisted: { count: 1, rows: [2] },
      problems: { count: 0 },
    });

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('回盘');
    for (const row of await returnFileOf(batchId, { 2: ['卡片已挂失', 'XLSX-0002'] })) sheet.addRow(row);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const read = await upload(batchId, xlsx, { contentType: type });
    expect(read.body).toMatchObject({
      paid: { count: 1 },
      returns: { shown: [{ row: 2, reason: '账户冻结或挂失', bankReference: 'XLSX-0002' }] },
      problems: { count: 0 },
    });
    // Sent as plain bytes too, it is told from a CSV by its first bytes (a zip's).
    const sniffed = await upload(batchId, xlsx, { contentType: 'application/octet-stream' });
    expect(sniffed.body).toMatchObject({ digest: read.body.digest, returns: { count: 1 }, problems: { count: 0 } });
    const recorded = await upload(batchId, xlsx, { contentType: type, record: read.body.digest });
    expect(recorded.body).toMatchObject({ recorded: 1, batch: { returnedCount: 1 } });
  });

  it('refuses to record a file that does not match, another file than the one read, and a claim no longer the batch’s; nothing changes', async () => {
    const { batchId, claims } = await paidBatch(2);
    const rows = await returnFileOf(batchId, { 1: ['账号不存在', 'TP-0501'] });
    const wrongAmount = rows.map((cells, i) => (i === 2 ? cells.map((c, j) => (j === 5 ? '5000.00' : c)) : cells));
    const bad = await upload(batchId, csv(wrongAmount));
    expect(bad.body.problems).toEqual({
      count: 1,
      shown: [{ line: 3, message: `序号 2（${claims[1]!.beneficiary.name}）的金额在文件里是“5000.00”，这一批发的是 500 元` }],
    });
    const refused = await upload(batchId, csv(wrongAmount), { record: bad.body.digest });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message.zh).toBe('回盘文件有 1 处和这一批对不上，一笔也没有登记；请和银行核对');

    const good = await upload(batchId, csv(rows));
    const otherFile = await upload(batchId, csv(rows.slice(0, 2)), { record: good.body.digest });
    expect(otherFile.status).toBe(409);
    expect(otherFile.body.error.field).toBe('query.record');

    // The first claim is ordered back (追回) meanwhile: the file can no longer return it.
    const paid = (await api.ctx.claims.get(claims[0]!.claimId))!;
    const ordered = await api.call('POST', `/api/v1/claims/${paid.claimId}/recovery`, {
      token: county,
      body: { version: paid.version, amountFen: 50_000, reason: '顶岗替岗：实际由他人上岗' },
    });
    expect(ordered.status).toBe(200);
    const stale = await upload(batchId, csv(rows), { record: good.body.digest });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message.zh).toContain(`序号 1（${claims[0]!.beneficiary.name}）：这份申领现在不是这一批发放的`);

    const summary = (await api.call('GET', `/api/v1/claims/payments/${batchId}`, { token: finance })).body.batch;
    expect(summary).toMatchObject({ returnedCount: 0 });
    expect(summary.returnFile).toBeUndefined();
    expect((await api.ctx.claims.get(claims[0]!.claimId))!.status).toBe('recovering');
  });

  it('refuses an officer who does not pay, a body that is not a spreadsheet, our own file and a file too large', async () => {
    const { batchId } = await paidBatch(1);
    const rows = await returnFileOf(batchId, {});
    const notPayer = await upload(batchId, csv(rows), { token: county });
    expect(notPayer.status).toBe(403);
    const json = await upload(batchId, '{}', { contentType: 'application/json' });
    expect(json.status).toBe(400);
    expect(json.body.error.field).toBe('headers.content-type');
    const own = await upload(batchId, csv(await batchFile(batchId)));
    expect(own.body.problems.shown[0].message).toContain('这是发给银行的发放文件');
    const huge = await upload(batchId, `${csv(rows)}${'x'.repeat(4 * 1024 * 1024)}`);
    expect(huge.status).toBe(413);
    const unreadable = await upload(batchId, new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]), {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error.message.zh).toContain('文件读不出来');
  });

  it('records a whole batch sent back fifty returns a request, and keeps the reading once every one is in', async () => {
    const n = RETURNS_PER_REQUEST + 2;
    const { batchId } = await paidBatch(n);
    const failed: Record<number, [string, string]> = {};
    for (let row = 1; row <= n; row++) failed[row] = ['账户已销户', `ALL-${1000 + row}`];
    const file = csv(await returnFileOf(batchId, failed));
    const { digest } = (await upload(batchId, file)).body;
    const first = await upload(batchId, file, { record: digest });
    expect(first.body).toMatchObject({
      recorded: RETURNS_PER_REQUEST,
      returns: { count: n, toRecord: 2 },
      batch: { returnedCount: RETURNS_PER_REQUEST },
    });
    expect(first.body.batch.returnFile).toBeUndefined();
    const second = await upload(batchId, file, { record: digest });
    expect(second.body).toMatchObject({
      recorded: 2,
      returns: { toRecord: 0 },
      batch: { returnedCount: n, returnFile: { returnedCount: n, paidCount: 0 } },
    });
  }, 60_000);

  it('gives the county a task each month for a batch whose return file nobody read past the region’s days, none once read', async () => {
    const unread = await paidBatch(1);
    const read = await paidBatch(1);
    const file = csv(await returnFileOf(read.batchId, {}));
    const { digest } = (await upload(read.batchId, file)).body;
    expect((await upload(read.batchId, file, { record: digest })).body).toMatchObject({
      recorded: 0,
      batch: { returnFile: { paidCount: 1, returnedCount: 0 } },
    });
    const taskOf = (batchId: string, at: Date) =>
      api.ctx.tasks.get(taskIdOf({ cause: 'returnFileUnread', month: chinaDate(at).slice(0, 7), subject: batchId }));
    const days = (n: number) => new Date(Date.now() + n * 86_400_000);

    await runWarnings(api.ctx, '150222', days(10)); // the example's 10 days
    expect(await taskOf(unread.batchId, days(10))).toBeUndefined();
    await runWarnings(api.ctx, '150222', days(11));
    const task = await taskOf(unread.batchId, days(11));
    expect(task).toMatchObject({ cause: 'returnFileUnread', level: 'county', regionCode: '150222102', status: 'open' });
    expect(task!.text).toContain('11 天了还没有读银行回盘文件（期限 10 天）');
    expect(await taskOf(read.batchId, days(11))).toBeUndefined();
    // Still unread a month on: asked again.
    await runWarnings(api.ctx, '150222', days(42));
    expect(await taskOf(unread.batchId, days(42))).toMatchObject({ status: 'open' });
  });
});
