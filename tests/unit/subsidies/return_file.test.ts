/**
 * 银行回盘文件, the pure part: the bank's rows read against the batch's own, whatever the bank
 * calls its columns; what arrived, what came back and why, and every row that does not match
 * said by its number, so nothing is recorded on a guess.
 */
import { describe, expect, it } from 'vitest';
import {
  readReturnFile,
  returnFileUnreadWarning,
  returnReasonOf,
  type BatchFileLine,
  type ReturnFileSheetRow,
} from '@bangfu/shared';

const lines: BatchFileLine[] = [
  { row: 1, claimId: 'c_aaa', name: '张三', amountFen: 50_000, lastFour: '0300' },
  { row: 2, claimId: 'c_bbb', name: '李四', amountFen: 150_050, lastFour: '0301' },
  { row: 3, claimId: 'c_ccc', name: '包头市某某劳务有限公司', amountFen: 20_000, lastFour: '8888' },
];

/** A sheet as readRows yields it: rows numbered from 1. */
const sheet = (...rows: string[][]): ReturnFileSheetRow[] => rows.map((values, i) => ({ row: i + 1, values }));

/** Our own file's columns, as a bank echoes them, with its three added. */
const OURS = [
  '序号',
  '姓名或单位',
  '身份证号',
  '账户类型',
  '账号',
  '金额（元）',
  '补贴',
  '申领编号',
  '处理结果',
  '失败原因',
  '银行流水号',
];
const ourRow = (line: BatchFileLine, result: string, reason = '', reference = '') => [
  String(line.row),
  line.name,
  '1502**********1234',
  '银行卡',
  `621799000000000${line.lastFour}`,
  (line.amountFen / 100).toFixed(2),
  '一次性求职补贴',
  line.claimId,
  result,
  reason,
  reference,
];

describe('readReturnFile', () => {
  it('reads our own columns echoed back: what arrived, what came back under which reference and why', () => {
    const reading = readReturnFile(
      sheet(
        OURS,
        ourRow(lines[0]!, '成功'),
        ourRow(lines[1]!, '失败', '账户已销户', 'TP2026120701'),
        ourRow(lines[2]!, '交易成功'),
      ),
      lines,
    );
    expect(reading.problems).toEqual([]);
    expect(reading.paid).toEqual([
      { row: 1, amountFen: 50_000 },
      { row: 3, amountFen: 20_000 },
    ]);
    expect(reading.returns).toEqual([
      {
        row: 2,
        claimId: 'c_bbb',
        name: '李四',
        amountFen: 150_050,
        request: { claimId: 'c_bbb', reason: 'accountClosed', bankReference: 'TP2026120701' },
        recorded: false,
      },
    ]);
    expect(reading.unlisted).toEqual([]);
  });

  it("finds a bank's own layout under a title, matched by 序号, and lists the rows a failures-only file leaves out", () => {
    const reading = readReturnFile(
      sheet(
        ['代发业务回盘文件', '', ''],
        ['批次：20261207', '', ''],
        ['序号', '收款人账号', '户名', '交易金额', '交易状态', '错误信息', '交易流水号'],
        ['2', '6217 **** **** 0301', '李四', '¥1,500.50', '处理失败', '账户冻结', 'A1B2-C3D4'],
        ['', '', '', '', '', '', ''],
      ),
      lines,
    );
    expect(reading.problems).toEqual([]);
    expect(reading.returns.map((r) => [r.row, r.request])).toEqual([
      [2, { claimId: 'c_bbb', reason: 'accountFrozen', bankReference: 'A1B2-C3D4' }],
    ]);
    expect(reading.unlisted).toEqual([1, 3]);
  });

  it('says by row what does not match the batch: another row, a name, an amount, a card, a second mention, an unreadable result', () => {
    const reading = readReturnFile(
      sheet(
        OURS,
        ourRow({ ...lines[0]!, claimId: 'c_zzz' }, '成功'),
        ourRow({ ...lines[0]!, name: '张叁' }, '成功'),
        ourRow({ ...lines[1]!, amountFen: 150_000 }, '成功'),
        ourRow({ ...lines[2]!, lastFour: '9999' }, '成功'),
        ourRow(lines[2]!, '成功'),
      ),
      lines,
    );
    expect(reading.problems).toEqual([
      { line: 2, message: '这一批没有申领编号 c_zzz' },
      { line: 3, message: '序号 1（张三）的户名在文件里是“张叁”' },
      { line: 4, message: '序号 2（李四）的金额在文件里是“1500.00”，这一批发的是 1500.50 元' },
      { line: 5, message: '序号 3（包头市某某劳务有限公司）的账号尾号在文件里是 9999，这一批发到尾号 8888' },
      { line: 6, message: '序号 3（包头市某某劳务有限公司）在文件里出现了两次' },
    ]);
    const unreadable = readReturnFile(sheet(OURS, ourRow(lines[0]!, '处理中')), lines);
    expect(unreadable.problems).toEqual([{ line: 2, message: '处理结果“处理中”看不懂，应为 成功 或 失败' }]);
  });

  it('will not record a return without the bank’s reference, nor one that contradicts what is recorded', () => {
    const recorded = lines.map((line) => (line.row === 2 ? { ...line, returned: { bankReference: 'TP2026120701' } } : line));
    const reading = readReturnFile(
      sheet(
        OURS,
        ourRow(lines[0]!, '失败', '账号不存在', ''),
        ourRow(lines[1]!, '失败', '账户已销户', 'TP2026120701'),
        ourRow(lines[2]!, '失败', '户名不符', 'TP-OTHER'),
      ),
      recorded.map((line) => (line.row === 3 ? { ...line, returned: { bankReference: 'TP-FIRST' } } : line)),
    );
    expect(reading.problems.map((p) => p.line)).toEqual([2, 4]);
    expect(reading.problems[0]!.message).toContain('没有可用的流水号');
    expect(reading.problems[1]!.message).toBe(
      '序号 3（包头市某某劳务有限公司）已按流水号 TP-FIRST 登记过退回，文件里是 TP-OTHER',
    );
    // The same return read again is what is already recorded, not a second one.
    expect(reading.returns).toMatchObject([{ row: 2, recorded: true }]);
    const again = readReturnFile(sheet(OURS, ourRow(lines[1]!, '成功')), recorded);
    expect(again.problems[0]!.message).toContain('已登记过银行退回，文件却说成功');
  });

  it('will not match rows by 序号 alone: with no name, amount or card to compare, it could be another batch’s file', () => {
    const bare = readReturnFile(sheet(['序号', '处理结果', '流水号'], ['1', '失败', 'TP-0001']), lines);
    expect(bare.problems).toEqual([{ line: 1, message: '文件里没有户名、金额或账号：只有序号，确认不了是这一批的回盘文件' }]);
    expect(bare.returns).toEqual([]);
  });

  it('tells our own payment file and a file without a header from a return file', () => {
    const own = readReturnFile(sheet(OURS.slice(0, 8), ourRow(lines[0]!, '').slice(0, 8)), lines);
    expect(own.problems).toEqual([{ line: 0, message: expect.stringContaining('这是发给银行的发放文件') }]);
    const none = readReturnFile(sheet(['a', 'b'], ['1', '2']), lines);
    expect(none.problems).toEqual([{ line: 0, message: expect.stringContaining('没有找到表头') }]);
    expect(none.unlisted).toEqual([]);
  });

  it('does not compare a card number a spreadsheet turned into a number, which has lost its last digits', () => {
    const row = ourRow(lines[0]!, '成功');
    row[4] = '6.217990000000000e+18';
    expect(readReturnFile(sheet(OURS, row), lines)).toMatchObject({ problems: [], paid: [{ row: 1 }] });
  });

  it('keeps a formula-looking name as the batch wrote it, apostrophe and all, when the bank echoes it', () => {
    const odd = [{ ...lines[0]!, name: '=某某合作社' }];
    const reading = readReturnFile(sheet(OURS, ourRow({ ...odd[0]!, name: "'=某某合作社" }, '成功')), odd);
    expect(reading.problems).toEqual([]);
    expect(reading.paid).toHaveLength(1);
  });
});

