/**
 * 一次性创业补贴, once — file 003 §三(九): "引导鼓励乡村能人、农民工、大学生等人员返乡入乡创业，按规定落实
 * 税费减免、场地安排、创业担保贷款及贴息、一次性创业补贴和创业培训等政策支持……加大帮扶对象创业扶持力度";
 * file 002 §三(九): "支持高校毕业生、退役军人、就业困难人员、返乡农牧民工和脱贫人口……为符合条件的重点群体
 * 提供创业担保贷款、一次性创业补贴等政策"; file 001 item 7: "不断优化一次性创业补贴与创业担保贷款申报流程".
 * In Inner Mongolia file 002 grants it, for the plan's years (2022-05-06 to 2025-12-31): the Baotou cases
 * are in 2025. The amount and how long the business must have operated are local: 固阳县's demo
 * standards are 5,000 yuan after 6 whole months from registration.
 */
import { describe, expect, it } from 'vitest';
import { startupOnce } from '@bangfu/shared';
import { evaluateOne, person } from '../../support/subsidies.js';
import {
  ALREADY_CLAIMED,
  eligibleIn,
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  TUYOU_VILLAGE,
  YUANJIANG_VILLAGE,
  YUDU_VILLAGE,
} from './fixtures.js';

const business = (registeredOn: string, operating = true) => ({ registeredOn, operating });

describe('startup_once (file 003 §三(九), file 002 §三(九), file 001 item 7)', () => {
  it('pays once to a 帮扶对象 whose registered business has operated 6 whole months', () => {
    const result = evaluateOne(startupOnce, {
      period: '2025-09',
      facts: { person: person(), startup: business('2025-03-01') },
    });
    expect(result).toMatchObject({ beneficiary: 'worker', eligible: true, amountFen: 500_000, periodKey: 'once', missing: [] });
    expect(result.reference).toEqual({
      document: '内蒙古促进重点群体就业实施方案（文件 002）',
      section: '三、(九)',
      policy: '002',
    });
    expectDemoStandard(result, 'startupOnceFen', 500_000);
    expectDemoStandard(result, 'startupOnceMinOperatingMonths', 6);
    expect(result.trace.find((t) => t.key === 'person.groups')).toMatchObject({ kind: 'fact', text: '本人是脱贫人口' });
    expect(result.trace.map((t) => t.text)).toContain('登记至 2025-09-01 已经营满 6 个月');
  });

  it('waits for the 6-month line: registered on 2025-03-02, not in 2025-09, yes in 2025-10', () => {
    const facts = { person: person({ groups: ['veteran'] }), startup: business('2025-03-02') };
    const september = evaluateOne(startupOnce, { period: '2025-09', facts });
    expect(september).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
    expect(september.trace.map((t) => t.text)).toContain('登记至 2025-09-01 经营满 5 个月，不满 6 个月，满了以后才能申领');
    expect(evaluateOne(startupOnce, { period: '2025-10', facts })).toMatchObject({ eligible: true, amountFen: 500_000 });
  });

  it('pays nothing for a business no longer operating, or to someone outside the groups the documents name', () => {
    expect(
      evaluateOne(startupOnce, { period: '2025-09', facts: { person: person(), startup: business('2024-01-01', false) } }),
    ).toMatchObject({ eligible: false, amountFen: 0 });
    expect(
      evaluateOne(startupOnce, {
        period: '2025-09',
        facts: { person: person({ groups: ['disabled'] }), startup: business('2024-01-01') },
      }),
    ).toMatchObject({ eligible: false, amountFen: 0 });
  });

  it('is paid once only', () => {
    expect(
      evaluateOne(startupOnce, {
        period: '2025-12',
        facts: {
          person: person(),
          startup: business('2024-01-01'),
          pastClaims: [{ subsidy: 'startup_once', periodKey: 'once', amountFen: 500_000 }],
        },
      }),
    ).toMatchObject(ALREADY_CLAIMED);
  });

  it('says what is missing', () => {
    expect(evaluateOne(startupOnce, { period: '2025-09', facts: {} })).toMatchObject({
      eligible: false,
      missing: ['person', 'startup'],
    });
    expect(evaluateOne(startupOnce, { period: '2025-09', facts: { person: person() } })).toMatchObject({
      eligible: false,
      missing: ['startup'],
    });
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const facts = { person: person({ registryExitDate: '2025-09-15' }), startup: business('2025-01-01') };
    expect(eligibleIn(startupOnce, facts, ['2025-09', '2025-10'])).toEqual([true, false]);
  });

  it("uses a city's own amount in its counties that set none, and a county's own standard before it", () => {
    const golden = {
      period: '2025-09',
      facts: { person: person(), startup: business('2025-01-01') },
      overrides: {
        startupOnceFen: { '1502': [{ from: '2025-01-01', value: 800_000 }] },
        startupOnceMinOperatingMonths: { '1502': [{ from: '2025-01-01', value: 6 }] },
      },
    };
    const tuyou = evaluateOne(startupOnce, { ...golden, regionCode: TUYOU_VILLAGE });
    expect(tuyou).toMatchObject({ eligible: true, amountFen: 800_000 });
    expect(tuyou.trace.find((t) => t.key === 'startupOnceFen')).toMatchObject({ setIn: '1502', example: false });
    const guyang = evaluateOne(startupOnce, golden);
    expect(guyang).toMatchObject({ eligible: true, amountFen: 500_000 });
    expectDemoStandard(guyang, 'startupOnceFen', 500_000);
  });

  it('has no value in a county of Inner Mongolia that has set no standard: an error, not zero', () => {
    expectNoValue(
      startupOnce,
      { period: '2025-09', regionCode: TUYOU_VILLAGE, facts: { person: person(), startup: business('2024-01-01') } },
      'startupOnceMinOperatingMonths',
    );
  });

  it('is in Baotou’s catalogue only for file 002’s years; in 于都 and 沅江 by their own documents', () => {
    const facts = { person: person(), startup: business('2019-01-01') };
    expectNotGranted(startupOnce, { period: '2022-04', facts });
    expectNotGranted(startupOnce, { period: '2026-01', facts });
    const yudu = evaluateOne(startupOnce, { period: '2026-01', regionCode: YUDU_VILLAGE, facts });
    expect(yudu).toMatchObject({ eligible: true, amountFen: 500_000 });
    expect(yudu.reference).toMatchObject({
      policy: 'ld-demo-36-continued',
      section: '延续执行江西就业帮扶实施意见（文件 003）三、(九)',
    });
    const yuanjiang = evaluateOne(startupOnce, { period: '2020-09', regionCode: YUANJIANG_VILLAGE, facts });
    expect(yuanjiang).toMatchObject({ eligible: true, amountFen: 500_000 });
    expect(yuanjiang.reference).toEqual({ document: '沅江市就业扶贫工作要点（文件 001）', section: '二、第7项', policy: '001' });
  });
});
