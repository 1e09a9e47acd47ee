/** 务工规模 and 务工收入: a region's monthly figures for staff in scope, read in one Query. */
import { monitoringContracts, nextMonth } from '@bangfu/shared';
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
  ];
}
