/**
 * 务工规模 and 务工收入 (file 000 §三(二), file 003 §(十八)(十九)): what one worker's record of a
 * month adds to the figures of their village, township, county, city and province for that
 * month. Every figure is a count or a sum, so a region's month is the sum of its people's
 * months, and a changed record moves the figures by what the new one adds less what the old
 * one added: what the live keeping adds and what the reconciliation recomputes are the same
 * arithmetic.
 */
import * as z from 'zod';
import { ancestorAt, REGION_LEVELS, type RegionCode } from '../regions/regionCode.js';
import { employmentSubjectSchema } from '../registry/employment.js';
import { EMPLOYMENT_FORMS, EMPLOYMENT_PLACES } from '../registry/labels.js';

/** Monthly income bands, by their lower bounds in fen: under 1,000 yuan, 1,000–2,000, 2,000–3,000, 3,000–5,000, 5,000 and more. */
export const INCOME_BANDS = [
  { figure: 'income_below1000', fromFen: 0 },
  { figure: 'income_1000to2000', fromFen: 100_000 },
  { figure: 'income_2000to3000', fromFen: 200_000 },
  { figure: 'income_3000to5000', fromFen: 300_000 },
  { figure: 'income_5000up', fromFen: 500_000 },
] as const;

export const MONTH_FIGURES = [
  'recorded', // people with a record of the month
  'labour', // 劳动力: those of them with some labour (file 001's 贫困劳动力)
  'ableAndWilling', // 有劳动能力和就业意愿: some labour, and not at home for illness or family care
  'employed',
  'employedSixMonths', // 稳定就业 6 个月以上: employed this month and the five before (file 001 §一)
  ...EMPLOYMENT_PLACES.map((place) => `employed_${place}` as const),
  ...EMPLOYMENT_FORMS.map((form) => `employed_${form}` as const),
  'incomeFen', // the month's income of those employed, summed
  ...INCOME_BANDS.map((band) => band.figure),
  'povertyAlleviated_recorded', // 脱贫人口
  'povertyAlleviated_employed',
  'monitored_recorded', // 防止返贫监测对象
  'monitored_employed',
  'returnedFromWork', // 务工回流: at home this month, back from work
  'unconfirmedSelfReports', // a worker's own report no officer has confirmed yet
  'trainedPeople', // 技能培训人数: people whose first training of the year ended this month (trainingFigures)
] as const;
export type MonthFigure = (typeof MONTH_FIGURES)[number];
export type MonthFigures = Partial<Record<MonthFigure, number>>;

/**
 * What of a month's record the figures read: the record itself and the facts of the person it
 * was recorded for, as they were then (kept on the record, so a later change to the person
 * does not rewrite a past month).
 */
export const monthFactSchema = z.object({
  month: z.string(),
  status: z.enum(['employed', 'notEmployed']),
  place: z.enum(EMPLOYMENT_PLACES).optional(),
  form: z.enum(EMPLOYMENT_FORMS).optional(),
  monthlyIncomeFen: z.number().int(),
  atHomeReason: z.string().optional(),
  source: z.string(),
  confirmation: z.unknown().optional(),
  subject: employmentSubjectSchema,
  employedRun: z.number().int().optional(),
});
export type MonthFact = z.infer<typeof monthFactSchema>;

const NOT_WILLING = new Set(['illness', 'caringForFamily']);

/** 稳定就业 6 个月以上 (file 001 §一). */
export const STABLE_EMPLOYMENT_MONTHS = 6;

/** The band a month's income falls in. */
export function incomeBand(fen: number): (typeof INCOME_BANDS)[number]['figure'] {
  let band: (typeof INCOME_BANDS)[number] = INCOME_BANDS[0];
  for (const next of INCOME_BANDS) if (fen >= next.fromFen) band = next;
  return band.figure;
}

/** What one person's month adds to each figure of their regions. */
export function monthFigures(fact: MonthFact): MonthFigures {
  const employed = fact.status === 'employed';
  const figures: MonthFigures = { recorded: 1 };
  const add = (figure: MonthFigure, n = 1) => {
    if (n !== 0) figures[figure] = (figures[figure] ?? 0) + n;
  };
  if (fact.subject.labourClass !== 'none') add('labour');
  if (employed || (fact.subject.labourClass !== 'none' && !NOT_WILLING.has(fact.atHomeReason ?? ''))) add('ableAndWilling');
  if (employed) {
    add('employed');
    if ((fact.employedRun ?? 1) >= STABLE_EMPLOYMENT_MONTHS) add('employedSixMonths');
    if (fact.place) add(`employed_${fact.place}`);
    if (fact.form) add(`employed_${fact.form}`);
    add('incomeFen', fact.monthlyIncomeFen);
    add(incomeBand(fact.monthlyIncomeFen));
  } else if (fact.atHomeReason === 'returnedFromWork') add('returnedFromWork');
  for (const group of ['povertyAlleviated', 'monitored'] as const) {
    if (!fact.subject.groups.includes(group)) continue;
    add(`${group}_recorded`);
    if (employed) add(`${group}_employed`);
  }
  if (fact.source === 'self' && !fact.confirmation) add('unconfirmedSelfReports');
  return figures;
}

/**
 * What a person's trainings add to their village's months: 1 to 技能培训人数 in the month their
 * first training of each year ended, so a year's months add up to the people trained that year,
 * each once however many courses they took.
 */
export function trainingFigures(trainings: readonly { endedOn: string }[]): { month: string; figures: MonthFigures }[] {
  const firstOfYear = new Map<string, string>();
  for (const { endedOn } of trainings) {
    const year = endedOn.slice(0, 4);
    const first = firstOfYear.get(year);
    if (!first || endedOn < first) firstOfYear.set(year, endedOn);
  }
  return [...firstOfYear.values()].sort().map((endedOn) => ({ month: endedOn.slice(0, 7), figures: { trainedPeople: 1 } }));
}

/** Adds `figures` (or takes them away: sign -1) into `into`, dropping figures that come to 0. */
export function addFigures(into: MonthFigures, figures: MonthFigures, sign: 1 | -1 = 1): MonthFigures {
  for (const [figure, n] of Object.entries(figures) as [MonthFigure, number][]) {
    const sum = (into[figure] ?? 0) + sign * n;
    if (sum === 0) delete into[figure];
    else into[figure] = sum;
  }
  return into;
}

/** The figures of many records added up (a region's month recomputed from its people's). */
export function sumFigures(all: Iterable<MonthFigures>): MonthFigures {
  const sum: MonthFigures = {};
  for (const figures of all) addFigures(sum, figures);
  return sum;
}

/** The regions a village's figures count in, village first: village, township, county, city, province. */
export function regionsOf(villageCode: RegionCode): RegionCode[] {
  return [...REGION_LEVELS].reverse().map((level) => ancestorAt(villageCode, level));
}

/** A quarter, e.g. 2026-Q4 (the implementation report of file 002 §四(四) is quarterly). */
export const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, '季度格式应为 2026-Q4');

/** The three months of a quarter, in order. */
export function monthsOfQuarter(quarter: string): string[] {
  const year = quarter.slice(0, 4);
  const first = (Number(quarter.slice(6)) - 1) * 3 + 1;
  return [first, first + 1, first + 2].map((m) => `${year}-${String(m).padStart(2, '0')}`);
}

/** The quarter a month falls in. */
export const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
