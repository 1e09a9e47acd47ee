/**
 * A bank's answer file, as banks lay them out: the columns found by the header names seen in
 * their files (the same names our own files use, then the banks' own), the header perhaps below a
 * title, the result of each row in the bank's words. Read by the subsidies' return file
 * (returnFile.ts) and the relief wages' (reliefWork/wageBankFile.ts).
 */
import { yuanToFen } from '../money.js';

export type BankFileColumn = 'row' | 'claimId' | 'name' | 'account' | 'amount' | 'status' | 'reason' | 'reference' | 'date';

/** Header spellings, spaces and brackets dropped: ours first (payment file), then what banks write. */
const HEADERS: Record<BankFileColumn, readonly string[]> = {
  row: ['序号', '行号', '编号'],
  claimId: ['申领编号'],
  name: ['姓名或单位', '户名', '姓名', '收款人', '收款人名称', '收款户名', '账户名称'],
  account: ['账号', '收款账号', '收款人账号', '卡号', '收款账户', '入账账号', '账户'],
  amount: ['金额元', '金额', '交易金额', '代发金额', '实发金额', '发放金额', '劳务报酬元'],
  status: ['处理结果', '交易状态', '处理状态', '交易结果', '状态', '结果'],
  reason: ['失败原因', '退票原因', '错误原因', '错误信息', '失败信息', '原因', '处理说明', '备注'],
  reference: ['银行流水号', '流水号', '交易流水号', '退票流水号', '银行交易流水号', '交易参考号'],
  date: ['交易日期', '入账日期', '代发日期', '发放日期', '处理日期', '日期'],
};

/** A title or notes above the header are skipped; a header lower than this is not looked for. */
export const HEADER_SEARCH_ROWS = 10;

export const normalHeader = (cell: string) => cell.replace(/[\s()（）:：]/g, '');

/** Which column holds what in this row, were it the header. */
export function columnsOf(values: readonly string[]): Map<BankFileColumn, number> {
  const found = new Map<BankFileColumn, number>();
  for (const [column, names] of Object.entries(HEADERS) as [BankFileColumn, readonly string[]][]) {
    const index = values.findIndex((cell) => names.includes(normalHeader(cell)));
    if (index >= 0) found.set(column, index);
  }
  return found;
}

/** What became of a row, in the bank's words; `{ problem }` when they are none we know. 不成功 says 成功 too: failure is looked for first. */
export function resultOf(status: string | undefined): 'paid' | 'returned' | { problem: string } {
  const text = status ?? '';
  if (/失败|退回|退票|不成功|未入账|拒绝|^fail/i.test(text)) return 'returned';
  if (/成功|已入账|已到账|^success$/i.test(text)) return 'paid';
  return { problem: `处理结果“${text || '（空）'}”看不懂，应为 成功 或 失败` };
}

/** An amount as banks write it (¥1,200.00 or 1200), in fen; NaN when it is none. */
export const bankAmountFen = (text: string) => yuanToFen(text.replace(/^[¥￥]/, ''));

/** Our own files lead a cell a spreadsheet would run with an apostrophe (csvField): the bank echoes it. */
export const cellText = (cell: string | undefined) => (cell ?? '').trim().replace(/^'(?=[=+\-@])/, '');

/** The digits of an account cell; none when a spreadsheet turned it into a number (6.2179E+18) and lost its last digits. */
export const accountDigits = (cell: string) => (/e\+?\d+$/i.test(cell) ? '' : cell.replace(/\D/g, ''));

/** A spreadsheet row: its number as the spreadsheet shows it, and its cells. */
export interface BankFileSheetRow {
  row: number;
  values: string[];
}

/** A date as banks write it (2026-12-05, 2026/12/5, 20261205, 2026年12月5日), as an ISO date; undefined when it is none. */
export function bankDate(text: string): string | undefined {
  const match = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:\s.*)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso ? undefined : iso;
}
