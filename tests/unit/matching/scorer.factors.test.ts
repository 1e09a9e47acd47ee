import { describe, expect, it } from 'vitest';
import {
  FACTORS,
  rankCandidates,
  scoreMatch,
  WEIGHTS,
  type Factor,
  type MatchPosition,
  type MatchWorker,
  type OkMatch,
} from '@bangfu/shared';
import { CTX, north, position, worker } from './scorerFixtures.js';

function ok(w: MatchWorker, p: MatchPosition, today = CTX.today): OkMatch {
  const result = scoreMatch(w, p, { today });
  if (!result.ok) throw new Error(`refused: ${result.refusal} ${result.text}`);
  return result;
}
const factor = (m: OkMatch, f: Factor) => m.factors.find((x) => x.factor === f)!;

describe('weights', () => {
  it('are the documented ones and sum to 1', () => {
    expect(WEIGHTS).toEqual({
      distance: 0.35,
      skill: 0.2,
      pay: 0.15,
      accommodation: 0.05,
      recency: 0.05,
      employerKind: 0.1,
      priority: 0.1,
    });
    expect(FACTORS.reduce((s, f) => s + WEIGHTS[f], 0)).toBeCloseTo(1, 12);
  });
  it('make the score the sum of the points, in FACTORS order', () => {
    const m = ok(worker({ skills: ['sewing_worker'] }), position());
    expect(m.factors.map((f) => f.factor)).toEqual([...FACTORS]);
    for (const f of m.factors) expect(f.points).toBe(f.score * f.weight);
    expect(m.score).toBe(m.factors.reduce((s, f) => s + f.points, 0));
  });
});

describe('reason', () => {
  const welder = worker({ skills: ['welder'], expectedMonthlyWageFen: 400_000 });
  const weldingJob = position({ occupation: 'welder', location: north(3.2) });

  it('puts the distance first, then what tells most', () => {
    expect(ok(welder, weldingJob).reason).toBe('离家 3.2 公里 · 会电焊 · 月薪 4500 元，高于您的期望');
  });

  it('says when the distance is counted from the village centre', () => {
    expect(ok({ ...welder, homeIsVillageCentre: true }, weldingJob).reason).toBe(
      '离村里约 3.2 公里（没有登记住址，按村的位置算） · 会电焊 · 月薪 4500 元，高于您的期望',
    );
  });

  it('tells a far job that it gives a bed, and keeps to four parts', () => {
    const m = ok(
      worker({ skills: ['forklift_driver'] }),
      position({
        occupation: 'forklift_driver',
        location: north(60),
        accommodation: true,
        pay: { unit: 'month', minFen: 500_000, maxFen: 500_000 },
      }),
    );
    expect(m.reason).toBe('离家 60.0 公里 · 会开叉车 · 月薪 5000 元 · 包住');
  });

  it('names the workshop and the relocation reservation for a relocated worker (file 000 §(七))', () => {
    // "安排不少于10%岗位吸纳搬迁脱贫群众实现家门口就业"
    const m = ok(
      worker({ groups: ['relocated'], expectedMonthlyWageFen: 350_000 }),
      position({
        employerKind: 'assistanceWorkshop',
        relocationReservedShare: 0.1,
        pay: { unit: 'month', minFen: 300_000, maxFen: 300_000 },
        location: north(8),
        createdAt: '2026-11-21T16:30:00.000Z', // 2026-11-22 00:30 in China: posted today
      }),
    );
    expect(m.reason).toBe(
      '离家 8.0 公里 · 月薪 3000 元，低于您期望的 3500 元 · 帮扶车间，照顾家门口就业 · 搬迁安置区项目，为搬迁群众留有岗位',
    );
    expect(factor(m, 'recency')).toMatchObject({ score: 1, text: '新发布' });
  });

  it('shows only the distance when nothing else is worth saying', () => {
    expect(ok(worker(), position({ pay: { unit: 'piece', minFen: 50, maxFen: 80 } })).reason).toBe('离家 3.2 公里');
  });
});

