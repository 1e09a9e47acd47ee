/**
 * Monthly employment records (就业信息台账, file 003 §(十九)): per worker per
 * month, whether and where they work, in what form, and what they earn.
 * A later record for the same month supersedes the earlier one; history is kept.
 */
import * as z from 'zod';
import { nameSchema } from '../names.js';
import { REGION_LEVELS } from '../regions/regionCode.js';
import {
  AT_HOME_REASONS,
  EMPLOYMENT_FORMS,
  EMPLOYMENT_PLACES,
  EMPLOYMENT_SOURCES,
  LABOUR_CLASSES,
  STAFF_TITLE_ZH,
  WORKER_GROUPS,
} from './labels.js';

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11');

/** The earliest month anyone enters: the registry of people lifted out of poverty starts in 2015. */
export const FIRST_MONTH = '2015-01';

/**
 * A month someone asks about or enters (a record, a report, a calculation, a push):
 * 2015-01 up to next month in China, so a typo such as 2062-11 or 1026-11 is refused
 * rather than stored or computed. Routes that take only past months narrow it further.
 */
export const acceptedMonthSchema = monthSchema
  .refine((month) => month >= FIRST_MONTH, '月份不能早于 2015 年 1 月')
  .refine((month) => month <= nextMonth(chinaMonth(new Date())), '月份最多只能是下个月');

/** More than 1,000,000 yuan a month is taken for a typing error. */
export const MAX_MONTHLY_INCOME_FEN = 100_000_000;

export const employmentInputSchema = z
  .strictObject({
    status: z.enum(['employed', 'notEmployed']),
    place: z.enum(EMPLOYMENT_PLACES).optional(),
    form: z.enum(EMPLOYMENT_FORMS).optional(),
    employerName: nameSchema(1, 60).optional(),
    positionId: z.string().max(64).optional(),
    /** Integer fen. */
    monthlyIncomeFen: z
      .number()
      .int('收入以分为单位，应为整数')
      .min(0, '收入不能是负数')
      .max(MAX_MONTHLY_INCOME_FEN, '月收入超过 100 万元，请核对'),
    atHomeReason: z.enum(AT_HOME_REASONS).optional(),
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((record, ctx) => {
    if (record.status === 'employed') {
      if (!record.place) ctx.addIssue({ code: 'custom', path: ['place'], message: '在岗时请选择务工地点' });
      if (!record.form) ctx.addIssue({ code: 'custom', path: ['form'], message: '在岗时请选择就业形式' });
      if (record.atHomeReason) ctx.addIssue({ code: 'custom', path: ['atHomeReason'], message: '在岗时不填在家原因' });
    } else {
      for (const field of ['place', 'form', 'employerName', 'positionId'] as const) {
        if (record[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: '未就业时不填这一项' });
      }
    }
  });
export type EmploymentInput = z.infer<typeof employmentInputSchema>;

export const employmentSubjectSchema = z.object({
  villageCode: z.string().length(12),
  labourClass: z.enum(LABOUR_CLASSES),
  groups: z.array(z.enum(WORKER_GROUPS)),
  /** 户编号: a household with nobody working (零就业家庭) is seen across its members' months. */
  householdId: z.string().optional(),
});
export type EmploymentSubject = z.infer<typeof employmentSubjectSchema>;

export const employmentRecordSchema = z.object({
  ...employmentInputSchema.shape,
  workerId: z.string(),
  month: monthSchema,
  source: z.enum(EMPLOYMENT_SOURCES),
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
  /** The level of the officer who recorded it (source staff), for naming them in a trace. */
  recordedByLevel: z.enum(REGION_LEVELS).optional(),
  /** 1 for the first record of the month; each supersession adds one. */
  revision: z.number().int().min(1),
  /** An officer's confirmation (核实) of the worker's own report: only then does it count for money. */
  confirmation: z.object({ by: z.string(), level: z.enum(REGION_LEVELS), at: z.iso.datetime() }).optional(),
  /**
   * The person as they were when the month was recorded, for the region's monthly figures
   * (monitoring/monthFigures.ts). Absent on records written before the figures were kept.
   */
  subject: employmentSubjectSchema.optional(),
  /**
   * Months in a row employed up to this one (0 when not employed), from the month before as it
   * was when this one was written: 稳定就业 6 个月以上 (file 001 §一) is a run of 6. Absent on
   * records written before it was kept.
   */
  employedRun: z.number().int().min(0).optional(),
});
export type EmploymentRecord = z.infer<typeof employmentRecordSchema>;

/**
 * A month's run of months employed: one more than the month before's when both are employed
 * (a month before without a run counts as 1), 0 when not employed.
 */
export function employedRunAfter(
  status: EmploymentInput['status'],
  monthBefore?: Pick<EmploymentRecord, 'status' | 'employedRun'>,
): number {
  if (status !== 'employed') return 0;
  return 1 + (monthBefore?.status === 'employed' ? (monthBefore.employedRun ?? 1) : 0);
}

/** What staff confirm: the revision they read, so they confirm what they saw and nothing later. */
export const employmentConfirmationSchema = z.strictObject({ revision: z.number().int().min(1) });

export const SELF_REPORT_UNCONFIRMED_ZH = '本人申报，待核实';

type Sourced = Pick<EmploymentRecord, 'source' | 'recordedAt' | 'recordedByLevel' | 'confirmation'>;

/**
 * A month money may rest on: recorded by someone who can be held to account (an officer,
 * an employer confirming a hire), or the worker's own report once an officer confirmed it.
 */
export function isAccountable(record: Sourced): boolean {
  return record.source !== 'self' || record.confirmation !== undefined;
}

/** The accounts behind a month that may not approve what rests on it: who recorded it (not the worker) and who confirmed it. */
export function vouchersOf(record: Pick<EmploymentRecord, 'source' | 'recordedBy' | 'confirmation'>): string[] {
  const accounts = record.source === 'self' ? [] : [record.recordedBy];
  if (record.confirmation) accounts.push(record.confirmation.by);
  return accounts;
}

/** Who stands behind a month, as a worker and an approver read it: 本人申报，待核实 / 村信息员 2026-12-03 登记. */
export function employmentSourceText(record: Sourced): string {
  const on = (at: string) => chinaDate(new Date(at));
  switch (record.source) {
    case 'self':
      return record.confirmation
        ? `本人申报，${STAFF_TITLE_ZH[record.confirmation.level]} ${on(record.confirmation.at)} 核实`
        : SELF_REPORT_UNCONFIRMED_ZH;
    case 'staff':
      return `${record.recordedByLevel ? STAFF_TITLE_ZH[record.recordedByLevel] : '经办人员'} ${on(record.recordedAt)} 登记`;
    case 'employerHire':
      return `用人单位 ${on(record.recordedAt)} 录用登记`;
  }
}

/** The month of an instant in China Standard Time (UTC+8, no daylight saving). */
export function chinaMonth(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** The month after `month`, YYYY-MM. */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before `month`, YYYY-MM. */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** The same month a year before, YYYY-MM. */
export const sameMonthLastYear = (month: string) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;

/** The date of an instant in China Standard Time. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The date `days` after an ISO date (before it when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** A record may be for this month or an earlier one, never a later one. */
export function isFutureMonth(month: string, now: Date): boolean {
  return month > chinaMonth(now);
}
