/**
 * 务工规模 and 务工收入 for staff in scope: a region's months (one Query), and its townships' or
 * villages' month beside the month before and last year's (their list, then one BatchGetItem).
 */
import { monitoringContracts, nextMonth, previousMonth } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { implement, type AnyRoute } from '../http/route.js';
import { NO_FIGURES } from './figureRepository.js';

export function monitoringRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(monitoringContracts.figures, async ({ query }) => {
      const kept = new Map((await ctx.figures.months(query.regionCode, query.from, query.to)).map((m) => [m.month, m.figures]));
      const months = [];
      for (let month = query.from; month <= query.to; month = nextMonth(month)) {
        months.push({ month, figures: kept.get(month) ?? NO_FIGURES });
      }
      return { regionCode: query.regionCode, months };
    }),

    implement(monitoringContracts.children, async ({ query }) => {
      const { month } = query;
      const beside = { previousMonth: previousMonth(month), lastYear: `${Number(month.slice(0, 4)) - 1}${month.slice(4)}` };
      const children = await ctx.regions.children(query.regionCode);
      const kept = await ctx.figures.many(
        children.flatMap((child) =>
          [month, beside.previousMonth, beside.lastYear].map((m) => ({ regionCode: child.code, month: m })),
        ),
      );
      const of = (code: string, m: string) => kept.get(`${code}#${m}`) ?? NO_FIGURES;
      return {
        month,
        children: children.map((child) => ({
          regionCode: child.code,
          name: child.name,
          figures: of(child.code, month),
          previousMonth: of(child.code, beside.previousMonth),
          lastYear: of(child.code, beside.lastYear),
        })),
      };
    }),
  ];
}
