/**
 * The one line a worker reads under a recommended job: the distance first, then the
 * factors that added most to the score and have something to say, joined with " · ".
 */
import type { FactorScore } from './types.js';

/** Kilometres as people say them: one decimal below 100 km, whole kilometres beyond. */
export function formatKm(km: number): string {
  return km < 100 ? km.toFixed(1) : String(Math.round(km));
}

/**
 * "离家 3.2 公里"; when the registry has no home address the distance is from the village
 * centre, and the worker is told so (the issue demands it).
 */
export function distancePlace(km: number, homeIsVillageCentre: boolean): string {
  return homeIsVillageCentre ? `离村里约 ${formatKm(km)} 公里` : `离家 ${formatKm(km)} 公里`;
}

export function distanceText(km: number, homeIsVillageCentre: boolean): string {
  return homeIsVillageCentre ? `${distancePlace(km, true)}（没有登记住址，按村的位置算）` : distancePlace(km, false);
}

/** At most this many factor texts in a reason (the distance and three more). */
export const REASON_MAX_PARTS = 4;
export const REASON_SEPARATOR = ' · ';

/**
 * The distance text, then the other factors' texts by the points they added (most first;
 * equal points in FACTORS order), at most REASON_MAX_PARTS in all. Deterministic.
 */
export function reasonOf(factors: readonly FactorScore[]): string {
  const parts: string[] = [];
  const distance = factors.find((f) => f.factor === 'distance');
  if (distance?.text) parts.push(distance.text);
  const others = factors
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.factor !== 'distance' && f.text)
    .sort((a, b) => b.f.points - a.f.points || a.i - b.i);
  for (const { f } of others) {
    if (parts.length >= REASON_MAX_PARTS) break;
    parts.push(f.text!);
  }
  return parts.join(REASON_SEPARATOR);
}

/** What an employer reads about a candidate: the distance from the job, and the factors about the person. */
const CANDIDATE_FACTORS = new Set(['skill', 'accommodation', 'priority']);

/**
 * The employer's line for a candidate (the reciprocal view): "住处离岗位 3.2 公里 · 会电焊",
 * without what speaks to the worker (their pay expectation, the kind of employer).
 */
export function candidateReasonOf(factors: readonly FactorScore[], km: number, homeIsVillageCentre: boolean): string {
  const parts = [homeIsVillageCentre ? `所在村离岗位约 ${formatKm(km)} 公里` : `住处离岗位 ${formatKm(km)} 公里`];
  for (const f of factors) if (CANDIDATE_FACTORS.has(f.factor) && f.text) parts.push(f.text);
  return parts.join(REASON_SEPARATOR);
}
