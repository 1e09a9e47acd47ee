/**
 * 一次性交通补助 — file 003 §二(三): "可按规定从衔接推进乡村振兴补助资金中列支对跨省就业的脱贫人口，
 * 特别是防止返贫监测对象给予一次性交通补助，补助标准和方法由各地根据实际情况确定。" File 000 §二(五):
 * "落实好税收优惠、社会保险补贴、交通补贴等政策"; file 001 第7项: "筛选出符合申领转移就业交通补助……
 * 条件的贫困劳动力名单". Each place's own document grants it (000 in Inner Mongolia from 2023-10-26, 003 in
 * Jiangxi, 001 in 沅江市); the amount is each region's: 500 元, 固阳县's demo standard. Once a year.
 */
import { describe, expect, it } from 'vitest';
import { transportOnce } from '@bangfu/shared';
import { evaluateOne, person } from '../../support/subsidies.js';
import {
  BEIJING_VILLAGE,
  evaluateWithCountyValue,
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  expectPaidOncePerKey,
  expectStoppedByExit,
  texts,
  TUYOU_VILLAGE,
} from './fixtures.js';

type Place = 'withinCounty' | 'acrossCounty' | 'acrossCity' | 'acrossProvince';
const worked = (month: string, place?: Place) => ({
  month,
  status: 'employed' as const,
  ...(place ? { place } : {}),
  form: 'enterprise' as const,
  monthlyIncomeFen: 450_000,
});
const idle = (month: string) => ({ month, status: 'notEmployed' as const, monthlyIncomeFen: 0 });

