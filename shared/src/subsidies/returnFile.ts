/**
 * 银行回盘文件: the bank's answer to a batch's file, one row a payment with what became of it
 * (成功 / 失败, why, and the bank's reference). Read against the batch's own rows, it says which
 * payments arrived and which came back, so a payer records forty returns from one file instead of
 * typing each from a slip; and anything that does not match the batch (another batch's file, an
 * amount or a card that differs, a result nobody can read) is said by its row and nothing is
 * recorded, since a wrong match would make money payable again.
 *
 * Banks lay their files out differently: columns are found by the header names seen in their
 * files (the same names our own file uses, then the banks' own), the header may sit below a title.
 */
import { bankReturnRequestSchema, type BankReturnReason, type BankReturnRequest } from './bankReturn.js';
import { bankReferenceSchema } from './bankReference.js';
import { formatYuan } from '../money.js';
import type { Warning } from '../monitoring/warnings.js';
import { addDays, chinaDate, daysBetween } from '../registry/employment.js';
import {
  accountDigits,
  bankAmountFen,
  cellText,
  columnsOf,
  HEADER_SEARCH_ROWS,
  normalHeader,
  resultOf,
  type BankFileColumn,
  type BankFileSheetRow,
} from './bankFileColumns.js';

type Column = BankFileColumn;

/** The most a return file may be: a batch is one county's claims at once, its bank's answer well under this. */
export const RETURN_FILE_MAX_BYTES = 4 * 1024 * 1024;

const REFERENCE = bankReferenceSchema('银行回盘文件');

/** What a row found by its 序号 is checked against the batch on: at least one must be in the file. */
const CHECKED: readonly Column[] = ['name', 'amount', 'account'];

/** Which column holds what, when this row is a header: it must name the result and a way to find the row. */
function headerOf(values: readonly string[]): Map<Column, number> | undefined {
  const found = columnsOf(values);
  return found.has('status') && (found.has('claimId') || found.has('row')) ? found : undefined;
}

/** What the bank said, as one of ours; its own words kept when it is none of them. */
export function returnReasonOf(text: string): Pick<BankReturnRequest, 'reason' | 'note'> {
  const words = text.trim();
  const reason: BankReturnReason | undefined = /销户|注销|已关闭/.test(words)
    ? 'accountClosed'
    : /户名|姓名不符|名称不符/.test(words)
      ? 'nameMismatch'
      : /不存在|无此账|账号错|卡号错|账号有误|无效账/.test(words)
        ? 'noSuchAccount'
        : /冻结|挂失|止付|久悬|睡眠/.test(words)
          ? 'accountFrozen'
          : undefined;
  if (reason) return { reason };
  return { reason: 'other', note: words.length >= 2 ? words.slice(0, 60) : '回盘文件没有写原因' };
}

export type ReturnFileSheetRow = BankFileSheetRow;

/** A row of the batch's own file (序号 `row`), with the return recorded on it, if any. */
export interface BatchFileLine {
  row: number;
  claimId: string;
  name: string;
  amountFen: number;
  /** The last four digits of the account it was paid to. */
  lastFour: string;
  returned?: { bankReference: string };
}

/** A payment the file says came back: what would be recorded, and whether it already is. */
export interface FileReturn {
  row: number;
  claimId: string;
  name: string;
  amountFen: number;
  request: BankReturnRequest;
  recorded: boolean;
}

export interface ReturnFileReading {
  /** Rows of the batch the bank says arrived. */
  paid: { row: number; amountFen: number }[];
  returns: FileReturn[];
  /** 序号 of the batch's rows the file does not list (a bank may send back only what failed). */
  unlisted: number[];
  /** What does not match, by the file's row (0: the file as a whole); nothing is recorded while any is left. */
  problems: { line: number; message: string }[];
}

