/** What the subsidy golden tests check again and again: the engine's common rules and the shipped examples. */
import { expect } from 'vitest';
import type { Rule, SubsidyFactsInput, SubsidyResult } from '@bangfu/shared';
import { evaluateCase, evaluateOne, type GoldenCase } from '../../support/subsidies.js';

type TrainingInput = NonNullable<SubsidyFactsInput['trainings']>[number];

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
export function eligibleIn(rule: Rule, facts: SubsidyFactsInput, periods: readonly string[]): boolean[] {
  return periods.map((period) => evaluateOne(rule, { period, facts }).eligible);
}

/** The parameter `key` was read from the example shipped for Inner Mongolia (region 15), citing `section`. */
export function expectShippedExample(result: SubsidyResult, key: string, value: number, section: string): void {
  expect(result.trace.find((t) => t.key === key)).toMatchObject({ value, setIn: '15', example: true, reference: { section } });
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
): void {
  expect(evaluateOne(rule, { period: claimedIn, facts })).toMatchObject(ALREADY_CLAIMED);
  expect(evaluateOne(rule, { period: nextIn, facts })).toMatchObject({ claimed: false, eligible: true, ...paid });
}

/** The rule where 固阳县 (150222) has set its own `key` from 2026: the trace shows the county's value was read, not the example. */
export function evaluateWithCountyValue(rule: Rule, golden: GoldenCase, key: string, value: number): SubsidyResult {
  const result = evaluateOne(rule, { ...golden, overrides: { [key]: { '150222': [{ from: '2026-01-01', value }] } } });
  expect(result.trace.find((t) => t.key === key)).toMatchObject({ setIn: '150222', example: false });
  return result;
}

/** Before a parameter's first step (or where no region set one) there is no value: an error, never a silent zero. */
export function expectNoValue(rule: Rule, golden: GoldenCase, key?: string): void {
  expect(() => evaluateCase(rule, golden)).toThrow(key === undefined ? 'no value' : `${key} has no value`);
}