describe('distance (gauss decay: offset 1 km, scale 15 km, decay 0.5)', () => {
  const score = (km: number) => factor(ok(worker(), position({ location: north(km) })), 'distance').score;
  it('is full within the offset and halves at offset + scale', () => {
    expect(score(0.5)).toBe(1);
    expect(score(1)).toBeCloseTo(1, 12);
    expect(score(16)).toBeCloseTo(0.5, 12);
    expect(score(31)).toBeCloseTo(0.0625, 12);
    expect(score(5)).toBeCloseTo(0.5 ** (16 / 225), 12);
  });
});

describe('skill', () => {
  const skill = (skills: string[], occupation: string) => factor(ok(worker({ skills }), position({ occupation })), 'skill');
  it('is 1 for the very trade', () => {
    expect(skill(['cook', 'welder'], 'welder')).toMatchObject({ score: 1, text: '会电焊' });
    expect(skill(['electrician'], 'electrician')).toMatchObject({ score: 1, text: '会电工' });
  });
  it('is partial for a related trade of the same family', () => {
    expect(skill(['bricklayer'], 'concrete_worker')).toMatchObject({ score: 0.6, text: '会砌墙，活儿相近' });
  });
  it('is partial for work that needs no experience', () => {
    expect(skill([], 'loader')).toMatchObject({ score: 0.5, text: '不要求经验' });
    expect(skill(['cook'], 'factory_operator')).toMatchObject({ score: 0.5, text: '不要求经验' });
  });
  it('is 0 otherwise, with nothing to say', () => {
    const s = skill(['cook'], 'welder');
    expect(s.score).toBe(0);
    expect(s.text).toBeUndefined();
  });
});

describe('pay', () => {
  const pay = (p: MatchPosition['pay'], expectedMonthlyWageFen?: number) =>
    factor(ok(worker({ expectedMonthlyWageFen }), position({ pay: p })), 'pay');
  const month = (minFen: number, maxFen = minFen) => ({ unit: 'month' as const, minFen, maxFen });

  it('above the expectation', () => {
    expect(pay(month(450_000), 400_000)).toMatchObject({ score: 1, text: '月薪 4500 元，高于您的期望' });
  });
  it('at the expectation (the middle of the range counts)', () => {
    expect(pay(month(400_000, 500_000), 450_000)).toMatchObject({ score: 1, text: '月薪 4000-5000 元，达到您的期望' });
  });
  it('below the expectation falls with the square of the ratio', () => {
    const p = pay(month(400_000), 500_000);
    expect(p.score).toBeCloseTo(0.64, 12);
    expect(p.text).toBe('月薪 4000 元，低于您期望的 5000 元');
    expect(pay(month(250_000), 500_000).score).toBeCloseTo(0.25, 12);
  });
  it('counts a day wage as 22 working days', () => {
    expect(pay({ unit: 'day', minFen: 20_000, maxFen: 20_000 }, 400_000)).toMatchObject({
      score: 1,
      text: '日薪 200 元（约合月薪 4400 元），高于您的期望',
    });
    expect(pay({ unit: 'day', minFen: 15_000, maxFen: 15_000 }, 440_000).score).toBeCloseTo(0.75 ** 2, 12);
  });
  it('without an expectation, by level against 4000 yuan a month', () => {
    expect(pay(month(300_000))).toMatchObject({ score: 0.75, text: '月薪 3000 元' });
    expect(pay(month(450_000))).toMatchObject({ score: 1, text: '月薪 4500 元' });
  });
  it('piece work is neutral and says nothing', () => {
    const p = pay({ unit: 'piece', minFen: 50, maxFen: 80 }, 400_000);
    expect(p.score).toBe(0.5);
    expect(p.text).toBeUndefined();
  });
});

describe('accommodation', () => {
  const acc = (km: number, accommodation: boolean) =>
    factor(ok(worker(), position({ location: north(km), accommodation })), 'accommodation');
  it('does not matter within a daily commute', () => {
    expect(acc(20, false)).toEqual({ factor: 'accommodation', score: 1, weight: 0.05, points: 0.05 });
  });
  it('is all that matters beyond it', () => {
    expect(acc(45, true)).toMatchObject({ score: 1, text: '包住' });
    expect(acc(45, false).score).toBe(0);
  });
});

