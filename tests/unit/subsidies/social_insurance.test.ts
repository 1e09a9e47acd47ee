/**
 * 社会保险补贴, per month — file 001 item 8: "指导企业积极开展岗位补贴、社保补贴申领工作，按规定落实政策";
 * file 003 §三(四): "对符合条件的企业，按规定落实社会保险补贴、失业保险稳岗返还、培训补贴、创业担保贷款等政策";
 * file 003 §三(十): "支持帮扶对象在县域城镇地区从事个体经营……按照有关规定给予税费减免、场地支持、社会保险
 * 补贴等政策。支持帮扶对象通过非全日制、新就业形态等多种形式灵活就业"; file 000 §二(五): "落实好税收优惠、社会
 * 保险补贴、交通补贴等政策" — the passage that grants both in Inner Mongolia. Amounts are local: 固阳县's demo
 * standards are 800 yuan per insured 帮扶对象 a month for employers, 300 yuan a month for flexible workers.
 */
import { describe, expect, it } from 'vitest';
import { socialInsuranceEmployer, socialInsuranceFlexible } from '@bangfu/shared';
import { evaluateOne, person } from '../../support/subsidies.js';
import {
  ALREADY_CLAIMED,
  BEIJING_VILLAGE,
  eligibleIn,
  evaluateWithCountyValue,
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  expectPaidOncePerKey,
  TUYOU_VILLAGE,
  YUANJIANG_VILLAGE,
} from './fixtures.js';

const flexibleMonth = (month: string, form: 'flexible' | 'selfEmployed' | 'enterprise' = 'flexible') => ({
  month,
  status: 'employed' as const,
  form,
  monthlyIncomeFen: 250_000,
});

describe('social_insurance for employers (file 003 §三(四), file 000 §二(五), file 001 item 8)', () => {
  it('pays the monthly amount per insured 帮扶对象, keyed by the month', () => {
    const result = evaluateOne(socialInsuranceEmployer, {
      period: '2026-09',
      facts: { employer: { kind: 'enterprise', insuredAssistedEmployees: 3 } },
    });
    expect(result).toMatchObject({
      subsidy: 'social_insurance',
      beneficiary: 'employer',
      eligible: true,
      amountFen: 240_000,
      periodKey: '2026-09',
      missing: [],
    });
    expect(result.trace.find((t) => t.key === 'employer.insuredAssistedEmployees')).toMatchObject({ kind: 'fact', value: 3 });
    expect(result.trace.map((t) => t.text)).toContain('3 人 × 800 元 = 2400 元');
    expectDemoStandard(result, 'socialInsuranceEmployerMonthlyFen', 80_000);
    // In Inner Mongolia it is file 000's passage that grants it.
    expect(result.reference).toEqual({
      document: '内蒙古防止返贫就业攻坚行动通知（文件 000）',
      section: '二、(五)',
      policy: '000',
    });
  });

  it('pays nothing for a month with no insured 帮扶对象, or to a public-welfare post department', () => {
    expect(
      evaluateOne(socialInsuranceEmployer, {
        period: '2026-09',
        facts: { employer: { kind: 'assistanceWorkshop', insuredAssistedEmployees: 0 } },
      }),
    ).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
    expect(
      evaluateOne(socialInsuranceEmployer, {
        period: '2026-09',
        facts: { employer: { kind: 'publicWelfare', insuredAssistedEmployees: 4 } },
      }),
    ).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
  });

  it('never pays the same month twice, but pays the next', () => {
    const facts = {
      employer: { kind: 'enterprise' as const, insuredAssistedEmployees: 2 },
      pastClaims: [{ subsidy: 'social_insurance' as const, periodKey: '2026-09', amountFen: 160_000 }],
    };
    expectPaidOncePerKey(socialInsuranceEmployer, facts, '2026-09', '2026-10', { amountFen: 160_000 });
  });

  it('says what is missing', () => {
    expect(evaluateOne(socialInsuranceEmployer, { period: '2026-09', facts: {} })).toMatchObject({
      eligible: false,
      missing: ['employer'],
    });
    expect(
      evaluateOne(socialInsuranceEmployer, { period: '2026-09', facts: { employer: { kind: 'enterprise' } } }),
    ).toMatchObject({ eligible: false, missing: ['employer.insuredAssistedEmployees'] });
  });

  it("uses a city's own amount in its counties that set none, and a county's own standard before it", () => {
    const golden = {
      period: '2026-09',
      facts: { employer: { kind: 'enterprise' as const, insuredAssistedEmployees: 3 } },
      overrides: { socialInsuranceEmployerMonthlyFen: { '1502': [{ from: '2026-01-01', value: 100_000 }] } },
    };
    const tuyou = evaluateOne(socialInsuranceEmployer, { ...golden, regionCode: TUYOU_VILLAGE });
    expect(tuyou).toMatchObject({ eligible: true, amountFen: 300_000 });
    expect(tuyou.trace.find((t) => t.key === 'socialInsuranceEmployerMonthlyFen')).toMatchObject({
      setIn: '1502',
      example: false,
    });
    const guyang = evaluateOne(socialInsuranceEmployer, golden);
    expect(guyang).toMatchObject({ eligible: true, amountFen: 240_000 });
    expectDemoStandard(guyang, 'socialInsuranceEmployerMonthlyFen', 80_000);
  });

  it('has no value in a county of Inner Mongolia that has set no standard: an error, not zero', () => {
    expectNoValue(
      socialInsuranceEmployer,
      { period: '2026-09', regionCode: TUYOU_VILLAGE, facts: { employer: { kind: 'enterprise', insuredAssistedEmployees: 3 } } },
      'socialInsuranceEmployerMonthlyFen',
    );
  });

  it('is in no catalogue where no document grants it: Inner Mongolia before file 000, or Beijing', () => {
    const facts = { employer: { kind: 'enterprise' as const, insuredAssistedEmployees: 3 } };
    expectNotGranted(socialInsuranceEmployer, { period: '2023-09', facts });
    expectNotGranted(socialInsuranceEmployer, { period: '2026-09', regionCode: BEIJING_VILLAGE, facts });
  });
});