describe('transport_once (file 003 §二(三), 000 §二(五), 001 第7项)', () => {
  it('pays the county’s demo standard once for the year to a 脱贫人口 who worked in another province', () => {
    const result = evaluateOne(transportOnce, {
      period: '2026-09',
      facts: { person: person(), employment: [worked('2026-02', 'acrossCity'), worked('2026-03', 'acrossProvince')] },
    });
    expect(result).toMatchObject({ eligible: true, amountFen: 50_000, periodKey: '2026', claimed: false, missing: [] });
    expect(result.trace).toContainEqual(expect.objectContaining({ kind: 'fact', text: '2026-03 在省外务工', key: 'employment' }));
    expectDemoStandard(result, 'transportOnceFen', 50_000);
    // In Inner Mongolia it is file 000 that grants it, not Jiangxi's file 003.
    expect(result.reference).toEqual({
      document: '内蒙古防止返贫就业攻坚行动通知（文件 000）',
      section: '二、(五)',
      policy: '000',
    });
  });

  it('pays nothing on a month only the worker reported, and names it as waiting for an officer', () => {
    const self = { ...worked('2026-03', 'acrossProvince'), source: '本人申报，待核实', unconfirmed: true };
    const waiting = evaluateOne(transportOnce, { period: '2026-09', facts: { person: person(), employment: [self] } });
    expect(waiting).toMatchObject({ eligible: false, amountFen: 0, missing: ['employment'] });
    expect(texts(waiting)).toContain('2026-03 在省外务工：本人申报，待核实，工作人员核实后才算数');

    const source = '本人申报，村信息员 2026-04-02 核实';
    const confirmed = evaluateOne(transportOnce, {
      period: '2026-09',
      facts: { person: person(), employment: [{ ...self, source, unconfirmed: false }] },
    });
    expect(confirmed).toMatchObject({ eligible: true, amountFen: 50_000, missing: [] });
    expect(confirmed.trace).toContainEqual(expect.objectContaining({ kind: 'fact', text: '2026-03 在省外务工', source }));
  });

  it('pays a monitored person too, but not someone of another group', () => {
    const monitored = evaluateOne(transportOnce, {
      period: '2026-09',
      facts: { person: person({ groups: ['monitored'] }), employment: [worked('2026-04', 'acrossProvince')] },
    });
    expect(monitored).toMatchObject({ eligible: true, amountFen: 50_000 });
    const veteran = evaluateOne(transportOnce, {
      period: '2026-09',
      facts: { person: person({ groups: ['veteran', 'ruralLowIncome'] }), employment: [worked('2026-04', 'acrossProvince')] },
    });
    expect(veteran).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
    expect(texts(veteran)).toContain('只给脱贫人口、防止返贫监测对象');
  });

  it('pays nothing for work within the province, and says so', () => {
    const result = evaluateOne(transportOnce, {
      period: '2026-09',
      facts: { person: person(), employment: [worked('2026-03', 'acrossCity'), idle('2026-04')] },
    });
    expect(result).toMatchObject({ eligible: false, amountFen: 0, periodKey: '2026', missing: [] });
    expect(texts(result)).toContain('没有在省外务工');
  });

  it('counts only the months of the period’s year up to the period', () => {
    const lastYear = evaluateOne(transportOnce, {
      period: '2026-02',
      facts: { person: person(), employment: [worked('2025-11', 'acrossProvince')] },
    });
    expect(lastYear).toMatchObject({ eligible: false, missing: ['employment'] });
    const later = evaluateOne(transportOnce, {
      period: '2026-05',
      facts: { person: person(), employment: [worked('2026-04', 'withinCounty'), worked('2026-06', 'acrossProvince')] },
    });
    expect(later).toMatchObject({ eligible: false, missing: [] });
  });

  it('says what is missing: the person, the year’s records, or where they worked', () => {
    expect(evaluateOne(transportOnce, { period: '2026-09', facts: {} })).toMatchObject({ eligible: false, missing: ['person'] });
    expect(evaluateOne(transportOnce, { period: '2026-09', facts: { person: person() } })).toMatchObject({
      eligible: false,
      missing: ['employment'],
    });
    const noPlace = evaluateOne(transportOnce, {
      period: '2026-09',
      facts: { person: person(), employment: [worked('2026-05')] },
    });
    expect(noPlace).toMatchObject({ eligible: false, missing: ['employment'] });
    expect(texts(noPlace)).toContain('没有填写务工地点');
  });

  it('never pays the same year twice; next year is a new going-out', () => {
    const facts = {
      person: person(),
      employment: [worked('2026-03', 'acrossProvince'), worked('2027-03', 'acrossProvince')],
      pastClaims: [{ subsidy: 'transport_once' as const, periodKey: '2026', amountFen: 50_000 }],
    };
    expectPaidOncePerKey(transportOnce, facts, '2026-10', '2027-04', { amountFen: 50_000, periodKey: '2027' });
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const facts = {
      person: person({ registryExitDate: '2026-08-15' }),
      employment: [worked('2026-03', 'acrossProvince')],
    };
    expect(evaluateOne(transportOnce, { period: '2026-08', facts })).toMatchObject({ eligible: true });
    const after = evaluateOne(transportOnce, { period: '2026-09', facts });
    expectStoppedByExit(after);
  });

  it('takes a county’s own newer amount over its demo standard, and treats an ended amount as not in force', () => {
    const facts = { person: person(), employment: [worked('2026-03', 'acrossProvince')] };
    const own = evaluateWithCountyValue(transportOnce, { period: '2026-09', facts }, 'transportOnceFen', 80_000);
    expect(own).toMatchObject({ eligible: true, amountFen: 80_000 });
    const ended = evaluateOne(transportOnce, {
      period: '2026-09',
      facts,
      overrides: { transportOnceFen: { '150222': [{ from: '2026-01-01', value: null }] } },
    });
    expect(ended).toMatchObject({ eligible: false, amountFen: 0 });
    expect(texts(ended)).toContain('已停止执行');
  });

  it('has no value where it is granted but the county has set no standard: an error, not zero', () => {
    const facts = { person: person(), employment: [worked('2026-03', 'acrossProvince')] };
    expectNoValue(transportOnce, { period: '2026-09', regionCode: TUYOU_VILLAGE, facts }, 'transportOnceFen');
    // 赣州市章贡区, under Jiangxi's (demo) continuation of file 003 in 2026.
    expectNoValue(transportOnce, { period: '2026-09', regionCode: '360702', facts }, 'transportOnceFen');
  });

  it('is in no catalogue where no document grants it: Inner Mongolia before file 000, or Beijing', () => {
    const facts = { person: person(), employment: [worked('2023-03', 'acrossProvince'), worked('2026-03', 'acrossProvince')] };
    expectNotGranted(transportOnce, { period: '2023-09', facts });
    expectNotGranted(transportOnce, { period: '2026-09', regionCode: BEIJING_VILLAGE, facts });
  });
});
