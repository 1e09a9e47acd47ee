/**
 * The monthly job push (每月岗位推送), in two steps that scale from one county to a province:
 *
 * 1. plan: check k and N, freeze the province's open positions (positionSnapshot.ts) and
 *    split the region into shards, one per township;
 * 2. shards: each takes its township's willing unemployed, ranks the frozen positions for
 *    each with the exact index (top-k equal to scoring every position), and pushes up to N
 *    per worker, best match first, within each position's capacity. The priority phase
 *    (监测对象, 零就业家庭, 易地搬迁) runs over every shard before the others' phase.
 *
 * Capacity and "never twice" live in DynamoDB (matchRepository.push: one transaction per
 * push), so shards may run side by side — Lambdas under the state machine's Distributed Map,
 * or worker threads locally — and a re-run of the month changes nothing.
 */
import {
  acceptedMonthSchema,
  chinaDate,
  chinaMonth,
  comparePushOrder,
  createPositionIndex,
  isPushPriority,
  parsePushConfig,
  pushCapacity,
  type OkMatch,
  type PushConfig,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { runRegion } from '../monthlyRuns/plan.js';
import type { PushOutcome } from './matchRepository.js';
import { loadSnapshot, startFrozenRun, type SnapshotPosition } from './positionSnapshot.js';
import { createRecommender } from './recommender.js';
import { seenBy } from './seen.js';
import { willingUnemployedOf } from './willingWorkers.js';

export const PUSH_PHASES = ['priority', 'others'] as const;
export type PushPhase = (typeof PUSH_PHASES)[number];

export interface PushShard {
  runId: string;
  /** The township (or village) whose workers this shard serves. */
  regionCode: string;
  month: string;
  phase: PushPhase;
  config: PushConfig;
}

export interface PushPlanResult {
  runId: string;
  regionCode: string;
  month: string;
  config: PushConfig;
  positions: number;
  /**
   * The shards, one per township, by code alone: the state machine's Distributed Map builds each
   * shard's input from the plan and the code, so a province of thousands of townships stays far
   * under Step Functions' 256 KB of state.
   */
  townships: string[];
}

/** One phase's shards of a planned run: what the Distributed Map's ItemSelector builds. */
export const pushShardsOf = (plan: PushPlanResult, phase: PushPhase): PushShard[] =>
  plan.townships.map((regionCode) => ({ runId: plan.runId, regionCode, month: plan.month, config: plan.config, phase }));

export interface PushShardReport {
  regionCode: string;
  phase: PushPhase;
  /** Willing unemployed of this phase in the shard. */
  workers: number;
  /** Of them, those with at least one push this month (this run or before). */
  reached: number;
  pushed: number;
  alreadyPushed: number;
  /** Candidates skipped because the position's capacity for the month was used up. */
  full: number;
  noLocation: number;
  notices: Record<string, number>;
}

type PushContext = Pick<
  AppContext,
  'regions' | 'table' | 'workers' | 'matches' | 'runs' | 'users' | 'subscribeMessages' | 'applications'
>;

/** Step 1. Refuses k or N out of range before anything is read or written. */
export async function planPushRun(
  ctx: PushContext,
  input: { regionCode: string; month?: string; config?: unknown },
  now = new Date(),
): Promise<PushPlanResult> {
  const config = parsePushConfig(input.config ?? {});
  const month = input.month ?? chinaMonth(now);
  if (!acceptedMonthSchema.safeParse(month).success) throw new Error(`推送月份应为 2015-01 到下个月之间的 YYYY-MM: ${month}`);
  if (!(await ctx.regions.get(input.regionCode))) throw new Error(`没有这个地区: ${input.regionCode}`);
  const { runId, positions, townships } = await startFrozenRun(
    ctx,
    { kind: 'push', regionCode: input.regionCode, period: month, figures: { month, config } },
    now,
  );
  return { runId, regionCode: input.regionCode, month, config, positions, townships };
}

/** Step 2, one shard, with the run's positions already loaded (the local runner shares them). */
export async function runPushShard(
  ctx: PushContext,
  shard: PushShard,
  positions: readonly SnapshotPosition[],
  now = new Date(),
): Promise<PushShardReport> {
  const { month, config } = shard;
  const today = chinaDate(now);
  const context = { today };
  const index = createPositionIndex(positions, context);
  const byId = new Map(positions.map((p) => [p.positionId, p]));
  const recommender = createRecommender(ctx);
  const report: PushShardReport = { regionCode: shard.regionCode, phase: shard.phase, ...noCounts() };

  // The shard's willing unemployed of this phase, each with what they already have.
  const candidates: {
    workerId: string;
    boundUserId?: string;
    priority: boolean;
    relocated: boolean;
    pushedThisMonth: number;
    ranked: OkMatch[];
  }[] = [];
  for await (const worker of willingUnemployedOf(ctx, shard.regionCode, today)) {
    if (isPushPriority(worker.groups) !== (shard.phase === 'priority')) continue;
    report.workers++;
    let match;
    try {
      match = await recommender.matchWorker(worker);
    } catch {
      report.noLocation++;
      continue;
    }
    const { pushes, skip } = await seenBy(ctx, worker.workerId);
    const pushedThisMonth = pushes.filter((p) => p.month === month).length;
    const ranked = index.top(match, config.n + skip.size).filter((m) => !skip.has(m.positionId));
    candidates.push({
      workerId: worker.workerId,
      ...(worker.boundUserId ? { boundUserId: worker.boundUserId } : {}),
      priority: shard.phase === 'priority',
      relocated: worker.groups.includes('relocated'),
      pushedThisMonth,
      ranked,
    });
  }

  // The better best match first, then by id: the order planPush serves workers in.
  candidates.sort(comparePushOrder);

  for (const worker of candidates) {
    let have = worker.pushedThisMonth;
    for (const match of worker.ranked) {
      if (have >= config.n) break;
      const position = byId.get(match.positionId)!;
      const limits = pushCapacity(
        {
          openHeadcount: position.headcount - position.filled,
          ...(position.relocationReservedShare !== undefined
            ? { relocationReservedShare: position.relocationReservedShare }
            : {}),
        },
        config.k,
      );
      const outcome: PushOutcome = await ctx.matches.push(
        {
          workerId: worker.workerId,
          positionId: match.positionId,
          month,
          score: match.score,
          reason: match.reason,
          factors: match.factors,
        },
        { ...limits, relocated: worker.relocated },
        now,
      );
      if (outcome === 'pushed') {
        report.pushed++;
        have++;
        const notice = await notify(ctx, worker.boundUserId, position, match.reason);
        report.notices[notice] = (report.notices[notice] ?? 0) + 1;
        await ctx.matches.noted(worker.workerId, match.positionId, notice);
      } else if (outcome === 'alreadyPushed') report.alreadyPushed++;
      else report.full++;
    }
    if (have > 0) report.reached++;
  }
  return report;
}

async function notify(ctx: PushContext, boundUserId: string | undefined, position: SnapshotPosition, reason: string) {
  const openid = boundUserId ? await ctx.users.openidOf(boundUserId) : undefined;
  if (!openid) return 'noAccount' as const;
  return ctx.subscribeMessages.sendJobPush({
    openid,
    page: `worker/pages/position/index?positionId=${position.positionId}`,
    positionTitle: position.title,
    employerName: position.employerName,
    reason,
  });
}

/**
 * Adds a shard's figures to its run's record, once: a retried shard (its first attempt
 * recorded, then timed out) adds nothing again.
 */
export async function recordShardReport(ctx: Pick<AppContext, 'runs'>, runId: string, report: PushShardReport) {
  const { regionCode, phase, notices, ...counts } = report;
  const figures: Record<string, number> = { ...counts };
  for (const [outcome, n] of Object.entries(notices)) figures[`notices_${outcome}`] = n;
  return ctx.runs.recordShard('push', { regionCode: runRegion(runId), runId }, `${regionCode}#${phase}`, figures);
}

/** Step 2 for a Lambda: loads the run's frozen positions, runs the shard and records its figures. */
export async function runPushShardFromSnapshot(ctx: PushContext, shard: PushShard, now = new Date()) {
  const report = await runPushShard(ctx, shard, await loadSnapshot(ctx, shard.runId), now);
  await recordShardReport(ctx, shard.runId, report);
  return report;
}

const COUNTS = ['workers', 'reached', 'pushed', 'alreadyPushed', 'full', 'noLocation'] as const;
const noCounts = () =>
  ({ ...Object.fromEntries(COUNTS.map((c) => [c, 0])), notices: {} }) as Omit<PushShardReport, 'regionCode' | 'phase'>;

/** The whole run's figures from its shards' reports. */
export function sumShardReports(reports: readonly PushShardReport[]) {
  const total = noCounts();
  for (const r of reports) {
    for (const c of COUNTS) total[c] += r[c];
    for (const [k, v] of Object.entries(r.notices)) total.notices[k] = (total.notices[k] ?? 0) + v;
  }
  return total;
}
