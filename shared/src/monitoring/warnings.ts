/**
 * 及早预警 (file 000 §三(二); file 003 §(十八)(十九)): what in a month's figures, records and
 * reports calls for an officer to act, each warning said plainly with the figures behind it and
 * given to the level that must act — a person's or household's to their village, a village's
 * to its township, a township's to its county. Pure: the job reads, this decides.
 */
import { ancestorAt, levelOfRegion, type RegionLevel } from '../regions/regionCode.js';
import { AT_HOME_REASON_ZH, type AtHomeReason } from '../registry/labels.js';
import type { ParameterSpec } from '../subsidies/engine.js';
import { cite } from '../policy/documents.js';
import type { DifficultyKind } from './difficulty.js';
import type { MonthFact, MonthFigure } from './monthFigures.js';

export const WARNING_CAUSES = [
  'employedDrop', // 在岗人数比上月下降过多
  'incomeBelowLastYear', // 人均月收入低于上年同月
  'monitoredLostWork', // 监测对象失去工作
  'zeroEmploymentHousehold', // 家庭变成零就业
  'villageNotReported', // 村 15 日前没有登记
  'townshipNotReported', // 乡镇 25 日前没有录入
  'difficulty', // 群众报告困难（我有困难）
  'wageArrears', // 以工代赈欠薪（欠薪防控预警）
  'attendanceDisputed', // 公益性岗位考勤，本人说不对
  'payoutCardDisputed', // 收补贴的卡，本人说不是自己的
  'payoutReturned', // 银行退回了发到卡上的补贴
  'recoveryOrdered', // 补贴要追回，请告诉本人
  'recoveryOverdue', // 追回决定后过了期限还没有收回
  'returnFileUnread', // 发放以后过了期限还没有读银行回盘文件
  'subsidyNotReceived', // 补贴发放了，本人说没有收到
] as const;
export type WarningCause = (typeof WARNING_CAUSES)[number];

export const WARNING_CAUSE_ZH: Record<WarningCause, string> = {
  employedDrop: '在岗人数下降',
  incomeBelowLastYear: '收入低于去年同月',
  monitoredLostWork: '监测对象没有工作了',
  zeroEmploymentHousehold: '出现零就业家庭',
  villageNotReported: '村没有按时登记',
  townshipNotReported: '乡镇没有按时录入',
  difficulty: '群众报告困难',
  wageArrears: '以工代赈欠薪',
  attendanceDisputed: '公益性岗位考勤有异议',
  payoutCardDisputed: '收款卡本人说不是自己的',
  payoutReturned: '银行退回补贴',
  recoveryOrdered: '补贴要追回',
  recoveryOverdue: '追回逾期未收回',
  returnFileUnread: '银行回盘文件没有读',
  subsidyNotReceived: '本人说补贴没有收到',
};

export interface Warning {
  cause: WarningCause;
  month: string;
  /** What it is about: a worker, a household, or a region. */
  subject: string;
  /** The people it is about (a worker, a household's members), named where staff open it. */
  workerIds?: string[];
  /** For 我有困难: who told it and what kind it is. */
  reportedBy?: string;
  reportKind?: DifficultyKind;
  /** Where it is: the village of a person or household, the region itself otherwise. */
  regionCode: string;
  /** Who must act. */
  level: RegionLevel;
  /** The warning in plain words. */
  text: string;
  /** The figures behind it, in the order shown. */
  figures: { label: string; value: number | string }[];
}

const reference = cite('000', '三、(二)');

/** The thresholds a region sets (examples for Inner Mongolia, for its admins to replace). */
export const WARNING_PARAMETERS: Readonly<Record<string, ParameterSpec>> = {
  warningEmployedDropRatio: {
    definition: { label: '村里在岗人数比上月少了超过这个比例就预警', unit: 'ratio', reference, fixedByPolicy: false },
    values: { '15': [{ from: '2021-01-01', value: 0.1, example: true }] },
  },
  reliefWageUnpaidDays: {
    definition: {
      label: '以工代赈劳务报酬本人确认后超过几天没发放就预警（欠薪防控）',
      unit: 'days',
      reference: cite('004', '二、(七)'),
      fixedByPolicy: false,
    },
    values: { '15': [{ from: '2021-01-01', value: 15, example: true }] },
  },
  recoveryDueDays: {
    definition: {
      label: '补贴决定追回后超过几天还没收回，每月交旗县跟进（追回期限）',
      unit: 'days',
      reference: cite('003', '三、(八)'),
      fixedByPolicy: false,
    },
    values: { '15': [{ from: '2021-01-01', value: 60, example: true }] },
  },
  returnFileDueDays: {
    definition: {
      label: '补贴发放后超过几天还没读银行回盘文件，每月交旗县跟进（钱是否到了本人卡上）',
      unit: 'days',
      reference: cite('003', '五、(十三)'),
      fixedByPolicy: false,
    },
    values: { '15': [{ from: '2021-01-01', value: 10, example: true }] },
  },
  warningTaskDays: {
    definition: { label: '预警任务几天内办完（过期交上一级）', unit: 'days', reference, fixedByPolicy: false },
    values: { '15': [{ from: '2021-01-01', value: 7, example: true }] },
  },
};

type Figures = Record<MonthFigure, number>;
/** Labelled figures in the order written. */
export const figureList = (figures: Record<string, number | string>) =>
  Object.entries(figures).map(([label, value]) => ({ label, value }));
const average = (f: Figures) => (f.employed ? Math.round(f.incomeFen / f.employed) : 0);
const yuan = (fen: number) => `${Math.round(fen / 100)} 元`;
/** Who acts above a level: a village's township, a township's county; a county (or above) stays. */
export const LEVEL_ABOVE: Record<RegionLevel, RegionLevel> = {
  village: 'township',
  township: 'county',
  county: 'county',
  city: 'city',
  province: 'province',
};

