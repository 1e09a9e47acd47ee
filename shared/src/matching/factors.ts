/**
 * The soft factors of 人岗匹配, each 0..1: the numbers (allocation-free, for the hot loop)
 * and, separately, the words each says when it is worth saying.
 */
import { fenToYuan } from '../money.js';
import type { EmployerKind } from '../positions/labels.js';
import { WORKING_DAYS_PER_MONTH } from '../positions/filters.js';
import type { WorkerGroup } from '../registry/labels.js';
import type { Today } from './dates.js';
import { chinaDayOf } from './dates.js';
import { distanceText } from './reason.js';
import { skillScore, skillText } from './skills.js';
import { FACTORS, type Factor, type MatchPosition, type MatchWorker } from './types.js';
import {
  DAILY_COMMUTE_KM,
  DISTANCE_EXPONENT,
  DISTANCE_OFFSET_KM,
  NEW_POSITION_DAYS,
  PIECE_PAY_SCORE,
  RECENCY_HALF_LIFE_DAYS,
  REFERENCE_MONTHLY_PAY_FEN,
  WEIGHT_VECTOR,
} from './weights.js';

export const FACTOR_COUNT = FACTORS.length;
// Indices into a factor vector (FACTORS order).
const DISTANCE = 0;
const SKILL = 1;
const PAY = 2;
const ACCOMMODATION = 3;
const RECENCY = 4;
const EMPLOYER_KIND = 5;
const PRIORITY = 6;

// Local copies of the hot constants: read once here, not through the module binding on every call.
const OFFSET_KM = DISTANCE_OFFSET_KM;
const EXPONENT = DISTANCE_EXPONENT;
const COMMUTE_KM = DAILY_COMMUTE_KM;
const W: readonly number[] = WEIGHT_VECTOR.slice();
const REFERENCE_FEN = REFERENCE_MONTHLY_PAY_FEN;
const DAYS_PER_MONTH = WORKING_DAYS_PER_MONTH;

/** Recency of whole-day ages up to ten years, computed once with the same formula (so the same numbers). */
const RECENCY_TABLE_DAYS = 3650;
const RECENCY_TABLE = new Float64Array(RECENCY_TABLE_DAYS + 1);
for (let age = 0; age <= RECENCY_TABLE_DAYS; age++) RECENCY_TABLE[age] = 0.5 ** (age / RECENCY_HALF_LIFE_DAYS);

/** Gauss decay of the distance from home (see weights.ts). */
export function distanceScore(km: number): number {
  const x = km > OFFSET_KM ? km - OFFSET_KM : 0;
  return Math.exp(EXPONENT * x * x);
}

/**
 * A month's pay in fen: the middle of the posted range (what one can count on, not the
 * best case); a day wage × WORKING_DAYS_PER_MONTH (22, as the map's pay filter counts);
 * piece work has none.
 */
export function monthlyPayFen(pay: MatchPosition['pay']): number | undefined {
  const mid = Math.round((pay.minFen + pay.maxFen) / 2);
  if (pay.unit === 'month') return mid;
  if (pay.unit === 'day') return mid * DAYS_PER_MONTH;
  return undefined;
}

/** An expectation of 0 (or none) means "any pay": the pay is then judged by its level. */
function expectationOf(worker: MatchWorker): number | undefined {
  const e = worker.expectedMonthlyWageFen;
  return e !== undefined && e > 0 ? e : undefined;
}

/**
 * Meeting the expectation scores 1; below it the score falls with the square of the
 * shortfall ratio (90% of it → 0.81, 70% → 0.49): a worker notices a cut quickly. Without
 * an expectation, the level against REFERENCE_MONTHLY_PAY_FEN.
 */
export function payScore(pay: MatchPosition['pay'], expectedFen: number | undefined): number {
  const monthly = monthlyPayFen(pay);
  if (monthly === undefined) return PIECE_PAY_SCORE;
  if (expectedFen !== undefined && expectedFen > 0) {
    if (monthly >= expectedFen) return 1;
    const ratio = monthly / expectedFen;
    return ratio * ratio;
  }
  return monthly >= REFERENCE_FEN ? 1 : monthly / REFERENCE_FEN;
}

/** Only a job beyond a daily commute needs a bed: there 包住 is all, near home it does not matter. */
export function accommodationScore(km: number, accommodation: boolean): number {
  return km <= COMMUTE_KM || accommodation ? 1 : 0;
}

/** Whole days since posting (on China's calendar), never negative; NaN when createdAt is unreadable. */
function ageDays(position: MatchPosition, today: Today): number {
  const age = today.day - chinaDayOf(position.createdAt);
  return age < 0 ? 0 : age;
}

