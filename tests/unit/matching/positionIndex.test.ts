import { describe, expect, it } from 'vitest';
import {
  boxDistanceLowerBoundKm,
  createPositionIndex,
  distanceKm,
  JOB_TYPES,
  LABOUR_CLASSES,
  OCCUPATIONS,
  rankPositions,
  TRAVEL_SCOPES,
  type MatchContext,
  type MatchPosition,
  type MatchWorker,
  type TravelScope,
  type WorkerGroup,
} from '@bangfu/shared';
import { prng } from '../../support/prng.js';

const CTX: MatchContext = { today: '2026-06-15' };
const KM = 1 / 111.195;
const day = (offset: number) => new Date(Date.parse('2026-06-15T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Two provinces side by side (15 内蒙古 and 14 山西), three cities each, counties and
 * townships close enough that the local radius crosses every kind of border; towns where
 * positions pile up on the very same spot (equal scores: the id decides), and positions
 * with everything a filter looks at.
 */
function world(seed: number, count: number) {
  const r = prng(seed);
  const counties: { code: string; lat: number; lng: number }[] = [];
  for (const province of ['15', '14']) {
    for (let c = 1; c <= 3; c++) {
      for (let k = 1; k <= 4; k++) {
        counties.push({
          code: `${province}0${c}0${k}`,
          lat: 40 + (province === '15' ? 0.5 : 0) + c * 0.15 + r.next() * 0.1,
          lng: 111 + k * 0.2 + r.next() * 0.1,
        });
      }
    }
  }
  const towns = counties.flatMap((c) =>
    Array.from({ length: 3 }, () => ({ ...c, lat: c.lat + (r.next() - 0.5) * 0.1, lng: c.lng + (r.next() - 0.5) * 0.1 })),
  );
  const codes = OCCUPATIONS.map((o) => o.code);
  const positions: MatchPosition[] = [];
  for (let i = 0; i < count; i++) {
    const town = r.pick(towns);
    const scatter = r.chance(0.3) ? 0 : r.chance(0.5) ? 3 : 25; // km; 0: the very same spot as others
    const location = { lat: town.lat + (r.next() - 0.5) * 2 * scatter * KM, lng: town.lng + (r.next() - 0.5) * 2 * scatter * KM };
    // Now and then a code shorter than a county's (invalid, but the index must not lose it).
    const regionCode = r.chance(0.01)
      ? town.code.slice(0, r.pick([2, 4]))
      : r.chance(0.4)
        ? town.code
        : r.chance(0.5)
          ? `${town.code}${r.int(100, 105)}`
          : `${town.code}${r.int(100, 105)}${r.int(200, 210)}`;
    const form = r.pick(JOB_TYPES);
    const unit = r.pick(['month', 'day', 'piece'] as const);
    const min = unit === 'month' ? r.int(2, 8) * 50_000 : unit === 'day' ? r.int(10, 30) * 1_000 : r.int(1, 9) * 100;
    const headcount = r.int(1, 5);
    const publicWelfare = r.chance(0.15);
    const position: MatchPosition = {
      positionId: `p${String(r.int(0, 99_999)).padStart(5, '0')}-${i}`,
      title: `岗位 ${i}`,
      employerKind: publicWelfare
        ? 'publicWelfare'
        : r.pick(['enterprise', 'assistanceWorkshop', 'assistanceBase', 'cooperative', 'workForRelief', 'hrAgency'] as const),
      // A handful of occupations, so that equal scores are common.
      // Mostly a handful of occupations (equal scores are common), some outside the
      // dictionary, and more distinct ones than the index has bits for.
      occupation: r.chance(0.1) ? 'not_in_dictionary' : r.chance(0.1) ? `other_${r.int(0, 80)}` : r.pick(codes.slice(0, 8)),
      regionCode,
      location,
      crossProvinceTransfer: r.chance(0.05),
      form,
      intensity: r.pick(['light', 'medium', 'heavy'] as const),
      suitsHalfLabour: r.chance(0.5),
      suitsWeakLabour: r.chance(0.3),
      accommodation: r.chance(0.4),
      pay: { unit, minFen: min, maxFen: min + (r.chance(0.5) ? 0 : r.int(0, 3) * 10_000) },
      headcount,
      filled: r.chance(0.1) ? headcount : r.int(0, headcount - 1),
      validFrom: day(-r.int(0, 60)),
      validUntil: r.chance(0.1) ? day(-r.int(1, 20)) : day(r.chance(0.1) ? 0 : r.int(1, 90)),
      requiredCertificates: r.chance(0.15) ? [r.pick(['电工证', '焊工证', '叉车证'])] : [],
      publicWelfare,
      // A few the same day (equal recency), one unreadable.
      createdAt: r.chance(0.02) ? 'unknown' : `${day(-r.int(0, 5) * 10)}T08:00:00+08:00`,
    };
    if (form === 'seasonal' && r.chance(0.8)) position.seasonMonths = r.pick([[6], [7, 8], [1, 2], [5, 6, 7]]);
    if (r.chance(0.1)) position.relocationReservedShare = r.pick([0.1, 0.3]);
    positions.push(position);
  }
  return { positions, towns, counties, r };
}

const GROUPS: readonly WorkerGroup[] = ['monitored', 'zeroEmploymentHousehold', 'relocated', 'povertyAlleviated', 'disabled'];

function workerFor(r: ReturnType<typeof prng>, w: ReturnType<typeof world>, i: number, travelScope: TravelScope): MatchWorker {
  const town = r.pick(w.towns);
  // Most at home among the jobs; some far out, where the radius and the region decide.
  const far = r.chance(0.2) ? 40 : r.chance(0.5) ? 12 : 2;
  const home = { lat: town.lat + (r.next() - 0.5) * 2 * far * KM, lng: town.lng + (r.next() - 0.5) * 2 * far * KM };
  const codes = OCCUPATIONS.map((o) => o.code);
  const worker: MatchWorker = {
    workerId: `w${i}`,
    villageCode: r.chance(0.02) ? town.code.slice(0, 4) : `${town.code}${r.int(100, 105)}${r.int(200, 210)}`,
    home,
    homeIsVillageCentre: r.chance(0.3),
    labourClass: r.chance(0.7) ? 'full' : r.pick(LABOUR_CLASSES),
    travelScope,
    jobTypes: r.chance(0.6) ? [] : [r.pick(JOB_TYPES), ...(r.chance(0.3) ? [r.pick(JOB_TYPES)] : [])],
    skills: Array.from({ length: r.int(0, 2) }, () => (r.chance(0.1) ? `other_${r.int(0, 80)}` : r.pick(codes.slice(0, 10)))),
    certificates: r.chance(0.3) ? [r.pick(['电工证', '中级焊工证', 'forklift_driver'])] : [],
    groups: GROUPS.filter(() => r.chance(0.15)),
  };
  if (r.chance(0.5)) worker.expectedMonthlyWageFen = r.chance(0.1) ? 0 : r.int(2, 8) * 50_000;
  return worker;
}

describe('createPositionIndex: the same top k as rankPositions', () => {
  const w = world(7, 4_000);
  const index = createPositionIndex(w.positions, CTX);

  it('drops what nobody can be offered today and indexes the rest', () => {
    const s = index.stats;
    expect(s.positions).toBe(4_000);
    expect(s.droppedHeadcount + s.droppedValidity + s.droppedSeason).toBeGreaterThan(300);
    expect(s.indexed).toBe(s.positions - s.droppedHeadcount - s.droppedValidity - s.droppedSeason);
  });

  for (const scope of TRAVEL_SCOPES) {
    it(`travel scope ${scope}: same positions, order, scores and reasons for k = 1, 3, 10`, () => {
      const r = prng(1_000 + TRAVEL_SCOPES.indexOf(scope));
      const workers = Array.from({ length: 150 }, (_, i) => workerFor(r, w, i, scope));
      let nonEmpty = 0;
      let full = 0;
      // One k after another over all workers: each query must not depend on the one before.
      for (const k of [1, 3, 10]) {
        for (const worker of workers) {
          const expected = rankPositions(worker, w.positions, k, CTX);
          const got = index.top(worker, k);
          expect(got, `${worker.workerId} k=${k}`).toEqual(expected);
          if (expected.length > 0) nonEmpty++;
          if (expected.length === k) full++;
        }
      }
      // The cases are not vacuous: most workers have matches, many a full top k.
      expect(nonEmpty).toBeGreaterThan(150);
      expect(full).toBeGreaterThan(100);
    });
  }

  it('scores far fewer positions than there are', () => {
    const before = index.stats.scored;
    const r = prng(99);
    for (let i = 0; i < 100; i++) index.top(workerFor(r, w, i, 'county'), 10);
    expect((index.stats.scored - before) / 100).toBeLessThan(index.stats.indexed / 4);
  });

  it('equal scores: the lower positionId first, also when the k-th place is a tie', () => {
    const base = w.positions.find(
      (p) => p.filled < p.headcount && p.validUntil >= CTX.today && p.form === 'fullTime' && p.requiredCertificates.length === 0,
    )!;
    const twins = ['p9', 'p3', 'p7', 'p1', 'p5'].map((positionId) => ({ ...base, positionId }));
    const worker: MatchWorker = { ...workerFor(prng(5), w, 0, 'any'), labourClass: 'full', jobTypes: [], home: base.location };
    const twinIndex = createPositionIndex(twins, CTX);
    for (const k of [1, 2, 3, 5, 8]) {
      const got = twinIndex.top(worker, k);
      expect(got).toEqual(rankPositions(worker, twins, k, CTX));
      expect(got.map((m) => m.positionId)).toEqual(['p1', 'p3', 'p5', 'p7', 'p9'].slice(0, k));
    }
  });

  it('nothing for 无劳动能力, k = 0 or no positions', () => {
    const worker = workerFor(prng(6), w, 0, 'any');
    expect(index.top({ ...worker, labourClass: 'none' }, 10)).toEqual([]);
    expect(index.top(worker, 0)).toEqual([]);
    expect(createPositionIndex([], CTX).top(worker, 10)).toEqual([]);
  });
});

describe('boxDistanceLowerBoundKm', () => {
  it('is never above the distance to any point of the box, and close to the least', () => {
    const r = prng(3);
    let above = 0;
    let worstGap = 0;
    for (let n = 0; n < 1_000; n++) {
      const minLat = 20 + r.next() * 30;
      const minLng = 100 + r.next() * 20;
      const maxLat = minLat + r.next() * (r.chance(0.5) ? 0.1 : 3);
      const maxLng = minLng + r.next() * (r.chance(0.5) ? 0.1 : 3);
      // Half of the points near the box, where the bound must be tight.
      const near = r.chance(0.5);
      const lat = near ? minLat - 0.5 + r.next() * (maxLat - minLat + 1) : 20 + r.next() * 30;
      const lng = near ? minLng - 0.5 + r.next() * (maxLng - minLng + 1) : 100 + r.next() * 20;
      const bound = boxDistanceLowerBoundKm(lat, lng, minLat, maxLat, minLng, maxLng);
      let least = Infinity;
      const steps = 30;
      for (let i = 0; i <= steps; i++) {
        for (let j = 0; j <= steps; j++) {
          const point = { lat: minLat + ((maxLat - minLat) * i) / steps, lng: minLng + ((maxLng - minLng) * j) / steps };
          const d = distanceKm({ lat, lng }, point);
          if (bound > d) above++;
          least = Math.min(least, d);
        }
      }
      // Near the point (where the score still changes) within 1% (and a grid step) of the least.
      if (least < 100)
        worstGap = Math.max(worstGap, least - bound - least / 100 - (Math.max(maxLat - minLat, maxLng - minLng) * 111.2) / steps);
    }
    expect(above).toBe(0);
    expect(worstGap).toBeLessThan(1e-3);
  });
});
