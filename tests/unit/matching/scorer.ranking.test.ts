import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestScoreAtDistance,
  compareMatches,
  distanceKm,
  EMPLOYER_KINDS,
  JOB_TYPES,
  LABOUR_CLASSES,
  OCCUPATIONS,
  rankCandidates,
  rankPositions,
  scoreMatch,
  scoreOnly,
  TRAVEL_SCOPES,
  WORKER_GROUPS,
  type MatchPosition,
  type MatchWorker,
  type OkMatch,
} from '@bangfu/shared';
import { CTX, HOME, north, position, VILLAGE, worker } from './scorerFixtures.js';

describe('ranking', () => {
  it('orders by score, then positionId, and keeps the top `limit`', () => {
    const same = { location: north(5) };
    const positions = [
      position({ ...same, positionId: 'p-b' }),
      position({ positionId: 'p-z', location: north(2) }), // nearer: best
      position({ ...same, positionId: 'p-c' }),
      position({ ...same, positionId: 'p-a' }),
      position({ ...same, positionId: 'p-full', filled: 5 }), // refused
    ];
    expect(rankPositions(worker(), positions, 10, CTX).map((m) => m.positionId)).toEqual(['p-z', 'p-a', 'p-b', 'p-c']);
    expect(rankPositions(worker(), positions, 2, CTX).map((m) => m.positionId)).toEqual(['p-z', 'p-a']);
    expect(rankPositions(worker(), positions, 0, CTX)).toEqual([]);
    expect(rankPositions(worker({ labourClass: 'none' }), positions, 10, CTX)).toEqual([]);
  });

  it('breaks a tie between candidates by workerId', () => {
    const ranked = rankCandidates(
      position(),
      [worker({ workerId: 'w9' }), worker({ workerId: 'w10' }), worker({ workerId: 'w2' })],
      10,
      CTX,
    );
    expect(ranked.map((m) => m.workerId)).toEqual(['w10', 'w2', 'w9']);
  });

  it('compareMatches: score descending, positionId, workerId', () => {
    const m = (score: number, positionId: string, workerId: string) => ({ score, positionId, workerId }) as OkMatch;
    const list = [m(0.5, 'b', 'x'), m(0.7, 'c', 'x'), m(0.5, 'a', 'y'), m(0.5, 'a', 'x')];
    expect(list.sort(compareMatches).map((x) => `${x.score}${x.positionId}${x.workerId}`)).toEqual([
      '0.7cx',
      '0.5ax',
      '0.5ay',
      '0.5bx',
    ]);
  });

  it('returns full matches, the same as scoreMatch', () => {
    const p = position({ occupation: 'welder' });
    const [top] = rankPositions(worker({ skills: ['welder'] }), [p], 1, CTX);
    expect(top).toEqual(scoreMatch(worker({ skills: ['welder'] }), p, CTX));
  });
});

// ---------------------------------------------------------------------------------------
// Random workers and positions around one village, for the properties below.

const codes = OCCUPATIONS.map((o) => o.code);
const point = fc.record({
  lat: fc.double({ min: 40.0, max: 41.2, noNaN: true }),
  lng: fc.double({ min: 109.4, max: 110.6, noNaN: true }),
});
const workerArb: fc.Arbitrary<MatchWorker> = fc.record({
  workerId: fc.string({ minLength: 1, maxLength: 4 }),
  villageCode: fc.constantFrom(VILLAGE, '150221100100', '150302200300', '110101001001'),
  home: fc.oneof(fc.constant(HOME), point),
  homeIsVillageCentre: fc.boolean(),
  labourClass: fc.constantFrom(...LABOUR_CLASSES),
  travelScope: fc.constantFrom(...TRAVEL_SCOPES),
  jobTypes: fc.subarray([...JOB_TYPES]),
  expectedMonthlyWageFen: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  skills: fc.subarray(codes, { maxLength: 4 }),
  certificates: fc.subarray(['电工证', 'welder', '健康证', '叉车证', 'forklift_driver'], { maxLength: 3 }),
  groups: fc.subarray([...WORKER_GROUPS], { maxLength: 3 }),
});
const positionArb: fc.Arbitrary<MatchPosition> = fc
  .record({
    positionId: fc.string({ minLength: 1, maxLength: 4 }),
    employerKind: fc.constantFrom(...EMPLOYER_KINDS),
    occupation: fc.constantFrom(...codes),
    regionCode: fc.constantFrom('150222', '150221', '150302', '110101', '150222104'),
    location: point,
    form: fc.constantFrom(...JOB_TYPES),
    seasonMonths: fc.subarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { minLength: 1, maxLength: 4 }),
    suitsHalfLabour: fc.boolean(),
    suitsWeakLabour: fc.boolean(),
    accommodation: fc.boolean(),
    unit: fc.constantFrom('month', 'day', 'piece'),
    minFen: fc.integer({ min: 0, max: 800_000 }),
    spread: fc.integer({ min: 0, max: 300_000 }),
    filled: fc.integer({ min: 0, max: 6 }),
    validUntil: fc.constantFrom('2026-11-21', '2026-11-22', '2027-03-01'),
    requiredCertificates: fc.subarray(['电工证', '健康证', '叉车证'], { maxLength: 1 }),
    relocationReservedShare: fc.option(fc.constantFrom(0.1, 0.3), { nil: undefined }),
    publicWelfare: fc.boolean(),
    ageDays: fc.integer({ min: -2, max: 400 }),
  })
  .map((r) =>
    position({
      positionId: r.positionId,
      employerKind: r.employerKind,
      occupation: r.occupation,
      regionCode: r.regionCode,
      location: r.location,
      form: r.form,
      seasonMonths: r.form === 'seasonal' ? r.seasonMonths : undefined,
      suitsHalfLabour: r.suitsHalfLabour,
      suitsWeakLabour: r.suitsWeakLabour,
      accommodation: r.accommodation,
      pay: { unit: r.unit as MatchPosition['pay']['unit'], minFen: r.minFen, maxFen: r.minFen + r.spread },
      filled: r.filled,
      validUntil: r.validUntil,
      requiredCertificates: r.requiredCertificates,
      relocationReservedShare: r.relocationReservedShare,
      publicWelfare: r.publicWelfare,
      createdAt: new Date(Date.UTC(2026, 10, 22) - r.ageDays * 86_400_000).toISOString(),
    }),
  );

