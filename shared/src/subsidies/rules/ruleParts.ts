/**
 * Small pure parts many rules share: a standard the documents leave to each region (none
 * ships); the outcome that pays nothing; a fact a rule cannot decide without; a
 * parameter a region may have stopped; and the employer an organisation's subsidy is for.
 */
import { EMPLOYER_KIND_ZH, type EmployerKind } from '../../positions/labels.js';
import type { Outcome, ParameterSpec, RuleContext } from '../engine.js';
import type { SubsidyFacts } from '../facts.js';
import type { ParameterStep, ParameterUnit, Reference } from '../parameters.js';

export type Employer = NonNullable<SubsidyFacts['employer']>;

/**
 * A standard the documents leave to local governments ("按规定", "由各地确定"): no value ships.
 * None exists until a region (or one above it) sets it; until then the subsidy says
 * 当地标准还没有公布 rather than paying an amount nobody decided.
 */
export function localStandard(label: string, unit: ParameterUnit, reference: Reference): ParameterSpec {
  return { definition: { label, unit, reference, fixedByPolicy: false }, values: {} };
}

/** A number the documents themselves set: for everyone (region `''`), or where a local document governs. */
export function setByDocuments(
  label: string,
  unit: ParameterUnit,
  reference: Reference,
  values: Readonly<Record<string, readonly ParameterStep[]>>,
): ParameterSpec {
  return { definition: { label, unit, reference, fixedByPolicy: true }, values };
}

/** What a rule decides when it pays nothing (its trace says why), for `item` when it pays for several things. */
export function notPaid(periodKey: string, item?: string): Outcome {
  return item === undefined ? { eligible: false, amountFen: 0, periodKey } : { eligible: false, amountFen: 0, periodKey, item };
}

/** A fact the rule cannot decide without: recorded (in `known`'s words) when there, asked for (`need`) when not. */
export function knownFact<T extends string | number | boolean>(
  ctx: RuleContext,
  key: string,
  value: T | undefined,
  words: { need: string; known: (value: T) => string },
): T | undefined {
  if (value === undefined) ctx.need(key, words.need);
  else ctx.fact(words.known(value), key, value);
  return value;
}

/**
 * A parameter in force; when the region has ended it, undefined after saying so in `stopped`
 * (e.g. 本地区的……已停止执行).
 */
export function paramInForce(ctx: RuleContext, key: string, stopped: string, reference?: Reference): number | undefined {
  const value = ctx.param(key);
  if (value === undefined) ctx.rule(stopped, reference);
  return value;
}

/** The employer with its kind recorded; undefined after recording that it is missing. */
export function employerOf(ctx: RuleContext): Employer | undefined {
  const employer = ctx.facts.employer;
  if (!employer) ctx.need('employer', '需要提供用人单位的情况');
  else ctx.fact(`单位类型：${EMPLOYER_KIND_ZH[employer.kind]}`, 'employer.kind', employer.kind);
  return employer;
}

/** The employer when it is of `kind`; undefined after recording why not (missing, or `onlyFor` when another kind). */
export function employerOfKind(
  ctx: RuleContext,
  kind: EmployerKind,
  onlyFor: string,
  reference: Reference,
): Employer | undefined {
  const employer = employerOf(ctx);
  if (!employer || employer.kind === kind) return employer;
  ctx.rule(onlyFor, reference);
  return undefined;
}

/** How many 帮扶对象 the employer has taken on, the measure of its reward; recorded, or asked for. */
export function assistedEmployeesOf(ctx: RuleContext, employer: Employer): number | undefined {
  return knownFact(ctx, 'employer.assistedEmployees', employer.assistedEmployees, {
    need: '需要提供吸纳帮扶对象就业的人数',
    known: (employees) => `吸纳帮扶对象 ${employees} 人就业`,
  });
}

/** Pays the amount parameter `key` sets; nothing when the region has ended it (the trace shows the ending). */
export function paidFrom(ctx: RuleContext, key: string, periodKey: string): Outcome {
  const amount = ctx.param(key);
  return amount === undefined ? notPaid(periodKey) : { eligible: true, amountFen: amount, periodKey };
}
