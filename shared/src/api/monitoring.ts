/**
 * 务工规模 and 务工收入 for staff (file 000 §三(二)): a region's monthly figures over a span of
 * months, every month of it present (0 where nobody was recorded), so a trend is read as is.
 */
import * as z from 'zod';
import { MONTH_FIGURES, quarterSchema } from '../monitoring/monthFigures.js';
import { countyOrFinerSchema, regionCodeSchema } from '../regions/regionCode.js';
import { acceptedMonthSchema, monthSchema } from '../registry/employment.js';
import { defineContract } from './contract.js';
import { objectIn, pageQuerySchema, regionIn, STAFF } from './common.js';
import { TASK_STATUSES, taskActionInputSchema, taskSchema } from '../monitoring/task.js';
import { difficultyInputSchema, difficultyViewSchema } from '../monitoring/difficulty.js';
import { COUNT_MEASURES, RATE_MEASURES, taskTargetsSchema } from '../monitoring/taskTable.js';
import { perHour } from '../http/rateLimit.js';
import { XLSX_MEDIA_TYPE } from '../registry/importColumns.js';

/** At most two years at once: this year beside last year. */
export const MAX_FIGURE_MONTHS = 24;

const figuresSchema = z.object(
  Object.fromEntries(MONTH_FIGURES.map((figure) => [figure, z.number().int()])) as {
    [F in (typeof MONTH_FIGURES)[number]]: z.ZodNumber;
  },
);

const taskTableRowSchema = z.object({
  rates: z.array(
    z.object({
      measure: z.enum(RATE_MEASURES),
      numerator: z.number().int(),
      denominator: z.number().int(),
      percent: z.number().optional(),
      targetPercent: z.number().int(),
      met: z.boolean().optional(),
    }),
  ),
  wage: z.object({
    averageFen: z.number().int().optional(),
    lastYearAverageFen: z.number().int().optional(),
    met: z.boolean().optional(),
  }),
  counts: z.array(
    z.object({
      measure: z.enum(COUNT_MEASURES),
      count: z.number().int(),
      target: z.number().int().optional(),
      met: z.boolean().optional(),
    }),
  ),
});

const taskIdParams = z.object({ taskId: z.string().regex(/^t_[0-9a-f]{32}$/, '不是任务编号') });

/** A person a task is about, as its officers need them to get in touch. */
const taskPersonSchema = z.object({
  workerId: z.string(),
  name: z.string(),
  villageCode: z.string(),
  phone: z.string().optional(),
});

