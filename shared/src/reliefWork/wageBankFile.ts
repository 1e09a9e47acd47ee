/**
 * 以工代赈 wages as the bank paid them: the bank's answer to the contractor's 代发 (代发结果),
 * read against a month's wage sheet. Wages go through the bank to each person's own card
 * (000 §(三)); the contractor used to type that it had paid, and the person could only say 收到了
 * or 没收到. Now the bank's own file says which lines arrived, to which card, and which came back.
 * A row paid to a card other than the one on the person's record, an amount other than the line's,
 * a line the person has not confirmed, a file that is not this sheet's: each is said by its row,
 * and nothing is recorded while any is left.
 */
import { bankReferenceSchema } from '../subsidies/bankReference.js';
import {
  accountDigits,
  bankAmountFen,
  bankDate,
  cellText,
  columnsOf,
  HEADER_SEARCH_ROWS,
  normalHeader,
  resultOf,
  type BankFileColumn,
  type BankFileSheetRow,
} from '../subsidies/bankFileColumns.js';
import { formatYuan } from '../money.js';
import { WAGE_SHEET_HEADER, type ReliefWageLine } from './wageSheet.js';

/** A line of the month's sheet as the file is read against it. */
export interface WageFileLine {
  /** Its 序号 on the sheet (the sheet's order). */
  row: number;
  workerId: string;
  name: string;
  payFen: number;
  status: ReliefWageLine['status'];
  /** The payment recorded already, if any. */
  payment?: { reference?: string | undefined } | undefined;
  /** The last four digits of the card in force on the person's record; none when there is none. */
  cardLastFour?: string | undefined;
}

/** A row the bank paid: to record, or recorded already. */
export interface WageFilePayment {
  row: number;
  workerId: string;
  name: string;
  payFen: number;
  /** The bank's date of it, when the file says. */
  paidOn?: string;
  reference?: string;
  recorded: boolean;
}

export interface WageFileReading {
  paid: WageFilePayment[];
  /** Rows the bank sent back, in its words: the person is still owed them. */
  returned: { row: number; name: string; payFen: number; reason: string }[];
  /** 序号 of the sheet's confirmed or paid lines the file does not list. */
  unlisted: number[];
  /** 序号 of paid rows whose person has no card on record to check the account against. */
  unchecked: number[];
  /** What does not match, by the file's row (0: the file as a whole). */
  problems: { line: number; message: string }[];
}

/** A 代发结果 must say who, to which account, how much and what became of it. */
const NEEDED: readonly BankFileColumn[] = ['name', 'account', 'amount', 'status'];

const REFERENCE = bankReferenceSchema('代发结果');

