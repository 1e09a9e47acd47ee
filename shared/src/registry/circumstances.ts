/**
 * A person's circumstances (情况) that the subsidy rules ask for and the registry did not hold:
 * 返乡, 参保, 纳入低保, 毕业年度, a child in vocational school (雨露计划), a business licence and a
 * startup loan. Each is recorded with who stands behind it and when: an officer's record counts;
 * the worker's own report is shown, and waits for an officer to confirm it before any money
 * rests on it (DOMAIN.md, 'Whose rule it is').
 */
import * as z from 'zod';
import type { Principal } from '../auth/roles.js';
import { levelOfRegion, REGION_LEVELS } from '../regions/regionCode.js';
import { chinaDate, monthSchema } from './employment.js';
import { STAFF_TITLE_ZH } from './labels.js';

const isoDate = z.iso.date();
const fen = z.number().int('金额以分为单位，应为整数').min(1, '金额要大于 0').max(1_000_000_000, '金额太大了');

export const CIRCUMSTANCE_KINDS = [
  'returnedMigrant', // 返乡（返乡农民工）
  'insured', // 参加社会保险
  'minimumLiving', // 纳入低保
  'graduatingYear', // 毕业年度
  'vocationalStudent', // 子女就读职业院校（雨露计划）
  'business', // 营业执照
  'startupLoan', // 创业担保贷款
] as const;
export type CircumstanceKind = (typeof CIRCUMSTANCE_KINDS)[number];

export const CIRCUMSTANCE_ZH: Record<CircumstanceKind, string> = {
  returnedMigrant: '返乡',
  insured: '参加社会保险',
  minimumLiving: '纳入低保',
  graduatingYear: '毕业年度',
  vocationalStudent: '孩子上职业院校',
  business: '营业执照',
  startupLoan: '创业担保贷款',
};

/** The circumstance that gives a fact the rules ask for (its path in the subsidy facts), for a 还差信息 to lead to. */
const CIRCUMSTANCE_OF_FACT: Readonly<Record<string, CircumstanceKind>> = {
  'person.returnedMigrant': 'returnedMigrant',
  'person.insured': 'insured',
  'person.onMinimumLiving': 'minimumLiving',
  'person.graduatingThisYear': 'graduatingYear',
  vocationalStudent: 'vocationalStudent',
  startup: 'business',
  'startup.loan': 'startupLoan',
};

/** The circumstances a worker could report to give the facts a result still lacks, each once. */
export const circumstancesFor = (missing: readonly string[]): CircumstanceKind[] => [
  ...new Set(missing.flatMap((key) => (CIRCUMSTANCE_OF_FACT[key] ? [CIRCUMSTANCE_OF_FACT[key]] : []))),
];

/** The facts a result still lacks that the worker cannot report: only staff record them (a training's days, a post held). */
export const staffOnlyFacts = (missing: readonly string[]): string[] => missing.filter((key) => !CIRCUMSTANCE_OF_FACT[key]);

const monthRange = z
  .strictObject({ from: monthSchema, until: monthSchema.optional() })
  .refine((r) => r.until === undefined || r.until >= r.from, { path: ['until'], message: '结束月份不能早于开始月份' });

/** What each circumstance says, as it is entered. */
export const CIRCUMSTANCE_VALUE_SCHEMAS = {
  returnedMigrant: z.strictObject({ returnedOn: isoDate }),
  /** The months insured, from one month to another (open while still insured). */
  insured: monthRange,
  minimumLiving: monthRange,
  /** The year of graduating from college or vocational school (毕业年度). */
  graduatingYear: z.strictObject({ year: z.string().regex(/^20\d{2}$/, '请填写四位年份') }),
  vocationalStudent: z.strictObject({
    schoolKind: z.enum(['secondaryVocational', 'higherVocational', 'technicalSchool']),
    enrolledOn: isoDate,
    /** For a monitored household: when its risk was cleared. */
    riskClearedOn: isoDate.optional(),
  }),
  business: z.strictObject({ registeredOn: isoDate, operating: z.boolean() }),
  startupLoan: z
    .strictObject({
      principalFen: fen,
      startedOn: isoDate,
      endsOn: isoDate,
      partnership: z.boolean().default(false),
      repaidOnSchedule: z.boolean(),
    })
    .refine((loan) => loan.endsOn > loan.startedOn, { path: ['endsOn'], message: '到期日要晚于放款日' }),
} as const;

type Values = { [K in CircumstanceKind]: z.infer<(typeof CIRCUMSTANCE_VALUE_SCHEMAS)[K]> };

/** Who stands behind it: an officer's record, an import, or the worker's own report. */
export const CIRCUMSTANCE_SOURCES = ['staff', 'import', 'self'] as const;

