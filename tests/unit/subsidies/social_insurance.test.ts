/**
 * 社会保险补贴, per month — file 001 item 8: "指导企业积极开展岗位补贴、社保补贴申领工作，按规定落实政策";
 * file 003 §三(四): "对符合条件的企业，按规定落实社会保险补贴、失业保险稳岗返还、培训补贴、创业担保贷款等政策";
 * file 003 §三(十): "支持帮扶对象在县域城镇地区从事个体经营……按照有关规定给予税费减免、场地支持、社会保险
 * 补贴等政策。支持帮扶对象通过非全日制、新就业形态等多种形式灵活就业". Amounts are local: region 15 ships
 * examples of 800 yuan per insured 帮扶对象 a month for employers, 300 yuan a month for flexible workers.
 */
import { describe, expect, it } from 'vitest';
import { socialInsuranceEmployer, socialInsuranceFlexible } from '@bangfu/shared';
import { evaluateOne, person } from '../../support/subsidies.js';
import { ALREADY_CLAIMED, eligibleIn, expectNoValue, expectPaidOncePerKey, expectShippedExample } from './fixtures.js';

const flexibleMonth = (month: string, form: 'flexible' | 'selfEmployed' | 'enterprise' = 'flexible') => ({
  month,
  status: 'employed' as const,
  form,
  monthlyIncomeFen: 250_000,
});

describe('social_insurance for employers (file 003 §三(四), file 001 item 8)', () => {
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
    expectShippedExample(result, 'socialInsuranceEmployerMonthlyFen', 80_000, '三、(四)');
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

  it("uses a city's own amount over the example", () => {
    const result = evaluateOne(socialInsuranceEmployer, {
      period: '2026-09',
      facts: { employer: { kind: 'enterprise', insuredAssistedEmployees: 3 } },
      overrides: { socialInsuranceEmployerMonthlyFen: { '1502': [{ from: '2026-01-01', value: 100_000 }] } },
    });
    expect(result).toMatchObject({ eligible: true, amountFen: 300_000 });
    expect(result.trace.find((t) => t.key === 'socialInsuranceEmployerMonthlyFen')).toMatchObject({ setIn: '1502' });
  });

  it('has no value before the example begins: an error, not zero', () => {
    expectNoValue(socialInsuranceEmployer, {
      period: '2020-12',
      facts: { employer: { kind: 'enterprise', insuredAssistedEmployees: 3 } },
    });
  });
});

describe('social_insurance for flexible workers (file 003 §三(十))', () => {
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
      expect(result.trace.find((t) => t.key === 'socialInsuranceFlexibleMonthlyFen')).toMatchObject({
        value: 30_000,
        example: true,
        reference: { section: '三、(十)' },
      });
    }
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

  it("uses a county's own amount over the example", () => {
    expect(
      evaluateOne(socialInsuranceFlexible, {
        period: '2026-09',
        facts: { person: person({ insured: true }), employment: [flexibleMonth('2026-09')] },
        overrides: { socialInsuranceFlexibleMonthlyFen: { '150222': [{ from: '2026-01-01', value: 45_000 }] } },
      }),
    ).toMatchObject({ eligible: true, amountFen: 45_000 });
  });

  it('has no value before the example begins: an error, not zero', () => {
    expectNoValue(socialInsuranceFlexible, {
      period: '2020-12',
      facts: { person: person({ insured: true }), employment: [flexibleMonth('2020-12')] },
    });
  });
});
