import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isPushPriority,
  parsePushConfig,
  planPush,
  pushCapacity,
  type ExistingPush,
  type Push,
  type PushConfig,
  type PushPosition,
  type PushWorker,
} from '@bangfu/shared';

// ---------------------------------------------------------------------------------------
// Random instances: a few positions (some reserved for relocated workers, some full), a few
// dozen workers ranking a handful of them, k and N anywhere in range.

const positionArb = fc.record(
  {
    openHeadcount: fc.integer({ min: 0, max: 4 }),
    relocationReservedShare: fc.constantFrom(0.1, 0.2, 0.3, 0.5, 1),
  },
  { requiredKeys: ['openHeadcount'] },
);

interface Instance {
  positions: Map<string, PushPosition>;
  workers: PushWorker[];
  config: PushConfig;
}

const instanceArb: fc.Arbitrary<Instance> = fc
  .record({
    positions: fc.array(positionArb, { minLength: 1, maxLength: 12 }),
    config: fc.record({ k: fc.integer({ min: 1, max: 20 }), n: fc.integer({ min: 1, max: 10 }) }),
    workerCount: fc.integer({ min: 0, max: 40 }),
  })
  .chain(({ positions, config, workerCount }) => {
    // A few ids ranked but not (any more) open: the plan must skip them.
    const ids = [...positions.map((_, i) => `p${String(i).padStart(2, '0')}`), 'gone1', 'gone2'];
    const rankedArb = fc.uniqueArray(fc.constantFrom(...ids), { maxLength: Math.min(ids.length, 12) }).chain((chosen) =>
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: chosen.length, maxLength: chosen.length }).map((scores) => {
        const ranked = chosen.map((positionId, i) => ({ positionId, score: scores[i]!, reason: `r${i}` }));
        return ranked.sort((a, b) => b.score - a.score || (a.positionId < b.positionId ? -1 : 1));
      }),
    );
    const workerArb = fc.record({ priority: fc.boolean(), relocated: fc.boolean(), ranked: rankedArb });
    return fc.array(workerArb, { minLength: workerCount, maxLength: workerCount }).map((ws) => ({
      positions: new Map(positions.map((p, i) => [ids[i]!, p])),
      config,
      workers: ws.map((w, i) => ({ workerId: `w${String(i).padStart(3, '0')}`, ...w })),
    }));
  });

const RUNS = { numRuns: 300 };

/** Every push (earlier and new) per position, and the non-relocated ones. */
function tally(instance: Instance, all: readonly { workerId: string; positionId: string }[]) {
  const relocated = new Map(instance.workers.map((w) => [w.workerId, w.relocated]));
  const total = new Map<string, number>();
  const others = new Map<string, number>();
  for (const p of all) {
    total.set(p.positionId, (total.get(p.positionId) ?? 0) + 1);
    if (!relocated.get(p.workerId)) others.set(p.positionId, (others.get(p.positionId) ?? 0) + 1);
  }
  return { total, others };
}

function checkCapacity(instance: Instance, all: readonly { workerId: string; positionId: string }[]) {
  const { total, others } = tally(instance, all);
  for (const [id, count] of total) {
    const position = instance.positions.get(id);
    expect(position, `pushed a position that is not open: ${id}`).toBeDefined();
    const { capacity, reserved } = pushCapacity(position!, instance.config.k);
    expect(count).toBeLessThanOrEqual(instance.config.k * position!.openHeadcount);
    expect(others.get(id) ?? 0).toBeLessThanOrEqual(capacity - reserved);
  }
}

function checkPerWorker(instance: Instance, all: readonly Push[]) {
  const byWorker = new Map<string, string[]>();
  for (const p of all) byWorker.set(p.workerId, [...(byWorker.get(p.workerId) ?? []), p.positionId]);
  for (const [workerId, ids] of byWorker) {
    expect(ids.length, workerId).toBeLessThanOrEqual(instance.config.n);
    expect(new Set(ids).size, workerId).toBe(ids.length);
    const ranked = instance.workers.find((w) => w.workerId === workerId)!.ranked;
    for (const id of ids) expect(ranked.some((r) => r.positionId === id)).toBe(true);
  }
}

const plan = (instance: Instance, existing: readonly ExistingPush[] = [], workers = instance.workers) =>
  planPush({ workers, positions: instance.positions, existing, config: instance.config });

