/**
 * The quarterly implementation report (file 002 §四(四)) of a county, township or village, as
 * an XLSX workbook of three sheets: 务工情况 (its and its parts' figures, month by month),
 * 预警任务 (by cause: opened, closed, still open) and 补贴发放 (claims paid in the quarter, by
 * kind). Figures come from the kept monthly figures, tasks and claims from their queues.
 */
import type { Writable } from 'node:stream';
import {
  ancestorAt,
  PAID_OUT,
  chinaDate,
  EMPLOYMENT_FORM_ZH,
  EMPLOYMENT_FORMS,
  EMPLOYMENT_PLACE_ZH,
  EMPLOYMENT_PLACES,
  monthsOfQuarter,
  SUBSIDY_NAME_ZH,
  WARNING_CAUSE_ZH,
  WARNING_CAUSES,
  type Claim,
  type MonthFigure,
  type SubsidyId,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { NO_FIGURES } from './figureRepository.js';

type ReportContext = Pick<AppContext, 'regions' | 'figures' | 'tasks' | 'claims'>;

/** The figures' columns, in the order of the sheet. */
const FIGURE_COLUMNS: { header: string; value: (f: Record<MonthFigure, number>) => number }[] = [
  { header: '登记人数', value: (f) => f.recorded },
  { header: '劳动力', value: (f) => f.labour },
  { header: '有劳动能力和就业意愿', value: (f) => f.ableAndWilling },
  { header: '在岗务工', value: (f) => f.employed },
  { header: '稳定就业6个月以上', value: (f) => f.employedSixMonths },
  ...EMPLOYMENT_PLACES.map((place) => ({
    header: EMPLOYMENT_PLACE_ZH[place],
    value: (f: Record<MonthFigure, number>) => f[`employed_${place}`],
  })),
  ...EMPLOYMENT_FORMS.map((form) => ({
    header: EMPLOYMENT_FORM_ZH[form],
    value: (f: Record<MonthFigure, number>) => f[`employed_${form}`],
  })),
  { header: '人均月收入（元）', value: (f) => (f.employed ? Math.round(f.incomeFen / f.employed / 100) : 0) },
  { header: '脱贫人口在岗', value: (f) => f.povertyAlleviated_employed },
  { header: '脱贫人口登记', value: (f) => f.povertyAlleviated_recorded },
  { header: '监测对象在岗', value: (f) => f.monitored_employed },
  { header: '监测对象登记', value: (f) => f.monitored_recorded },
  { header: '务工回流', value: (f) => f.returnedFromWork },
  { header: '技能培训人数（本月结业的当年首次培训）', value: (f) => f.trainedPeople },
];

export interface QuarterlyReport {
  quarter: string;
  regions: {
    code: string;
    name: string;
    /** 零就业家庭 as the daily run last counted them; undefined for a month it did not count. */
    months: { month: string; figures: Record<MonthFigure, number>; zeroEmploymentHouseholds?: number | undefined }[];
  }[];
  tasks: { cause: string; opened: number; closed: number; open: number }[];
  paid: { subsidy: string; claims: number; yuan: number }[];
}

const inQuarter = (instant: string | undefined, months: readonly string[]) =>
  instant !== undefined && months.includes(chinaDate(new Date(instant)).slice(0, 7));

/** Every item of a paged list, page after page. */
async function all<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor;
  } while (cursor);
  return items;
}

