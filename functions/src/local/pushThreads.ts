/**
 * The monthly push run on one machine: the plan, then each phase's shards spread over
 * worker threads (one per core), each thread with its own database client running the same
 * shard function the state machine's Lambdas run. The priority phase finishes before the
 * others' phase starts.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AppContext } from '../appContext.js';
import type { Config } from '../config.js';
import {
  planPushRun,
  PUSH_PHASES,
  pushShardsOf,
  recordShardReport,
  runPushShard,
  sumShardReports,
  type PushPlanResult,
  type PushShard,
  type PushShardReport,
} from '../matching/pushJob.js';
import { loadSnapshot } from '../matching/positionSnapshot.js';

export interface LocalPushResult {
  plan: PushPlanResult;
  reports: PushShardReport[];
  total: ReturnType<typeof sumShardReports>;
}

/** The local runner always runs under tsx; the thread's entry registers it again (see pushThread.mjs). */
const THREAD_ENTRY = new URL('./pushThread.mjs', import.meta.url);

function runInThread(config: Config, shards: PushShard[], positionsJson: string, now: Date) {
  return new Promise<PushShardReport[]>((resolve, reject) => {
    const worker = new Worker(THREAD_ENTRY, {
      workerData: { config, shards, positionsJson, now: now.toISOString() },
    });
    worker.once('message', (reports: PushShardReport[]) => resolve(reports));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`push thread exited with ${code}`));
    });
  });
}

/**
 * Plans the run and executes its shards; with `threads` 0 every shard runs in this
 * thread on `ctx` (the tests do this), else over that many worker threads built from `config`.
 */
export async function runPushLocally(
  ctx: AppContext,
  input: { regionCode: string; month?: string; config?: unknown },
  options: { threads?: number; config?: Config; now?: Date } = {},
): Promise<LocalPushResult> {
  const now = options.now ?? new Date();
  const plan = await planPushRun(ctx, input, now);
  const positions = await loadSnapshot(ctx, plan.runId);
  const threads = Math.min(options.threads ?? availableParallelism(), plan.townships.length);
  const reports: PushShardReport[] = [];
  for (const phase of PUSH_PHASES) {
    const shards = pushShardsOf(plan, phase);
    if (threads <= 0 || !options.config) {
      for (const shard of shards) reports.push(await runPushShard(ctx, shard, positions, now));
      continue;
    }
    const json = JSON.stringify(positions);
    const parts = Array.from({ length: threads }, (_, t) => shards.filter((_, i) => i % threads === t));
    const results = await Promise.all(parts.map((part) => runInThread(options.config!, part, json, now)));
    reports.push(...results.flat());
  }
  for (const report of reports) {
    await recordShardReport(ctx, plan.runId, report);
  }
  await ctx.runs.finish('push', plan.regionCode, plan.runId);
  return { plan, reports, total: sumShardReports(reports) };
}