/** Halves every RECENCY_HALF_LIFE_DAYS; an unreadable createdAt counts as old (0). */
export function recencyScore(ageInDays: number): number {
  if (Number.isNaN(ageInDays)) return 0;
  return ageInDays <= RECENCY_TABLE_DAYS && Number.isInteger(ageInDays)
    ? RECENCY_TABLE[ageInDays]!
    : 0.5 ** (ageInDays / RECENCY_HALF_LIFE_DAYS);
}

/** 帮扶对象: the groups the assistance employers exist for (file 003 §(一), 000 §(二)). */
function isAssistanceTarget(groups: readonly WorkerGroup[]): boolean {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g === 'povertyAlleviated' || g === 'monitored' || g === 'ruralLowIncome' || g === 'relocated') return true;
  }
  return false;
}

type KindScores = Readonly<Record<EmployerKind, number>>;
/**
 * Half and weak labour: 公益性岗位 and 帮扶车间 first (file 003 §(十七) "对能胜任工作岗位的
 * 半劳动力和弱劳动力作为公益性岗位、帮扶车间就业重点监测管理对象"; 000 §(四) public-welfare posts
 * "优先安置脱贫人口、监测对象中的弱劳力和半劳力"); building sites and labour transfers last.
 */
const FOR_HALF_OR_WEAK: KindScores = {
  publicWelfare: 1,
  assistanceWorkshop: 1,
  assistanceBase: 0.8,
  cooperative: 0.6,
  enterprise: 0.4,
  workForRelief: 0.4,
  hrAgency: 0.3,
};
/**
 * 帮扶对象 with full labour: 帮扶车间 and 就业帮扶基地 are there for them, 以工代赈 hires them
 * (000 §(三)); a public-welfare post is the fallback for those the market cannot place
 * (file 001 item 6 "就业兜底性安置"), so below a market job for someone able-bodied.
 */
const FOR_ASSISTANCE_TARGETS: KindScores = {
  assistanceWorkshop: 1,
  assistanceBase: 1,
  workForRelief: 0.8,
  cooperative: 0.7,
  enterprise: 0.6,
  hrAgency: 0.6,
  publicWelfare: 0.5,
};
/** Everyone else: all employers alike, public-welfare posts (kept for the groups above) lower. */
const FOR_OTHERS: KindScores = {
  assistanceWorkshop: 0.6,
  assistanceBase: 0.6,
  workForRelief: 0.6,
  cooperative: 0.6,
  enterprise: 0.6,
  hrAgency: 0.6,
  publicWelfare: 0.3,
};

function kindScoresFor(worker: MatchWorker): KindScores {
  if (worker.labourClass === 'half' || worker.labourClass === 'weak') return FOR_HALF_OR_WEAK;
  return isAssistanceTarget(worker.groups) ? FOR_ASSISTANCE_TARGETS : FOR_OTHERS;
}

function kindOf(position: MatchPosition): EmployerKind {
  return position.publicWelfare ? 'publicWelfare' : position.employerKind;
}

export function employerKindScore(worker: MatchWorker, position: MatchPosition): number {
  return kindScoresFor(worker)[kindOf(position)];
}

/** The best employer-kind score any position can give this worker. */
export function bestEmployerKindScore(worker: MatchWorker): number {
  const scores = kindScoresFor(worker);
  let best = 0;
  for (const k in scores) best = Math.max(best, scores[k as EmployerKind]);
  return best;
}

/**
 * Who is served first. 防止返贫监测对象 highest (DOMAIN: "monitored — highest priority";
 * 003 §(三) "脱贫人口,特别是防止返贫监测对象"); 零就业家庭 must reach ≥1 employed member (001 item 11 "确保…‘零就业’家庭至少1人
 * 实现就业", 003 §(十七) "动态清零"); 易地扶贫搬迁群众 (000 §(七)); the other groups the
 * policies name (002 §二) a little; nobody else nothing.
 */
export const GROUP_PRIORITY: Readonly<Record<WorkerGroup, number>> = {
  monitored: 0.8,
  zeroEmploymentHousehold: 0.7,
  relocated: 0.6,
  povertyAlleviated: 0.3,
  ruralLowIncome: 0.3,
  disabled: 0.3,
  veteran: 0.3,
  collegeGraduate: 0.3,
  registeredUnemployed: 0.3,
  employmentDifficulty: 0.3,
};
/** A relocated worker on a project that keeps jobs for them: the full boost. */
export const RESERVED_FOR_RELOCATED_PRIORITY = 1;