export async function quarterlyReport(ctx: ReportContext, regionCode: string, quarter: string): Promise<QuarterlyReport> {
  const months = monthsOfQuarter(quarter);
  const [region, children] = await Promise.all([
    ctx.regions.get(regionCode),
    regionCode.length < 12 ? ctx.regions.children(regionCode) : [],
  ]);
  const areas = [
    { code: regionCode, name: region?.name ?? regionCode },
    ...children.map((c) => ({ code: c.code, name: c.name })),
  ];
  const [kept, households] = await Promise.all([
    ctx.figures.many(areas.flatMap((a) => months.map((month) => ({ regionCode: a.code, month })))),
    ctx.figures.countyHouseholds(ancestorAt(regionCode, 'county'), months[0]!, months.at(-1)!),
  ]);
  const [open, closed, paid] = await Promise.all([
    all((cursor) =>
      ctx.tasks.inRegion(regionCode, 'open', { limit: 100, cursor }).then((p) => ({ items: p.tasks, nextCursor: p.nextCursor })),
    ),
    all((cursor) =>
      ctx.tasks
        .inRegion(regionCode, 'closed', { limit: 100, cursor })
        .then((p) => ({ items: p.tasks, nextCursor: p.nextCursor })),
    ),
    // Money sent in the quarter: a claim since ordered back (追回) was paid all the same.
    Promise.all(
      PAID_OUT.map((status) =>
        all((cursor) =>
          ctx.claims
            .queue(regionCode, status, { limit: 100, ...(cursor ? { cursor } : {}) })
            .then((p) => ({ items: p.claims, nextCursor: p.nextCursor })),
        ),
      ),
    ).then((queues) => queues.flat()),
  ]);
  const paidAt = (claim: Claim) => claim.history.find((step) => step.to === 'paid')?.at;
  const paidInQuarter = paid.filter((claim) => inQuarter(paidAt(claim), months));
  const bySubsidy = new Map<string, { claims: number; fen: number }>();
  for (const claim of paidInQuarter) {
    const sum = bySubsidy.get(claim.subsidy) ?? { claims: 0, fen: 0 };
    bySubsidy.set(claim.subsidy, { claims: sum.claims + 1, fen: sum.fen + claim.amountFen });
  }
  return {
    quarter,
    regions: areas.map((area) => ({
      ...area,
      months: months.map((month) => ({
        month,
        figures: kept.get(`${area.code}#${month}`) ?? NO_FIGURES,
        zeroEmploymentHouseholds: households.get(month)?.counts[area.code],
      })),
    })),
    tasks: WARNING_CAUSES.map((cause) => ({
      cause: WARNING_CAUSE_ZH[cause],
      opened: [...open, ...closed].filter((t) => t.cause === cause && inQuarter(t.createdAt, months)).length,
      closed: closed.filter((t) => t.cause === cause && inQuarter(t.closedAt, months)).length,
      open: open.filter((t) => t.cause === cause).length,
    })),
    paid: [...bySubsidy].map(([subsidy, sum]) => ({
      subsidy: SUBSIDY_NAME_ZH[subsidy as SubsidyId] ?? subsidy,
      claims: sum.claims,
      yuan: sum.fen / 100,
    })),
  };
}

/** Writes the report as an XLSX workbook to `out` (exceljs, loaded by this download only). */
export async function writeQuarterlyWorkbook(report: QuarterlyReport, out: Writable): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const figures = workbook.addWorksheet('务工情况');
  figures.columns = [
    { header: '地区', key: 'name', width: 18 },
    { header: '地区代码', key: 'code', width: 14 },
    { header: '月份', key: 'month', width: 10 },
    ...FIGURE_COLUMNS.map((column, i) => ({ header: column.header, key: `f${i}`, width: 12 })),
    { header: '零就业家庭（户）', key: 'households', width: 12 },
  ];
  for (const area of report.regions) {
    for (const { month, figures: f, zeroEmploymentHouseholds } of area.months) {
      figures
        .addRow({
          name: area.name,
          code: area.code,
          month,
          ...Object.fromEntries(FIGURE_COLUMNS.map((c, i) => [`f${i}`, c.value(f)])),
          // Left empty for a month the daily run did not count, rather than a 0 it never found.
          households: zeroEmploymentHouseholds,
        })
        .commit();
    }
  }
  figures.commit();
  const tasks = workbook.addWorksheet('预警任务');
  tasks.columns = [
    { header: '预警', key: 'cause', width: 18 },
    { header: '本季度新开', key: 'opened', width: 12 },
    { header: '本季度办结', key: 'closed', width: 12 },
    { header: '现在没办结', key: 'open', width: 12 },
  ];
  for (const row of report.tasks) tasks.addRow(row).commit();
  tasks.commit();
  const paid = workbook.addWorksheet('补贴发放');
  paid.columns = [
    { header: '补贴', key: 'subsidy', width: 24 },
    { header: '发放笔数', key: 'claims', width: 12 },
    { header: '发放金额（元）', key: 'yuan', width: 16 },
  ];
  for (const row of report.paid) paid.addRow(row).commit();
  paid.commit();
  await workbook.commit();
}
