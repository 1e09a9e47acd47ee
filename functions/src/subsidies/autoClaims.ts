/**
 * 免申即享 (file 000 §(五) "即申即享、直补快办"): once a month, after townships have entered
 * the month (by the 25th), every worker of a region is evaluated from the registry and
 * what is due becomes a claim awaiting staff review — nobody has to apply.
 *
 * It runs like the job push, so a province takes no longer than its largest township:
 * 1. plan: fix the month and list the shards, one per township (monthlyRuns/plan.ts);
 * 2. shards: each evaluates its township's workers and makes their claims — Lambdas under the
 *    state machine's Distributed Map, or a pool in one process locally;
 * 3. finish: the run's record, with every shard's figures summed.
 *
 * Claims are unique by their natural key, so a shard run twice makes nothing twice; its
 * figures are added to the run once (runRepository.recordShard), and a retry after a
 * failed attempt still counts the claims that attempt made as this run's.
 */
import { chinaMonth, monthSchema, type Claim, type SubsidyId } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { inPool } from '../db/inPool.js';
import { newRunId, runRegion, townshipsUnder } from '../monthlyRuns/plan.js';
import { toWorker } from '../registry/workerRepository.js';
import { createSubsidyService, workerBeneficiary } from './service.js';

/** Who the claims say made them. */
export const AUTO_CLAIMS_ACTOR = 'system:auto-claims';
/** Workers of a shard evaluated at once. */
const WORKERS_AT_ONCE = 8;
/** Shards one process runs at once (the local runner, the tests); the state machine sets its own. */
const SHARDS_AT_ONCE = 4;

export interface AutoClaimsShard {
  runId: string;
  /** The township (or village) whose workers this shard evaluates. */
  regionCode: string;
  /** The month claimed for, fixed by the plan: a shard retried after midnight on the 1st still claims it. */
  period: string;
  /** When the run started: a claim of ours made since then was made by this run. */
  startedAt: string;
}

export interface AutoClaimsPlan {
  runId: string;
  regionCode: string;
  period: string;
  startedAt: string;
  /** The shards, one per township, by code alone (see PushPlanResult.townships). */
  townships: string[];
}

/** The shards of a planned run: what the Distributed Map's ItemSelector builds. */
export const autoClaimsShardsOf = (plan: AutoClaimsPlan): AutoClaimsShard[] =>
  plan.townships.map((regionCode) => ({ runId: plan.runId, regionCode, period: plan.period, startedAt: plan.startedAt }));

export interface AutoClaimsReport {
  regionCode: string;
  period: string;
  workers: number;
  /** Claims this run made, and claims that were already there (from the worker, staff or an earlier run). */
  created: number;
  alreadyClaimed: number;
  amountFen: number;
  /** Subsidies whose standard the region lacks, with how many workers that left unevaluated. */
  unavailable: Partial<Record<SubsidyId, number>>;
}

type AutoClaimsContext = Pick<
  AppContext,
  'regions' | 'runs' | 'workers' | 'employment' | 'claims' | 'parameterSteps' | 'positions' | 'applications'
>;

/** Step 1. Refuses a month not yet begun, or a region that does not exist, before writing anything. */
export async function planAutoClaimsRun(
  ctx: Pick<AppContext, 'regions' | 'runs'>,
  input: { regionCode: string; period?: string },
  now = new Date(),
): Promise<AutoClaimsPlan> {
  const period = input.period ?? chinaMonth(now);
  if (!monthSchema.safeParse(period).success || period > chinaMonth(now)) {
    throw new Error(`免申即享的月份应为本月或以前的 YYYY-MM: ${period}`);
  }
  if (!(await ctx.regions.get(input.regionCode))) throw new Error(`没有这个地区: ${input.regionCode}`);
  const runId = newRunId(input.regionCode, period, now);
  const startedAt = now.toISOString();
  const townships = await townshipsUnder(ctx, input.regionCode);
  await ctx.runs.start('autoClaims', { runId, regionCode: input.regionCode, period, shards: townships.length });
  return { runId, regionCode: input.regionCode, period, startedAt, townships };
}

const emptyReport = (regionCode: string, period: string): AutoClaimsReport => ({
  regionCode,
  period,
  workers: 0,
  created: 0,
  alreadyClaimed: 0,
  amountFen: 0,
  unavailable: {},
});

/** Made by this run: by us, since it started (a shard's earlier attempt, or this one). */
const madeByRun = (claim: Claim, shard: AutoClaimsShard) =>
  claim.createdBy === AUTO_CLAIMS_ACTOR && claim.createdAt >= shard.startedAt;