function groupPriority(groups: readonly WorkerGroup[]): number {
  let p = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = GROUP_PRIORITY[groups[i]!] ?? 0;
    if (g > p) p = g;
  }
  return p;
}

/**
 * File 000 §(七): 安置区 projects "安排不少于10%岗位吸纳搬迁脱贫群众实现家门口就业" (and 003
 * §(十六) "安排一定比例的岗位用于吸纳搬迁群众就业") — a position with a relocation reservation is
 * the relocated worker's first claim.
 */
function isReservedFor(worker: MatchWorker, position: MatchPosition): boolean {
  return (position.relocationReservedShare ?? 0) > 0 && worker.groups.includes('relocated');
}

export function priorityScore(worker: MatchWorker, position: MatchPosition): number {
  return isReservedFor(worker, position) ? RESERVED_FOR_RELOCATED_PRIORITY : groupPriority(worker.groups);
}

/** The best priority any position can give this worker. */
export function bestPriorityScore(worker: MatchWorker): number {
  return worker.groups.includes('relocated') ? RESERVED_FOR_RELOCATED_PRIORITY : groupPriority(worker.groups);
}

/** Every factor's score, in FACTORS order, into `out` (no allocation). */
export function fillFactorScores(
  worker: MatchWorker,
  position: MatchPosition,
  today: Today,
  km: number,
  out: Float64Array,
): void {
  out[DISTANCE] = distanceScore(km);
  out[SKILL] = skillScore(worker.skills, position.occupation);
  out[PAY] = payScore(position.pay, expectationOf(worker));
  out[ACCOMMODATION] = accommodationScore(km, position.accommodation);
  out[RECENCY] = recencyScore(ageDays(position, today));
  out[EMPLOYER_KIND] = employerKindScore(worker, position);
  out[PRIORITY] = priorityScore(worker, position);
}

/**
 * Σ weight × score, always in FACTORS order, so every caller (scoreOnly, scoreMatch, the
 * upper bound) gets the very same floating-point number from the same factor scores.
 */
export function weightedTotal(scores: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < FACTOR_COUNT; i++) total += W[i]! * scores[i]!;
  return total;
}

function payText(position: MatchPosition, expectedFen: number | undefined): string | undefined {
  const { unit, minFen, maxFen } = position.pay;
  if (unit === 'piece') return undefined;
  const range = minFen === maxFen ? fenToYuan(minFen) : `${fenToYuan(minFen)}-${fenToYuan(maxFen)}`;
  const monthly = monthlyPayFen(position.pay)!;
  const posted = unit === 'month' ? `月薪 ${range} 元` : `日薪 ${range} 元（约合月薪 ${fenToYuan(monthly)} 元）`;
  if (expectedFen === undefined) return posted;
  if (monthly > expectedFen) return `${posted}，高于您的期望`;
  if (monthly === expectedFen) return `${posted}，达到您的期望`;
  return `${posted}，低于您期望的 ${fenToYuan(expectedFen)} 元`;
}

function employerKindText(worker: MatchWorker, position: MatchPosition, score: number): string | undefined {
  if (score < 0.8) return undefined;
  switch (kindOf(position)) {
    case 'assistanceWorkshop':
      return '帮扶车间，照顾家门口就业';
    case 'assistanceBase':
      return '就业帮扶基地';
    case 'publicWelfare':
      return worker.labourClass === 'half' || worker.labourClass === 'weak' ? '公益性岗位，优先照顾半劳力、弱劳力' : '公益性岗位';
    case 'workForRelief':
      return '以工代赈项目';
    default:
      return undefined;
  }
}

/** The words of one factor, or undefined when it has nothing worth saying. */
export function factorText(
  factor: Factor,
  score: number,
  worker: MatchWorker,
  position: MatchPosition,
  today: Today,
  km: number,
): string | undefined {
  switch (factor) {
    case 'distance':
      return distanceText(km, worker.homeIsVillageCentre);
    case 'skill':
      return skillText(worker.skills, position.occupation);
    case 'pay':
      return payText(position, expectationOf(worker));
    case 'accommodation':
      return km > COMMUTE_KM && position.accommodation ? '包住' : undefined;
    case 'recency':
      return ageDays(position, today) <= NEW_POSITION_DAYS ? '新发布' : undefined;
    case 'employerKind':
      return employerKindText(worker, position, score);
    case 'priority':
      return isReservedFor(worker, position) ? '搬迁安置区项目，为搬迁群众留有岗位' : undefined;
  }
}