describe('returnReasonOf', () => {
  it("maps the bank's words to ours, and keeps words it cannot map", () => {
    expect(returnReasonOf('该账户已销户')).toEqual({ reason: 'accountClosed' });
    expect(returnReasonOf('户名与账号不符')).toEqual({ reason: 'nameMismatch' });
    expect(returnReasonOf('无此账户')).toEqual({ reason: 'noSuchAccount' });
    expect(returnReasonOf('账户挂失')).toEqual({ reason: 'accountFrozen' });
    expect(returnReasonOf('超过单日限额')).toEqual({ reason: 'other', note: '超过单日限额' });
    expect(returnReasonOf('')).toEqual({ reason: 'other', note: '回盘文件没有写原因' });
  });
});

describe('returnFileUnreadWarning', () => {
  // Paid at 10:00 China time on 2026-12-08.
  const batch = {
    batchId: 'b_1',
    regionCode: '150222',
    createdAt: '2026-12-08T02:00:00.000Z',
    state: 'done',
    count: 40,
    totalFen: 2_000_000,
  };

  it('is silent for the region’s days, then gives the county the batch to read, again the next month', () => {
    expect(returnFileUnreadWarning(batch, '2026-12-18', 10)).toBeUndefined();
    const warning = returnFileUnreadWarning(batch, '2026-12-19', 10)!;
    expect(warning).toMatchObject({
      cause: 'returnFileUnread',
      month: '2026-12',
      subject: 'b_1',
      regionCode: '150222',
      level: 'county',
    });
    expect(warning.text).toBe(
      '2026-12-08 发放的一批补贴（40 份，共 20000 元），11 天了还没有读银行回盘文件（期限 10 天）。钱是否都到了本人的卡上，要看银行的回盘：请负责发放的工作人员向银行要回盘文件，在 发放补贴 › 以前的发放批次 里读进这一批',
    );
    expect(returnFileUnreadWarning(batch, '2027-01-05', 10)?.month).toBe('2027-01');
  });

  it('is silent once the file is read, for a batch not finished, for one paid before return files could be read, and after half a year', () => {
    expect(
      returnFileUnreadWarning({ ...batch, returnFile: { at: '2026-12-09T01:00:00.000Z' } }, '2026-12-30', 10),
    ).toBeUndefined();
    expect(returnFileUnreadWarning({ ...batch, state: 'filed' }, '2026-12-30', 10)).toBeUndefined();
    expect(returnFileUnreadWarning({ ...batch, createdAt: '2026-12-05T02:00:00.000Z' }, '2026-12-30', 10)).toBeUndefined();
    expect(returnFileUnreadWarning(batch, '2027-06-06', 10)).toBeDefined();
    expect(returnFileUnreadWarning(batch, '2027-06-07', 10)).toBeUndefined();
  });
});