export const stampSchema = z.object({
  source: z.enum(CIRCUMSTANCE_SOURCES),
  /** The account that recorded it; left out of the worker's own view (an officer's account id is not theirs to see). */
  recordedBy: z.string().optional(),
  /** The recording officer's level (村/乡镇/县), for the words of the trace. */
  recordedByLevel: z.enum(REGION_LEVELS).optional(),
  recordedAt: z.iso.datetime(),
});
export type CircumstanceStamp = z.infer<typeof stampSchema>;

/** The stamp of what `principal` records now: an officer's with their level, for the trace's words. */
export function stampBy(principal: Principal, source: CircumstanceStamp['source'], at = new Date()): CircumstanceStamp {
  return {
    source,
    recordedBy: principal.userId,
    ...(source === 'staff' && principal.regionCode ? { recordedByLevel: levelOfRegion(principal.regionCode) } : {}),
    recordedAt: at.toISOString(),
  };
}

/** The circumstances as stored on the record: each kind's value with its stamp. */
export const circumstancesSchema = z
  .object(
    Object.fromEntries(
      CIRCUMSTANCE_KINDS.map((kind) => [
        kind,
        z.object({ value: CIRCUMSTANCE_VALUE_SCHEMAS[kind], stamp: stampSchema }).optional(),
      ]),
    ) as {
      [K in CircumstanceKind]: z.ZodOptional<
        z.ZodObject<{ value: (typeof CIRCUMSTANCE_VALUE_SCHEMAS)[K]; stamp: typeof stampSchema }>
      >;
    },
  )
  .partial();
export type Circumstances = { [K in CircumstanceKind]?: { value: Values[K]; stamp: CircumstanceStamp } };

/** The circumstances as the worker sees them: who stands behind each (source, level, date), not which account. */
export function ownCircumstances(circumstances: Circumstances): Circumstances {
  return Object.fromEntries(
    Object.entries(circumstances).map(([kind, entry]) => {
      const { recordedBy, ...stamp } = entry.stamp;
      return [kind, { ...entry, stamp: entry.stamp.source === 'self' ? { ...stamp, recordedBy } : stamp }];
    }),
  ) as Circumstances;
}

export type CircumstanceChange = {
  [K in CircumstanceKind]: { kind: K; version: number; value: Values[K] | null };
}[CircumstanceKind];
/** The same, as sent (defaults not yet filled in). */
export type CircumstanceChangeInput = {
  [K in CircumstanceKind]: { kind: K; version: number; value: z.input<(typeof CIRCUMSTANCE_VALUE_SCHEMAS)[K]> | null };
}[CircumstanceKind];

/** A change to one circumstance, on the record's version read: its new value, or `null` to clear it. */
export const circumstanceChangeSchema = z.discriminatedUnion(
  'kind',
  // One object per kind; the tuple type is lost in the map, and restated below.
  CIRCUMSTANCE_KINDS.map((kind) =>
    z.strictObject({
      kind: z.literal(kind),
      version: z.number().int().min(1),
      value: CIRCUMSTANCE_VALUE_SCHEMAS[kind].nullable(),
    }),
  ) as unknown as [z.ZodObject<{ kind: z.ZodLiteral<CircumstanceKind> }>],
) as unknown as z.ZodType<CircumstanceChange, CircumstanceChangeInput>;

/** Whether money may rest on it: anyone accountable stands behind it, not only the worker's word. */
export const isVouched = (stamp: CircumstanceStamp): boolean => stamp.source !== 'self';

/** Who stands behind it, as the worker and the approver read it: 村信息员 2026-12-03 登记 / 本人申报，待核实. */
export function circumstanceSourceText(stamp: CircumstanceStamp): string {
  const on = chinaDate(new Date(stamp.recordedAt));
  switch (stamp.source) {
    case 'self':
      return '本人申报，待核实';
    case 'import':
      return `${on} 从监测系统导入`;
    case 'staff':
      return `${stamp.recordedByLevel ? STAFF_TITLE_ZH[stamp.recordedByLevel] : '经办人员'} ${on} 登记`;
  }
}

/** What a registry file said of a person (importColumns.ts), as circumstances stamped as imported, from `month`. */
export function importedCircumstances(
  imported: { minimumLiving?: true; insured?: true; returnedOn?: string },
  stamp: CircumstanceStamp,
  month: string,
): Circumstances {
  return {
    ...(imported.minimumLiving ? { minimumLiving: { value: { from: month }, stamp } } : {}),
    ...(imported.insured ? { insured: { value: { from: month }, stamp } } : {}),
    ...(imported.returnedOn ? { returnedMigrant: { value: { returnedOn: imported.returnedOn }, stamp } } : {}),
  };
}
