/**
 * What 为你推荐 shows a worker: this month's pushes first (still open, not applied to or
 * dismissed), then their kept list (recommendationCache.ts), every position read as it is now
 * and scored again, in one BatchGetItem.
 *
 * The kept list is ranked exactly each night (dailyLists.ts). When it is not up to date (a
 * position near home was written since, or a new day), or there is none (a worker bound
 * today, or one whose matching facts changed), or applications and dismissals have used it up,
 * the open searches near home within the recommender's hard budget and keeps the merge: a job
 * opened in the worker's village today leads at once; one opened far away waits for the night.
 */
import type * as z from 'zod';
import {
  chinaDate,
  chinaMonth,
  compareMatches,
  distanceKm,
  isListable,
  matchPositionOf,
  scoreMatch,
  withoutLookalikes,
  type recommendationSchema,
  type Worker,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { toCard } from '../positions/geoQuery.js';
import { isPublic } from '../positions/positionRepository.js';
import { basisOf, KEPT, type KeptList, type RecommendationCache } from './recommendationCache.js';
import { watchedKm, type Recommendation, type Recommender } from './recommender.js';
import { seenBy } from './seen.js';

/** Recommendations shown at once: this month's pushes and then live matches, together. */
const SHOWN = 10;

export async function recommendationsFor(
  ctx: Pick<AppContext, 'matches' | 'applications' | 'positions'>,
  recommender: Recommender,
  cache: RecommendationCache,
  worker: Worker,
  now = new Date(),
) {
  const [today, month] = [chinaDate(now), chinaMonth(now)];
  const context = { today };
  const match = await recommender.matchWorker(worker);
  const [{ pushes, done, skip }, { kept, epochs }] = await Promise.all([
    seenBy(ctx, worker.workerId),
    cache.read(worker.workerId, match.home, watchedKm(match)),
  ]);
  const card = (position: Parameters<typeof toCard>[0]) => ({
    ...toCard(position),
    distanceKm: Math.round(distanceKm(match.home, position.location) * 100) / 100,
  });

  const current = pushes
    .filter((p) => p.month === month && !done.has(p.positionId))
    .sort((a, b) => b.score - a.score || (a.positionId < b.positionId ? -1 : 1));
  const basis = basisOf(match);
  const list = kept?.basis === basis ? kept : undefined;
  const keptIds = list?.positionIds.filter((id) => !skip.has(id)) ?? [];
  // This month's pushes and the kept positions as they are now: one BatchGetItem.
  const records = await ctx.positions.getMany([...current.map((p) => p.positionId), ...keptIds]);
  const live = (record: (typeof records)[number]) =>
    record && isPublic(record) && isListable(record.position, today) ? record.position : undefined;

  const shown: z.infer<typeof recommendationSchema>[] = [];
  current.forEach((push, i) => {
    const position = live(records[i]);
    if (position)
      shown.push({ position: card(position), score: push.score, reason: push.reason, factors: push.factors, pushed: true });
  });
  let ranked: Recommendation[] = [];
  records.slice(current.length).forEach((record) => {
    const position = live(record);
    const scored = position && scoreMatch(match, matchPositionOf(position), context);
    if (scored?.ok) ranked.push({ match: scored, position: position! });
  });
  ranked.sort((a, b) => compareMatches(a.match, b.match));

  const wanted = Math.max(0, SHOWN - shown.length);
  const upToDate = list && list.day === today && list.epochs === epochs;
  let searched: KeptList | undefined;
  if (!upToDate || (ranked.length < wanted && !list.exhausted)) {
    const near = await recommender.searchNearHome(match, skip, now);
    const nearIds = new Set(near.found.map((r) => r.position.positionId));
    ranked = [...near.found, ...ranked.filter((r) => !nearIds.has(r.position.positionId))]
      .sort((a, b) => compareMatches(a.match, b.match))
      .slice(0, KEPT);
    const matches = ranked.map((r) => r.match);
    searched = {
      day: today,
      basis,
      epochs,
      computedAt: now.toISOString(),
      complete: near.wholeReach || recommender.provenBest(match, near.reachedKm, matches, wanted, now),
      exhausted: near.wholeReach,
      positionIds: ranked.map((r) => r.position.positionId),
    };
    await cache.write(worker.workerId, searched);
  }
  const from = (searched ?? list)!;
  // Look-alikes go before counting, so a screen of ten holds ten jobs a worker can tell apart.
  const distinct = withoutLookalikes([
    ...shown,
    ...ranked.map(({ match: m, position }) => ({
      position: card(position),
      score: m.score,
      reason: m.reason,
      factors: m.factors,
      pushed: false,
    })),
  ]);
  const pushedCount = distinct.filter((r) => r.pushed).length;
  return {
    month,
    homeIsVillageCentre: match.homeIsVillageCentre,
    recommendations: distinct.slice(0, Math.max(pushedCount, SHOWN)),
    live: { fromCache: !searched, computedAt: from.computedAt, complete: from.complete },
  };
}
