/**
 * 务工规模 and 务工收入 for staff (file 000 §三(二)): a region's monthly figures over a span of
 * months, every month of it present (0 where nobody was recorded), so a trend is read as is.
 */
import * as z from 'zod';
import { MONTH_FIGURES } from '../monitoring/monthFigures.js';
import { regionCodeSchema } from '../regions/regionCode.js';
import { acceptedMonthSchema, monthSchema } from '../registry/employment.js';
import { defineContract } from './contract.js';
import { regionIn, STAFF } from './common.js';

/** At most two years at once: this year beside last year. */
export const MAX_FIGURE_MONTHS = 24;

const figuresSchema = z.object(
  Object.fromEntries(MONTH_FIGURES.map((figure) => [figure, z.number().int()])) as {
    [F in (typeof MONTH_FIGURES)[number]]: z.ZodNumber;
  },
);

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
      months: z.array(z.object({ month: monthSchema, figures: figuresSchema })),
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
};

/** How many months from `from` to `to`, both counted. */
export function monthsBetween(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from) + 1;
}
