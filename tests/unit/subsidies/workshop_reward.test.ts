/**
 * 帮扶车间奖补, once a year, tiered — file 000 §二(二): "将符合要求的认定为帮扶车间，不符合的按要求退出
 * 帮扶车间，实施动态管理……精准实施就业帮扶政策，梯次设定就业帮扶车间奖补标准，差异化落实奖补政策"; file 003
 * §三(七): "帮扶车间延续原扶贫车间的认定、监测、帮扶、清退等管理机制和相关政策措施". Granted by file 000's passage,
 * in Inner Mongolia from 2023-10-26. The tiers are local: 固阳县's demo table — from 5, 10 and 20 帮扶对象
 * employed, 10,000, 20,000 and 30,000 yuan.
 */
import { describe, expect, it } from 'vitest';
import { workshopReward } from '@bangfu/shared';
import { evaluateOne } from '../../support/subsidies.js';
import {
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  expectPaidOncePerKey,
  TUYOU_VILLAGE,
  YUDU_VILLAGE,
} from './fixtures.js';

const workshop = (assistedEmployees?: number, workshopRecognition: 'recognised' | 'exited' = 'recognised') => ({
  employer: {
    kind: 'assistanceWorkshop' as const,
    workshopRecognition,
    ...(assistedEmployees !== undefined ? { assistedEmployees } : {}),
  },
});

describe('workshop_reward (file 000 §二(二))', () => {
  it('pays the tier a recognised workshop reaches, once a year, at each boundary', () => {
    const cases = [4, 5, 9, 10, 19, 20, 200].map((n) => {
      const result = evaluateOne(workshopReward, { period: '2026-09', facts: workshop(n) });
      return [n, result.eligible, result.amountFen, result.periodKey];
    });
    expect(cases).toEqual([
      [4, false, 0, '2026'],
      [5, true, 1_000_000, '2026'],
      [9, true, 1_000_000, '2026'],
      [10, true, 2_000_000, '2026'],
      [19, true, 2_000_000, '2026'],
      [20, true, 3_000_000, '2026'],
      [200, true, 3_000_000, '2026'],
    ]);
  });

  it('explains the tier with the facts and the county’s demo standards', () => {
    const result = evaluateOne(workshopReward, { period: '2026-09', facts: workshop(12) });
    expect(result).toMatchObject({ beneficiary: 'employer', missing: [] });
    expect(result.trace.find((t) => t.key === 'employer.assistedEmployees')).toMatchObject({ kind: 'fact', value: 12 });
    expectDemoStandard(result, 'workshopRewardTier2MinEmployees', 10);
    expectDemoStandard(result, 'workshopRewardTier2Fen', 2_000_000);
    expect(result.reference).toEqual({
      document: '内蒙古防止返贫就业攻坚行动通知（文件 000）',
      section: '二、(二)',
      policy: '000',
    });
    expect(result.trace.map((t) => t.text)).toContain('吸纳 12 人，达到二档（10 人以上）');
  });

  it('gives nothing to a workshop that has exited, however many it employs, or to a unit that is not a workshop', () => {
    expect(evaluateOne(workshopReward, { period: '2026-09', facts: workshop(50, 'exited') })).toMatchObject({
      eligible: false,
      amountFen: 0,
      missing: [],
    });
    expect(
      evaluateOne(workshopReward, {
        period: '2026-09',
        facts: { employer: { kind: 'enterprise', workshopRecognition: 'recognised', assistedEmployees: 50 } },
      }),
    ).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
  });

  it('pays once a year: claimed for 2026, paid again in 2027', () => {
    const facts = {
      ...workshop(10),
      pastClaims: [{ subsidy: 'workshop_reward' as const, periodKey: '2026', amountFen: 2_000_000 }],
    };
    expectPaidOncePerKey(workshopReward, facts, '2026-12', '2027-01', { amountFen: 2_000_000, periodKey: '2027' });
  });

  it('says what is missing: the employer, its recognition, its number of 帮扶对象', () => {
    expect(evaluateOne(workshopReward, { period: '2026-09', facts: {} })).toMatchObject({ missing: ['employer'] });
    expect(
      evaluateOne(workshopReward, {
        period: '2026-09',
        facts: { employer: { kind: 'assistanceWorkshop', assistedEmployees: 10 } },
      }),
    ).toMatchObject({
      eligible: false,
      missing: ['employer.workshopRecognition'],
    });
    expect(evaluateOne(workshopReward, { period: '2026-09', facts: workshop(undefined) })).toMatchObject({
      eligible: false,
      missing: ['employer.assistedEmployees'],
    });
  });

  it("uses a county's own newer tiers over its demo standards, and skips a tier the county has ended", () => {
    const lower = evaluateOne(workshopReward, {
      period: '2026-09',
      facts: workshop(8),
      overrides: { workshopRewardTier2MinEmployees: { '150222': [{ from: '2026-01-01', value: 8 }] } },
    });
    expect(lower).toMatchObject({ eligible: true, amountFen: 2_000_000 });
    const noTop = evaluateOne(workshopReward, {
      period: '2026-09',
      facts: workshop(25),
      overrides: { workshopRewardTier3Fen: { '150222': [{ from: '2026-01-01', value: null }] } },
    });
    expect(noTop).toMatchObject({ eligible: true, amountFen: 2_000_000 });
  });

  it('has no value in a county of Inner Mongolia that has set no standard: an error, not zero', () => {
    expectNoValue(
      workshopReward,
      { period: '2026-09', regionCode: TUYOU_VILLAGE, facts: workshop(10) },
      'workshopRewardTier3MinEmployees',
    );
  });

  it('is in no catalogue where file 000 does not hold: before its date, or in Jiangxi', () => {
    expectNotGranted(workshopReward, { period: '2023-10', facts: workshop(10) });
    expectNotGranted(workshopReward, { period: '2024-09', regionCode: YUDU_VILLAGE, facts: workshop(10) });
  });
});