export const monitoringContracts = {
  figures: defineContract({
    method: 'get',
    path: '/api/v1/monitoring/figures',
    summary:
      'Staff: a region’s monthly figures (people recorded, employed by place and form, income, 脱贫 and 监测 groups, 务工回流) from one month to another, at most 24',
    tag: 'monitoring',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: z
      .object({ regionCode: regionCodeSchema, from: acceptedMonthSchema, to: acceptedMonthSchema })
      .refine((q) => q.from <= q.to, { path: ['to'], message: '结束月份不能早于开始月份' })
      .refine((q) => monthsBetween(q.from, q.to) <= MAX_FIGURE_MONTHS, {
        path: ['from'],
        message: `一次最多看 ${MAX_FIGURE_MONTHS} 个月`,
      }),
    response: z.object({
      regionCode: z.string(),
      months: z.array(
        z.object({
          month: monthSchema,
          figures: figuresSchema,
          /** 零就业家庭 (a county or finer), as the daily run last counted them; absent for a month not counted. */
          zeroEmploymentHouseholds: z.object({ count: z.number().int(), countedOn: z.string() }).optional(),
        }),
      ),
    }),
  }),

  children: defineContract({
    method: 'get',
    path: '/api/v1/monitoring/children',
    summary:
      'Staff: the figures of each township of a county, or village of a township, for a month beside the month before and the same month last year, to rank them by change',
    tag: 'monitoring',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: z.object({ regionCode: regionCodeSchema, month: acceptedMonthSchema }),
    response: z.object({
      month: monthSchema,
      children: z.array(
        z.object({
          regionCode: z.string(),
          name: z.string(),
          figures: figuresSchema,
          previousMonth: figuresSchema,
          lastYear: figuresSchema,
        }),
      ),
    }),
  }),

  tasks: defineContract({
    method: 'get',
    path: '/api/v1/tasks',
    summary:
      'Staff: the warning tasks (预警任务) about a county, township or village, open or closed, by village then deadline, a page at a time',
    tag: 'monitoring',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: pageQuerySchema.extend({ regionCode: countyOrFinerSchema, status: z.enum(TASK_STATUSES).default('open') }),
    response: z.object({ tasks: z.array(taskSchema), nextCursor: z.string().optional() }),
  }),

  task: defineContract({
    method: 'get',
    path: '/api/v1/tasks/:taskId',
    summary:
      'Staff of its region: a warning task with the people it is about (name, village, phone, to reach them); the read is audited',
    tag: 'monitoring',
    access: STAFF,
    scope: objectIn('task', 'taskId'),
    params: taskIdParams,
    response: z.object({ task: taskSchema, people: z.array(taskPersonSchema) }),
  }),

  act: defineContract({
    method: 'post',
    path: '/api/v1/tasks/:taskId/actions',
    summary:
      'Staff of its region: record what was done about an open task; a "311" service (or a policy explained, a 诉求 handled) counts for each person it is about',
    tag: 'monitoring',
    access: STAFF,
    scope: objectIn('task', 'taskId'),
    params: taskIdParams,
    body: taskActionInputSchema,
    response: z.object({ task: taskSchema }),
  }),

  close: defineContract({
    method: 'post',
    path: '/api/v1/tasks/:taskId/close',
    summary: 'Staff of its region: close an open task once something was recorded as done',
    tag: 'monitoring',
    access: STAFF,
    scope: objectIn('task', 'taskId'),
    params: taskIdParams,
    response: z.object({ task: taskSchema }),
  }),

  taskTable: defineContract({
    method: 'get',
    path: '/api/v1/monitoring/task-table',
    summary:
      'Staff: the township task table (file 001 attachment) of a county, or of one township — each share against the year’s target, the wage against last year’s, people trained and workshops and bases against theirs, met or not',
    tag: 'monitoring',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: z.object({
      regionCode: regionCodeSchema.refine((code) => code.length === 6 || code.length === 9, '请选旗县或乡镇（苏木）'),
      month: acceptedMonthSchema,
    }),
    response: z.object({
      countyCode: z.string(),
      month: monthSchema,
      targets: taskTargetsSchema,
      /** The version of the county's own targets for the year; absent while the document's stand. */
      targetsVersion: z.number().int().optional(),
      rows: z.array(taskTableRowSchema.extend({ regionCode: z.string(), name: z.string() })),
      /** The county's line (only when the whole county was asked for). */
      total: taskTableRowSchema.optional(),
    }),
  }),

  setTargets: defineContract({
    method: 'put',
    path: '/api/v1/monitoring/targets/:countyCode/:year',
    summary:
      'Admin of the county: the year’s task targets — the three shares, and each township’s people to train and workshops and bases to build',
    tag: 'monitoring',
    access: ['admin'],
    scope: regionIn('params', 'countyCode'),
    params: z.object({
      countyCode: z.string().regex(/^\d{6}$/, '应为 6 位旗县代码'),
      year: z.coerce.number().int().min(2015, '年份不能早于 2015').max(2100, '年份不对'),
    }),
    body: taskTargetsSchema.extend({
      /** The version read; absent when the county has none for the year yet. */
      version: z.number().int().min(1).optional(),
    }),
    response: z.object({ targets: taskTargetsSchema, version: z.number().int() }),
  }),

  quarterlyReport: defineContract({
    method: 'get',
    path: '/api/v1/monitoring/quarterly-report',
    summary:
      'Staff: the quarterly implementation report (file 002 §四(四)) of a region as XLSX — its and its parts’ monthly figures, the warning tasks opened and closed, the subsidies paid by kind; every download audited',
    tag: 'monitoring',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    raw: XLSX_MEDIA_TYPE,
    query: z.object({ regionCode: countyOrFinerSchema, quarter: quarterSchema }),
    response: z.unknown(),
    rateLimit: { perUser: perHour(20), perIp: perHour(200) },
  }),

  reportDifficulty: defineContract({
    method: 'post',
    path: '/api/v1/me/difficulties',
    summary:
      'Worker (bound): 我有困难 — tell the village what is wrong; it becomes a task for the village officer (one per kind a month: telling it again adds to it)',
    tag: 'monitoring',
    access: ['worker'],
    scope: { kind: 'self' },
    body: difficultyInputSchema,
    response: z.object({ difficulty: difficultyViewSchema, created: z.boolean() }),
    status: 201,
    rateLimit: { perUser: perHour(10), perIp: perHour(100) },
  }),

  myDifficulties: defineContract({
    method: 'get',
    path: '/api/v1/me/difficulties',
    summary: 'Worker (bound): the difficulties they reported and how each is being dealt with, newest first',
    tag: 'monitoring',
    access: ['worker'],
    scope: { kind: 'self' },
    query: pageQuerySchema,
    response: z.object({ difficulties: z.array(difficultyViewSchema), nextCursor: z.string().optional() }),
  }),
};

/** How many months from `from` to `to`, both counted. */
export function monthsBetween(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from) + 1;
}
