/**
 * The rules engine: `(facts, period, parameters) → result` for each subsidy, pure.
 * A rule states its own conditions and amount through a RuleContext, which records
 * every fact and every parameter (with its date and document) that decided it, in
 * words a worker can read and an auditor can check, and the facts still missing.
 * Two rules hold for every subsidy and live here, once: leaving the registry stops
 * subsidies from the next month (file 001 item 10), and nothing is paid twice for the
 * same thing and period.
 */
import type { RegionCode } from '../regions/regionCode.js';
import { SUBSIDY_NAME_ZH, type Beneficiary, type SubsidyId } from './catalogue.js';
import { SELF_REPORT_UNCONFIRMED_ZH } from '../registry/employment.js';
import type { EmploymentMonth, SubsidyFacts } from './facts.js';
import {
  findParameterShared,
  readParameterShared,
  type ParameterDefinition,
  type ParameterReading,
  type ParameterStep,
  type ParameterTable,
  type Reference,
} from './parameters.js';
import { formatYuan } from '../money.js';
import { cite } from '../policy/documents.js';
import { authoritiesFor, basisOf, type Authorities, type Grant } from '../policy/jurisdiction.js';

export interface TraceLine {
  /** fact: what is known; parameter: a number from a document; rule: a step of the rule's reasoning. */
  kind: 'fact' | 'parameter' | 'rule';
  /** In plain Chinese, for the worker and the approver. */
  text: string;
  /** The fact's path or the parameter's key. */
  key?: string;
  value?: string | number | boolean;
  /** Who stands behind a fact, e.g. 村信息员 2026-12-03 登记, for the approver to weigh. */
  source?: string;
  /** A parameter's step: the date it holds from, and the region that set it (`''`: the documents, everywhere). */
  from?: string;
  setIn?: string;
  example?: boolean;
  reference?: Reference;
}

export interface SubsidyResult {
  subsidy: SubsidyId;
  name: string;
  /** What this result pays for, when a subsidy pays for several things (each course, each transfer). */
  item?: string;
  beneficiary: Beneficiary;
  eligible: boolean;
  amountFen: number;
  /** With the beneficiary, what a claim is unique by: 'once', '2026', '2026-11', or the thing it pays for. */
  periodKey: string;
  /** Already claimed for this period key: shown as 已领, never paid again. */
  claimed: boolean;
  trace: TraceLine[];
  /** Facts that would change the answer if provided (their paths in the facts). */
  missing: string[];
  /** The passage that grants it here and now: of a document that holds in the region on the period's first day. */
  reference: Reference;
  /** The accounts that vouched for the facts it rests on: none of them may approve its claim (never shown). */
  vouchedBy?: readonly string[];
}

/** Who stands behind a fact: in words for the trace, and the accounts that recorded or confirmed it. */
export interface Vouched {
  source?: string | undefined;
  vouchedBy?: readonly string[] | undefined;
}

export interface ParameterSource {
  definitions: Readonly<Record<string, ParameterDefinition>>;
  table: ParameterTable;
}

export interface RuleInput {
  facts: SubsidyFacts;
  /** The month being evaluated, YYYY-MM; parameters are read as of its first day. */
  period: string;
  regionCode: RegionCode;
  parameters: ParameterSource;
  /** The documents that hold for the region on the period's first day; the shipped ones alone when absent. */
  authorities?: Authorities;
}

/** What a rule decides; the engine adds the name, the trace and the common rules. */
export interface Outcome {
  eligible: boolean;
  amountFen: number;
  periodKey: string;
  /** What it pays for, when the rule pays for several things at once. */
  item?: string;
}

/** A parameter a rule reads: what it is, and the steps it ships with (`''`: fixed by the documents for everyone). */
export interface ParameterSpec {
  definition: Omit<ParameterDefinition, 'key'>;
  values: Readonly<Record<string, readonly ParameterStep[]>>;
}

export interface Rule {
  id: SubsidyId;
  beneficiary: Beneficiary;
  /** The passages that grant it, each where and while its document holds; nowhere else is it in the catalogue. */
  grants: readonly Grant[];
  /** The parameters it reads, by key, with their shipped values. */
  parameters: Readonly<Record<string, ParameterSpec>>;
  /** One outcome, or one per thing paid for (at least one). */
  evaluate(context: RuleContext): Outcome | Outcome[];
}

/** What a rule reads and writes its reasons through. */
export class RuleContext {
  readonly trace: TraceLine[] = [];
  readonly missing: string[] = [];
  /** The accounts behind the facts recorded so far (four-eyes: they may not approve the claim). */
  readonly vouchedBy: string[] = [];

  #date: string | undefined;
  #employment: EmploymentMonth[] | undefined;

  constructor(
    readonly input: RuleInput,
    /** The documents that hold here and now: a passage of any other is not cited (it decides nothing here). */
    readonly authorities: Authorities,
  ) {}

