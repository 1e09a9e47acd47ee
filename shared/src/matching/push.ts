/**
 * The monthly push (每月岗位推送): which positions go to which willing unemployed workers,
 * without sending a crowd to a few jobs. Pure: the job reads the workers' ranked matches,
 * the positions' open headcount and what was already pushed this month, and writes what
 * this returns.
 *
 * Rules:
 * - a position is pushed to at most k × its open headcount (headcount − filled) workers in
 *   one cycle (its capacity);
 * - a position with relocationReservedShare s keeps ceil(s × capacity) of those slots for
 *   relocated workers (易地搬迁): the others share capacity − reserved;
 * - each worker gets at most N distinct positions;
 * - priority workers (监测对象, 零就业家庭, 易地搬迁) are served first, then the others; within
 *   each, the worker with the better best match first, then by workerId: deterministic;
 * - pushes already made this month (`existing`) count toward capacity and toward the
 *   worker's N and are never repeated, so running again with everything pushed so far adds
 *   nothing, and a run split in two never goes over capacity.
 */
import * as z from 'zod';

export const PUSH_K_MAX = 20;
export const PUSH_N_MAX = 10;

export const pushConfigSchema = z.strictObject({
  k: z
    .number({ error: '每个空缺最多推送人数（k）应为数字' })
    .int('每个空缺最多推送人数（k）应为整数')
    .min(1, '每个空缺最多推送人数（k）不能小于 1')
    .max(PUSH_K_MAX, `每个空缺最多推送人数（k）不能大于 ${PUSH_K_MAX}`)
    .default(5),
  n: z
    .number({ error: '每人最多推送岗位数（n）应为数字' })
    .int('每人最多推送岗位数（n）应为整数')
    .min(1, '每人最多推送岗位数（n）不能小于 1')
    .max(PUSH_N_MAX, `每人最多推送岗位数（n）不能大于 ${PUSH_N_MAX}`)
    .default(3),
});
export type PushConfig = z.output<typeof pushConfigSchema>;

