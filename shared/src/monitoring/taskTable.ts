/**
 * The township task table (就业帮扶工作任务分解表, the attachment of file 001): per township, the
 * year's targets beside where it stands, each met or not. The three shares are the document's
 * (95% / 60% / 75%) unless the county sets its own for the year; the counts (people trained,
 * workshops, bases) have a target only where the county gives one to a township.
 * 月均工资不低于上年同期水平 (file 001 §一) is the fourth line: the month's average wage beside the
 * same month last year.
 */
import * as z from 'zod';
import type { MonthFigure } from './monthFigures.js';

const percentSchema = z.number().int('请填整数').min(0, '不能小于 0').max(100, '不能大于 100');
const countTargetSchema = z.number().int('请填整数').min(0, '不能是负数').max(100_000, '数目太大，请核对');

/** A township's count targets for the year; a count without one is shown without a judgement. */
export const townshipTargetsSchema = z.strictObject({
  trainedPeople: countTargetSchema.optional(), // 贫困劳动力技能培训人数
  workshops: countTargetSchema.optional(), // 就业帮扶车间建成数量
  bases: countTargetSchema.optional(), // 就业帮扶基地建成数量
});
export type TownshipTargets = z.infer<typeof townshipTargetsSchema>;

/** A county's targets for one year. */
export const taskTargetsSchema = z.strictObject({
  /** 有劳动能力且有就业意愿的劳动力实现就业人数占比 */
  ableAndWillingEmployedPercent: percentSchema,
  /** 已就业人数占劳动力总量比例 */
  employedSharePercent: percentSchema,
  /** 稳定就业 6 个月以上人数占已就业人数比例 */
  stableSharePercent: percentSchema,
  /** By township code (9 digits). */
  townships: z.record(z.string().regex(/^\d{9}$/, '应为 9 位乡镇代码'), townshipTargetsSchema),
});
export type TaskTargets = z.infer<typeof taskTargetsSchema>;

/** The document's own shares (file 001 §一), with no count targets until the county gives them. */
export const DOCUMENT_TARGETS: TaskTargets = {
  ableAndWillingEmployedPercent: 95,
  employedSharePercent: 60,
  stableSharePercent: 75,
  townships: {},
};

export const RATE_MEASURES = ['ableAndWillingEmployed', 'employedShare', 'stableShare'] as const;
export type RateMeasure = (typeof RATE_MEASURES)[number];
export const COUNT_MEASURES = ['trainedPeople', 'workshops', 'bases'] as const;
export type CountMeasure = (typeof COUNT_MEASURES)[number];

export const TASK_MEASURE_ZH: Record<RateMeasure | CountMeasure | 'wageVsLastYear', string> = {
  ableAndWillingEmployed: '有劳动能力和就业意愿的人就业占比',
  employedShare: '已就业人数占劳动力比例',
  stableShare: '稳定就业6个月以上占已就业比例',
  wageVsLastYear: '月均工资不低于上年同期',
  trainedPeople: '今年技能培训人数',
  workshops: '就业帮扶车间',
  bases: '就业帮扶基地',
};

/** Which figures of the month make each share: numerator over denominator. */
const RATE_FIGURES: Record<RateMeasure, [MonthFigure, MonthFigure]> = {
  ableAndWillingEmployed: ['employed', 'ableAndWilling'],
  employedShare: ['employed', 'labour'],
  stableShare: ['employedSixMonths', 'employed'],
};

const TARGET_OF: Record<RateMeasure, keyof Omit<TaskTargets, 'townships'>> = {
  ableAndWillingEmployed: 'ableAndWillingEmployedPercent',
  employedShare: 'employedSharePercent',
  stableShare: 'stableSharePercent',
};

export interface RateLine {
  measure: RateMeasure;
  numerator: number;
  denominator: number;
  /** Percent to one decimal, absent when nobody is in the denominator. */
  percent?: number;
  targetPercent: number;
  /** Absent when there is nobody to judge by. */
  met?: boolean;
}

export interface WageLine {
  /** The month's average wage of those employed, in fen (absent: nobody employed). */
  averageFen?: number;
  lastYearAverageFen?: number;
  met?: boolean;
}

export interface CountLine {
  measure: CountMeasure;
  count: number;
  target?: number;
  met?: boolean;
}

export interface TaskTableRow {
  rates: RateLine[];
  wage: WageLine;
  counts: CountLine[];
}

/** What a township's line is made from: its month's figures and last year's, and its counts of the year. */
export interface TaskTableInput {
  month: Partial<Record<MonthFigure, number>>;
  sameMonthLastYear: Partial<Record<MonthFigure, number>>;
  counts: Record<CountMeasure, number>;
  targets: TaskTargets;
  /** Its own count targets (for a county's total: theirs added up). */
  countTargets: TownshipTargets;
}

const averageFen = (figures: Partial<Record<MonthFigure, number>>) =>
  figures.employed ? Math.round((figures.incomeFen ?? 0) / figures.employed) : undefined;

/** A township's (or a county's) line of the table. */
export function taskTableRow(input: TaskTableInput): TaskTableRow {
  const rates = RATE_MEASURES.map((measure): RateLine => {
    const [top, bottom] = RATE_FIGURES[measure];
    const numerator = input.month[top] ?? 0;
    const denominator = input.month[bottom] ?? 0;
    const targetPercent = input.targets[TARGET_OF[measure]];
    if (!denominator) return { measure, numerator, denominator, targetPercent };
    return {
      measure,
      numerator,
      denominator,
      percent: Math.round((numerator * 1000) / denominator) / 10,
      targetPercent,
      // Whole numbers compared, so 94.96% is not rounded up to meet 95%.
      met: numerator * 100 >= targetPercent * denominator,
    };
  });
  const average = averageFen(input.month);
  const lastYear = averageFen(input.sameMonthLastYear);
  const wage: WageLine = {
    ...(average !== undefined ? { averageFen: average } : {}),
    ...(lastYear !== undefined ? { lastYearAverageFen: lastYear } : {}),
    ...(average !== undefined && lastYear !== undefined ? { met: average >= lastYear } : {}),
  };
  const counts = COUNT_MEASURES.map((measure): CountLine => {
    const count = input.counts[measure];
    const target = input.countTargets[measure];
    return target === undefined ? { measure, count } : { measure, count, target, met: count >= target };
  });
  return { rates, wage, counts };
}

/** A county's count targets: its townships' added up, a count none of them has a target for left without. */
export function countyCountTargets(targets: TaskTargets): TownshipTargets {
  const sum: TownshipTargets = {};
  for (const township of Object.values(targets.townships)) {
    for (const measure of COUNT_MEASURES) {
      const target = township[measure];
      if (target !== undefined) sum[measure] = (sum[measure] ?? 0) + target;
    }
  }
  return sum;
}

/**
 * Whether an employer counts as built (建成) for the table: a workshop while it stands recognised
 * (认定, not 退出), a base once staff verified it.
 */
export function builtAs(employer: {
  kind: string;
  workshop?: { recognition: string } | undefined;
  verification?: { status: string } | undefined;
}): 'workshops' | 'bases' | undefined {
  if (employer.kind === 'assistanceWorkshop' && employer.workshop?.recognition === 'recognised') return 'workshops';
  if (employer.kind === 'assistanceBase' && employer.verification?.status === 'verified') return 'bases';
  return undefined;
}