describe('properties', () => {
  it('scoreOnly is exactly scoreMatch’s score, and undefined exactly when refused', () => {
    fc.assert(
      fc.property(workerArb, positionArb, (w, p) => {
        const full = scoreMatch(w, p, CTX);
        const fast = scoreOnly(w, p, CTX);
        if (full.ok) {
          expect(fast).toBe(full.score);
          expect(full.score).toBe(full.factors.reduce((s, f) => s + f.points, 0));
          expect(full.score).toBeGreaterThanOrEqual(0);
          expect(full.score).toBeLessThanOrEqual(1 + 1e-12);
          expect(full.reason.startsWith(full.factors[0]!.text!)).toBe(true);
          expect(full.reason.split(' · ').length).toBeLessThanOrEqual(4);
        } else expect(fast).toBeUndefined();
        // Deterministic: the same answer again.
        expect(scoreMatch(w, p, CTX)).toEqual(full);
      }),
      { numRuns: 500 },
    );
  });

  it('bestScoreAtDistance is never below a real score at that distance or beyond', () => {
    fc.assert(
      fc.property(workerArb, positionArb, fc.double({ min: 0, max: 1, noNaN: true }), (w, p, fraction) => {
        const m = scoreMatch(w, p, CTX);
        if (!m.ok) return;
        const d = distanceKm(w.home, p.location);
        expect(bestScoreAtDistance(w, d, CTX)).toBeGreaterThanOrEqual(m.score);
        expect(bestScoreAtDistance(w, d * fraction, CTX)).toBeGreaterThanOrEqual(m.score);
      }),
      { numRuns: 3000 },
    );
  });

  it('bestScoreAtDistance is non-increasing in the distance', () => {
    fc.assert(
      fc.property(
        workerArb,
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (w, a, b) => {
          const [near, far] = a <= b ? [a, b] : [b, a];
          expect(bestScoreAtDistance(w, near, CTX)).toBeGreaterThanOrEqual(bestScoreAtDistance(w, far, CTX));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('bestScoreAtDistance holds for many random positions at fixed distances around one worker', () => {
    // A worker who can get every factor's best somewhere, and positions on rings at 0..200 km.
    const w = worker({ groups: ['relocated', 'monitored'], skills: ['welder'], expectedMonthlyWageFen: 300_000 });
    for (const ring of [0, 0.5, 1, 3, 10, 15, 16, 30, 31, 60, 120, 200]) {
      const bound = bestScoreAtDistance(w, ring, CTX);
      const samples = fc.sample(positionArb, { numRuns: 300, seed: ring * 1000 + 7 });
      for (const p of samples) {
        const m = scoreMatch(w, { ...p, location: north(ring + 1e-9) }, CTX);
        if (m.ok) expect(bound).toBeGreaterThanOrEqual(m.score);
      }
      // The perfect position at that ring reaches the bound (to the margin): the bound is tight.
      const perfect = position({
        occupation: 'welder',
        employerKind: 'assistanceWorkshop',
        relocationReservedShare: 0.1,
        accommodation: true,
        location: north(ring),
        createdAt: '2026-11-22T01:00:00.000Z',
      });
      expect(bound - (scoreOnly(w, perfect, CTX) ?? NaN)).toBeLessThan(1e-9);
    }
  });

  it('bestScoreAtDistance is 0 where nothing can pass', () => {
    expect(bestScoreAtDistance(worker({ labourClass: 'none' }), 0, CTX)).toBe(0);
    expect(bestScoreAtDistance(worker({ travelScope: 'local' }), 15.01, CTX)).toBe(0);
    expect(bestScoreAtDistance(worker({ travelScope: 'local' }), 15, CTX)).toBeGreaterThan(0);
  });

  it('the brute-force ranking is the sorted list of all accepted scores', () => {
    fc.assert(
      fc.property(workerArb, fc.array(positionArb, { maxLength: 30 }), fc.integer({ min: 1, max: 12 }), (w, ps, limit) => {
        const all = ps
          .map((p) => scoreMatch(w, p, CTX))
          .filter((m): m is OkMatch => m.ok)
          .sort(compareMatches)
          .slice(0, limit);
        expect(rankPositions(w, ps, limit, CTX)).toEqual(all);
      }),
      { numRuns: 300 },
    );
  });
});
