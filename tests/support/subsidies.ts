/**
 * Golden cases for the subsidy rules: facts in, results out, through the real engine, the shipped
 * parameters and the demo regions' own documents (their standards and continuations), as seeded.
 */
import {
  authoritiesFor,
  evaluateRule,
  parameterSource,
  subsidyFactsSchema,
  type LocalDocument,
  type ParameterStep,
  type Rule,
  type SubsidyFactsInput,
  type SubsidyResult,
} from '@bangfu/shared';
import { DEMO_LOCAL_DOCUMENTS, demoStandards } from '../../functions/src/local/seed/demoStandards.js';

export interface GoldenCase {
  period: string;
  /** Defaults to a village of 固阳县. */
  regionCode?: string;
  facts: SubsidyFactsInput;
  /** A region's own parameter steps laid over the shipped ones and the demo regions'. */
  overrides?: Record<string, Record<string, ParameterStep[]>>;
  /** Local documents recorded beside the demo ones, e.g. a continuation the case is about. */
  documents?: readonly LocalDocument[];
}

/** The demo regions' own steps, by parameter key then region, as the seed records them. */
export const DEMO_STANDARDS: Readonly<Record<string, Record<string, ParameterStep[]>>> = demoStandards();

/** The demo regions' steps with a case's own laid over them, key by key and region by region. */
function withDemoStandards(overrides: GoldenCase['overrides'] = {}): Record<string, Record<string, ParameterStep[]>> {
  const merged: Record<string, Record<string, ParameterStep[]>> = { ...DEMO_STANDARDS };
  for (const [key, regions] of Object.entries(overrides)) merged[key] = { ...merged[key], ...regions };
  return merged;
}

export function evaluateCase(rule: Rule, golden: GoldenCase): SubsidyResult[] {
  const regionCode = golden.regionCode ?? '150222102212';
  return evaluateRule(rule, {
    facts: subsidyFactsSchema.parse(golden.facts),
    period: golden.period,
    regionCode,
    parameters: parameterSource([rule], withDemoStandards(golden.overrides)),
    authorities: authoritiesFor(
      regionCode,
      `${golden.period}-01`,
      golden.documents ? [...DEMO_LOCAL_DOCUMENTS, ...golden.documents] : DEMO_LOCAL_DOCUMENTS,
    ),
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
