/**
 * "311" and the monthly push as staff read them (file 001 items 4 and 11): who counts as
 * willing and unemployed, this month's coverage against 50%, the 3/1/1 gaps, and the
 * success rate against 15% — with the total the sum of its rows.
 */
import { describe, expect, it } from 'vitest';
import { coverageRows, isWillingUnemployed, type CoverageInput } from '@bangfu/shared';

const TODAY = '2026-11-22';
const services = (over: Partial<CoverageInput['services']> = {}): CoverageInput['services'] => ({
  jobRecommendation: 0,
  careerGuidance: 0,
  trainingOffer: 0,
  appliedAfterRecommendation: 0,
  hiredAfterRecommendation: 0,
  ...over,
});

describe('who the push and the 311 are for', () => {
  it('is everyone able to work, not working now, still on the registry, and not at home ill', () => {
    const base = { labourClass: 'half' as const };
    expect(isWillingUnemployed(base, TODAY)).toBe(true); // no month recorded yet: not known to work
    expect(isWillingUnemployed({ ...base, latestEmployment: { status: 'notEmployed' } }, TODAY)).toBe(true);
    expect(isWillingUnemployed({ ...base, latestEmployment: { status: 'employed' } }, TODAY)).toBe(false);
    expect(isWillingUnemployed({ labourClass: 'none' }, TODAY)).toBe(false);
    expect(isWillingUnemployed({ ...base, atHomeReason: 'illness' }, TODAY)).toBe(false);
    expect(isWillingUnemployed({ ...base, registryExitDate: TODAY }, TODAY)).toBe(false);
    expect(isWillingUnemployed({ ...base, registryExitDate: '2026-11-23' }, TODAY)).toBe(true); // leaves tomorrow
  });
});

describe('the coverage table', () => {
  const villageA = '150222102212';
  const villageB = '150222102213';
  const villageC = '150222103200';
  const inputs: CoverageInput[] = [
    // 金山镇, village A: two of three willing reached this month; one fully served.
    {
      villageCode: villageA,
      willingUnemployed: true,
      services: services({
        jobRecommendation: 3,
        careerGuidance: 1,
        trainingOffer: 1,
        lastRecommendedMonth: '2026-11',
        appliedAfterRecommendation: 2,
        hiredAfterRecommendation: 1,
      }),
    },
    {
      villageCode: villageA,
      willingUnemployed: true,
      services: services({ jobRecommendation: 1, lastRecommendedMonth: '2026-11' }),
    },
    {
      villageCode: villageA,
      willingUnemployed: true,
      services: services({ jobRecommendation: 2, careerGuidance: 1, lastRecommendedMonth: '2026-10' }),
    },
    // Working now: counted as a worker, its past recommendations and hires still count toward success.
    {
      villageCode: villageB,
      willingUnemployed: false,
      services: services({ jobRecommendation: 3, appliedAfterRecommendation: 1, hiredAfterRecommendation: 1 }),
    },
    // 西斗铺镇: one willing, not reached.
    { villageCode: villageC, willingUnemployed: true, services: services() },
  ];
  const { rows, total } = coverageRows(inputs, (village) => village.slice(0, 9), '150222', '2026-11');

  it('gives each township its coverage against 50%, its 311 gaps and its success against 15%', () => {
    expect(rows.map((r) => r.regionCode)).toEqual(['150222102', '150222103']);
    const [jinshan, xidoupu] = rows;
    expect(jinshan).toMatchObject({
      workers: 4,
      willingUnemployed: 3,
      reachedThisMonth: 2,
      meetsCoverageGoal: true,
      below311: 2,
      short: { jobRecommendation: 2, careerGuidance: 1, trainingOffer: 2 },
      recommendations: 9,
      applications: 3,
      hires: 2,
      meetsSuccessGoal: true,
    });
    expect(jinshan!.monthlyCoverage).toBeCloseTo(2 / 3, 12);
    expect(jinshan!.successRate).toBeCloseTo(2 / 9, 12);
    expect(xidoupu).toMatchObject({
      willingUnemployed: 1,
      reachedThisMonth: 0,
      monthlyCoverage: 0,
      meetsCoverageGoal: false,
      successRate: null,
      meetsSuccessGoal: false,
    });
  });

  it('adds the rows up to the total, and takes its rates from the sums, not an average of rates', () => {
    for (const key of [
      'workers',
      'willingUnemployed',
      'reachedThisMonth',
      'below311',
      'recommendations',
      'applications',
      'hires',
    ] as const) {
      expect(total[key], key).toBe(rows.reduce((n, r) => n + r[key], 0));
    }
    expect(total.monthlyCoverage).toBe(2 / 4); // not (2/3 + 0) / 2
    expect(total.meetsCoverageGoal).toBe(true); // exactly 50% meets "at least half"
    expect(total.successRate).toBeCloseTo(2 / 9, 12);
  });

  it('says nothing about coverage where nobody is looking for work', () => {
    const { total: empty } = coverageRows(
      [{ villageCode: villageB, willingUnemployed: false, services: services() }],
      (v) => v,
      '150222',
      '2026-11',
    );
    expect(empty).toMatchObject({ monthlyCoverage: null, meetsCoverageGoal: false, successRate: null });
  });
});
