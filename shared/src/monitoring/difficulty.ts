/**
 * 我有困难: a worker tells their village in a few taps what is wrong (at most six fields), and it
 * becomes a task for their village officer like a warning; the worker sees it taken up and done.
 * One report per kind of difficulty a month: telling it again adds to the same one.
 */
import * as z from 'zod';
import { phoneSchema } from '../registry/worker.js';
import { acceptedMonthSchema } from '../registry/employment.js';
import { figureList, type Warning } from './warnings.js';

export const DIFFICULTY_KINDS = ['noWork', 'unpaidWages', 'illnessInjury', 'familyHardship', 'wantsTraining', 'other'] as const;
export type DifficultyKind = (typeof DIFFICULTY_KINDS)[number];

export const DIFFICULTY_ZH: Record<DifficultyKind, string> = {
  noWork: '找不到活干',
  unpaidWages: '工资没拿到',
  illnessInjury: '生病或受伤了',
  familyHardship: '家里有难处',
  wantsTraining: '想学门手艺',
  other: '别的困难',
};

export const CONTACT_TIMES = ['any', 'morning', 'afternoon', 'evening'] as const;
export const CONTACT_TIME_ZH: Record<(typeof CONTACT_TIMES)[number], string> = {
  any: '什么时候都行',
  morning: '上午',
  afternoon: '下午',
  evening: '晚上',
};

export const difficultyInputSchema = z.strictObject({
  kind: z.enum(DIFFICULTY_KINDS),
  /** Since when, as a month. */
  since: acceptedMonthSchema,
  detail: z.string().trim().min(2, '请说一句是什么情况（至少 2 个字）').max(200),
  /** Another number to call than the one registered, if any. */
  phone: phoneSchema.optional(),
  contactTime: z.enum(CONTACT_TIMES).default('any'),
});
export type DifficultyInput = z.infer<typeof difficultyInputSchema>;

/**
 * The task a report makes, for the worker's village officer: one per worker, kind and day
 * (told again the same day, it adds to that one).
 */
export function difficultyWarning(
  worker: { workerId: string; villageCode: string },
  input: DifficultyInput,
  today: string,
): Warning {
  return {
    cause: 'difficulty',
    month: today.slice(0, 7),
    subject: `${worker.workerId}#${input.kind}#${today}`,
    workerIds: [worker.workerId],
    reportedBy: worker.workerId,
    reportKind: input.kind,
    regionCode: worker.villageCode,
    level: 'village',
    text: `群众报告：${DIFFICULTY_ZH[input.kind]}`,
    figures: figureList({
      困难: DIFFICULTY_ZH[input.kind],
      从什么时候: `${input.since.slice(0, 4)}年${Number(input.since.slice(5))}月`,
      情况: input.detail,
      ...(input.phone ? { 打这个电话: input.phone } : {}),
      方便的时间: CONTACT_TIME_ZH[input.contactTime],
    }),
  };
}

/** What the worker sees of their report: taken up, what kind of help, done. */
export const difficultyViewSchema = z.object({
  taskId: z.string(),
  kind: z.enum(DIFFICULTY_KINDS),
  month: z.string(),
  reportedAt: z.iso.datetime(),
  status: z.enum(['open', 'closed']),
  /** What was done, by which office, when (not the officers' notes). */
  steps: z.array(z.object({ what: z.string(), office: z.string(), at: z.iso.datetime() })),
});
