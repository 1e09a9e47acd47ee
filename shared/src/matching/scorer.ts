/**
 * 人岗匹配, the pure scorer: hard filters first (a position that fails one is not offered),
 * then a soft score Σ weight × factor (each 0..1, weights summing to 1) and a reason a
 * worker can read. Deterministic: no clock (only ctx.today), no randomness, and the same
 * floating-point sum on every path, so a fast index can be checked against the brute force
 * `rankPositions` for exact equality.
 *
 * What it serves: the "311" push, "每年至少为有就业意愿且未就业的贫困劳动力推荐3次岗位" (file 001
 * item 11), 002 §(一) "推荐至少3个针对性就业岗位", and the monthly push of 001 item 4 ("充分发挥
 * 省平台线上人岗匹配作用,每月推送岗位信息不少于…50%"): rankPositions is what a worker is recommended.
 *
 * The scorer does not look at a position's status (draft, closed, taken down): callers pass
 * the positions on the map (isListable); headcount and validity are checked again here
 * because a push may be planned from a stale list. `crossProvinceTransfer` and `intensity` do
 * not enter the score: the employer's half/weak-labour flags already say who can do the work,
 * and the travel filter decides by region.
 */
import { distanceKm as haversineKm } from '../geo/distance.js';
import { todayOf } from './dates.js';
import {
  bestEmployerKindScore,
  bestPriorityScore,
  distanceScore,
  FACTOR_COUNT,
  factorText,
  fillFactorScores,
  weightedTotal,
} from './factors.js';
import { labourAllows, refusalAfterLabour, refusalOf, refusalText } from './filters.js';
import { reasonOf } from './reason.js';
import { FACTORS, type FactorScore, type MatchContext, type MatchPosition, type MatchResult, type MatchWorker } from './types.js';
import { LOCAL_RADIUS_KM, WEIGHT_VECTOR } from './weights.js';

export { LOCAL_RADIUS_KM, WEIGHTS } from './weights.js';
export { withinTravelScope } from './filters.js';

export type OkMatch = Extract<MatchResult, { ok: true }>;

/** Reused by the hot loop (single-threaded; nothing below calls back into the scorer). */
const scratch = new Float64Array(FACTOR_COUNT);
const boundScratch = new Float64Array(FACTOR_COUNT);

/**
 * The score alone, or undefined when a hard filter refuses the position: for hot loops.
 * Exactly the `score` that scoreMatch returns.
 */
export function scoreOnly(worker: MatchWorker, position: MatchPosition, ctx: MatchContext): number | undefined {
  if (!labourAllows(worker, position)) return undefined;
  const today = todayOf(ctx.today);
  const km = haversineKm(worker.home, position.location);
  if (refusalAfterLabour(worker, position, today, km) !== undefined) return undefined;
  fillFactorScores(worker, position, today, km, scratch);
  return weightedTotal(scratch);
}

export function scoreMatch(worker: MatchWorker, position: MatchPosition, ctx: MatchContext): MatchResult {
  const { workerId } = worker;
  const { positionId } = position;
  const today = todayOf(ctx.today);
  const km = haversineKm(worker.home, position.location);
  const refusal = refusalOf(worker, position, today, km);
  if (refusal !== undefined)
    return { ok: false, workerId, positionId, refusal, text: refusalText(refusal, worker, position, km) };

  fillFactorScores(worker, position, today, km, scratch);
  const score = weightedTotal(scratch);
  const scores = Array.from(scratch);
  const factors: FactorScore[] = FACTORS.map((factor, i) => {
    const s = scores[i]!;
    const weight = WEIGHT_VECTOR[i]!;
    const result: FactorScore = { factor, score: s, weight, points: weight * s };
    const text = factorText(factor, s, worker, position, today, km);
    if (text !== undefined) result.text = text;
    return result;
  });
  return { ok: true, workerId, positionId, score, distanceKm: km, factors, reason: reasonOf(factors) };
}

/** Code-unit order: the same everywhere (no locale). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ranking order: score descending, then positionId ascending (then workerId ascending). */
export function compareMatches(a: OkMatch, b: OkMatch): number {
  if (a.score !== b.score) return a.score > b.score ? -1 : 1;
  return compareIds(a.positionId, b.positionId) || compareIds(a.workerId, b.workerId);
}