/** The level above a region's own. */
const levelAbove = (regionCode: string): RegionLevel => LEVEL_ABOVE[levelOfRegion(regionCode)];

/** A village's month against the month before and last year's (each only where someone was recorded). */
export function villageWarnings(
  village: { code: string; name: string },
  month: string,
  now: Figures,
  before: { previousMonth?: Figures | undefined; lastYear?: Figures | undefined },
  dropRatio: number,
): Warning[] {
  const warnings: Warning[] = [];
  const base = { month, subject: village.code, regionCode: village.code, level: levelAbove(village.code) };
  const previous = before.previousMonth;
  if (now.recorded && previous?.employed && (previous.employed - now.employed) / previous.employed > dropRatio) {
    warnings.push({
      ...base,
      cause: 'employedDrop',
      text: `${village.name}在岗人数从上月 ${previous.employed} 人降到 ${now.employed} 人，少了 ${previous.employed - now.employed} 人`,
      figures: figureList({
        上月在岗: previous.employed,
        本月在岗: now.employed,
        预警线: `下降超过 ${Math.round(dropRatio * 100)}%`,
      }),
    });
  }
  const lastYear = before.lastYear;
  if (now.employed && lastYear?.employed && average(now) < average(lastYear)) {
    warnings.push({
      ...base,
      cause: 'incomeBelowLastYear',
      text: `${village.name}人均月收入 ${yuan(average(now))}，低于去年同月的 ${yuan(average(lastYear))}`,
      figures: figureList({ 本月人均: yuan(average(now)), 去年同月人均: yuan(average(lastYear)) }),
    });
  }
  return warnings;
}

/** A month record as the person warnings read it: the fact and whose it is. */
export type PersonMonth = MonthFact & { workerId: string };

/**
 * 监测对象 out of work this month after working the month before; households whose recorded
 * members are all out of work this month when one of them worked the month before.
 */
export function personWarnings(month: string, thisMonth: readonly PersonMonth[], lastMonth: readonly PersonMonth[]): Warning[] {
  const before = new Map(lastMonth.map((r) => [r.workerId, r]));
  const warnings: Warning[] = [];
  for (const record of thisMonth) {
    const previous = before.get(record.workerId);
    if (!record.subject.groups.includes('monitored') || record.status === 'employed' || previous?.status !== 'employed') continue;
    warnings.push({
      cause: 'monitoredLostWork',
      month,
      subject: record.workerId,
      workerIds: [record.workerId],
      regionCode: record.subject.villageCode,
      level: 'village',
      text: '一位监测对象上月在务工，这个月没有工作了，请尽快联系，帮助再就业',
      figures: figureList({
        上月: '在岗',
        本月: '没有工作',
        ...(record.atHomeReason ? { 原因: AT_HOME_REASON_ZH[record.atHomeReason as AtHomeReason] ?? record.atHomeReason } : {}),
      }),
    });
  }
  const households = new Map<string, { now: PersonMonth[]; before: PersonMonth[] }>();
  for (const [records, side] of [
    [thisMonth, 'now'],
    [lastMonth, 'before'],
  ] as const) {
    for (const record of records) {
      const id = record.subject.householdId;
      if (!id) continue;
      const household = households.get(id) ?? { now: [], before: [] };
      household[side].push(record);
      households.set(id, household);
    }
  }
  for (const [householdId, { now, before: earlier }] of households) {
    const withLabour = now.filter((r) => r.subject.labourClass !== 'none');
    if (!withLabour.length || now.some((r) => r.status === 'employed') || !earlier.some((r) => r.status === 'employed')) continue;
    warnings.push({
      cause: 'zeroEmploymentHousehold',
      month,
      subject: householdId,
      workerIds: now.map((r) => r.workerId),
      regionCode: now[0]!.subject.villageCode,
      level: 'village',
      text: '一户人家这个月没有人务工了（上月有人在岗），成了零就业家庭，至少要帮一人就业',
      figures: figureList({ 户编号: householdId, 有劳动力的: withLabour.length, 本月在岗: 0 }),
    });
  }
  return warnings;
}

/** The day of the month after which a village (15th) or township (25th) that has not reported is late. */
export const REPORT_DEADLINE_DAY = { village: 15, township: 25 } as const;

/** Villages past the 15th and townships past the 25th of `month` without their report, on `today`. */
export function reportWarnings(
  month: string,
  today: string,
  regions: readonly { code: string; name: string }[],
  reported: ReadonlySet<string>,
): Warning[] {
  if (today.slice(0, 7) !== month) return [];
  const day = Number(today.slice(8, 10));
  return regions.flatMap((region): Warning[] => {
    const level = levelOfRegion(region.code);
    if ((level !== 'village' && level !== 'township') || reported.has(region.code)) return [];
    const deadline = REPORT_DEADLINE_DAY[level];
    if (day <= deadline) return [];
    return [
      {
        cause: level === 'village' ? 'villageNotReported' : 'townshipNotReported',
        month,
        subject: region.code,
        regionCode: region.code,
        level: levelAbove(region.code),
        text: `${region.name}还没有${level === 'village' ? '登记' : '录入'}${Number(month.slice(5))}月的就业情况（${deadline} 日前）`,
        figures: figureList({ 期限: `${Number(month.slice(5))}月${deadline}日` }),
      },
    ];
  });
}

/** The region whose officers must act on a warning: its own at its level, else the one above it. */
export function actingRegion(warning: Pick<Warning, 'regionCode' | 'level'>): string {
  return ancestorAt(warning.regionCode, warning.level);
}