/** The job's configuration, or an Error naming the field (the job refuses to start with it). */
export function parsePushConfig(input: unknown): PushConfig {
  const parsed = pushConfigSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const text = parsed.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '配置'}: ${issue.message}`)
    .join('; ');
  throw new Error(`推送配置有误 (push config): ${text}`);
}

export interface PushRanked {
  positionId: string;
  score: number;
  reason: string;
}

export interface PushWorker {
  workerId: string;
  /** In a priority group: 防止返贫监测对象, 零就业家庭, 易地搬迁. */
  priority: boolean;
  /** 易地扶贫搬迁: may use a position's reserved slots. */
  relocated: boolean;
  /** Best first (score descending, then positionId), as the matcher ranks them. */
  ranked: readonly PushRanked[];
}

export interface PushPosition {
  /** headcount − filled. */
  openHeadcount: number;
  /** 易地搬迁安置区项目: share of the slots kept for relocated workers. */
  relocationReservedShare?: number;
}

export interface ExistingPush {
  workerId: string;
  positionId: string;
  /** Whether the worker is relocated; when absent, taken from `workers`, and when the worker is not there, counted as not relocated (the cautious side). */
  relocated?: boolean;
}

export interface PushInput {
  /** Each worker once (planPush throws on a worker listed twice). */
  workers: readonly PushWorker[];
  positions: ReadonlyMap<string, PushPosition>;
  existing: readonly ExistingPush[];
  config: PushConfig;
}

export interface Push {
  workerId: string;
  positionId: string;
  score: number;
  reason: string;
}

export interface PushPlan {
  /** New pushes only, in the order they were decided. */
  pushes: Push[];
  stats: {
    /** Workers given at least one new push. */
    workersReached: number;
    /** Over positions with open headcount: (existing + new pushes) ÷ open headcount, at most k. */
    maxPushesPerOpenHeadcount: number;
  };
}

/** Whether the groups make a worker a priority of the push. */
export const PUSH_PRIORITY_GROUPS = ['monitored', 'zeroEmploymentHousehold', 'relocated'] as const;
export function isPushPriority(groups: readonly string[]): boolean {
  return groups.some((g) => (PUSH_PRIORITY_GROUPS as readonly string[]).includes(g));
}

/** A position's slots: k × open headcount, of which ceil(share × that) for relocated workers only. */
export function pushCapacity(position: PushPosition, k: number): { capacity: number; reserved: number } {
  const open = Math.max(0, Math.floor(position.openHeadcount));
  const capacity = k * open;
  const share = Math.min(1, Math.max(0, position.relocationReservedShare ?? 0));
  // Rounded against float dust (0.1 × 30 = 3.0000000000000004 must keep 3, not 4).
  const reserved = Math.min(capacity, Math.ceil(Math.round(share * capacity * 1e9) / 1e9));
  return { capacity, reserved };
}

interface Slots {
  capacity: number;
  /** capacity − reserved: what non-relocated workers may use. */
  open: number;
  openHeadcount: number;
  used: number;
  usedByOthers: number;
}

const bestScore = (w: Pick<PushWorker, 'ranked'>) => w.ranked.reduce((best, r) => Math.max(best, r.score), -Infinity);

/**
 * The order workers are served in: priority first, then the better best match, then by
 * workerId — the same in this plan and in the push job's shards.
 */
export function comparePushOrder(
  a: Pick<PushWorker, 'priority' | 'ranked' | 'workerId'>,
  b: Pick<PushWorker, 'priority' | 'ranked' | 'workerId'>,
): number {
  return (
    Number(b.priority) - Number(a.priority) ||
    bestScore(b) - bestScore(a) ||
    (a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : 0)
  );
}

export function planPush(input: PushInput): PushPlan {
  const { k, n } = input.config;
  const slots = new Map<string, Slots>();
  const slotsOf = (positionId: string): Slots | undefined => {
    let s = slots.get(positionId);
    if (!s) {
      const position = input.positions.get(positionId);
      if (!position) return undefined;
      const { capacity, reserved } = pushCapacity(position, k);
      s = {
        capacity,
        open: capacity - reserved,
        openHeadcount: Math.max(0, Math.floor(position.openHeadcount)),
        used: 0,
        usedByOthers: 0,
      };
      slots.set(positionId, s);
    }
    return s;
  };

  // Earlier pushes of the month: per worker (toward N, never repeated) and per position.
  const earlier = new Map<string, Set<string>>();
  if (input.existing.length > 0) {
    const relocatedById = new Map<string, boolean>();
    for (const w of input.workers) relocatedById.set(w.workerId, w.relocated);
    for (const e of input.existing) {
      let set = earlier.get(e.workerId);
      if (!set) earlier.set(e.workerId, (set = new Set()));
      if (set.has(e.positionId)) continue; // one push, however often recorded
      set.add(e.positionId);
      const s = slotsOf(e.positionId);
      if (!s) continue; // no longer open: counts toward the worker's N only
      s.used++;
      if (!(e.relocated ?? relocatedById.get(e.workerId) ?? false)) s.usedByOthers++;
    }
  }

  const seen = new Set<string>();
  for (const w of input.workers) {
    if (seen.has(w.workerId)) throw new Error(`planPush: worker ${w.workerId} is listed twice`);
    seen.add(w.workerId);
  }
  const order = input.workers.map((w, i) => ({ w, i }));
  order.sort((a, b) => comparePushOrder(a.w, b.w) || a.i - b.i);

  const pushes: Push[] = [];
  let workersReached = 0;
  const taken: string[] = [];
  for (const { w } of order) {
    const before = earlier.get(w.workerId);
    const already = before?.size ?? 0;
    taken.length = 0;
    for (const r of w.ranked) {
      if (already + taken.length >= n) break;
      if (before?.has(r.positionId) || taken.includes(r.positionId)) continue;
      const s = slotsOf(r.positionId);
      if (!s || s.used >= s.capacity) continue;
      if (!w.relocated && s.usedByOthers >= s.open) continue;
      s.used++;
      if (!w.relocated) s.usedByOthers++;
      taken.push(r.positionId);
      pushes.push({ workerId: w.workerId, positionId: r.positionId, score: r.score, reason: r.reason });
    }
    if (taken.length > 0) workersReached++;
  }

  let maxPushesPerOpenHeadcount = 0;
  for (const s of slots.values()) {
    if (s.openHeadcount > 0) maxPushesPerOpenHeadcount = Math.max(maxPushesPerOpenHeadcount, s.used / s.openHeadcount);
  }
  return { pushes, stats: { workersReached, maxPushesPerOpenHeadcount } };
}
