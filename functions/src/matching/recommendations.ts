/**
 * What 为你推荐 shows a worker: this month's pushes first (still open, not applied to or
 * dismissed), then their kept list (recommendationCache.ts), every position read as it is now
 * and scored again, in one BatchGetItem.
 *
 * The kept list is ranked exactly each night (dailyLists.ts). A position written near home since
 * is read from the epochs' log with the whole list, scored, and merged in: a job opened in the
 * worker's village today leads at once; one opened far away waits for the night. When the log
 * cannot say what was written, or it is a new day, or there is no list (a worker bound today, or
 * one whose matching facts changed), or applications and dismissals have used it up, the open
 * searches near home within the recommender's hard budget and keeps the merge.
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
import { LIVE_QUERIES, watchedKm, type Recommendation, type Recommender } from './recommender.js';
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
  const [{ pushes, done, skip }, { kept, cells }] = await Promise.all([
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
  const moved = list !== undefined && [...cells].some(([cell, epoch]) => list.epochs[cell] !== epoch);
  // Up to date when it is today's and the epochs' log names every position written near home since.
  const log =
    list?.day !== today ? undefined : moved ? await cache.writtenSince(list, cells) : { written: new Set<string>(), queries: 0 };
  const written = log?.written;
  const upToDate = list !== undefined && written !== undefined;
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
  // This month's pushes and the first of the list as they are now, in one BatchGetItem; with
  // positions written since, the whole list, since those may now outrank any of it.
  const fresh = [...(written ?? [])].filter((id) => !skip.has(id));
  const first = fresh.length > 0 ? [...new Set([...unread, ...fresh])] : unread.slice(0, READ_FIRST);
  unread = unread.slice(first.length);
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

  let searched: KeptList | undefined;
  let merged: KeptList | undefined;
  if (!upToDate || (ranked.length < wanted && !list.exhausted)) {
    // Within the same budget of Queries whether the log was read first or not.
    const near = await recommender.searchNearHome(match, skip, cells, now, LIVE_QUERIES - (log?.queries ?? 0));
    const nearIds = new Set(near.found.map((r) => r.position.positionId));
    ranked = [...near.found, ...ranked.filter((r) => !nearIds.has(r.position.positionId))]
      .sort((a, b) => compareMatches(a.match, b.match))
      .slice(0, KEPT);
    searched = {
      day: today,
      basis,
      epochs: Object.fromEntries(cells),
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
  } else if (moved) {
    // The night's list with what was written since: up to date as of now, kept so the next open reads no log.
    const positionIds = [...ranked.map((r) => r.position.positionId), ...unread];
    merged = {
      ...list,
      epochs: Object.fromEntries(cells),
      computedAt: now.toISOString(),
      exhausted: list.exhausted && positionIds.length <= KEPT,
      positionIds: positionIds.slice(0, KEPT),
    };
    await cache.write(worker.workerId, merged);
  }
  const from = (searched ?? merged ?? list)!;
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
