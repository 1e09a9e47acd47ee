/**
 * 就业帮扶基地一次性奖补, once — file 003 §二(三): "有条件的地区可对吸纳脱贫人口就业数量多、成效好的
 * 就业帮扶基地，按规定给予一次性奖补。" How many is "数量多" and the amount are local: region 15 ships
 * examples of 30 帮扶对象 and 50,000 yuan; "成效好" is left to the approver.
 */
import { describe, expect, it } from 'vitest';
import { baseReward } from '@bangfu/shared';
import { evaluateOne } from '../../support/subsidies.js';
import { ALREADY_CLAIMED, expectNoValue, expectShippedExample } from './fixtures.js';

const base = (assistedEmployees?: number) => ({
  employer: { kind: 'assistanceBase' as const, ...(assistedEmployees !== undefined ? { assistedEmployees } : {}) },
});

describe('base_reward (file 003 §二(三))', () => {
  it('pays once to a base employing at least the threshold, not one person fewer', () => {
    const at = evaluateOne(baseReward, { period: '2026-09', facts: base(30) });
    expect(at).toMatchObject({ beneficiary: 'employer', eligible: true, amountFen: 5_000_000, periodKey: 'once', missing: [] });
    expectShippedExample(at, 'baseRewardMinEmployees', 30, '二、(三)');
    expect(at.trace.find((t) => t.key === 'baseRewardFen')).toMatchObject({ value: 5_000_000, example: true });
    expect(evaluateOne(baseReward, { period: '2026-09', facts: base(29) })).toMatchObject({
      eligible: false,
      amountFen: 0,
      periodKey: 'once',
    });
  });

  it('is only for 就业帮扶基地', () => {
    expect(
      evaluateOne(baseReward, { period: '2026-09', facts: { employer: { kind: 'assistanceWorkshop', assistedEmployees: 80 } } }),
    ).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
  });

  it('is paid once only', () => {
    expect(
      evaluateOne(baseReward, {
        period: '2027-03',
        facts: { ...base(40), pastClaims: [{ subsidy: 'base_reward', periodKey: 'once', amountFen: 5_000_000 }] },
      }),
    ).toMatchObject(ALREADY_CLAIMED);
  });

  it('says what is missing', () => {
    expect(evaluateOne(baseReward, { period: '2026-09', facts: {} })).toMatchObject({ missing: ['employer'] });
    expect(evaluateOne(baseReward, { period: '2026-09', facts: base() })).toMatchObject({
      eligible: false,
      missing: ['employer.assistedEmployees'],
    });
  });

  it("uses a county's own threshold and amount, and pays nothing where the county has not set it up (有条件的地区可)", () => {
    expect(
      evaluateOne(baseReward, {
        period: '2026-09',
        facts: base(20),
        overrides: {
          baseRewardMinEmployees: { '150222': [{ from: '2026-01-01', value: 20 }] },
          baseRewardFen: { '150222': [{ from: '2026-01-01', value: 3_000_000 }] },
        },
      }),
    ).toMatchObject({ eligible: true, amountFen: 3_000_000 });
    const none = evaluateOne(baseReward, {
      period: '2026-09',
      facts: base(100),
      overrides: { baseRewardMinEmployees: { '150222': [{ from: '2026-01-01', value: null }] } },
    });
    expect(none).toMatchObject({ eligible: false, amountFen: 0 });
    expect(none.trace.find((t) => t.key === 'baseRewardMinEmployees')).toMatchObject({ setIn: '150222', from: '2026-01-01' });
  });

  it('has no value before the example begins: an error, not zero', () => {
    expectNoValue(baseReward, { period: '2020-12', facts: base(30) });
  });
});