describe('planPush: properties over random instances', () => {
  it('no position over k × open headcount; non-relocated workers never in the reserved slots', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const { pushes, stats } = plan(instance);
        checkCapacity(instance, pushes);
        expect(stats.maxPushesPerOpenHeadcount).toBeLessThanOrEqual(instance.config.k);
      }),
      RUNS,
    );
  });

  it('each worker: at most N positions, distinct, all from their own ranking', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => checkPerWorker(instance, plan(instance).pushes)),
      RUNS,
    );
  });

  it('is idempotent: running again with everything pushed so far adds nothing', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const first = plan(instance).pushes;
        const again = plan(instance, first);
        expect(again.pushes).toEqual([]);
        expect(again.stats.workersReached).toBe(0);
        // And is deterministic.
        expect(plan(instance).pushes).toEqual(first);
      }),
      RUNS,
    );
  });

  it('a run split in two (first half of the workers, then the rest with what the first pushed) stays within capacity', () => {
    fc.assert(
      fc.property(instanceArb, fc.nat(), (instance, at) => {
        const cut = instance.workers.length === 0 ? 0 : at % (instance.workers.length + 1);
        const first = plan(instance, [], instance.workers.slice(0, cut)).pushes;
        // The second run does not know the first half's workers: it cannot tell who was relocated.
        const second = plan(
          instance,
          first.map(({ workerId, positionId }) => ({ workerId, positionId })),
          instance.workers.slice(cut),
        ).pushes;
        const all = [...first, ...second];
        checkCapacity(instance, all);
        checkPerWorker(instance, all);
        // Nothing pushed twice to anyone.
        expect(new Set(all.map((p) => `${p.workerId}/${p.positionId}`)).size).toBe(all.length);
      }),
      RUNS,
    );
  });

  it('with earlier pushes: they count toward capacity and toward N, and are not repeated', () => {
    fc.assert(
      fc.property(instanceArb, fc.nat(), (instance, salt) => {
        // Earlier pushes: some of the plan of a smaller k, as an earlier run of the month might have made.
        const earlier = plan({ ...instance, config: { ...instance.config, k: 1 } }).pushes.filter((_, i) => (i + salt) % 3 !== 0);
        const { pushes } = plan(instance, earlier);
        const all = [...earlier, ...pushes];
        checkCapacity(instance, all);
        checkPerWorker(instance, all);
        const seen = new Set(earlier.map((p) => `${p.workerId}/${p.positionId}`));
        for (const p of pushes) expect(seen.has(`${p.workerId}/${p.positionId}`)).toBe(false);
      }),
      RUNS,
    );
  });

  it('a priority worker short of N never loses a position they ranked to a non-priority worker who took a slot they could have used', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const { pushes } = plan(instance);
        const { others } = tally(instance, pushes);
        const got = new Map<string, Set<string>>();
        for (const p of pushes) got.set(p.workerId, (got.get(p.workerId) ?? new Set()).add(p.positionId));
        const byId = new Map(instance.workers.map((w) => [w.workerId, w]));
        for (const P of instance.workers) {
          if (!P.priority) continue;
          const mine = got.get(P.workerId) ?? new Set();
          if (mine.size >= instance.config.n) continue;
          for (const push of pushes) {
            const Q = byId.get(push.workerId)!;
            if (Q.priority || mine.has(push.positionId)) continue;
            if (!P.ranked.some((r) => r.positionId === push.positionId)) continue;
            // Q relocated and P not: Q may have used a reserved slot P could never use.
            const { capacity, reserved } = pushCapacity(instance.positions.get(push.positionId)!, instance.config.k);
            const pCouldUse = P.relocated || !Q.relocated || (others.get(push.positionId) ?? 0) < capacity - reserved;
            expect(pCouldUse, `${P.workerId} (priority) lost ${push.positionId} to ${Q.workerId}`).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------

const worker = (workerId: string, ranked: [string, number][], extra: Partial<PushWorker> = {}): PushWorker => ({
  workerId,
  priority: false,
  relocated: false,
  ranked: ranked.map(([positionId, score]) => ({ positionId, score, reason: `离家近 ${positionId}` })),
  ...extra,
});

describe('planPush: examples', () => {
  it('one opening, k = 2: the two best-matched workers get it, priority first', () => {
    const { pushes, stats } = planPush({
      workers: [worker('a', [['p1', 90]]), worker('b', [['p1', 80]]), worker('c', [['p1', 10]], { priority: true })],
      positions: new Map([['p1', { openHeadcount: 1 }]]),
      existing: [],
      config: { k: 2, n: 3 },
    });
    expect(pushes.map((p) => p.workerId)).toEqual(['c', 'a']);
    expect(pushes[1]).toEqual({ workerId: 'a', positionId: 'p1', score: 90, reason: '离家近 p1' });
    expect(stats).toEqual({ workersReached: 2, maxPushesPerOpenHeadcount: 2 });
  });

  it('keeps ceil(share × capacity) slots for relocated workers', () => {
    // capacity 1 × 5 = 5, reserved ceil(0.3 × 5) = 2: three others, then only relocated workers.
    expect(pushCapacity({ openHeadcount: 5, relocationReservedShare: 0.3 }, 1)).toEqual({ capacity: 5, reserved: 2 });
    expect(pushCapacity({ openHeadcount: 10, relocationReservedShare: 0.1 }, 3)).toEqual({ capacity: 30, reserved: 3 });
    const workers = ['a', 'b', 'c', 'd', 'e'].map((id, i) => worker(id, [['p1', 100 - i]]));
    workers.push(worker('r', [['p1', 1]], { relocated: true }));
    const { pushes } = planPush({
      workers,
      positions: new Map([['p1', { openHeadcount: 5, relocationReservedShare: 0.3 }]]),
      existing: [],
      config: { k: 1, n: 1 },
    });
    expect(pushes.map((p) => p.workerId)).toEqual(['a', 'b', 'c', 'r']);
  });

  it('each worker takes up to N, skipping full positions and what was already pushed to them', () => {
    const { pushes } = planPush({
      workers: [
        worker('a', [
          ['p1', 9],
          ['p2', 8],
          ['p3', 7],
          ['p4', 6],
        ]),
        worker('b', [
          ['p1', 5],
          ['p4', 4],
        ]),
      ],
      positions: new Map([
        ['p1', { openHeadcount: 1 }],
        ['p2', { openHeadcount: 1 }],
        ['p3', { openHeadcount: 1 }],
        ['p4', { openHeadcount: 1 }],
      ]),
      existing: [
        { workerId: 'a', positionId: 'p2' },
        { workerId: 'x', positionId: 'p1' },
      ],
      config: { k: 1, n: 3 },
    });
    // a: p1 full (x has it), p2 already pushed (counts toward N), p3, p4 → N reached.
    expect(pushes.map((p) => `${p.workerId}:${p.positionId}`)).toEqual(['a:p3', 'a:p4']);
  });

  it('refuses a worker listed twice (who could otherwise get more than N)', () => {
    expect(() =>
      planPush({
        workers: [worker('a', [['p1', 9]]), worker('a', [['p2', 8]])],
        positions: new Map([['p1', { openHeadcount: 1 }]]),
        existing: [],
        config: { k: 1, n: 1 },
      }),
    ).toThrow(/a is listed twice/);
  });

  it('priority: 监测对象, 零就业家庭, 易地搬迁', () => {
    expect(isPushPriority(['monitored'])).toBe(true);
    expect(isPushPriority(['povertyAlleviated', 'zeroEmploymentHousehold'])).toBe(true);
    expect(isPushPriority(['relocated'])).toBe(true);
    expect(isPushPriority(['povertyAlleviated', 'disabled'])).toBe(false);
  });
});

describe('parsePushConfig', () => {
  it('defaults: k = 5, N = 3', () => {
    expect(parsePushConfig({})).toEqual({ k: 5, n: 3 });
    expect(parsePushConfig(undefined)).toEqual({ k: 5, n: 3 });
    expect(parsePushConfig({ k: 20, n: 1 })).toEqual({ k: 20, n: 1 });
  });

  it('refuses out of range, naming the field', () => {
    expect(() => parsePushConfig({ k: 0 })).toThrow(/k: 每个空缺最多推送人数（k）不能小于 1/);
    expect(() => parsePushConfig({ k: 21 })).toThrow(/k:.*不能大于 20/);
    expect(() => parsePushConfig({ n: 11 })).toThrow(/n:.*不能大于 10/);
    expect(() => parsePushConfig({ n: 2.5 })).toThrow(/n:.*应为整数/);
    expect(() => parsePushConfig({ k: '5' })).toThrow(/k:.*应为数字/);
    expect(() => parsePushConfig({ m: 1 })).toThrow(/推送配置有误/);
  });
});
