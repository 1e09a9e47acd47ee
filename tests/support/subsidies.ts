/** Golden cases for the subsidy rules: facts in, results out, through the real engine and shipped parameters. */
import {
  evaluateRule,
  parameterSource,
  subsidyFactsSchema,
  type ParameterStep,
  type Rule,
  type SubsidyFactsInput,
  type SubsidyResult,
} from '@bangfu/shared';

export interface GoldenCase {
  period: string;
  /** Defaults to a village of 固阳县. */
  regionCode?: string;
  facts: SubsidyFactsInput;
  /** A region's own parameter steps laid over the shipped ones. */
  overrides?: Record<string, Record<string, ParameterStep[]>>;
}

export function evaluateCase(rule: Rule, golden: GoldenCase): SubsidyResult[] {
  return evaluateRule(rule, {
    facts: subsidyFactsSchema.parse(golden.facts),
    period: golden.period,
    regionCode: golden.regionCode ?? '150222102212',
    parameters: parameterSource([rule], golden.overrides),
  });
}

/** The one result of a rule that pays for one thing. */
export function evaluateOne(rule: Rule, golden: GoldenCase): SubsidyResult {
  const results = evaluateCase(rule, golden);
  if (results.length !== 1) throw new Error(`expected one result, got ${results.length}`);
  return results[0]!;
}

/** A person of 固阳县 as the registry knows them; override what a case is about. */
export function person(
  overrides: Partial<NonNullable<SubsidyFactsInput['person']>> = {},
): NonNullable<SubsidyFactsInput['person']> {
  return {
    birthDate: '1980-05-01',
    sex: 'male',
    groups: ['povertyAlleviated'],
    labourClass: 'full',
    homeRegionCode: '150222102212',
    registryEntryDate: '2021-01-01',
    ...overrides,
  };
}
