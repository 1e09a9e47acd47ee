/**
 * The monthly wage sheet of a 以工代赈 project (工资发放表, file 000 §二(三)): "由施工单位定期（至少每月
 * 1次）核定务工群众劳务报酬，形成工资发放表……经务工群众签字确认，原则上通过银行卡发放至本人，并将劳务
 * 报酬发放台账送……行业主管部门备案". The contractor enters each person's days and pay; each person
 * confirms their own line in the app (签字确认) or says it is wrong; the contractor records the
 * bank payment. Pay below the county's standard is refused when entered, and the sheet comes out
 * as rows for the spreadsheet filed with the sector department.
 */
import * as z from 'zod';
import { formatYuan } from '../money.js';
import { nameSchema } from '../names.js';
import { chinaDate, MAX_MONTHLY_INCOME_FEN, monthSchema } from '../registry/employment.js';
import { workerIdSchema } from '../registry/worker.js';
import { daysInMonth, deviceIdSchema } from '../welfarePosts/attendance.js';
import { WAGE_UNIT_ZH, type ReliefProject, type WageStandard } from './project.js';

const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;

/** The contractor's month: each person's days worked and pay (核定劳务报酬). */
export const wageSheetInputSchema = z
  .strictObject({
    lines: z
      .array(
        z.strictObject({
          workerId: workerIdSchema,
          days: z.number().int('天数应为整数').min(0, '天数不能是负数').max(31, '一个月最多 31 天'),
          payFen: z.number().int('请填整数（分）').min(0, '劳务报酬不能是负数').max(MAX_MONTHLY_INCOME_FEN, '劳务报酬太大了'),
        }),
      )
      .min(1, '请至少填一个人')
      .max(100, '一次最多填 100 人'),
  })
  .refine((input) => unique(input.lines.map((l) => l.workerId)), { path: ['lines'], message: '同一个人填了两次' });
export type WageSheetInput = z.infer<typeof wageSheetInputSchema>;

export const WAGE_LINE_STATUSES = ['entered', 'confirmed', 'disputed', 'paid'] as const;
export type WageLineStatus = (typeof WAGE_LINE_STATUSES)[number];
export const WAGE_LINE_STATUS_ZH: Record<WageLineStatus, string> = {
  entered: '待本人确认',
  confirmed: '本人已确认',
  disputed: '本人有异议',
  paid: '已发放',
};

const byPhone = z.object({ by: z.string(), at: z.iso.datetime(), device: z.string() });

/** One person's month on one project. */
export const wageLineSchema = z.object({
  projectId: z.string(),
  month: monthSchema,
  workerId: z.string(),
  name: z.string(),
  days: z.number().int(),
  payFen: z.number().int(),
  status: z.enum(WAGE_LINE_STATUSES),
  entered: z.object({ by: z.string(), at: z.iso.datetime() }),
  /** 签字确认: the person, on their own phone. */
  confirmation: byPhone.optional(),
  dispute: byPhone.extend({ note: z.string() }).optional(),
  /**
   * The bank payment to the person's own card: recorded when, the bank's date, and 银行流水号;
   * `bankFile`, the SHA-256 of the bank's 代发结果 it was read from (none: typed by the contractor).
   */
  payment: z
    .object({
      by: z.string(),
      at: z.iso.datetime(),
      paidOn: z.string(),
      reference: z.string().optional(),
      bankFile: z.string().optional(),
    })
    .optional(),
  /** The person's word on that payment, on their own phone: 收到了, or 没收到 (raised as 欠薪). */
  receipt: byPhone.extend({ received: z.boolean(), note: z.string().optional() }).optional(),
  version: z.number().int().min(1),
});
/** Named apart from monitoring's `WageLine` (a township's average wage). */
export type ReliefWageLine = z.infer<typeof wageLineSchema>;

/**
 * The person's answer to their line: right (签字确认), or wrong with what is wrong; once the
 * contractor recorded the payment, whether the money came (收到了 / 没收到).
 */
export const wageAnswerSchema = z
  .strictObject({
    /** The version of the line the person read: a line changed since is a 409. */
    version: z.number().int().min(1),
    answer: z.enum(['confirm', 'dispute', 'received', 'notReceived']),
    note: z.string().trim().max(200, '最多 200 字').optional(),
    device: deviceIdSchema,
  })
  .refine((a) => a.answer !== 'dispute' || (a.note?.length ?? 0) >= 2, {
    path: ['note'],
    message: '请说一下哪里不对（至少 2 个字），施工单位会重新核对',
  });
export type WageAnswer = z.infer<typeof wageAnswerSchema>;

/** The contractor's record of a bank payment (通过银行卡发放至本人) for some of a month's lines. */
export const wagePaymentInputSchema = z.strictObject({
  workerIds: z.array(workerIdSchema).min(1, '请至少选一个人').max(100, '一次最多 100 人').refine(unique, '同一个人选了两次'),
  paidOn: z.iso.date('日期格式应为 2026-12-01'),
  /** 银行流水号. */
  reference: nameSchema(1, 60).optional(),
});
export type WagePaymentInput = z.infer<typeof wagePaymentInputSchema>;