describe('recency (half-life 30 days)', () => {
  const recency = (createdAt: string) => factor(ok(worker(), position({ createdAt })), 'recency');
  it('halves every 30 days on the China calendar', () => {
    expect(recency('2026-10-23T04:00:00.000Z').score).toBe(0.5);
    expect(recency('2026-09-23T04:00:00.000Z').score).toBe(0.25);
    expect(recency('2026-11-19T04:00:00.000Z')).toMatchObject({ score: 0.5 ** (3 / 30), text: '新发布' });
    expect(recency('2026-11-18T04:00:00.000Z').text).toBeUndefined();
  });
});

describe('employer kind', () => {
  const kind = (w: MatchWorker, p: MatchPosition) => factor(ok(w, p), 'employerKind');
  it('prefers 帮扶车间 and 就业帮扶基地 for 帮扶对象', () => {
    const target = worker({ groups: ['povertyAlleviated'] });
    expect(kind(target, position({ employerKind: 'assistanceWorkshop' }))).toMatchObject({
      score: 1,
      text: '帮扶车间，照顾家门口就业',
    });
    expect(kind(target, position({ employerKind: 'assistanceBase' }))).toMatchObject({ score: 1, text: '就业帮扶基地' });
    expect(kind(target, position({ employerKind: 'enterprise' })).score).toBe(0.6);
    expect(kind(worker(), position({ employerKind: 'assistanceWorkshop' })).score).toBe(0.6);
  });
  it('puts public-welfare posts and workshops first for half and weak labour (file 003 §(十七))', () => {
    // 000 §(四): 公益性岗位 "优先安置脱贫人口、监测对象中的弱劳力和半劳力".
    const half = worker({ labourClass: 'half' });
    const suits = { suitsHalfLabour: true };
    expect(kind(half, position({ ...suits, employerKind: 'cooperative', publicWelfare: true }))).toMatchObject({
      score: 1,
      text: '公益性岗位，优先照顾半劳力、弱劳力',
    });
    expect(kind(half, position({ ...suits, employerKind: 'assistanceWorkshop' })).score).toBe(1);
    expect(kind(half, position({ ...suits, employerKind: 'enterprise' })).score).toBe(0.4);
    // An able-bodied worker outside the groups is not steered to a public-welfare post.
    expect(kind(worker(), position({ publicWelfare: true, employerKind: 'publicWelfare' })).score).toBe(0.3);
  });
});

describe('priority', () => {
  // Same position, workers differing only in their groups; ids reversed so id order cannot explain the result.
  const job = position({ employerKind: 'enterprise' });
  const people = [
    worker({ workerId: 'w1', groups: [] }),
    worker({ workerId: 'w2', groups: ['povertyAlleviated'] }),
    worker({ workerId: 'w3', groups: ['relocated'] }),
    worker({ workerId: 'w4', groups: ['zeroEmploymentHousehold'] }),
    worker({ workerId: 'w5', groups: ['monitored'] }),
  ];

  it('orders candidates: 监测对象, 零就业家庭, 易地搬迁, other groups, everyone else', () => {
    // 监测对象 first (003 §(三) "脱贫人口,特别是防止返贫监测对象"); 零就业家庭 "至少1人实现就业" (001 item 11); 搬迁群众 (000 §(七)).
    const ranked = rankCandidates(job, people, 10, CTX);
    expect(ranked.map((m) => m.workerId)).toEqual(['w5', 'w4', 'w3', 'w2', 'w1']);
    expect(ranked.map((m) => factor(m, 'priority').score)).toEqual([0.8, 0.7, 0.6, 0.3, 0]);
  });

  it('gives a relocated worker the full boost on a project with reserved jobs (≥10%, file 000 §(七))', () => {
    const reserved = { ...job, relocationReservedShare: 0.1 };
    const ranked = rankCandidates(reserved, people, 3, CTX);
    expect(ranked.map((m) => m.workerId)).toEqual(['w3', 'w5', 'w4']);
    expect(factor(ranked[0]!, 'priority')).toMatchObject({ score: 1, text: '搬迁安置区项目，为搬迁群众留有岗位' });
    expect(ranked[0]!.score - ok(people[2]!, job).score).toBeCloseTo(0.04, 12);
    // Nobody else gains from the reservation.
    expect(ok(people[4]!, reserved).score).toBe(ok(people[4]!, job).score);
    expect(factor(ok(people[4]!, reserved), 'priority').text).toBeUndefined();
  });
});
