/**
 * 以工代赈 代发结果, the pure part: the bank's rows read against a month's wage sheet — who was paid,
 * to which card, under which reference and on which day; what came back; and every row that does
 * not match (another card than the person's, another amount, a line not confirmed) said by its row.
 */
import { describe, expect, it } from 'vitest';
import { bankDate, readWageBankFile, type BankFileSheetRow, type WageFileLine } from '@bangfu/shared';

const TODAY = '2026-12-08';
const lines: WageFileLine[] = [
  { row: 1, workerId: 'w1', name: '张三', payFen: 300_000, status: 'confirmed', cardLastFour: '1111' },
  { row: 2, workerId: 'w2', name: '李四', payFen: 250_050, status: 'confirmed', cardLastFour: '2222' },
  { row: 3, workerId: 'w3', name: '王五', payFen: 120_000, status: 'confirmed' },
  { row: 4, workerId: 'w4', name: '赵六', payFen: 90_000, status: 'entered', cardLastFour: '4444' },
];

const sheet = (...rows: string[][]): BankFileSheetRow[] => rows.map((values, i) => ({ row: i + 1, values }));
const BANK = ['户名', '收款账号', '代发金额', '交易状态', '失败原因', '交易流水号', '交易日期'];

describe('readWageBankFile', () => {
  it('reads a bank’s own layout below its title: paid to each person’s card, a return in the bank’s words, the lines it does not list', () => {
    const reading = readWageBankFile(
      sheet(
        ['中国农业银行 代发工资结果'],
        BANK,
        ['张三', '6228480000001111', '3000.00', '成功', '', 'DF2026120501', '2026-12-05'],
        ['李四', '6228480000002222', '2500.50', '失败', '账户已冻结', 'DF2026120502', '2026/12/5'],
        ['王五', '6228480000003333', '1200', '交易成功', '', 'DF2026120503', '20261205'],
      ),
      lines,
      TODAY,
    );
    expect(reading.problems).toEqual([]);
    expect(reading.paid).toEqual([
      { row: 1, workerId: 'w1', name: '张三', payFen: 300_000, paidOn: '2026-12-05', reference: 'DF2026120501', recorded: false },
      { row: 3, workerId: 'w3', name: '王五', payFen: 120_000, paidOn: '2026-12-05', reference: 'DF2026120503', recorded: false },
    ]);
    expect(reading.returned).toEqual([{ row: 2, name: '李四', payFen: 250_050, reason: '账户已冻结' }]);
    // 王五 has no card on record: paid, but to a card nobody could check.
    expect(reading.unchecked).toEqual([3]);
    // 赵六 has not confirmed: not expected in the file, so not missing from it either.
    expect(reading.unlisted).toEqual([]);
  });

  it('refuses money paid to another card than the person’s, another amount, a line the person has not confirmed', () => {
    const reading = readWageBankFile(
      sheet(
        BANK,
        ['张三', '6228480000009999', '3000.00', '成功', '', 'DF01', ''],
        ['李四', '6228480000002222', '2500.00', '成功', '', 'DF02', ''],
        ['赵六', '6228480000004444', '900.00', '成功', '', 'DF04', ''],
        ['钱七', '6228480000007777', '100.00', '成功', '', 'DF07', ''],
      ),
      lines,
      TODAY,
    );
    expect(reading.paid).toEqual([]);
    expect(reading.problems).toEqual([
      { line: 2, message: '序号 1（张三）的钱发到了尾号 9999 的卡，不是本人在村里登记的卡：要发到本人的卡上' },
      { line: 3, message: '序号 2（李四）的金额在文件里是“2500.00”，工资表上是 2500.50 元' },
      { line: 4, message: '序号 4（赵六）本人还没有确认这个月的工资，确认以后才能登记发放' },
      { line: 5, message: '这个月的工资表上没有“钱七”' },
    ]);
    // The confirmed lines it never listed as paid.
    expect(reading.unlisted).toEqual([3]);
  });

  it('tells people of the same name apart by 序号 or by the card, and says so when it cannot', () => {
    const twins: WageFileLine[] = [
      { row: 1, workerId: 'a', name: '张伟', payFen: 100_000, status: 'confirmed', cardLastFour: '1001' },
      { row: 2, workerId: 'b', name: '张伟', payFen: 100_000, status: 'confirmed', cardLastFour: '2002' },
    ];
    const byCard = readWageBankFile(
      sheet(BANK, ['张伟', '6228000000002002', '1000', '成功', '', '', ''], ['张伟', '**** 1001', '1000', '成功', '', '', '']),
      twins,
      TODAY,
    );
    expect(byCard.paid.map((p) => p.workerId)).toEqual(['b', 'a']);
    expect(byCard.problems).toEqual([]);

    const bySheetRow = readWageBankFile(
      sheet(
        ['序号', ...BANK],
        ['2', '张伟', '6228000000002002', '1000', '成功', '', '', ''],
        ['1', '李雷', '6228000000001001', '1000', '成功', '', '', ''],
      ),
      twins,
      TODAY,
    );
    expect(bySheetRow.paid.map((p) => p.workerId)).toEqual(['b']);
    expect(bySheetRow.problems).toEqual([{ line: 3, message: '序号 1 在工资表上是张伟，文件里是“李雷”' }]);

    const lost = readWageBankFile(sheet(BANK, ['张伟', '6.22848E+18', '1000', '成功', '', '', '']), twins, TODAY);
    expect(lost.problems).toEqual([{ line: 2, message: '工资表上有 2 个人叫“张伟”，文件没有序号，账号也分不出是哪一位' }]);
  });

  it('keeps a payment recorded already, and stops one recorded under another reference or now said returned', () => {
    const paid: WageFileLine[] = [
      {
        row: 1,
        workerId: 'w1',
        name: '张三',
        payFen: 300_000,
        status: 'paid',
        cardLastFour: '1111',
        payment: { reference: 'DF01' },
      },
      {
        row: 2,
        workerId: 'w2',
        name: '李四',
        payFen: 250_050,
        status: 'paid',
        cardLastFour: '2222',
        payment: { reference: 'DF02' },
      },
      { row: 3, workerId: 'w3', name: '王五', payFen: 120_000, status: 'paid', payment: {} },
    ];
    const reading = readWageBankFile(
      sheet(
        BANK,
        ['张三', '6228480000001111', '3000', '成功', '', 'DF01', ''],
        ['李四', '6228480000002222', '2500.50', '成功', '', 'DF99', ''],
        ['王五', '6228480000003333', '1200', '失败', '户名不符', 'DF03', ''],
      ),
      paid,
      TODAY,
    );
    expect(reading.paid).toEqual([expect.objectContaining({ workerId: 'w1', recorded: true })]);
    expect(reading.problems).toEqual([
      { line: 3, message: '序号 2（李四）已按流水号 DF02 登记发放，文件里是 DF99' },
      { line: 4, message: '序号 3（王五）已登记发放，文件却说银行退回了，请和银行核对' },
    ]);
  });

  it('refuses our own wage sheet, a file without the bank’s columns, a date not come yet, a row listed twice', () => {
    const own = readWageBankFile(
      sheet(
        ['以工代赈工资发放表：…'],
        ['序号', '姓名', '务工天数', '劳务报酬（元）', '本人确认', '发放情况'],
        ['1', '张三', '20', '3000', '已确认', '未发放'],
      ),
      lines,
      TODAY,
    );
    expect(own.problems).toEqual([
      { line: 0, message: '这是交给银行的工资表，不是银行发回来的代发结果：代发结果有“处理结果”一列' },
    ]);
    const noAccount = readWageBankFile(sheet(['户名', '金额', '状态'], ['张三', '3000', '成功']), lines, TODAY);
    expect(noAccount.problems).toEqual([{ line: 0, message: '没有找到表头：代发结果要有“户名”“账号”“金额”和“处理结果”几列' }]);
    const odd = readWageBankFile(
      sheet(
        BANK,
        ['张三', '6228480000001111', '3000', '成功', '', 'DF01', '2026-12-09'],
        ['王五', '6228480000003333', '1200', '成功', '', 'DF03', ''],
        ['王五', '6228480000003333', '1200', '成功', '', 'DF03', ''],
      ),
      lines,
      TODAY,
    );
    expect(odd.problems).toEqual([
      { line: 2, message: '序号 1（张三）的日期 2026-12-09 还没到' },
      { line: 4, message: '序号 3（王五）在文件里出现了两次' },
    ]);
  });

  it('reads the dates banks write', () => {
    expect(['2026-12-05', '2026/12/5', '2026.12.05', '20261205', '2026年12月5日', '2026-12-05 14:03:22'].map(bankDate)).toEqual(
      Array(6).fill('2026-12-05'),
    );
    expect(['2026-02-30', '5/12/2026', '昨天', ''].map(bankDate)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