/** Reads the bank's rows against the batch's. */
export function readReturnFile(sheet: Iterable<ReturnFileSheetRow>, lines: readonly BatchFileLine[]): ReturnFileReading {
  const reading: ReturnFileReading = { paid: [], returns: [], unlisted: [], problems: [] };
  const problem = (line: number, message: string) => reading.problems.push({ line, message });
  const byClaim = new Map(lines.map((line) => [line.claimId, line]));
  const byRow = new Map(lines.map((line) => [line.row, line]));
  const listed = new Set<number>();
  let columns: Map<Column, number> | undefined;
  let rowsSeen = 0;
  let ownFile = false;
  for (const { row: at, values } of sheet) {
    rowsSeen += 1;
    if (!columns) {
      columns = headerOf(values);
      // Our own file has 申领编号 and no result: the payer picked what was sent, not what came back.
      ownFile ||= !columns && values.map(normalHeader).includes('申领编号');
      if (!columns && rowsSeen >= HEADER_SEARCH_ROWS) break;
      if (columns && !columns.has('claimId') && !CHECKED.some((column) => columns!.has(column))) {
        // Found by 序号 alone, another batch's file would return this batch's rows: something must be compared.
        problem(at, '文件里没有户名、金额或账号：只有序号，确认不了是这一批的回盘文件');
        return reading;
      }
      continue;
    }
    const cell = (column: Column) => (columns!.has(column) ? cellText(values[columns!.get(column)!]) : undefined);
    if (values.every((value) => cellText(value) === '')) continue;
    const claimId = cell('claimId');
    const rowText = cell('row');
    const line = claimId ? byClaim.get(claimId) : rowText ? byRow.get(Number(rowText)) : undefined;
    if (!line) {
      problem(at, claimId ? `这一批没有申领编号 ${claimId}` : `这一批没有序号 ${rowText ?? '（空）'}`);
      continue;
    }
    if (listed.has(line.row)) {
      problem(at, `序号 ${line.row}（${line.name}）在文件里出现了两次`);
      continue;
    }
    listed.add(line.row);
    const mismatch = mismatchOf(line, cell);
    if (mismatch) {
      problem(at, `序号 ${line.row}（${line.name}）${mismatch}`);
      continue;
    }
    const result = resultOf(cell('status'));
    if (typeof result === 'object') {
      problem(at, result.problem);
      continue;
    }
    if (result === 'paid') {
      if (line.returned) problem(at, `序号 ${line.row}（${line.name}）已登记过银行退回，文件却说成功，请和银行核对`);
      else reading.paid.push({ row: line.row, amountFen: line.amountFen });
      continue;
    }
    const reference = REFERENCE.safeParse(cell('reference') ?? '');
    if (!reference.success) {
      problem(
        at,
        columns.has('reference')
          ? `序号 ${line.row}（${line.name}）退回了，但没有可用的流水号（“${cell('reference')}”）`
          : '文件里没有“流水号”一列，退回的钱要按银行的流水号登记',
      );
      continue;
    }
    const bankReference = reference.data;
    if (line.returned && line.returned.bankReference !== bankReference) {
      problem(
        at,
        `序号 ${line.row}（${line.name}）已按流水号 ${line.returned.bankReference} 登记过退回，文件里是 ${bankReference}`,
      );
      continue;
    }
    reading.returns.push({
      row: line.row,
      claimId: line.claimId,
      name: line.name,
      amountFen: line.amountFen,
      // Held to the rules of a return typed by hand: the file records nothing a payer could not.
      request: bankReturnRequestSchema.parse({ claimId: line.claimId, ...returnReasonOf(cell('reason') ?? ''), bankReference }),
      recorded: line.returned !== undefined,
    });
  }
  if (!columns) {
    problem(
      0,
      ownFile
        ? '这是发给银行的发放文件，不是银行发回来的回盘文件：回盘文件有“处理结果”一列'
        : '没有找到表头：回盘文件要有“序号”或“申领编号”一列，和“处理结果”一列',
    );
    return reading;
  }
  reading.unlisted = lines.filter((line) => !listed.has(line.row)).map((line) => line.row);
  return reading;
}

/** What in the row differs from the batch's own: the 序号, the name, the amount or the card's last digits. */
function mismatchOf(line: BatchFileLine, cell: (column: Column) => string | undefined): string | undefined {
  const rowText = cell('row');
  if (cell('claimId') && rowText && Number(rowText) !== line.row) return `在文件里是第 ${rowText} 号`;
  const name = cell('name');
  if (name && name !== line.name) return `的户名在文件里是“${name}”`;
  const amount = cell('amount');
  if (amount !== undefined) {
    const fen = bankAmountFen(amount);
    if (fen !== line.amountFen) return `的金额在文件里是“${amount}”，这一批发的是 ${formatYuan(line.amountFen)}`;
  }
  // A card number a spreadsheet turned into a number (6.2179E+18) has lost its last digits: not compared.
  const digits = accountDigits(cell('account') ?? '');
  if (digits.length >= 4 && digits.slice(-4) !== line.lastFour)
    return `的账号尾号在文件里是 ${digits.slice(-4)}，这一批发到尾号 ${line.lastFour}`;
  return undefined;
}

/** Batches paid before the return file could be read (this day) are not chased for it. */
const RETURN_FILES_READ_SINCE = '2026-12-07';

/** A batch paid longer ago than this is an audit's matter, no longer a daily task. */
const RETURN_FILE_CHASED_DAYS = 180;

/** The first and last China dates of the batches to chase on `today`: paid since the feature, within the window, past the days. */
export function chasedPaymentDays(today: string, dueDays: number): { from: string; to: string } {
  const window = addDays(today, -RETURN_FILE_CHASED_DAYS);
  return { from: window > RETURN_FILES_READ_SINCE ? window : RETURN_FILES_READ_SINCE, to: addDays(today, -dueDays - 1) };
}

/**
 * 回盘未读: a finished batch whose bank's answer nobody read into it past the region's days. "Paid"
 * was the file for the bank; whether the money reached each person's card is in the bank's return
 * file, and money that came back waits unseen until it is read. The county's task, again each month.
 */
export function returnFileUnreadWarning(
  batch: {
    batchId: string;
    regionCode: string;
    createdAt: string;
    state: string;
    count?: number | undefined;
    totalFen?: number | undefined;
    returnFile?: unknown;
  },
  today: string,
  dueDays: number,
): Warning | undefined {
  if (batch.state !== 'done' || batch.returnFile) return undefined;
  const paidOn = chinaDate(new Date(batch.createdAt));
  const { from, to } = chasedPaymentDays(today, dueDays);
  if (paidOn < from || paidOn > to) return undefined;
  const days = daysBetween(paidOn, today);
  const amount = formatYuan(batch.totalFen ?? 0);
  return {
    cause: 'returnFileUnread',
    month: today.slice(0, 7),
    // One task a batch and month: asked again each month it is still unread.
    subject: batch.batchId,
    regionCode: batch.regionCode,
    level: 'county',
    text: `${paidOn} 发放的一批补贴（${batch.count ?? 0} 份，共 ${amount}），${days} 天了还没有读银行回盘文件（期限 ${dueDays} 天）。钱是否都到了本人的卡上，要看银行的回盘：请负责发放的工作人员向银行要回盘文件，在 发放补贴 › 以前的发放批次 里读进这一批`,
    figures: [
      { label: '发放日期', value: paidOn },
      { label: '份数', value: batch.count ?? 0 },
      { label: '金额', value: amount },
      { label: '已过天数', value: days },
    ],
  };
}
