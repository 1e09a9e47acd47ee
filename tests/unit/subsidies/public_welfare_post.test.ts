/**
 * 公益性岗位补贴, per month on post — file 000 §二(四): "坚持“按需设岗、以岗聘用、在岗领补、有序退岗”
 * 管理机制……优先安置脱贫人口、监测对象中的弱劳力和半劳力，取消年龄、残疾等不合理招用限制……各地开发的乡村
 * 公益性岗位要根据岗位职责任务、劳动时间、劳动强度等因素，合理分类确定补贴标准"; file 003 §三(八):
 * "落实监管责任、考勤考核、补贴发放等工作，及时纠正查处不履职取酬、顶岗替岗等行为……依法签订劳动合同或
 * 劳务协议……每次签订期限不超过1年". Granted in Inner Mongolia by file 000 (from 2023-10-26), in Jiangxi by
 * file 003. Amounts are local: 固阳县's demo standards are 800 yuan (全日制) and 400 yuan (非全日制) a month,
 * 于都县's 600 and 300 yuan. Our reading of 在岗领补: a month is paid in proportion to the days on
 * post, rounded down to the fen; no day on post, no subsidy.
 */
import { describe, expect, it } from 'vitest';
import { publicWelfarePost } from '@bangfu/shared';
import { evaluateOne, person } from '../../support/subsidies.js';
import {
  ALREADY_CLAIMED,
  BEIJING_VILLAGE,
  eligibleIn,
  evaluateWithCountyValue,
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  TUYOU_VILLAGE,
  YUDU_VILLAGE,
} from './fixtures.js';

const post = (
  attendance: { month: string; daysWorked: number; daysRequired: number }[],
  { fullTime = true, contractStartedOn = '2026-01-01', contractEndsOn = '2026-12-31' } = {},
) => ({ category: '保洁环卫', fullTime, attendance, contractStartedOn, contractEndsOn });
const full = (month: string) => ({ month, daysWorked: 22, daysRequired: 22 });

