/**
 * Policy parameters, on OpenFisca's model: each parameter is a list of dated steps
 * `{from, value}` (a step holds until the next one; `null` ends the parameter), kept
 * per region code and inherited down the region tree — a county's own steps override
 * its city's, a city's its province's, and `''` holds what the documents fix for
 * everyone. Every reading says which value, from which date, set where, and from which
 * document it comes. A value the period has none of is an error, never a silent zero.
 */
import { REGION_LEVELS, regionCodeLength, type RegionCode } from '../regions/regionCode.js';

/** Where a number comes from: the document and its passage. */
export interface Reference {
  document: string;
  section: string;
}

export type ParameterUnit = 'fen' | 'months' | 'ratio' | 'years' | 'days' | 'persons';

export interface ParameterDefinition {
  key: string;
  /** What it is, in words a worker or an auditor reads. */
  label: string;
  unit: ParameterUnit;
  reference: Reference;
  /** True where the documents fix the number; false where they leave it to local governments. */
  fixedByPolicy: boolean;
}

export interface ParameterStep {
  /** ISO date from which the value holds. */
  from: string;
  /** `null` ends the parameter from that date. */
  value: number | null;
  /** A value shipped as an example for the demo region, for its admins to replace. */
  example?: boolean;
}

/** Every parameter's steps, by region code; `''` for values that hold everywhere. */
export type ParameterTable = Readonly<Record<string, Readonly<Record<string, readonly ParameterStep[]>>>>;

export type ParameterReading =
  | {
      status: 'value';
      key: string;
      label: string;
      unit: ParameterUnit;
      value: number;
      /** The step's first day, and the next step's (exclusive) when there is one. */
      from: string;
      until?: string;
      /** The region whose step this is (`''`: fixed for everyone). */
      setIn: string;
      example: boolean;
      reference: Reference;
    }
  | { status: 'ended'; key: string; label: string; since: string; setIn: string; reference: Reference };

export class MissingParameterError extends Error {
  constructor(
    readonly key: string,
    readonly regionCode: string,
    readonly date: string,
  ) {
    super(`parameter ${key} has no value for region ${regionCode || '(all)'} on ${date}`);
    this.name = 'MissingParameterError';
  }
}

/** The region and each region above it, most specific first, then `''`. */
export function regionChain(regionCode: RegionCode | ''): string[] {
  const lengths = REGION_LEVELS.map(regionCodeLength)
    .filter((length) => length <= regionCode.length)
    .sort((a, b) => b - a);
  return [...lengths.map((length) => regionCode.slice(0, length)), ''];
}

/**
 * The value of `key` in force on `date` for `regionCode`: from the most specific region
 * that has a step on or before that date. Throws MissingParameterError when none has.
 */
export function readParameter(
  definitions: Readonly<Record<string, ParameterDefinition>>,
  table: ParameterTable,
  key: string,
  regionCode: RegionCode | '',
  date: string,
): ParameterReading {
  const definition = definitions[key];
  if (!definition) throw new MissingParameterError(key, regionCode, date);
  const byRegion = table[key] ?? {};
  for (const setIn of regionChain(regionCode)) {
    const steps = [...(byRegion[setIn] ?? [])].sort((a, b) => a.from.localeCompare(b.from));
    const index = steps.findLastIndex((step) => step.from <= date);
    if (index < 0) continue;
    const step = steps[index]!;
    const { label, reference, unit } = definition;
    if (step.value === null) return { status: 'ended', key, label, since: step.from, setIn, reference };
    const next = steps[index + 1];
    return {
      status: 'value',
      key,
      label,
      unit,
      value: step.value,
      from: step.from,
      ...(next ? { until: next.from } : {}),
      setIn,
      example: step.example === true,
      reference,
    };
  }
  throw new MissingParameterError(key, regionCode, date);
}
