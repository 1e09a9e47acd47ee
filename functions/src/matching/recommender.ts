/**
 * Matching one worker live: where they are matched from (home, else the village centre, which
 * the reason then says), and a search of the positions around them with a hard budget.
 *
 * Every willing worker's list is ranked each night from the frozen positions with the exact
 * index (dailyLists.ts); what runs while a worker waits is bounded: the disc around home that
 * the map's counts say holds about LIVE_POSITIONS positions, read once in at most LIVE_QUERIES
 * Queries and scored. It is exact only when the scorer's bound says nothing beyond the disc can
 * beat what it found (`provenBest`), and the route says when it is not.
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
import { nearestListable } from '../positions/geoQuery.js';

/** How far live recommendations look for each willingness to travel (the geohash index reads up to 300 km). */
const REACH_KM: Record<TravelScope, number> = {
  local: LOCAL_RADIUS_KM,
  county: 200,
  city: MAX_RADIUS_KM,
  province: MAX_RADIUS_KM,
  any: MAX_RADIUS_KM,
};

/**
 * The live path's budget: positions it reaches for and Queries it may make. With the three
 * Queries of what the worker has seen, an open of 为你推荐 makes at most nine. Its CPU is mostly
 * fixed (the map's counts, the covering, six calls): reaching for 150 positions cost about what
 * 60 did, a little more on every open that searches (tests/bench/recommendations.ts).
 */
export const LIVE_POSITIONS = 60;
export const LIVE_QUERIES = 6;

/** How far a worker's recommendations look. */
export const reachKm = (worker: Pick<MatchWorker, 'travelScope'>) => REACH_KM[worker.travelScope];

/**
 * Where a position written makes a kept list out of date: within 30 km of home (or the reach,
 * if less), about where the live search reads. One written farther would not be found by it;
 * it waits for the night's ranking, so it does not make every open search.
 */
export const watchedKm = (worker: Pick<MatchWorker, 'travelScope'>) => Math.min(30, reachKm(worker));

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
   * The worker's matches among the positions nearest home (about LIVE_POSITIONS, in at most
   * LIVE_QUERIES Queries, or `maxQueries` if fewer), best first, skipping those in `skip`; how far
   * the disc reached, and whether that was all of their reach. `epochs`: cells' epochs the request
   * has read already.
   */
  async function searchNearHome(
    worker: MatchWorker,
    skip: ReadonlySet<string>,
    epochs: ReadonlyMap<string, number>,
    now = new Date(),
    maxQueries = LIVE_QUERIES,
  ) {
    const context = { today: chinaDate(now) };
    const reach = reachKm(worker);
    const disc = await nearestListable(
      ctx.table,
      { center: worker.home, radiusKm: reach, wanted: LIVE_POSITIONS, maxQueries: Math.min(maxQueries, LIVE_QUERIES), epochs },
      now,
    );
    const found: Recommendation[] = [];
    for (const { position } of disc.positions) {
      if (skip.has(position.positionId)) continue;
      const match = scoreMatch(worker, matchPositionOf(position), context);
      if (match.ok) found.push({ match, position });
    }
    found.sort((a, b) => compareMatches(a.match, b.match));
    return { found, reachedKm: disc.reachedKm, wholeReach: disc.reachedKm >= reach };
  }

  /**
   * Nothing beyond `km` can beat the `exact`-th of `ranked` (best first): those are the best within
   * reach. Trivially so when none are wanted (this month's pushes fill the screen).
   */
  const provenBest = (worker: MatchWorker, km: number, ranked: readonly OkMatch[], exact: number, now = new Date()) =>
    exact === 0 ||
    (ranked.length >= exact && bestScoreAtDistance(worker, km, { today: chinaDate(now) }) < ranked[exact - 1]!.score);

  return {
    villageCentre,
    matchWorker,
    searchNearHome,
    provenBest,
    isPriority: (worker: Worker) => isPushPriority(worker.groups),
  };
}

export type Recommender = ReturnType<typeof createRecommender>;