describe('public_welfare_post (file 000 §二(四), file 003 §三(八))', () => {
  it('pays the monthly amount for a full month on post, by full-time or part-time, keyed by the month', () => {
    const fullTime = evaluateOne(publicWelfarePost, { period: '2026-09', facts: { publicWelfarePost: post([full('2026-09')]) } });
    expect(fullTime).toMatchObject({
      beneficiary: 'worker',
      eligible: true,
      amountFen: 80_000,
      periodKey: '2026-09',
      missing: [],
    });
    expectDemoStandard(fullTime, 'publicWelfarePostFullTimeMonthlyFen', 80_000);
    expect(fullTime.reference).toEqual({
      document: '内蒙古防止返贫就业攻坚行动通知（文件 000）',
      section: '二、(四)',
      policy: '000',
    });
    expect(fullTime.trace.find((t) => t.key === 'publicWelfarePost.attendance')).toMatchObject({ kind: 'fact', value: '22/22' });
    const partTime = evaluateOne(publicWelfarePost, {
      period: '2026-09',
      facts: { publicWelfarePost: post([full('2026-09')], { fullTime: false }) },
    });
    expect(partTime).toMatchObject({ eligible: true, amountFen: 40_000 });
  });

  it('pays a month with fewer days on post pro rata, rounded down to the fen; extra days add nothing', () => {
    const amount = (daysWorked: number, daysRequired = 22) =>
      evaluateOne(publicWelfarePost, {
        period: '2026-09',
        facts: { publicWelfarePost: post([{ month: '2026-09', daysWorked, daysRequired }]) },
      }).amountFen;
    expect([amount(11), amount(7), amount(21), amount(26)]).toEqual([40_000, 25_454, 76_363, 80_000]);
    const short = evaluateOne(publicWelfarePost, {
      period: '2026-09',
      facts: { publicWelfarePost: post([{ month: '2026-09', daysWorked: 7, daysRequired: 22 }]) },
    });
    expect(short.trace.map((t) => t.text)).toContain('在岗领补：按出勤天数折算，7/22 个月，不足一分的舍去');
  });

  it('pays nothing for a month with no day on post', () => {
    expect(
      evaluateOne(publicWelfarePost, {
        period: '2026-09',
        facts: { publicWelfarePost: post([{ month: '2026-09', daysWorked: 0, daysRequired: 22 }]) },
      }),
    ).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
  });

  it('pays only inside the contract, and a contract covers at most 12 months (每次签订期限不超过1年)', () => {
    const ended = evaluateOne(publicWelfarePost, {
      period: '2026-09',
      facts: { publicWelfarePost: post([full('2026-09')], { contractEndsOn: '2026-08-31' }) },
    });
    expect(ended).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
    // File 003's passage, where it holds: 于都县, its 2025 contract's twelfth and thirteenth months
    // (the thirteenth under Jiangxi's continuation of file 003 in 2026).
    const long = post([full('2025-12'), full('2026-01')], { contractStartedOn: '2025-01-01', contractEndsOn: '2026-06-30' });
    const inYudu = (period: string) =>
      evaluateOne(publicWelfarePost, { period, regionCode: YUDU_VILLAGE, facts: { publicWelfarePost: long } });
    const [twelfth, thirteenth] = [inYudu('2025-12'), inYudu('2026-01')];
    expect([twelfth.amountFen, thirteenth.amountFen]).toEqual([60_000, 0]);
    expect(thirteenth.eligible).toBe(false);
    expect(thirteenth.trace.map((t) => t.text).join()).toContain('需要重新签订合同或协议');
    expect(thirteenth.trace.find((t) => t.key === 'publicWelfarePostMaxContractMonths')).toMatchObject({
      value: 12,
      setIn: '36',
      reference: { document: '江西就业帮扶实施意见（文件 003）', section: '三、(八)' },
    });
    // Jiangxi's term only: in 固阳县 the same thirteenth month is paid (the other documents set no length).
    const inGuyang = evaluateOne(publicWelfarePost, { period: '2026-01', facts: { publicWelfarePost: long } });
    expect(inGuyang).toMatchObject({ eligible: true, amountFen: 80_000 });
    expect(inGuyang.trace.find((t) => t.key === 'publicWelfarePostMaxContractMonths')).toBeUndefined();
  });

  it('sets no age or disability limit (取消年龄、残疾等不合理招用限制)', () => {
    expect(
      evaluateOne(publicWelfarePost, {
        period: '2026-09',
        facts: {
          person: person({ birthDate: '1950-03-01', groups: ['povertyAlleviated', 'disabled'], labourClass: 'weak' }),
          publicWelfarePost: post([full('2026-09')]),
        },
      }),
    ).toMatchObject({ eligible: true, amountFen: 80_000 });
  });

  it('says what is missing: the post, then the month’s attendance', () => {
    expect(evaluateOne(publicWelfarePost, { period: '2026-09', facts: {} })).toMatchObject({
      eligible: false,
      missing: ['publicWelfarePost'],
    });
    expect(
      evaluateOne(publicWelfarePost, { period: '2026-09', facts: { publicWelfarePost: post([full('2026-08')]) } }),
    ).toMatchObject({ eligible: false, amountFen: 0, missing: ['publicWelfarePost.attendance'] });
  });

  it('stops from the month after the holder leaves the registry (engine rule)', () => {
    const facts = {
      person: person({ registryExitDate: '2026-08-31' }),
      publicWelfarePost: post([full('2026-08'), full('2026-09')]),
    };
    expect(eligibleIn(publicWelfarePost, facts, ['2026-08', '2026-09'])).toEqual([true, false]);
  });

  it('never pays the same month twice', () => {
    const pastClaims = [{ subsidy: 'public_welfare_post' as const, periodKey: '2026-09', amountFen: 80_000 }];
    const facts = { publicWelfarePost: post([full('2026-09')]), pastClaims };
    expect(evaluateOne(publicWelfarePost, { period: '2026-09', facts })).toMatchObject(ALREADY_CLAIMED);
  });

  it("uses a county's own newer amount over its demo standard", () => {
    const golden = { period: '2026-09', facts: { publicWelfarePost: post([full('2026-09')]) } };
    const result = evaluateWithCountyValue(publicWelfarePost, golden, 'publicWelfarePostFullTimeMonthlyFen', 100_000);
    expect(result).toMatchObject({ eligible: true, amountFen: 100_000 });
  });

  it('has no value in a county of Inner Mongolia that has set no standard: an error, not zero', () => {
    expectNoValue(
      publicWelfarePost,
      { period: '2026-09', regionCode: TUYOU_VILLAGE, facts: { publicWelfarePost: post([full('2026-09')]) } },
      'publicWelfarePostFullTimeMonthlyFen',
    );
  });

  it('is in no catalogue where no document grants it: Inner Mongolia before file 000, or Beijing', () => {
    expectNotGranted(publicWelfarePost, {
      period: '2023-09',
      facts: { publicWelfarePost: post([full('2023-09')], { contractStartedOn: '2023-06-01', contractEndsOn: '2024-05-31' }) },
    });
    expectNotGranted(publicWelfarePost, {
      period: '2026-09',
      regionCode: BEIJING_VILLAGE,
      facts: { publicWelfarePost: post([full('2026-09')]) },
    });
  });
});