  /**
   * A term only some documents set (Baotou's +20%, Jiangxi's one-year agreements): its value where
   * one holds here, recorded like `param`; undefined, with nothing recorded, where none sets it.
   */
  term(key: string): number | undefined {
    const { parameters, regionCode } = this.input;
    const reading = findParameterShared(
      parameters.definitions,
      parameters.table,
      key,
      regionCode,
      this.date,
      this.authorities.holds,
    );
    return reading ? this.#record(reading) : undefined;
  }

  /** The reference when its document holds here; a Jiangxi passage is no authority in Baotou. */
  #cited(reference: Reference | undefined): Reference | undefined {
    return reference && (reference.policy === undefined || this.authorities.cited.has(reference.policy)) ? reference : undefined;
  }

  get facts(): SubsidyFacts {
    return this.input.facts;
  }

  get period(): string {
    return this.input.period;
  }

  /** The first day of the period: the date parameters and ages are read on. */
  get date(): string {
    return (this.#date ??= `${this.input.period}-01`);
  }

  /** The employment months money may rest on: a month only the worker has reported is not among them. */
  get employment(): readonly EmploymentMonth[] {
    return (this.#employment ??= this.input.facts.employment.filter((m) => !m.unconfirmed));
  }

  /**
   * The months the worker reported that `matches` and no officer has confirmed, each in the words
   * of a missing fact (`what` the month says), for the rule to record with `need('employment', …)`.
   */
  unconfirmed(what: string, matches: (month: EmploymentMonth) => boolean): string[] {
    return this.input.facts.employment
      .filter((m) => m.unconfirmed && matches(m))
      .map((m) => `${m.month} ${what}：${m.source ?? SELF_REPORT_UNCONFIRMED_ZH}，工作人员核实后才算数`);
  }

  /** Records a fact that decided something, with who stands behind it when known (given, or recorded with the facts). */
  fact(text: string, key: string, value?: string | number | boolean, by: Vouched = this.#vouchedFor(key)): void {
    const line: TraceLine = value !== undefined ? { kind: 'fact', text, key, value } : { kind: 'fact', text, key };
    if (by.source !== undefined) line.source = by.source;
    for (const account of by.vouchedBy ?? []) if (!this.vouchedBy.includes(account)) this.vouchedBy.push(account);
    this.trace.push(line);
  }

  /** Who stands behind the fact at `key` or the one it is part of (startup.loan.repaidOnSchedule → startup.loan). */
  #vouchedFor(key: string): Vouched {
    const { sources, vouchers } = this.input.facts;
    if (!sources) return {};
    for (let path = key; path; path = path.slice(0, Math.max(0, path.lastIndexOf('.')))) {
      if (sources[path] !== undefined) return { source: sources[path], vouchedBy: vouchers?.[path] };
    }
    return {};
  }

  /** Records a step of reasoning, optionally with the passage it follows. */
  rule(text: string, reference?: Reference): void {
    const cited = this.#cited(reference);
    this.trace.push(cited ? { kind: 'rule', text, reference: cited } : { kind: 'rule', text });
  }

  /** Records that a fact is missing; the rule then decides without it (usually: not eligible yet). */
  need(key: string, text: string): void {
    if (!this.missing.includes(key)) this.missing.push(key);
    const reported = this.input.facts.reported?.includes(key);
    this.trace.push({ kind: 'rule', text: reported ? `${text}（本人已申报，工作人员核实后才算数）` : text, key });
  }

  /**
   * A parameter in force on the period's first day, recorded in the trace; undefined
   * when the documents or the region have ended it (the rule is then not in force).
   * Throws MissingParameterError when the period has no value at all.
   */
  param(key: string): number | undefined {
    const reading = readParameterShared(
      this.input.parameters.definitions,
      this.input.parameters.table,
      key,
      this.input.regionCode,
      this.date,
      this.authorities.holds,
    );
    return this.#record(reading);
  }

  /** Records a reading in the trace; its value, or undefined where it has ended. */
  #record(reading: ParameterReading): number | undefined {
    const { key } = reading;
    const reference = this.#cited(reading.reference);
    if (reading.status === 'ended') {
      this.trace.push({
        kind: 'parameter',
        text: textOf(reading),
        key,
        from: reading.since,
        setIn: reading.setIn,
        ...(reference ? { reference } : {}),
      });
      return undefined;
    }
    this.trace.push({
      kind: 'parameter',
      text: textOf(reading),
      key,
      value: reading.value,
      from: reading.from,
      setIn: reading.setIn,
      example: reading.example,
      ...(reference ? { reference } : {}),
    });
    return reading.value;
  }
}

