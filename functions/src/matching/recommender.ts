/**
 * Recommendations for one worker, live: positions are read ring by ring outwards from
 * home (the geohash index, never a Scan) and scored; reading stops once the best score
 * any farther position could reach is below the k-th best found (the scorer's bound), so
 * the answer is the same as scoring every position within reach, at a fraction of the reads.
 * A worker without a home address is placed at the village centre, and the reason says so.
 *
 * The search has a hard budget of Queries: a worker willing to go province-wide who has applied
 * to most jobs near home could otherwise read every ring out to 300 km. Past the budget it
 * stops with what it has and says the list is not complete; the route keeps the list
 * (recommendationCache.ts), so the search runs again only when something it read changed.
 */
import {
  ancestorAt,
  bestScoreAtDistance,
  chinaDate,
  compareMatches,
  isPushPriority,
  LOCAL_RADIUS_KM,
  MAX_RADIUS_KM,
  matchPositionOf,
  matchWorkerOf,
  scoreMatch,
  type GeoPoint,
  type MatchWorker,
  type OkMatch,
  type Position,
  type TravelScope,
  type Worker,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Invalid } from '../errors.js';
import { ringsOutward } from '../positions/geoQuery.js';

/** How far live recommendations look for each willingness to travel (the geohash index reads up to 300 km). */
const REACH_KM: Record<TravelScope, number> = {
  local: LOCAL_RADIUS_KM,
  county: 200,
  city: MAX_RADIUS_KM,
  province: MAX_RADIUS_KM,
  any: MAX_RADIUS_KM,
};

/** Queries one live search may make (a ring of the index takes up to 32). */
export const LIVE_QUERY_BUDGET = 96;

/** How far a worker's live recommendations look. */
export const reachKm = (worker: Pick<MatchWorker, 'travelScope'>) => REACH_KM[worker.travelScope];

export interface Recommendation {
  match: OkMatch;
  position: Position;
}

export function createRecommender(ctx: Pick<AppContext, 'regions' | 'table'>) {
  const centres = new Map<string, Promise<GeoPoint | undefined>>();

  /** The village's centre, else its township's, else its county's (the seed and imports set them). */
  function villageCentre(villageCode: string): Promise<GeoPoint | undefined> {
    let found = centres.get(villageCode);
    if (!found) {
      found = (async () => {
        for (const level of ['village', 'township', 'county'] as const) {
          const region = await ctx.regions.get(ancestorAt(villageCode, level));
          if (region?.center) return region.center;
        }
        return undefined;
      })();
      centres.set(villageCode, found);
    }
    return found;
  }

  async function matchWorker(worker: Worker): Promise<MatchWorker> {
    const centre = worker.home ?? (await villageCentre(worker.villageCode));
    if (!centre) {
      throw new Invalid(
        '台账里没有您的住址，村里的位置也还没有登记，请联系村里的工作人员',
        'Neither the worker’s home nor their village’s centre is known.',
      );
    }
    return matchWorkerOf(worker, centre);
  }

  /**
   * The worker's best positions, skipping the ones named in `skip` (dismissed, applied, pushed):
   * the first `exact` exactly, then up to `limit` in all of the best among what was read for
   * them (a reserve for when some are applied to). `complete` unless the Query budget stopped
   * the search before its exact end; `exhausted` when it read everything within reach.
   */
  async function recommend(
    worker: MatchWorker,
    limit: number,
    skip: ReadonlySet<string>,
    now = new Date(),
    exact = limit,
  ): Promise<{ found: Recommendation[]; complete: boolean; exhausted: boolean }> {
    const context = { today: chinaDate(now) };
    const best: Recommendation[] = [];
    let queries = 0;
    const reach = reachKm(worker);
    // Nothing at or beyond `km` can beat the exact-th found: the rest need not be read.
    const settled = (km: number) =>
      exact === 0 || (best.length >= exact && bestScoreAtDistance(worker, km, context) < best[exact - 1]!.match.score);
    for await (const ring of ringsOutward(ctx.table, worker.home, reach, now)) {
      for (const { position } of ring.positions) {
        if (skip.has(position.positionId)) continue;
        const match = scoreMatch(worker, matchPositionOf(position), context);
        if (match.ok) best.push({ match, position });
      }
      best.sort((a, b) => compareMatches(a.match, b.match));
      best.length = Math.min(best.length, limit);
      if (ring.outerKm >= reach) return { found: best, complete: true, exhausted: true };
      if (settled(ring.outerKm)) break;
      queries += ring.queries;
      if (queries >= LIVE_QUERY_BUDGET) return { found: best, complete: false, exhausted: false };
    }
    return { found: best, complete: true, exhausted: false };
  }

  return { villageCentre, matchWorker, recommend, isPriority: (worker: Worker) => isPushPriority(worker.groups) };
}

export type Recommender = ReturnType<typeof createRecommender>;
