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
  /** The policy it belongs to: a shipped document's id ('003') or a recorded local document's. */
  policy?: string;
}

export const PARAMETER_UNITS = ['fen', 'months', 'ratio', 'years', 'days', 'persons'] as const;
export type ParameterUnit = (typeof PARAMETER_UNITS)[number];

export interface ParameterDefinition {
  key: string;
  /** What it is, in words a worker or an auditor reads. */
  label: string;
  unit: ParameterUnit;
  reference: Reference;
  /** True where the documents fix the number; false where they leave it to local governments. */
  fixedByPolicy: boolean;
  /** Regions where a document fixes a number that is local elsewhere (000 sets women's training age to 60 in Inner Mongolia). */
  fixedIn?: readonly string[];
}

/** Whether nobody in `regionCode` may change the parameter: the documents fix it there. */
export const isFixedFor = (definition: ParameterDefinition, regionCode: string): boolean =>
  definition.fixedByPolicy || (definition.fixedIn ?? []).some((jurisdiction) => regionCode.startsWith(jurisdiction));

/** Units counted whole: money in fen, months, years, days, people. Only a ratio may be a fraction. */
const WHOLE_UNITS: ReadonlySet<ParameterUnit> = new Set(['fen', 'months', 'years', 'days', 'persons']);

/** What is wrong with a value for a parameter of this unit, in plain Chinese; undefined when nothing is. */
export function parameterValueProblem(unit: ParameterUnit, value: number): string | undefined {
  if (WHOLE_UNITS.has(unit) && !Number.isInteger(value)) {
    return unit === 'fen' ? '金额以分为单位，应为整数' : '应为整数';
  }
  if (unit === 'ratio' && value > 1) return '比例不能超过 100%';
  return undefined;
}

export interface ParameterStep {
  /** ISO date from which the value holds. */
  from: string;
  /** `null` ends the parameter from that date. */
  value: number | null;
  /** A value of the demo data, set as the demo region's admin would: an example, not a decided standard. */
  example?: boolean;
  /** The local document that set it (地方文件), cited beside the amount instead of the passage that left it local. */
  document?: Reference;
  /**
   * A term of this document (its id), holding only where and while the document does: Baotou's +20%
   * is file 004's, so it is not read in a year 004 is not in force. Unmarked steps always hold.
   */
  policy?: string;
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
  return [...chainOf(regionCode)];
}

/** Region code lengths, longest first. */
const LENGTHS_DESCENDING = REGION_LEVELS.map(regionCodeLength).sort((a, b) => b - a);

/** Region chains and layers are cached for at most this many region codes (then started again). */
const CACHE_LIMIT = 100_000;
const chains = new Map<string, readonly string[]>();

/** regionChain, computed once per region code (shared: never handed out). */
function chainOf(regionCode: string): readonly string[] {
  let chain = chains.get(regionCode);
  if (!chain) {
    chain = [
      ...LENGTHS_DESCENDING.filter((length) => length <= regionCode.length).map((length) => regionCode.slice(0, length)),
      '',
    ];
    if (chains.size >= CACHE_LIMIT) chains.clear();
    chains.set(regionCode, chain);
  }
  return chain;
}

/** One region's steps for a parameter, sorted by date, and the reading of each step once made. */
interface Layer {
  setIn: string;
  steps: readonly ParameterStep[];
  readings: (ParameterReading | undefined)[];
}
/** Per definitions and table, by key: each region's sorted steps, and for each region code the layers of its chain that have steps. */
type Layers = Map<string, { bySetIn: Map<string, Layer>; byRegion: Map<string, readonly Layer[]> }>;
const layersOf = new WeakMap<ParameterTable, WeakMap<object, Layers>>();
/** The tables read last (usually the only ones in use, kept until others are read): found without the two lookups above. */
let last: { table: ParameterTable; definitions: object; byKey: Layers } | undefined;

