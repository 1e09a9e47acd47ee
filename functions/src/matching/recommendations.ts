/**
 * What 为你推荐 shows a worker: this month's pushes first (still open, not applied to or
 * dismissed), then the best live matches. The live part comes from the worker's kept list when
 * it is still good (recommendationCache.ts) and is searched again only when it is not, or when
 * applications and dismissals since have used it up (unless it held everything within reach or
 * was already cut short by the search's Query budget).
 */
import type * as z from 'zod';
import {
  chinaDate,
  chinaMonth,
  distanceKm,
  isListable,
  withoutLookalikes,
  type recommendationSchema,
  type Worker,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { toCard } from '../positions/geoQuery.js';
import { isPublic } from '../positions/positionRepository.js';
import { basisOf, type CachedRecommendations, type LiveRecommendation, type RecommendationCache } from './recommendationCache.js';
import { reachKm, type Recommender } from './recommender.js';

/** Recommendations shown at once: this month's pushes and then live matches, together. */
const SHOWN = 10;
/**
 * Live matches kept: enough that a few applications or dismissals later the list still fills a
 * screen. Those shown first are exact; the rest are the best of what was read for them.
 */
const KEPT = 30;

export async function recommendationsFor(
  ctx: Pick<AppContext, 'matches' | 'applications' | 'positions'>,
  recommender: Recommender,
  cache: RecommendationCache,
  worker: Worker,
  now = new Date(),
) {
  const [today, month] = [chinaDate(now), chinaMonth(now)];
  const match = await recommender.matchWorker(worker);
  const [pushes, dismissed, applications, { kept, epochs }] = await Promise.all([
    ctx.matches.pushesOf(worker.workerId),
    ctx.matches.dismissed(worker.workerId),
    ctx.applications.positionIdsOfWorker(worker.workerId),
    cache.read(worker.workerId, match.home, reachKm(match)),
  ]);
  const done = new Set([...dismissed, ...applications]);
  const card = (position: Parameters<typeof toCard>[0]) => ({
    ...toCard(position),
    distanceKm: Math.round(distanceKm(match.home, position.location) * 100) / 100,
  });

  const current = pushes
    .filter((p) => p.month === month && !done.has(p.positionId))
    .sort((a, b) => b.score - a.score || (a.positionId < b.positionId ? -1 : 1));
  const records = await ctx.positions.getMany(current.map((p) => p.positionId));
  const shown: z.infer<typeof recommendationSchema>[] = [];
  current.forEach((push, i) => {
    const record = records[i];
    if (!record || !isPublic(record) || !isListable(record.position, today)) return;
    shown.push({ position: card(record.position), score: push.score, reason: push.reason, factors: push.factors, pushed: true });
  });

  const skip = new Set([...done, ...pushes.map((p) => p.positionId)]);
  const wanted = Math.max(0, SHOWN - shown.length);
  const basis = basisOf(match);
  const good = kept && kept.day === today && kept.basis === basis && kept.epochs === epochs ? kept : undefined;
  let live: CachedRecommendations | undefined = good;
  let left = good?.entries.filter((entry) => !skip.has(entry.position.positionId)) ?? [];
  // Used up by applications and dismissals: search again, unless the list held everything in reach
  // or the search was already stopped by its budget (the same search would find no more).
  if (!live || (left.length < wanted && live.complete && !live.exhausted)) {
    const { found, complete, exhausted } = await recommender.recommend(match, KEPT, skip, now, wanted);
    const entries: LiveRecommendation[] = found.map(({ match: m, position }) => ({
      position: card(position),
      score: m.score,
      reason: m.reason,
      factors: m.factors,
    }));
    live = { day: today, basis, epochs, computedAt: now.toISOString(), complete, exhausted, entries };
    await cache.write(worker.workerId, live);
    left = entries;
  }
  // Look-alikes go before counting, so a screen of ten holds ten jobs a worker can tell apart.
  const distinct = withoutLookalikes([...shown, ...left.map((entry) => ({ ...entry, pushed: false }))]);
  const pushedCount = distinct.filter((r) => r.pushed).length;
  return {
    month,
    homeIsVillageCentre: match.homeIsVillageCentre,
    recommendations: distinct.slice(0, Math.max(pushedCount, SHOWN)),
    live: { fromCache: live === good, computedAt: live.computedAt, complete: live.complete },
  };
}
