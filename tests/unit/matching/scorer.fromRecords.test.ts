import { describe, expect, it } from 'vitest';
import { matchPositionOf, matchWorkerOf, scoreMatch, type Position, type Worker } from '@bangfu/shared';
import { CTX, HOME, north } from './scorerFixtures.js';

const storedWorker: Worker = {
  workerId: 'w-7',
  name: '王建军',
  idNumberMasked: '1502**********1234',
  phone: '13800000000',
  householdId: 'H-01',
  villageCode: '150222101201',
  groups: ['relocated'],
  labourClass: 'full',
  skills: ['welder'],
  certificates: [
    { name: '焊工证', occupation: 'welder', level: 'special', obtainedOn: '2024-05-01' },
    { name: '健康证', obtainedOn: '2025-01-10' },
  ],
  trainings: [],
  preferences: { travelScope: 'city', expectedMonthlyWageFen: 400_000, jobTypes: ['fullTime'] },
  registryEntryDate: '2024-01-01',
  birthDate: '1980-02-03',
  sex: 'male',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  version: 1,
};

const storedPosition: Position = {
  positionId: 'pos-1',
  employerId: 'e-1',
  employerName: '固阳县扶贫车间',
  employerKind: 'cooperative',
  title: '保洁员',
  occupation: 'cleaner',
  headcount: 10,
  filled: 2,
  pay: { unit: 'month', minFen: 200_000, maxFen: 200_000 },
  form: 'partTime',
  intensity: 'light',
  suitsHalfLabour: true,
  suitsWeakLabour: true,
  accommodation: false,
  meals: true,
  location: north(2),
  address: '安置区 3 号楼',
  regionCode: '150222101',
  crossProvinceTransfer: false,
  relocationReservedShare: 0.1,
  publicWelfareCategory: 'sanitation',
  requiredCertificates: ['健康证'],
  validFrom: '2026-11-01',
  validUntil: '2026-12-31',
  status: 'open',
  createdAt: '2026-11-20T00:00:00.000Z',
  updatedAt: '2026-11-20T00:00:00.000Z',
  version: 1,
};

describe('from the stored records', () => {
  it('a worker without a home address is placed at the village centre, and says so', () => {
    const centre = { lat: 40.61, lng: 110.01 };
    const w = matchWorkerOf(storedWorker, centre);
    expect(w).toEqual({
      workerId: 'w-7',
      villageCode: '150222101201',
      home: centre,
      homeIsVillageCentre: true,
      labourClass: 'full',
      travelScope: 'city',
      jobTypes: ['fullTime'],
      expectedMonthlyWageFen: 400_000,
      skills: ['welder'],
      certificates: ['焊工证', 'welder', '健康证'],
      groups: ['relocated'],
    });
    // Nothing identifying enters the scorer.
    expect(Object.keys(w)).not.toContain('name');
    expect(JSON.stringify(w)).not.toMatch(/王建军|1380|H-01|1502\*/);
  });

  it('a worker with a home address is placed there', () => {
    const w = matchWorkerOf({ ...storedWorker, home: HOME }, { lat: 0, lng: 0 });
    expect(w.home).toEqual(HOME);
    expect(w.homeIsVillageCentre).toBe(false);
  });

  it('a position with a public-welfare category is a public-welfare post', () => {
    const p = matchPositionOf(storedPosition);
    expect(p.publicWelfare).toBe(true);
    expect(p.relocationReservedShare).toBe(0.1);
    expect('seasonMonths' in p).toBe(false);
    expect(JSON.stringify(p)).not.toContain('固阳县扶贫车间');
    expect(matchPositionOf({ ...storedPosition, publicWelfareCategory: undefined }).publicWelfare).toBe(false);
    expect(
      matchPositionOf({ ...storedPosition, publicWelfareCategory: undefined, employerKind: 'publicWelfare' }).publicWelfare,
    ).toBe(true);
  });

  it('score end to end', () => {
    const result = scoreMatch(matchWorkerOf(storedWorker, HOME), matchPositionOf(storedPosition), CTX);
    expect(result).toMatchObject({ ok: false, refusal: 'jobType', text: '这是兼职，不是您想找的工作类型' });
    const anyForm = matchWorkerOf({ ...storedWorker, preferences: { ...storedWorker.preferences, jobTypes: [] } }, HOME);
    const ok = scoreMatch(anyForm, matchPositionOf(storedPosition), CTX);
    // skill 0.2 × 0.5 and priority 0.1 × 1 add the same points: FACTORS order puts skill first;
    // posted two days ago (新发布, 0.05 × 0.955) outweighs pay at a quarter (0.15 × 0.25).
    expect(ok.ok && ok.reason).toBe(
      '离村里约 2.0 公里（没有登记住址，按村的位置算） · 不要求经验 · 搬迁安置区项目，为搬迁群众留有岗位 · 新发布',
    );
  });
});