describe('social_insurance for flexible workers (file 003 §三(十), file 000 §二(五))', () => {
  it('pays a 帮扶对象 in flexible work or self-employment who insured themselves this month', () => {
    for (const form of ['flexible', 'selfEmployed'] as const) {
      const result = evaluateOne(socialInsuranceFlexible, {
        period: '2026-09',
        facts: { person: person({ insured: true }), employment: [flexibleMonth('2026-09', form)] },
      });
      expect(result).toMatchObject({
        subsidy: 'social_insurance',
        beneficiary: 'worker',
        eligible: true,
        amountFen: 30_000,
        periodKey: '2026-09',
        missing: [],
      });
      expectDemoStandard(result, 'socialInsuranceFlexibleMonthlyFen', 30_000);
    }
  });

  it('keeps the accounts behind the month and the insurance it rests on, and no one behind a fact it did not use', () => {
    const result = evaluateOne(socialInsuranceFlexible, {
      period: '2026-09',
      facts: {
        person: person({ insured: true, onMinimumLiving: true }),
        employment: [
          { ...flexibleMonth('2026-09'), source: '村信息员 2026-09-03 登记', vouchedBy: ['village-officer'] },
          { ...flexibleMonth('2026-08'), vouchedBy: ['august-officer'] },
        ],
        sources: { 'person.insured': '乡镇经办人员 2026-09-02 登记', 'person.onMinimumLiving': '县级经办人员 2026-01-05 登记' },
        vouchers: { 'person.insured': ['township-officer'], 'person.onMinimumLiving': ['county-officer'] },
      },
    });
    expect(result).toMatchObject({ eligible: true, amountFen: 30_000 });
    expect([...result.vouchedBy!].sort()).toEqual(['township-officer', 'village-officer']);
    // The trace names who by their post, for the worker and the approver; the accounts stay out of it.
    expect(result.trace.find((t) => t.key === 'person.insured')?.source).toBe('乡镇经办人员 2026-09-02 登记');
    expect(JSON.stringify(result.trace)).not.toContain('-officer');
  });

  it('pays nothing to someone employed by a unit (the unit claims), uninsured, or outside the 帮扶对象', () => {
    const employed = evaluateOne(socialInsuranceFlexible, {
      period: '2026-09',
      facts: { person: person({ insured: true }), employment: [flexibleMonth('2026-09', 'enterprise')] },
    });
    expect(employed).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
    expect(employed.trace.map((t) => t.text).join()).toContain('由单位申领');
    expect(
      evaluateOne(socialInsuranceFlexible, {
        period: '2026-09',
        facts: { person: person({ insured: false }), employment: [flexibleMonth('2026-09')] },
      }),
    ).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
    expect(
      evaluateOne(socialInsuranceFlexible, {
        period: '2026-09',
        facts: { person: person({ groups: ['veteran'], insured: true }), employment: [flexibleMonth('2026-09')] },
      }),
    ).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
  });

  it('says what is missing: the person, the month’s work, whether they paid insurance', () => {
    expect(evaluateOne(socialInsuranceFlexible, { period: '2026-09', facts: {} })).toMatchObject({
      eligible: false,
      missing: ['person'],
    });
    expect(
      evaluateOne(socialInsuranceFlexible, {
        period: '2026-09',
        facts: { person: person({ insured: true }), employment: [flexibleMonth('2026-08')] },
      }),
    ).toMatchObject({ eligible: false, missing: ['employment'] });
    expect(
      evaluateOne(socialInsuranceFlexible, {
        period: '2026-09',
        facts: { person: person(), employment: [flexibleMonth('2026-09')] },
      }),
    ).toMatchObject({ eligible: false, missing: ['person.insured'] });
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const facts = {
      person: person({ insured: true, registryExitDate: '2026-08-20' }),
      employment: [flexibleMonth('2026-08'), flexibleMonth('2026-09')],
    };
    expect(eligibleIn(socialInsuranceFlexible, facts, ['2026-08', '2026-09'])).toEqual([true, false]);
  });

  it('never pays the same month twice', () => {
    const pastClaims = [{ subsidy: 'social_insurance' as const, periodKey: '2026-09', amountFen: 30_000 }];
    const facts = { person: person({ insured: true }), employment: [flexibleMonth('2026-09')], pastClaims };
    expect(evaluateOne(socialInsuranceFlexible, { period: '2026-09', facts })).toMatchObject(ALREADY_CLAIMED);
  });

  it("uses a county's own newer amount over its demo standard", () => {
    const golden = {
      period: '2026-09',
      facts: { person: person({ insured: true }), employment: [flexibleMonth('2026-09')] },
    };
    const result = evaluateWithCountyValue(socialInsuranceFlexible, golden, 'socialInsuranceFlexibleMonthlyFen', 45_000);
    expect(result).toMatchObject({ eligible: true, amountFen: 45_000 });
  });

  it('has no value in a county of Inner Mongolia that has set no standard: an error, not zero', () => {
    expectNoValue(
      socialInsuranceFlexible,
      {
        period: '2026-09',
        regionCode: TUYOU_VILLAGE,
        facts: { person: person({ insured: true }), employment: [flexibleMonth('2026-09')] },
      },
      'socialInsuranceFlexibleMonthlyFen',
    );
  });

  it('is in no catalogue where no document grants it: 沅江市’s work plan (file 001) names only the employers’', () => {
    expectNotGranted(socialInsuranceFlexible, {
      period: '2020-09',
      regionCode: YUANJIANG_VILLAGE,
      facts: { person: person({ insured: true }), employment: [flexibleMonth('2020-09')] },
    });
    expect(
      evaluateOne(socialInsuranceEmployer, {
        period: '2020-09',
        regionCode: YUANJIANG_VILLAGE,
        facts: { employer: { kind: 'enterprise', insuredAssistedEmployees: 3 } },
      }),
    ).toMatchObject({ eligible: true, amountFen: 180_000 });
  });
});
