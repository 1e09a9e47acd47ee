import { reportContracts, reportingDeadlines, reportState, type Region } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Invalid, NotFound } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';

export function reportRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(reportContracts.submit, async ({ principal, body }) => {
      if (!(await ctx.regions.get(body.regionCode))) {
        throw new Invalid('没有这个地区', 'No region with that code.', 'body.regionCode');
      }
      return { report: await ctx.reports.report(body.month, body.regionCode, principal.userId) };
    }),
    implement(reportContracts.status, async ({ query }) => {
      const region = await ctx.regions.get(query.regionCode);
      if (!region) throw new NotFound('没有这个地区', 'No region with that code.');
      const townships = region.level === 'county' ? await ctx.regions.children(region.code) : [region];
      const villages = (await Promise.all(townships.map((t) => ctx.regions.children(t.code)))).flat();
      const reports = new Map((await ctx.reports.reportsIn(query.month, query.regionCode)).map((r) => [r.regionCode, r]));
      const deadlines = reportingDeadlines(query.month);
      const now = new Date();
      const status = (r: Region, deadline: string) => {
        const report = reports.get(r.code);
        return {
          code: r.code,
          name: r.name,
          ...(r.parentCode ? { parentCode: r.parentCode } : {}),
          state: reportState(deadline, report?.reportedAt, now),
          ...(report ? { reportedAt: report.reportedAt, reportedBy: report.reportedBy } : {}),
        };
      };
      return {
        month: query.month,
        deadlines,
        townships: townships.map((t) => status(t, deadlines.township)),
        villages: villages.map((v) => status(v, deadlines.village)),
      };
    }),
  ];
}