function layers(
  definitions: Readonly<Record<string, ParameterDefinition>>,
  table: ParameterTable,
  key: string,
  regionCode: string,
): readonly Layer[] {
  let byKey: Layers | undefined;
  if (last && last.table === table && last.definitions === definitions) byKey = last.byKey;
  else {
    let byDefinitions = layersOf.get(table);
    if (!byDefinitions) {
      byDefinitions = new WeakMap();
      layersOf.set(table, byDefinitions);
    }
    byKey = byDefinitions.get(definitions);
    if (!byKey) {
      byKey = new Map();
      byDefinitions.set(definitions, byKey);
    }
    last = { table, definitions, byKey };
  }
  let ofKey = byKey.get(key);
  if (!ofKey) {
    ofKey = { bySetIn: new Map(), byRegion: new Map() };
    byKey.set(key, ofKey);
  }
  let found = ofKey.byRegion.get(regionCode);
  if (!found) {
    const steps = table[key] ?? {};
    const { bySetIn } = ofKey;
    found = chainOf(regionCode)
      .filter((setIn) => (steps[setIn] ?? []).length > 0)
      .map((setIn) => {
        let layer = bySetIn.get(setIn);
        if (!layer) {
          // A sorted copy (a stable sort, as before), made once for every region code below the one that set it.
          layer = { setIn, steps: [...steps[setIn]!].sort((a, b) => a.from.localeCompare(b.from)), readings: [] };
          bySetIn.set(setIn, layer);
        }
        return layer;
      });
    if (ofKey.byRegion.size >= CACHE_LIMIT) ofKey.byRegion.clear();
    ofKey.byRegion.set(regionCode, found);
  }
  return found;
}

/**
 * readParameter without copying: the reading is shared by every caller that asks for a date
 * in the same step of the same (immutable) definitions and table, so it must not be changed.
 */
export function readParameterShared(
  definitions: Readonly<Record<string, ParameterDefinition>>,
  table: ParameterTable,
  key: string,
  regionCode: RegionCode | '',
  date: string,
  /** Whether a document holds for the region on the date; a step bound to one that does not is passed over. */
  holds?: (policy: string) => boolean,
): ParameterReading {
  const reading = findParameterShared(definitions, table, key, regionCode, date, holds);
  if (!reading) throw new MissingParameterError(key, regionCode, date);
  return reading;
}

/** readParameterShared, answering undefined rather than throwing where nothing is set (an error is costly to build). */
export function findParameterShared(
  definitions: Readonly<Record<string, ParameterDefinition>>,
  table: ParameterTable,
  key: string,
  regionCode: RegionCode | '',
  date: string,
  holds?: (policy: string) => boolean,
): ParameterReading | undefined {
  const definition = definitions[key];
  if (!definition) return undefined;
  for (const layer of layers(definitions, table, key, regionCode)) {
    const { steps, setIn } = layer;
    const index = steps.findLastIndex((step) => step.from <= date);
    if (index < 0) continue;
    const bound = steps[index]!.policy;
    if (bound !== undefined && holds && !holds(bound)) continue;
    let reading = layer.readings[index];
    if (!reading) {
      const step = steps[index]!;
      const { label, reference, unit } = definition;
      const next = steps[index + 1];
      reading =
        step.value === null
          ? { status: 'ended', key, label, since: step.from, setIn, reference: step.document ?? reference }
          : {
              status: 'value',
              key,
              label,
              unit,
              value: step.value,
              from: step.from,
              ...(next ? { until: next.from } : {}),
              setIn,
              example: step.example === true,
              reference: step.document ?? reference,
            };
      layer.readings[index] = reading;
    }
    return reading;
  }
  return undefined;
}

/** The number in force for `key` on `date` in `regionCode`, or undefined where it is stopped or was never set. */
export function parameterValueOn(
  definitions: Readonly<Record<string, ParameterDefinition>>,
  table: ParameterTable,
  key: string,
  regionCode: RegionCode | '',
  date: string,
): number | undefined {
  try {
    const reading = readParameterShared(definitions, table, key, regionCode, date);
    return reading.status === 'value' ? reading.value : undefined;
  } catch (error) {
    if (error instanceof MissingParameterError) return undefined;
    throw error;
  }
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
  holds?: (policy: string) => boolean,
): ParameterReading {
  const reading = readParameterShared(definitions, table, key, regionCode, date, holds);
  return { ...reading };
}
