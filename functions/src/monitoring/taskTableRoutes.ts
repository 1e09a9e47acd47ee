/**
 * The township task table (file 001's attachment), live: each township's shares from its month's
 * figures, its wage beside the same month last year, the people trained this year from its
 * months' figures, its workshops and bases from its employers — against the county's targets for
 * the year, which the county's admin sets.
 * Reads: the targets (one GetItem), the townships (one Query), every needed region-month (one
 * BatchGetItem of up to 100 keys per call), the region's workshops and bases (one Query).
 */
import {
  ancestorAt,
  COUNT_MEASURES,
  countyCountTargets,
  DOCUMENT_TARGETS,
  monitoringContracts,
  nextMonth,
  sameMonthLastYear,
  taskTableRow,
  type CountMeasure,
  type MonthFigure,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Invalid, notFound } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { NO_FIGURES } from './figureRepository.js';

/** January of the month's year up to the month: the months whose trainings count this year. */
function monthsOfYearTo(month: string): string[] {
  const months = [];
  for (let m = `${month.slice(0, 4)}-01`; m <= month; m = nextMonth(m)) months.push(m);
  return months;
}

export function taskTableRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(monitoringContracts.taskTable, async ({ query }) => {
      const { month, regionCode } = query;
      const countyCode = ancestorAt(regionCode, 'county');
      const wholeCounty = regionCode === countyCode;
      const [own, townships] = await Promise.all([
        ctx.targets.get(countyCode, Number(month.slice(0, 4))),
        wholeCounty ? ctx.regions.children(countyCode) : ctx.regions.get(regionCode).then((r) => (r ? [r] : [])),
      ]);
      if (!townships.length && !wholeCounty) throw notFound('没有这个乡镇', 'No such township.');
      const targets = own?.targets ?? DOCUMENT_TARGETS;
      const yearMonths = monthsOfYearTo(month);
      const lastYear = sameMonthLastYear(month);
      const codes = [...townships.map((t) => t.code), ...(wholeCounty ? [countyCode] : [])];
      const [kept, built] = await Promise.all([
        ctx.figures.many(codes.flatMap((code) => [...yearMonths, lastYear].map((m) => ({ regionCode: code, month: m })))),
        ctx.employers.builtByTownship(regionCode),
      ]);
      const of = (code: string, m: string) => kept.get(`${code}#${m}`) ?? NO_FIGURES;
      const yearSum = (code: string, figure: MonthFigure) => yearMonths.reduce((sum, m) => sum + of(code, m)[figure], 0);
      const countsOf = (code: string): Record<CountMeasure, number> => {
        const standing = code === countyCode ? [...built.values()] : [built.get(code)].filter((b) => b !== undefined);
        return {
          trainedPeople: yearSum(code, 'trainedPeople'),
          workshops: standing.reduce((sum, b) => sum + b.workshops, 0),
          bases: standing.reduce((sum, b) => sum + b.bases, 0),
        };
      };
      const rowOf = (code: string) =>
        taskTableRow({
          month: of(code, month),
          sameMonthLastYear: of(code, lastYear),
          counts: countsOf(code),
          targets,
          countTargets: code === countyCode ? countyCountTargets(targets) : (targets.townships[code] ?? {}),
        });
      return {
        countyCode,
        month,
        targets,
        ...(own ? { targetsVersion: own.version } : {}),
        rows: townships.map((t) => ({ regionCode: t.code, name: t.name, ...rowOf(t.code) })),
        ...(wholeCounty ? { total: rowOf(countyCode) } : {}),
      };
    }),

    implement(monitoringContracts.setTargets, async ({ principal, params, body }) => {
      const county = await ctx.regions.get(params.countyCode);
      if (county?.level !== 'county') throw notFound('没有这个旗县', 'No such county.');
      const townships = new Set((await ctx.regions.children(params.countyCode)).map((t) => t.code));
      for (const code of Object.keys(body.townships)) {
        if (!townships.has(code)) {
          throw new Invalid('不是本旗县的乡镇（苏木）', 'Not a township of this county.', `body.townships.${code}`);
        }
      }
      const { version, ...targets } = body;
      // Townships left without any count target are not kept: the table shows them without one.
      const kept = Object.entries(targets.townships).filter(([, t]) => COUNT_MEASURES.some((m) => t[m] !== undefined));
      const row = await ctx.targets.put(
        params.countyCode,
        params.year,
        { ...targets, townships: Object.fromEntries(kept) },
        principal.userId,
        version,
      );
      return { targets: row.targets, version: row.version };
    }),
  ];
}
