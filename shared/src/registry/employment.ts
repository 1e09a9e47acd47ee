/**
 * Monthly employment records (就业信息台账, file 003 §(十九)): per worker per
 * month, whether and where they work, in what form, and what they earn.
 * A later record for the same month supersedes the earlier one; history is kept.
 */
import { z } from 'zod';
import { AT_HOME_REASONS, EMPLOYMENT_FORMS, EMPLOYMENT_PLACES, EMPLOYMENT_SOURCES } from './labels.js';

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11');

/** More than 1,000,000 yuan a month is taken for a typing error. */
export const MAX_MONTHLY_INCOME_FEN = 100_000_000;

export const employmentInputSchema = z
  .strictObject({
    status: z.enum(['employed', 'notEmployed']),
    place: z.enum(EMPLOYMENT_PLACES).optional(),
    form: z.enum(EMPLOYMENT_FORMS).optional(),
    employerName: z.string().trim().min(1).max(60).optional(),
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

export const employmentRecordSchema = z.object({
  ...employmentInputSchema.shape,
  workerId: z.string(),
  month: monthSchema,
  source: z.enum(EMPLOYMENT_SOURCES),
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
  /** 1 for the first record of the month; each supersession adds one. */
  revision: z.number().int().min(1),
});
export type EmploymentRecord = z.infer<typeof employmentRecordSchema>;

/** The month of an instant in China Standard Time (UTC+8, no daylight saving). */
export function chinaMonth(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** The date of an instant in China Standard Time. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A record may be for this month or an earlier one, never a later one. */
export function isFutureMonth(month: string, now: Date): boolean {
  return month > chinaMonth(now);
}
