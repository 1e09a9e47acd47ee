/**
 * 每日推荐: each night every willing worker with an account gets their recommendation list
 * ranked afresh, on the monthly push's engine: plan (read the position epochs, freeze the
 * region's open positions, list the township shards), then each township's shard ranks its workers
 * with the exact index over the frozen positions (top-k equal to scoring every one) and keeps
 * each list (recommendationCache.ts). Opening 为你推荐 is then a few key reads; what was written
 * near home since is read from the position epochs' log and merged (recommendations.ts).
 *
 * A shard writes one small item per worker (the ranked ids) and nothing else, so a retried or
 * repeated shard writes the same lists again.
 */
import { chinaDate, createPositionIndex, type Worker } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { runRegion } from '../monthlyRuns/plan.js';
import { epochCellsWithin, raisedEpochs } from '../positions/positionsEpoch.js';
import { loadSnapshot, startFrozenRun, type SnapshotPosition } from './positionSnapshot.js';
import { basisOf, createRecommendationCache, KEPT } from './recommendationCache.js';
import { createRecommender, watchedKm } from './recommender.js';
import { seenBy } from './seen.js';
import { willingUnemployedOf } from './willingWorkers.js';

export interface ListsPlanResult {
  runId: string;
  regionCode: string;
  day: string;
  positions: number;
  /** One shard per township, by code alone (as the push's: the state stays small). */
  townships: string[];
  /**
   * Every raised epoch (a cell left out is 0), read before the positions were frozen: a position
   * written after the freeze raises one, so the first open of a list ranked without it reads it
   * from the epochs' log rather than taking the list as up to date. Tens of KB at most (China is
   * about 1,800 cells), well inside Step Functions' 256 KB of state.
   */
  epochs: Record<string, number>;
}

export interface ListsShard {
  runId: string;
  regionCode: string;
  day: string;
  epochs: Record<string, number>;
}

export interface ListsShardReport {
  regionCode: string;
  /** Willing unemployed of the township. */
  workers: number;
  /** Of them, those whose list was written (the others have no account to open it with, or no place to match from). */
  listed: number;
  noAccount: number;
  noLocation: number;
}

type ListsContext = Pick<AppContext, 'regions' | 'table' | 'workers' | 'matches' | 'runs' | 'applications'>;

/** A planned run's shards: what the Distributed Map's ItemSelector builds. */
export const listsShardsOf = (plan: ListsPlanResult): ListsShard[] =>
  plan.townships.map((regionCode) => ({ runId: plan.runId, regionCode, day: plan.day, epochs: plan.epochs }));

/** Step 1: the epochs, then the positions frozen, then the townships. */
export async function planListsRun(ctx: ListsContext, input: { regionCode: string }, now = new Date()): Promise<ListsPlanResult> {
  if (!(await ctx.regions.get(input.regionCode))) throw new Error(`没有这个地区: ${input.regionCode}`);
  const day = chinaDate(now);
  const epochs = await raisedEpochs(ctx.table);
  const { runId, positions, townships } = await startFrozenRun(
    ctx,
    { kind: 'lists', regionCode: input.regionCode, period: day, figures: { day } },
    now,
  );
  return { runId, regionCode: input.regionCode, day, positions, townships, epochs };
}

/**
 * Ranks one worker's list from the frozen positions with the exact index and keeps it: what a
 * shard does for each of its workers (and the benchmark for its own).
 */
export function listKeeper(
  ctx: ListsContext,
  run: { positions: readonly SnapshotPosition[]; day: string; epochs: Record<string, number> },
  now = new Date(),
) {
  const index = createPositionIndex(run.positions, { today: run.day });
  const recommender = createRecommender(ctx);
  const cache = createRecommendationCache(ctx.table);
  return async (worker: Worker): Promise<'listed' | 'noLocation'> => {
    let match;
    try {
      match = await recommender.matchWorker(worker);
    } catch {
      return 'noLocation';
    }
    const { skip } = await seenBy(ctx, worker.workerId);
    const ranked = index
      .top(match, KEPT + skip.size)
      .filter((m) => !skip.has(m.positionId))
      .slice(0, KEPT);
    await cache.write(worker.workerId, {
      day: run.day,
      basis: basisOf(match),
      epochs: Object.fromEntries(epochCellsWithin(match.home, watchedKm(match)).map((cell) => [cell, run.epochs[cell] ?? 0])),
      computedAt: now.toISOString(),
      complete: true,
      exhausted: ranked.length < KEPT,
      positionIds: ranked.map((m) => m.positionId),
    });
    return 'listed';
  };
}

/** Step 2, one township, with the run's positions already loaded (the local runner shares them). */
export async function runListsShard(
  ctx: ListsContext,
  shard: ListsShard,
  positions: readonly SnapshotPosition[],
  now = new Date(),
): Promise<ListsShardReport> {
  const keep = listKeeper(ctx, { positions, day: shard.day, epochs: shard.epochs }, now);
  const report: ListsShardReport = { regionCode: shard.regionCode, workers: 0, listed: 0, noAccount: 0, noLocation: 0 };
  for await (const worker of willingUnemployedOf(ctx, shard.regionCode, shard.day)) {
    report.workers++;
    if (!worker.boundUserId) report.noAccount++;
    else report[await keep(worker)]++;
  }
  return report;
}

/** Adds a shard's figures to its run's record, once. */
export async function recordListsShard(ctx: Pick<AppContext, 'runs'>, runId: string, report: ListsShardReport) {
  const { regionCode, ...figures } = report;
  return ctx.runs.recordShard('lists', { regionCode: runRegion(runId), runId }, regionCode, figures);
}

/** Step 2 for a Lambda: loads the run's frozen positions, runs the shard and records its figures. */
export async function runListsShardFromSnapshot(ctx: ListsContext, shard: ListsShard, now = new Date()) {
  const report = await runListsShard(ctx, shard, await loadSnapshot(ctx, shard.runId), now);
  await recordListsShard(ctx, shard.runId, report);
  return report;
}

/** The whole run on one machine, every shard in turn on `ctx`: the local runner and the tests. */
export async function runListsLocally(ctx: ListsContext, input: { regionCode: string }, now = new Date()) {
  const plan = await planListsRun(ctx, input, now);
  const positions = await loadSnapshot(ctx, plan.runId);
  const reports: ListsShardReport[] = [];
  for (const shard of listsShardsOf(plan)) {
    const report = await runListsShard(ctx, shard, positions, now);
    await recordListsShard(ctx, plan.runId, report);
    reports.push(report);
  }
  await ctx.runs.finish('lists', plan.regionCode, plan.runId);
  return { plan, listed: reports.reduce((sum, r) => sum + r.listed, 0), workers: reports.reduce((sum, r) => sum + r.workers, 0) };
}
