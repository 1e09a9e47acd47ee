/**
 * 在岗领补 (file 000 §(四); file 003 §(八) "落实监管责任、考勤考核、补贴发放"): each month the post's
 * supervisor records the days each holder was on post, and the holder confirms their own line
 * in the app (本月在岗 N 天) or says it is wrong. Only a confirmed line becomes a claim; a line
 * once confirmed is not changed. Each side's phone is kept with what it did, so a supervisor
 * confirming for everyone on their own phone (冒名顶替) shows (see flags.ts).
 */
import * as z from 'zod';
import { REGION_LEVELS } from '../regions/regionCode.js';
import { chinaDate, monthSchema, previousMonth } from '../registry/employment.js';
import type { Warning } from '../monitoring/warnings.js';
import { STAFF_TITLE_ZH } from '../registry/labels.js';
import { workerIdSchema } from '../registry/worker.js';
import { POST_CATEGORIES } from './post.js';

/**
 * A phone, as the app names itself: a random id it makes once and keeps. Not proof of anything
 * alone, but the same id behind two people's confirmations is worth a look.
 */
export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '手机标识格式不对，请重新打开小程序');

const days = (most: string) => z.number().int('天数应为整数').min(0, '天数不能是负数').max(31, most);

/** The supervisor's month for a post: the days required, and each holder's days on post. */
export const attendanceInputSchema = z
  .strictObject({
    daysRequired: days('一个月最多 31 天').min(1, '应出勤至少 1 天'),
    lines: z
      .array(z.strictObject({ workerId: workerIdSchema, daysWorked: days('一个月最多 31 天') }))
      .min(1, '请至少填一个人的考勤')
      .max(100, '一次最多填 100 人'),
    device: deviceIdSchema,
  })
  .refine((input) => new Set(input.lines.map((l) => l.workerId)).size === input.lines.length, {
    path: ['lines'],
    message: '同一个人填了两次',
  });
export type AttendanceInput = z.infer<typeof attendanceInputSchema>;

/** The holder's answer to their line: right (签字确认), or wrong with what is wrong. */
export const attendanceAnswerSchema = z
  .strictObject({
    /** The version of the line the holder read: a line changed since is a 409. */
    version: z.number().int().min(1),
    answer: z.enum(['confirm', 'dispute']),
    note: z.string().trim().max(200).optional(),
    device: deviceIdSchema,
  })
  .refine((a) => a.answer === 'confirm' || (a.note?.length ?? 0) >= 2, {
    path: ['note'],
    message: '请说一下哪里不对（至少 2 个字），村里会重新核对',
  });
export type AttendanceAnswer = z.infer<typeof attendanceAnswerSchema>;

export const ATTENDANCE_STATUSES = ['recorded', 'confirmed', 'disputed'] as const;
export const ATTENDANCE_STATUS_ZH: Record<(typeof ATTENDANCE_STATUSES)[number], string> = {
  recorded: '待本人确认',
  confirmed: '本人已确认',
  disputed: '本人说不对，待重新核对',
};

const byPhone = z.object({ by: z.string(), at: z.iso.datetime(), device: z.string() });

/** One holder's month on one post. */
export const attendanceLineSchema = z.object({
  postId: z.string(),
  postTitle: z.string(),
  category: z.enum(POST_CATEGORIES),
  fullTime: z.boolean(),
  /** The post's hours a week when the month was recorded (lines before 2026-12-06 lack it). */
  hoursPerWeek: z.number().int().optional(),
  workerId: z.string(),
  name: z.string(),
  /** The post's village: the month is kept in its township. */
  villageCode: z.string(),
  /**
   * The holder's own village, from their agreement (lines recorded before 2026-12-07 lack it):
   * where their work on a 以工代赈 project is listed (flagService.ts).
   */
  holderVillageCode: z.string().optional(),
  /** 户编号 as the registry had it when the line was recorded (two posts in one household). */
  householdId: z.string(),
  month: monthSchema,
  daysWorked: z.number().int(),
  daysRequired: z.number().int(),
  /** The agreement the month falls under. */
  agreement: z.object({ startsOn: z.string(), endsOn: z.string() }),
  /** The supervisor: an officer, at their level (村信息员, 乡镇经办人员…). */
  recorded: byPhone.extend({ level: z.enum(REGION_LEVELS) }),
  status: z.enum(ATTENDANCE_STATUSES),
  confirmation: byPhone.optional(),
  dispute: byPhone.extend({ note: z.string() }).optional(),
  version: z.number().int().min(1),
});
export type AttendanceLine = z.infer<typeof attendanceLineSchema>;

/** Days in a month, YYYY-MM. */
export function daysInMonth(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

/** Monday to Friday in a month, YYYY-MM: the working days before holidays. */
export function weekdaysIn(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  let weekdays = 0;
  for (let day = 1; day <= daysInMonth(month); day++) {
    const weekday = new Date(Date.UTC(year, m - 1, day)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) weekdays++;
  }
  return weekdays;
}

/**
 * Why a holder's month cannot be recorded, or undefined: the month must have begun and be this
 * month or last (older, it is a late entry, 补记, the county's to make: `lateEntry`), the days
 * fit in it, and the agreement (to its last day, when the person left) cover part of it.
 */
export function attendanceProblem(
  month: string,
  currentMonth: string,
  daysRequired: number,
  daysWorked: number,
  agreement: { startsOn: string; endsOn: string },
  lateEntry = false,
): string | undefined {
  if (month > currentMonth) return '这个月还没到，不能记考勤';
  if (!lateEntry && month < previousMonth(currentMonth)) {
    return `${month} 的考勤最晚在下个月记，已过了时间；要补记的，请旗县区经办人员来记`;
  }
  const last = daysInMonth(month);
  if (daysRequired > last) return `${month} 只有 ${last} 天`;
  if (daysWorked > last) return `${month} 只有 ${last} 天`;
  if (agreement.startsOn > `${month}-${String(last).padStart(2, '0')}` || agreement.endsOn < `${month}-01`) {
    return `协议期 ${agreement.startsOn} 到 ${agreement.endsOn}，不含 ${month}`;
  }
  return undefined;
}

/** Who stands behind a line, as an approver reads it in the claim's trace. */
export function attendanceSourceText(line: Pick<AttendanceLine, 'recorded' | 'confirmation'>): string {
  const day = (at: string) => chinaDate(new Date(at));
  const recorded = `${STAFF_TITLE_ZH[line.recorded.level]} ${day(line.recorded.at)} 记录`;
  return line.confirmation ? `${recorded}，本人 ${day(line.confirmation.at)} 在小程序确认` : `${recorded}，本人未确认`;
}

/**
 * A holder's 不对 on their month, as a task for the village that records it: what was recorded and
 * what they said. One task a round (the line's version), so a second 不对 after the month was
 * recorded again is not lost in a closed task.
 */
export function attendanceDisputeWarning(line: AttendanceLine & { dispute: NonNullable<AttendanceLine['dispute']> }): Warning {
  return {
    cause: 'attendanceDisputed',
    month: line.month,
    subject: `${line.postId}#${line.workerId}#v${line.version}`,
    workerIds: [line.workerId],
    regionCode: line.villageCode,
    level: 'village',
    text: `公益性岗位「${line.postTitle}」${line.name} 说 ${line.month} 的考勤不对，请核对后重新记考勤`,
    figures: [
      { label: '记录的出勤', value: `${line.daysWorked} 天（应出勤 ${line.daysRequired} 天）` },
      { label: '本人说', value: line.dispute.note },
    ],
  };
}
