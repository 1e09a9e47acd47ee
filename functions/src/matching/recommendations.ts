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
import { isPublic, type PositionRecord } from '../positions/positionRepository.js';
import { basisOf, KEPT, type KeptList, type RecommendationCache } from './recommendationCache.js';
import { watchedKm, type Recommendation, type Recommender } from './recommender.js';
import { seenBy } from './seen.js';

/** Recommendations shown at once: this month's pushes and then live matches, together. */
const SHOWN = 10;
/**
 * Listed positions read on an open: a screen's worth and a few for those gone since. The rest are
 * read only when those fall short; they stay on the list in the night's order.
 */
const READ_FIRST = SHOWN + 5;

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
  const [{ pushes, done, skip }, { kept, epochs, cells }] = await Promise.all([
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
  let unread = list?.positionIds.filter((id) => !skip.has(id)) ?? [];
  const live = (record: PositionRecord | undefined) =>
    record && isPublic(record) && isListable(record.position, today) ? record.position : undefined;
  let ranked: Recommendation[] = [];
  /** Reads listed positions as they are now and scores them again; a closed or filled one drops out. */
  const rank = (records: readonly (PositionRecord | undefined)[]) => {
    for (const record of records) {
      const position = live(record);
      const scored = position && scoreMatch(match, matchPositionOf(position), context);
      if (scored?.ok) ranked.push({ match: scored, position: position! });
    }
    ranked.sort((a, b) => compareMatches(a.match, b.match));
  };
  // This month's pushes and the first of the list as they are now: one BatchGetItem.
  const first = unread.slice(0, READ_FIRST);
  unread = unread.slice(READ_FIRST);
  const records = await ctx.positions.getMany([...current.map((p) => p.positionId), ...first]);
  const shown: z.infer<typeof recommendationSchema>[] = [];
  current.forEach((push, i) => {
    const position = live(records[i]);
    if (position)
      shown.push({ position: card(position), score: push.score, reason: push.reason, factors: push.factors, pushed: true });
  });
  rank(records.slice(current.length));
  const wanted = Math.max(0, SHOWN - shown.length);
  // Short of a screen (look-alikes count once): the rest of the list.
  if (withoutLookalikes([...shown, ...ranked]).length < SHOWN && unread.length > 0) {
    rank(await ctx.positions.getMany(unread));
    unread = [];
  }

  const upToDate = list && list.day === today && list.epochs === epochs;
  let searched: KeptList | undefined;
  if (!upToDate || (ranked.length < wanted && !list.exhausted)) {
    const near = await recommender.searchNearHome(match, skip, cells, now);
    const nearIds = new Set(near.found.map((r) => r.position.positionId));
    ranked = [...near.found, ...ranked.filter((r) => !nearIds.has(r.position.positionId))]
      .sort((a, b) => compareMatches(a.match, b.match))
      .slice(0, KEPT);
    searched = {
      day: today,
      basis,
      epochs,
      computedAt: now.toISOString(),
      complete:
        near.wholeReach ||
        recommender.provenBest(
          match,
          near.reachedKm,
          ranked.map((r) => r.match),
          wanted,
          now,
        ),
      exhausted: near.wholeReach,
      // Those not read stay after, in the night's order: they ranked below the first then.
      positionIds: [...ranked.map((r) => r.position.positionId), ...unread.filter((id) => !nearIds.has(id))].slice(0, KEPT),
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
