/**
 * What the subsidy golden tests check again and again: the engine's common rules, the demo
 * regions' own standards (演示数据), and where a subsidy is in the catalogue at all.
 */
import { expect } from 'vitest';
import type { Rule, SubsidyFactsInput, SubsidyResult } from '@bangfu/shared';
import { DEMO_STANDARDS, evaluateCase, evaluateOne, type GoldenCase } from '../../support/subsidies.js';

type TrainingInput = NonNullable<SubsidyFactsInput['trainings']>[number];

/** A village of 固阳县 (包头市, 内蒙古), whose demo standards hold from 2021-01-01: the cases' default. */
export const GUYANG_VILLAGE = '150222102212';
/** A village of 土默特右旗, another county of 包头市: the Inner Mongolian documents hold there, but no demo standard. */
export const TUYOU_VILLAGE = '150221104200';
/** A village of 于都县 (赣州市, 江西省): file 003 holds there, and the county's demo standards from 2021-08-15. */
export const YUDU_VILLAGE = '360731100201';
/** A village of 沅江市 (益阳市, 湖南省): file 001 holds there in 2020, with the city's demo standards from 2020-05-14. */
export const YUANJIANG_VILLAGE = '430981006206';
/** A neighbourhood of 东城区, Beijing: none of the five documents holds there. */
export const BEIJING_VILLAGE = '110101001001';

/** The demo counties' documents of standards, as the worker reads them beside an amount (演示数据). */
export const DEMO_STANDARD_DOCUMENTS = {
  '150222': { document: '固阳县就业帮扶补贴标准（固阳县人力资源和社会保障局，演示数据）', policy: 'ld-demo-150222-standards' },
  '360731': { document: '于都县就业帮扶补贴标准（于都县人力资源和社会保障局，演示数据）', policy: 'ld-demo-360731-standards' },
  '430981': { document: '沅江市就业扶贫补贴标准（沅江市人力资源和社会保障局，演示数据）', policy: 'ld-demo-430981-standards' },
} as const;

/** Courses of one trade: 10 days in May 2026, finished (结业); override what a case is about. */
export const coursesOf =
  (name: string) =>
  (overrides: Partial<TrainingInput> = {}): TrainingInput => ({
    name,
    startedOn: '2026-05-06',
    endedOn: '2026-05-15',
    completed: true,
    days: 10,
    ...overrides,
  });

/** A result for a period key already claimed: shown as 已领 and never paid again (不重复发放). */
export const ALREADY_CLAIMED = { claimed: true, eligible: false, amountFen: 0 } as const;

/** Whether the rule pays in each of `periods` on the same facts, e.g. either side of leaving the registry. */
export function eligibleIn(rule: Rule, facts: SubsidyFactsInput, periods: readonly string[], regionCode?: string): boolean[] {
  return periods.map((period) => evaluateOne(rule, { period, facts, ...(regionCode ? { regionCode } : {}) }).eligible);
}

/**
 * The parameter `key` was read from the demo standards of `county` (固阳县 unless said): set
 * there, marked as demo data, and citing the county's own document, not the passage that left it local.
 */
export function expectDemoStandard(
  result: SubsidyResult,
  key: string,
  value: number,
  county: keyof typeof DEMO_STANDARD_DOCUMENTS = '150222',
): void {
  expect(result.trace.find((t) => t.key === key)).toMatchObject({
    kind: 'parameter',
    value,
    setIn: county,
    example: true,
    reference: { ...DEMO_STANDARD_DOCUMENTS[county], section: '补贴标准' },
  });
  expect(result.trace.find((t) => t.key === key)?.text).toContain('演示数据');
}

/** Not in the region's catalogue for the period: no document that grants it holds there then. */
export function expectNotGranted(rule: Rule, golden: GoldenCase): void {
  expect(evaluateCase(rule, golden)).toEqual([]);
}

/** The trace in words, one line each, to look for a phrase in. */
export const texts = (result: SubsidyResult): string => result.trace.map((line) => line.text).join('\n');

/** Nothing paid after the person left the registry, and the trace says so (file 001 第10项, an engine rule). */
export function expectStoppedByExit(result: SubsidyResult): void {
  expect(result).toMatchObject({ eligible: false, amountFen: 0 });
  expect(texts(result)).toContain('已退出帮扶台账');
}

/**
 * 不重复发放 for a subsidy paid per period: nothing in `claimedIn`, whose key the facts' past
 * claims already hold, and `paid` again in `nextIn`, the next period with a key of its own.
 */
export function expectPaidOncePerKey(
  rule: Rule,
  facts: SubsidyFactsInput,
  claimedIn: string,
  nextIn: string,
  paid: { amountFen: number; periodKey?: string },
  regionCode?: string,
): void {
  const region = regionCode ? { regionCode } : {};
  expect(evaluateOne(rule, { period: claimedIn, facts, ...region })).toMatchObject(ALREADY_CLAIMED);
  expect(evaluateOne(rule, { period: nextIn, facts, ...region })).toMatchObject({ claimed: false, eligible: true, ...paid });
}

/**
 * The rule where the case's county (固阳县 unless the case says) has recorded its own `key` from
 * `from` (the first day of the period's year unless said), after its demo standard: the trace
 * shows the county's new value was read, not the demo one.
 */
export function evaluateWithCountyValue(
  rule: Rule,
  golden: GoldenCase,
  key: string,
  value: number,
  from = `${golden.period.slice(0, 4)}-01-01`,
): SubsidyResult {
  const county = (golden.regionCode ?? GUYANG_VILLAGE).slice(0, 6);
  const demo = DEMO_STANDARDS[key]?.[county] ?? [];
  expect(demo, `${county} has a demo standard for ${key} to lay its own over`).not.toHaveLength(0);
  const result = evaluateOne(rule, { ...golden, overrides: { [key]: { [county]: [...demo, { from, value }] } } });
  expect(result.trace.find((t) => t.key === key)).toMatchObject({ value, from, setIn: county, example: false });
  return result;
}

/** Where a subsidy is granted but no region set a standard it needs: no value, an error, never a silent zero. */
export function expectNoValue(rule: Rule, golden: GoldenCase, key?: string): void {
  expect(() => evaluateCase(rule, golden)).toThrow(key === undefined ? 'no value' : `${key} has no value`);
}
