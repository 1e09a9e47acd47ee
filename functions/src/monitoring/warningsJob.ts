/**
 * The daily warnings run (及早预警), county by county: this month's villages against the month before
 * and last year's (their kept figures), the 监测对象 and households whose work stopped (the county's
 * month records of this month and the last), the villages and townships late with their report,
 * 以工代赈 wages left unpaid and money ordered back (追回) still out. It also counts the month's 零就业家庭
 * from those records for 务工监测. Each warning opens its task once, due in the region's number of
 * days; open tasks past their deadline go up a level. Safe to run again.
 */
import {
  addDays,
  chinaDate,
  chinaMonth,
  monthFactSchema,
  personWarnings,
  previousMonth,
  sameMonthLastYear,
  reportWarnings,
  villageWarnings,
  zeroEmploymentHouseholds,
  type PersonMonth,
  type Warning,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { employmentEntity } from '../db/entities.js';
import { queryAll } from '../db/paging.js';
import { countiesUnder } from '../monthlyRuns/plan.js';
import { NO_FIGURES } from './figureRepository.js';
import { taskIdOf } from './taskRepository.js';
import { addNewFindings, countyArrearsWarnings } from '../reliefWork/arrearsWarning.js';
import { countyOverdueRecoveries } from '../subsidies/recoveryService.js';
import { countyUnreadReturnFiles } from '../subsidies/returnFileChase.js';
import { warningParameters } from './warningParameters.js';

type WarningsContext = Pick<
  AppContext,
  | 'table'
  | 'regions'
  | 'figures'
  | 'tasks'
  | 'reports'
  | 'employment'
  | 'claims'
  | 'parameterSteps'
  | 'positions'
  | 'applications'
  | 'workers'
  | 'reliefProjects'
  | 'payments'
>;

export interface WarningsReport {
  month: string;
  counties: number;
  /** Warnings found, by cause; opened: those new today. */
  found: Record<string, number>;
  opened: number;
  escalated: number;
}

/** A county's month records of `month`, as the person warnings read them. */
async function personMonths(ctx: WarningsContext, countyCode: string, month: string): Promise<PersonMonth[]> {
  const items = await queryAll(ctx.table.db, { TableName: ctx.table.tableName, ...employmentEntity.inRegion(countyCode, month) });
  return items.flatMap((item) => {
    const fact = monthFactSchema.safeParse(item);
    return fact.success ? [{ ...fact.data, workerId: String(item.workerId) }] : [];
  });
}

async function countyWarnings(ctx: WarningsContext, countyCode: string, month: string, today: string, dropRatio: number) {
  const townships = await ctx.regions.children(countyCode);
  const villages = (await Promise.all(townships.map((t) => ctx.regions.children(t.code)))).flat();
  const lastYear = sameMonthLastYear(month);
  const before = previousMonth(month);
  const kept = await ctx.figures.many(
    villages.flatMap((v) => [month, before, lastYear].map((m) => ({ regionCode: v.code, month: m }))),
  );
  const recordedIn = (code: string, m: string) => {
    const figures = kept.get(`${code}#${m}`);
    return figures?.recorded ? figures : undefined;
  };
  const [thisMonth, lastMonth, reports] = await Promise.all([
    personMonths(ctx, countyCode, month),
    personMonths(ctx, countyCode, before),
    ctx.reports.reportsIn(month, countyCode),
  ]);
  // 零就业家庭 of the month, counted from the records just read, for 务工监测 to show.
  await ctx.figures.putHouseholds(countyCode, month, zeroEmploymentHouseholds(thisMonth), today);
  return [
    ...villages.flatMap((v) =>
      villageWarnings(
        v,
        month,
        kept.get(`${v.code}#${month}`) ?? NO_FIGURES,
        { previousMonth: recordedIn(v.code, before), lastYear: recordedIn(v.code, lastYear) },
        dropRatio,
      ),
    ),
    ...personWarnings(month, thisMonth, lastMonth),
    // Only villages with people on the registry report (a town's 居委会 may have none): those with records lately.
    ...reportWarnings(
      month,
      today,
      [...townships, ...villages.filter((v) => recordedIn(v.code, month) || recordedIn(v.code, before))],
      new Set(reports.map((r) => r.regionCode)),
    ),
  ];
}

export async function runWarnings(ctx: WarningsContext, regionCode: string, now = new Date()): Promise<WarningsReport> {
  const month = chinaMonth(now);
  const today = chinaDate(now);
  const thresholds = await warningParameters(ctx);
  const counties = await countiesUnder(ctx, regionCode);
  const report: WarningsReport = { month, counties: counties.length, found: {}, opened: 0, escalated: 0 };
  for (const county of counties) {
    const { dropRatio, taskDays: days, unpaidDays, recoveryDays, returnFileDays } = thresholds(county, today);
    const warnings: Warning[] = [
      ...(await countyWarnings(ctx, county, month, today, dropRatio)),
      ...(await countyArrearsWarnings(ctx, county, today, unpaidDays)),
      ...(await countyOverdueRecoveries(ctx, county, today, recoveryDays)),
      ...(await countyUnreadReturnFiles(ctx, county, today, returnFileDays)),
    ];
    const already = await ctx.tasks.existing(warnings);
    for (const warning of warnings) {
      report.found[warning.cause] = (report.found[warning.cause] ?? 0) + 1;
      // A month's arrears task opened by a dispute learns of the wages gone unpaid since.
      if (already.has(taskIdOf(warning))) {
        if (warning.cause === 'wageArrears') await addNewFindings(ctx, warning);
        continue;
      }
      // Put under attribute_not_exists all the same: a task opened since the read stays as it is.
      if (await ctx.tasks.open(warning, addDays(today, days), now)) report.opened++;
    }
    for (const task of await ctx.tasks.overdue(county, today)) {
      if (await ctx.tasks.escalate(task, addDays(today, days))) report.escalated++;
    }
  }
  return report;
}