/**
 * The best `limit` items seen so far, best first: higher score, then the lower id.
 * Insertion into a short sorted array; most items do not beat the last and cost one compare.
 */
class Top<T> {
  readonly scores: number[] = [];
  readonly ids: string[] = [];
  readonly items: T[] = [];
  private readonly limit: number;
  constructor(limit: number) {
    this.limit = Math.floor(limit);
  }

  offer(score: number, id: string, item: T): void {
    const n = this.scores.length;
    if (n >= this.limit && !this.beats(score, id, n - 1)) return;
    let i = n < this.limit ? n : n - 1;
    if (n < this.limit) {
      this.scores.push(score);
      this.ids.push(id);
      this.items.push(item);
    }
    while (i > 0 && this.beats(score, id, i - 1)) {
      this.scores[i] = this.scores[i - 1]!;
      this.ids[i] = this.ids[i - 1]!;
      this.items[i] = this.items[i - 1]!;
      i--;
    }
    this.scores[i] = score;
    this.ids[i] = id;
    this.items[i] = item;
  }

  private beats(score: number, id: string, at: number): boolean {
    const s = this.scores[at]!;
    return score > s || (score === s && id < this.ids[at]!);
  }
}

/** Brute force reference: every position scored, hard filters applied, top `limit` in ranking order. */
export function rankPositions(
  worker: MatchWorker,
  positions: Iterable<MatchPosition>,
  limit: number,
  ctx: MatchContext,
): OkMatch[] {
  if (!(limit >= 1)) return [];
  const top = new Top<MatchPosition>(limit);
  for (const position of positions) {
    const score = scoreOnly(worker, position, ctx);
    if (score !== undefined) top.offer(score, position.positionId, position);
  }
  return top.items.map((position) => scoreMatch(worker, position, ctx) as OkMatch).sort(compareMatches);
}

/**
 * The reciprocal view for an employer: the best workers for one position, by the same
 * score (so the priority groups and the relocation reservation order candidates too). No
 * identifying data enters the scorer; the caller joins names afterwards, by its rights.
 */
export function rankCandidates(
  position: MatchPosition,
  workers: Iterable<MatchWorker>,
  limit: number,
  ctx: MatchContext,
): OkMatch[] {
  if (!(limit >= 1)) return [];
  const top = new Top<MatchWorker>(limit);
  for (const worker of workers) {
    const score = scoreOnly(worker, position, ctx);
    if (score !== undefined) top.offer(score, worker.workerId, worker);
  }
  return top.items.map((worker) => scoreMatch(worker, position, ctx) as OkMatch).sort(compareMatches);
}

/**
 * Safety margin of the bound over float rounding in exp(); far below any difference
 * between two real scores that matters, and constant, so the bound stays non-increasing.
 */
const BOUND_MARGIN = 1e-12;

/**
 * An upper bound on the score of any position at distance ≥ distanceKm for this worker:
 * the distance factor at distanceKm (the gauss decay never rises with distance) and every
 * other factor at the best this worker can get anywhere. 0 where no position can pass at
 * all (无劳动能力; a `local` worker beyond the local radius). Non-increasing in distanceKm.
 */
export function bestScoreAtDistance(worker: MatchWorker, distanceKm: number, _ctx: MatchContext): number {
  if (worker.labourClass === 'none') return 0;
  if (worker.travelScope === 'local' && distanceKm > LOCAL_RADIUS_KM) return 0;
  boundScratch[0] = distanceScore(distanceKm > 0 ? distanceKm : 0); // distance
  boundScratch[1] = 1; // skill: the exact trade
  boundScratch[2] = 1; // pay: at or above the expectation
  boundScratch[3] = 1; // accommodation: near, or provided
  boundScratch[4] = 1; // recency: posted today
  boundScratch[5] = bestEmployerKindScore(worker);
  boundScratch[6] = bestPriorityScore(worker);
  return weightedTotal(boundScratch) + BOUND_MARGIN;
}