/** Reads the bank's rows against the month's lines; `today` (China) bounds the bank's dates. */
export function readWageBankFile(
  sheet: Iterable<BankFileSheetRow>,
  lines: readonly WageFileLine[],
  today: string,
): WageFileReading {
  const reading: WageFileReading = { paid: [], returned: [], unlisted: [], unchecked: [], problems: [] };
  const problem = (line: number, message: string) => reading.problems.push({ line, message });
  const byRow = new Map(lines.map((line) => [line.row, line]));
  const listed = new Set<number>();
  let columns: Map<BankFileColumn, number> | undefined;
  let ownSheet = false;
  let rowsSeen = 0;
  for (const { row: at, values } of sheet) {
    rowsSeen += 1;
    if (!columns) {
      const found = columnsOf(values);
      if (NEEDED.every((column) => found.has(column))) columns = found;
      // Our own sheet names the person's confirmation and 发放情况, and no bank's result.
      ownSheet ||= WAGE_SHEET_HEADER.every((name) => values.map(normalHeader).includes(normalHeader(name)));
      if (!columns && rowsSeen >= HEADER_SEARCH_ROWS) break;
      continue;
    }
    const cell = (column: BankFileColumn) => (columns!.has(column) ? cellText(values[columns!.get(column)!]) : undefined);
    if (values.every((value) => cellText(value) === '')) continue;
    const name = cell('name') ?? '';
    const digits = accountDigits(cell('account') ?? '');
    const found = lineOf(cell('row'), name, digits, lines, byRow);
    if (typeof found === 'string') {
      problem(at, found);
      continue;
    }
    const line = found;
    const who = `序号 ${line.row}（${line.name}）`;
    if (listed.has(line.row)) {
      problem(at, `${who}在文件里出现了两次`);
      continue;
    }
    listed.add(line.row);
    const amount = cell('amount') ?? '';
    if (bankAmountFen(amount) !== line.payFen) {
      problem(at, `${who}的金额在文件里是“${amount}”，工资表上是 ${formatYuan(line.payFen)}`);
      continue;
    }
    const result = resultOf(cell('status'));
    if (typeof result === 'object') {
      problem(at, result.problem);
      continue;
    }
    if (result === 'returned') {
      if (line.status === 'paid') problem(at, `${who}已登记发放，文件却说银行退回了，请和银行核对`);
      else reading.returned.push({ row: line.row, name: line.name, payFen: line.payFen, reason: cell('reason') || '银行退回' });
      continue;
    }
    if (digits.length < 4) {
      problem(at, `${who}的账号“${cell('account')}”看不全，看不出发到了哪张卡`);
      continue;
    }
    if (line.cardLastFour && digits.slice(-4) !== line.cardLastFour) {
      // Not the card on record's digits: a file made up to probe them would learn them.
      problem(at, `${who}的钱发到了尾号 ${digits.slice(-4)} 的卡，不是本人在村里登记的卡：要发到本人的卡上`);
      continue;
    }
    const payment = paymentOf(cell, today);
    if (typeof payment === 'string') {
      problem(at, `${who}${payment}`);
      continue;
    }
    if (line.status === 'paid') {
      const recorded = line.payment?.reference;
      if (recorded && payment.reference && recorded !== payment.reference) {
        problem(at, `${who}已按流水号 ${recorded} 登记发放，文件里是 ${payment.reference}`);
        continue;
      }
    } else if (line.status !== 'confirmed') {
      problem(at, `${who}本人还没有确认这个月的工资，确认以后才能登记发放`);
      continue;
    }
    if (!line.cardLastFour) reading.unchecked.push(line.row);
    reading.paid.push({
      row: line.row,
      workerId: line.workerId,
      name: line.name,
      payFen: line.payFen,
      ...payment,
      recorded: line.status === 'paid',
    });
  }
  if (!columns) {
    problem(
      0,
      ownSheet
        ? '这是交给银行的工资表，不是银行发回来的代发结果：代发结果有“处理结果”一列'
        : '没有找到表头：代发结果要有“户名”“账号”“金额”和“处理结果”几列',
    );
    return reading;
  }
  reading.unlisted = lines
    .filter((line) => (line.status === 'confirmed' || line.status === 'paid') && !listed.has(line.row))
    .map((line) => line.row);
  return reading;
}

/**
 * The line a row is for: by its 序号 when the file has one (the bank echoing the sheet), the name
 * agreeing; else by the name, and among people of the same name by the card on their record.
 * A string says why none.
 */
function lineOf(
  rowText: string | undefined,
  name: string,
  digits: string,
  lines: readonly WageFileLine[],
  byRow: ReadonlyMap<number, WageFileLine>,
): WageFileLine | string {
  if (rowText) {
    const line = byRow.get(Number(rowText));
    if (!line) return `工资表上没有序号 ${rowText}`;
    return line.name === name ? line : `序号 ${line.row} 在工资表上是${line.name}，文件里是“${name}”`;
  }
  const named = lines.filter((line) => line.name === name);
  if (named.length === 0) return `这个月的工资表上没有“${name || '（空）'}”`;
  if (named.length === 1) return named[0]!;
  const byCard = named.filter((line) => digits.length >= 4 && line.cardLastFour === digits.slice(-4));
  return byCard.length === 1 ? byCard[0]! : `工资表上有 ${named.length} 个人叫“${name}”，文件没有序号，账号也分不出是哪一位`;
}

/** The bank's date and reference of a paid row; a string says what is wrong with them. */
function paymentOf(
  cell: (column: BankFileColumn) => string | undefined,
  today: string,
): { paidOn?: string; reference?: string } | string {
  const dateText = cell('date');
  const paidOn = dateText ? bankDate(dateText) : undefined;
  if (dateText && !paidOn) return `的日期“${dateText}”看不懂`;
  if (paidOn && paidOn > today) return `的日期 ${paidOn} 还没到`;
  const referenceText = cell('reference');
  if (!referenceText) return paidOn ? { paidOn } : {};
  const reference = REFERENCE.safeParse(referenceText);
  if (!reference.success) return `的流水号“${referenceText}”不能用`;
  return { ...(paidOn ? { paidOn } : {}), reference: reference.data };
}
