/**
 * Small pure helpers the rules of a worker's own subsidies share: the person and their
 * groups, recorded in the trace; keys for things paid once each (a course, a
 * certificate); and school semesters (雨露计划 pays per semester).
 */
import { WORKER_GROUP_ZH, type WorkerGroup } from '../../registry/labels.js';
import type { RuleContext } from '../engine.js';
import type { SubsidyFacts } from '../facts.js';
import type { Reference } from '../parameters.js';

export type Person = NonNullable<SubsidyFacts['person']>;

/** The person as the registry knows them; undefined after recording that they are missing. */
export function personOf(ctx: RuleContext): Person | undefined {
  const person = ctx.facts.person;
  if (!person) ctx.need('person', '需要本人在帮扶台账里的信息（出生日期、性别、帮扶类别）');
  return person;
}

/** The person, for a rule that needs only their registration; undefined after recording that it is missing. */
export function registeredPersonOf(ctx: RuleContext): Person | undefined {
  const person = ctx.facts.person;
  if (!person) ctx.need('person', '需要提供本人的登记信息');
  return person;
}

/** Whether the person belongs to one of `groups`; records their groups, and the rule when they do not. */
export function inGroups(ctx: RuleContext, person: Person, groups: readonly WorkerGroup[], reference: Reference): boolean {
  const names = person.groups.map((group) => WORKER_GROUP_ZH[group]).join('、') || '无';
  ctx.fact(`帮扶类别：${names}`, 'person.groups', names);
  const member = person.groups.some((group) => groups.includes(group));
  if (!member) ctx.rule(`这项补贴只给${groups.map((group) => WORKER_GROUP_ZH[group]).join('、')}`, reference);
  return member;
}

/** 脱贫人口, the 监测对象 among them (file 000 §一): whom most of a worker's own subsidies are for. */
export const POVERTY_ALLEVIATED: readonly WorkerGroup[] = ['povertyAlleviated', 'monitored'];

/** The person when they belong to one of `groups`; undefined after recording why not (missing, or not in them). */
export function personIn(ctx: RuleContext, groups: readonly WorkerGroup[], reference: Reference): Person | undefined {
  const person = personOf(ctx);
  return person && inGroups(ctx, person, groups, reference) ? person : undefined;
}

/** Past claims keep at most this many characters of a period key (pastClaimSchema). */
const PERIOD_KEY_LENGTH = 40;

/**
 * The period key of one thing paid once, e.g. `training:2026-05-20:电工`: the parts
 * joined by ':', cut (never inside a character) to the length a claim keeps.
 */
export function itemKey(...parts: string[]): string {
  let key = '';
  for (const char of parts.join(':')) {
    if (key.length + char.length > PERIOD_KEY_LENGTH) break;
    key += char;
  }
  return key;
}

/** Whether an ISO date or month falls in the period's month or before it. */
export function byEndOf(period: string, date: string): boolean {
  return date.slice(0, 7) <= period;
}

/**
 * School semesters, as the facts write them (`2026-spring`, `2026-autumn`). The documents
 * do not date them; we take the spring semester from 1 March and the autumn one from
 * 1 September (the winter break, January and February, belongs to the autumn semester).
 */
export function semesterOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month >= 9) return `${year}-autumn`;
  if (month >= 3) return `${year}-spring`;
  return `${year - 1}-autumn`;
}

/** Semesters in order: spring before autumn of the same year. */
export function compareSemesters(a: string, b: string): number {
  const rank = (semester: string) => Number(semester.slice(0, 4)) * 2 + (semester.endsWith('autumn') ? 1 : 0);
  return rank(a) - rank(b);
}

export function semesterZh(semester: string): string {
  return `${semester.slice(0, 4)} 年${semester.endsWith('autumn') ? '秋季' : '春季'}学期`;
}