/** A reading in words, built once per (shared, unchanging) reading. */
const texts = new WeakMap<ParameterReading, string>();
function textOf(reading: ParameterReading): string {
  let text = texts.get(reading);
  if (text === undefined) {
    text =
      reading.status === 'ended'
        ? `${reading.label}：自 ${reading.since} 起已停止执行`
        : `${reading.label}：${describe(reading.value, reading.unit)}（自 ${reading.from} 起${reading.example ? '，演示数据' : ''}）`;
    texts.set(reading, text);
  }
  return text;
}

function describe(value: number, unit: string): string {
  switch (unit) {
    case 'fen':
      return formatYuan(value);
    case 'months':
      return `${value} 个月`;
    case 'years':
      return `${value} 岁`;
    case 'days':
      return `${value} 天`;
    case 'persons':
      return `${value} 人`;
    case 'ratio':
      return `${Math.round(value * 1000) / 10}%`;
    default:
      return String(value);
  }
}

/** The passage granting each rule, per set of authorities (null: not granted there then). */
const bases = new WeakMap<Authorities, Map<Rule, Reference | null>>();

/** The passage that grants `rule` under these authorities, or undefined where nothing does. */
export function grantedBy(rule: Rule, authorities: Authorities): Reference | undefined {
  let byRule = bases.get(authorities);
  if (!byRule) bases.set(authorities, (byRule = new Map()));
  let basis = byRule.get(rule);
  if (basis === undefined) byRule.set(rule, (basis = basisOf(rule.grants, authorities) ?? null));
  return basis ?? undefined;
}

/**
 * Applies the rule, then the rules every subsidy shares; one result per outcome. Nothing
 * where no document that grants it holds for the region in the period: it is not in that
 * region's catalogue (a Jiangxi notice grants nothing in Baotou).
 */
export function evaluateRule(rule: Rule, input: RuleInput): SubsidyResult[] {
  const authorities = input.authorities ?? authoritiesFor(input.regionCode, `${input.period}-01`);
  const basis = grantedBy(rule, authorities);
  if (!basis) return [];
  const context = new RuleContext(input, authorities);
  const evaluated = rule.evaluate(context);
  const outcomes = Array.isArray(evaluated) ? evaluated : [evaluated];
  if (outcomes.length === 0) throw new Error(`rule ${rule.id} decided nothing`);
  const exit = input.facts.person?.registryExitDate;
  const exited = rule.beneficiary === 'worker' && exit !== undefined && input.period > exit.slice(0, 7);
  if (exited) {
    context.rule(`${exit} 已退出帮扶台账，从下个月起不再享受补贴`, cite('001', '第10项'));
  }
  return outcomes.map((outcome) => {
    const claimed = input.facts.pastClaims.some((c) => c.subsidy === rule.id && c.periodKey === outcome.periodKey);
    const trace = claimed
      ? [...context.trace, { kind: 'rule' as const, text: `${outcome.item ?? '这一项'}已经领过了，同一事项同一期间不重复发放` }]
      : context.trace;
    const eligible = outcome.eligible && !exited && !claimed;
    const amountFen = eligible ? outcome.amountFen : 0;
    // Two literals rather than a spread in the middle: the same keys in the same order, built faster.
    return outcome.item
      ? {
          subsidy: rule.id,
          name: SUBSIDY_NAME_ZH[rule.id],
          item: outcome.item,
          beneficiary: rule.beneficiary,
          eligible,
          amountFen,
          periodKey: outcome.periodKey,
          claimed,
          trace,
          missing: context.missing,
          reference: basis,
          vouchedBy: context.vouchedBy,
        }
      : {
          subsidy: rule.id,
          name: SUBSIDY_NAME_ZH[rule.id],
          beneficiary: rule.beneficiary,
          eligible,
          amountFen,
          periodKey: outcome.periodKey,
          claimed,
          trace,
          missing: context.missing,
          reference: basis,
          vouchedBy: context.vouchedBy,
        };
  });
}

export function evaluateAll(rules: readonly Rule[], input: RuleInput): SubsidyResult[] {
  return rules.flatMap((rule) => evaluateRule(rule, input));
}

/**
 * The parameters of a set of rules (and `extra` ones) as shipped, with `overrides` (a region's own steps,
 * set by its admins) laid over them: a region's steps for a key replace what shipped
 * for that region and key.
 */
export function parameterSource(
  rules: readonly Rule[],
  overrides: Readonly<Record<string, Readonly<Record<string, readonly ParameterStep[]>>>> = {},
  /** Parameters read outside the rules (e.g. the approval threshold). */
  extra: Readonly<Record<string, ParameterSpec>> = {},
): ParameterSource {
  const definitions: Record<string, ParameterDefinition> = {};
  const table: Record<string, Record<string, readonly ParameterStep[]>> = {};
  for (const specs of [...rules.map((rule) => rule.parameters), extra]) {
    for (const [key, spec] of Object.entries(specs)) {
      definitions[key] = { key, ...spec.definition };
      table[key] = { ...spec.values, ...overrides[key] };
    }
  }
  return { definitions, table };
}