/** Step 2, one township: every worker evaluated for the run's month, what is due claimed. */
export async function runAutoClaimsShard(ctx: AutoClaimsContext, shard: AutoClaimsShard): Promise<AutoClaimsReport> {
  const subsidies = createSubsidyService(ctx);
  const { period } = shard;
  const report = emptyReport(shard.regionCode, period);
  const count = (claim: Claim) => {
    if (!madeByRun(claim, shard)) return void report.alreadyClaimed++;
    report.created++;
    report.amountFen += claim.amountFen;
  };
  let cursor: string | undefined;
  do {
    const page = await ctx.workers.page({ regionCode: shard.regionCode, limit: 100, ...(cursor ? { cursor } : {}) });
    await inPool(page.items, WORKERS_AT_ONCE, async (item) => {
      const worker = toWorker(item);
      const { results, claims, unavailable } = await subsidies.evaluateWorker(worker, period);
      const made = await subsidies.claimDue(
        workerBeneficiary(worker),
        worker.villageCode,
        period,
        results.filter((r) => r.eligible),
        { source: 'auto', createdBy: AUTO_CLAIMS_ACTOR },
      );
      report.workers++;
      for (const result of results.filter((r) => r.claimed)) {
        count(claims.find((c) => c.subsidy === result.subsidy && c.periodKey === result.periodKey)!);
      }
      // Made meanwhile by the worker or staff counts as already claimed; by us, as this run's.
      for (const { claim } of made) count(claim);
      for (const u of unavailable) report.unavailable[u.subsidy] = (report.unavailable[u.subsidy] ?? 0) + 1;
    });
    cursor = page.nextCursor;
  } while (cursor);
  return report;
}

/** Adds a shard's figures to its run, once (a retried shard adds nothing again). */
export function recordAutoClaimsShard(ctx: Pick<AppContext, 'runs'>, runId: string, report: AutoClaimsReport) {
  const { regionCode, period: _period, unavailable, ...counts } = report;
  const figures: Record<string, number> = { ...counts };
  for (const [subsidy, n] of Object.entries(unavailable)) figures[`unavailable_${subsidy}`] = n;
  return ctx.runs.recordShard('autoClaims', { regionCode: runRegion(runId), runId }, regionCode, figures);
}

/** Step 2 for a Lambda: the shard, then its figures on the run. */
export async function runAndRecordAutoClaimsShard(ctx: AutoClaimsContext, shard: AutoClaimsShard) {
  const report = await runAutoClaimsShard(ctx, shard);
  await recordAutoClaimsShard(ctx, shard.runId, report);
  return report;
}

/** Step 3: the run's record, with its shards' figures summed. */
export const finishAutoClaimsRun = (ctx: Pick<AppContext, 'runs'>, plan: Pick<AutoClaimsPlan, 'regionCode' | 'runId'>) =>
  ctx.runs.finish('autoClaims', plan.regionCode, plan.runId);

/** The whole run's figures from its shards' reports. */
export function sumAutoClaimsReports(regionCode: string, period: string, reports: readonly AutoClaimsReport[]) {
  const total = emptyReport(regionCode, period);
  for (const r of reports) {
    total.workers += r.workers;
    total.created += r.created;
    total.alreadyClaimed += r.alreadyClaimed;
    total.amountFen += r.amountFen;
    for (const [id, n] of Object.entries(r.unavailable) as [SubsidyId, number][]) {
      total.unavailable[id] = (total.unavailable[id] ?? 0) + n;
    }
  }
  return total;
}

/**
 * The whole run in one process — plan, a few shards at a time, finish — as the local runner
 * and the tests run it; the same steps the state machine runs.
 */
export async function runAutoClaims(
  ctx: AutoClaimsContext,
  regionCode: string,
  options: { period?: string; now?: Date; shardsAtOnce?: number } = {},
): Promise<AutoClaimsReport & { runId: string; shards: number }> {
  const plan = await planAutoClaimsRun(ctx, { regionCode, ...(options.period ? { period: options.period } : {}) }, options.now);
  const reports: AutoClaimsReport[] = [];
  await inPool(autoClaimsShardsOf(plan), options.shardsAtOnce ?? SHARDS_AT_ONCE, async (shard) => {
    reports.push(await runAndRecordAutoClaimsShard(ctx, shard));
  });
  await finishAutoClaimsRun(ctx, plan);
  return { ...sumAutoClaimsReports(regionCode, plan.period, reports), runId: plan.runId, shards: plan.townships.length };
}