/** The least a month's `days` may be paid under the standard: per day, or the month's pay pro rata (rounded down). */
export function minimumPayFen(standard: WageStandard, month: string, days: number): number {
  if (standard.unit === 'day') return days * standard.amountFen;
  return days > 0 ? Math.floor((standard.amountFen * days) / daysInMonth(month)) : 0;
}

/**
 * Why a person's month cannot be entered, or undefined: the month must have begun, the days fit
 * in it, and the pay be at least the county's standard (劳务报酬标准) for those days.
 */
export function wageLineProblem(
  month: string,
  currentMonth: string,
  standard: WageStandard,
  days: number,
  payFen: number,
): string | undefined {
  if (month > currentMonth) return '这个月还没到，不能填工资发放表';
  const last = daysInMonth(month);
  if (days > last) return `${month} 只有 ${last} 天`;
  const least = minimumPayFen(standard, month, days);
  if (payFen < least) {
    return `按本项目劳务报酬标准（${WAGE_UNIT_ZH[standard.unit]} ${formatYuan(standard.amountFen)}），${days} 天至少应发 ${formatYuan(least)}`;
  }
  return undefined;
}

export interface WageSheetTotals {
  workers: number;
  days: number;
  payFen: number;
  /** Lines by where they stand now: confirmed (and not yet paid), disputed, paid. */
  confirmed: number;
  disputed: number;
  paid: number;
  /** What people have confirmed and not yet been paid. */
  confirmedUnpaidFen: number;
}

export function sheetTotals(lines: readonly Pick<ReliefWageLine, 'days' | 'payFen' | 'status'>[]): WageSheetTotals {
  const totals: WageSheetTotals = { workers: 0, days: 0, payFen: 0, confirmed: 0, disputed: 0, paid: 0, confirmedUnpaidFen: 0 };
  for (const line of lines) {
    totals.workers += 1;
    totals.days += line.days;
    totals.payFen += line.payFen;
    if (line.status === 'confirmed') {
      totals.confirmed += 1;
      totals.confirmedUnpaidFen += line.payFen;
    }
    if (line.status === 'disputed') totals.disputed += 1;
    if (line.status === 'paid') totals.paid += 1;
  }
  return totals;
}

export type WageSheetRow = (string | number)[];

export const WAGE_SHEET_HEADER = ['序号', '姓名', '务工天数', '劳务报酬（元）', '本人确认', '发放情况'] as const;

const yuan = (fen: number) => Math.round(fen) / 100;
const monthZh = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

function confirmationCell(line: ReliefWageLine): string {
  if (line.status === 'disputed') return `有异议：${line.dispute?.note ?? ''}`;
  if (line.confirmation) return `已确认（${chinaDate(new Date(line.confirmation.at))}）`;
  return '未确认';
}

function paymentCell(line: ReliefWageLine): string {
  if (!line.payment) return '未发放';
  const reference = line.payment.reference ? `，流水号 ${line.payment.reference}` : '';
  const source = line.payment.bankFile ? '，按银行代发结果' : '';
  const receipt = line.receipt ? (line.receipt.received ? '，本人已确认收到' : '，本人说没有收到') : '';
  return `已发放（${line.payment.paidOn}${reference}${source}）${receipt}`;
}

/** A receipt answer (收到了 / 没收到) rather than an answer to the days and pay. */
export const isReceiptAnswer = (answer: WageAnswer['answer']): answer is 'received' | 'notReceived' =>
  answer === 'received' || answer === 'notReceived';

/** The sheet's order, by name as Chinese sorts it: its 序号 are these places, in the app, its file and the bank's. */
export const inSheetOrder = <Line extends Pick<ReliefWageLine, 'name' | 'workerId'>>(lines: readonly Line[]): Line[] =>
  [...lines].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.workerId.localeCompare(b.workerId));

/**
 * The month's sheet as spreadsheet rows, in the lines' order: a title, the header, one row a
 * person, and a 合计 row. Amounts are yuan numbers (two decimals); writing the file is the caller's.
 */
export function wageSheetRows(
  project: Pick<ReliefProject, 'name' | 'contractorName' | 'sectorDepartment'>,
  month: string,
  lines: readonly ReliefWageLine[],
): WageSheetRow[] {
  const totals = sheetTotals(lines);
  return [
    [
      `以工代赈工资发放表：${project.name}，施工单位 ${project.contractorName}，${monthZh(month)}，报 ${project.sectorDepartment} 备案`,
    ],
    [...WAGE_SHEET_HEADER],
    ...lines.map((line, i): WageSheetRow => [
      i + 1,
      line.name,
      line.days,
      yuan(line.payFen),
      confirmationCell(line),
      paymentCell(line),
    ]),
    [
      '合计',
      `${totals.workers} 人`,
      totals.days,
      yuan(totals.payFen),
      `${totals.confirmed + totals.paid} 人已确认`,
      `${totals.paid} 人已发放`,
    ],
  ];
}
