import { z } from 'zod';
import { acceptedMonthSchema, isFutureMonth, regionCodeSchema, reportingDeadlines, reportState } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Invalid, NotFound } from '../errors.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import type { Region } from '../regions/regionRepository.js';

const STAFF = ['staff', 'admin'] as const;
const STATES = ['reported', 'late', 'pending', 'overdue'] as const;

const regionStatusSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().optional(),
  state: z.enum(STATES),
  reportedAt: z.string().optional(),
  reportedBy: z.string().optional(),
});

export function reportRoutes(ctx: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/registry/reports',
      summary: 'Staff: report a village’s month (due the 15th) or a township’s (due the 25th)',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'region', field: 'body.regionCode', region: ({ body }) => body.regionCode },
      body: z.strictObject({
        month: acceptedMonthSchema.refine((m) => !isFutureMonth(m, new Date()), '不能报送还没到的月份'),
        regionCode: regionCodeSchema.refine((c) => c.length === 9 || c.length === 12, '只有村（嘎查）和乡镇（苏木）报送'),
      }),
      response: z.object({
        report: z.object({ regionCode: z.string(), month: z.string(), reportedBy: z.string(), reportedAt: z.string() }),
      }),
      handler: async ({ principal, body }) => {
        if (!(await ctx.regions.get(body.regionCode))) {
          throw new Invalid('没有这个地区', 'No region with that code.', 'body.regionCode');
        }
        return { report: await ctx.reports.report(body.month, body.regionCode, principal.userId) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/registry/reports',
      summary: 'Staff: which villages and townships of a county or township have reported a month',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'region', field: 'query.regionCode', region: ({ query }) => query.regionCode },
      query: z.object({
        month: acceptedMonthSchema,
        regionCode: regionCodeSchema.refine((c) => c.length === 6 || c.length === 9, '请选择旗县或乡镇（苏木）'),
      }),
      response: z.object({
        month: z.string(),
        deadlines: z.object({ village: z.string(), township: z.string() }),
        townships: z.array(regionStatusSchema),
        villages: z.array(regionStatusSchema),
      }),
      handler: async ({ query }) => {
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
      },
    }),
  ];
}
