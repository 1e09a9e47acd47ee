/**
 * 以工代训补贴 — file 003 §三(七): "对企业、帮扶车间等各类生产经营主体吸纳帮扶对象（已享受过以工代训
 * 职业培训补贴政策人员除外）就业并开展以工代训的，可按规定享受职业培训补贴，最长不超过6个月，政策执行
 * 时间至2021年底。" The monthly amount is local: region 15 ships an example of 500 yuan.
 */
import { describe, expect, it } from 'vitest';
import { workBasedTraining } from '@bangfu/shared';
import { evaluateCase } from '../../support/subsidies.js';
import { expectNoValue } from './fixtures.js';

const trainee = (workerId: string, monthsTrained: number, hadBefore = false) => ({
  workerId,
  startedOn: '2021-03-01',
  monthsTrained,
  hadBefore,
});
const workshop = (trainees: ReturnType<typeof trainee>[]) => ({
  employer: { kind: 'assistanceWorkshop' as const, workBasedTrainees: trainees },
});

describe('work_based_training (file 003 §三(七))', () => {
  it('pays the monthly amount per month trained, at most 6 months a trainee, one result per trainee', () => {
    const results = evaluateCase(workBasedTraining, {
      period: '2021-12',
      facts: workshop([trainee('w1', 5), trainee('w2', 6), trainee('w3', 8)]),
    });
    expect(results.map((r) => [r.periodKey, r.beneficiary, r.eligible, r.amountFen])).toEqual([
      ['w1', 'employer', true, 250_000],
      ['w2', 'employer', true, 300_000],
      ['w3', 'employer', true, 300_000],
    ]);
    const texts = results[2]!.trace.map((t) => t.text);
    expect(texts).toContain('以工代训 w3：最长不超过 6 个月，按 6 个月计');
    expect(texts).toContain('以工代训 w1：5 个月 × 500 元 = 2500 元');
    expect(texts.filter((t) => t.includes('按 6 个月计'))).toHaveLength(1);
    expect(results[0]!.trace.find((t) => t.key === 'workBasedTrainingMaxMonths')).toMatchObject({
      kind: 'parameter',
      value: 6,
      setIn: '',
      example: false,
      reference: { section: '三、(七)' },
    });
    expect(results[0]!.trace.find((t) => t.key === 'workBasedTrainingMonthlyFen')).toMatchObject({
      kind: 'parameter',
      value: 50_000,
      setIn: '15',
      example: true,
    });
    expect(results[0]!.missing).toEqual([]);
  });

  it('excludes a trainee who already had 以工代训, and one with no month trained yet', () => {
    const [before, none, paid] = evaluateCase(workBasedTraining, {
      period: '2021-12',
      facts: workshop([trainee('w1', 6, true), trainee('w2', 0), trainee('w3', 1)]),
    });
    expect(before).toMatchObject({ periodKey: 'w1', eligible: false, amountFen: 0 });
    expect(before!.trace.map((t) => t.text)).toContain('以工代训 w1：已享受过以工代训职业培训补贴的人员除外');
    expect(none).toMatchObject({ periodKey: 'w2', eligible: false, amountFen: 0 });
    expect(paid).toMatchObject({ periodKey: 'w3', eligible: true, amountFen: 50_000 });
  });

  it('is in force in December 2021 and not from January 2022 (政策执行时间至2021年底)', () => {
    const facts = workshop([trainee('w1', 4)]);
    const [december] = evaluateCase(workBasedTraining, { period: '2021-12', facts });
    const [january] = evaluateCase(workBasedTraining, { period: '2022-01', facts });
    expect(december).toMatchObject({ eligible: true, amountFen: 200_000, periodKey: 'w1' });
    expect(january).toMatchObject({ eligible: false, amountFen: 0, periodKey: 'w1', claimed: false });
    expect(january!.trace.find((t) => t.key === 'workBasedTrainingMaxMonths')).toMatchObject({
      kind: 'parameter',
      from: '2022-01-01',
      setIn: '',
      text: '以工代训补贴每人最长月数：自 2022-01-01 起已停止执行',
    });
    // Not in force: the local amount is not even read.
    expect(january!.trace.some((t) => t.key === 'workBasedTrainingMonthlyFen')).toBe(false);
  });

  it('never pays the same trainee twice', () => {
    const [first, second] = evaluateCase(workBasedTraining, {
      period: '2021-12',
      facts: {
        ...workshop([trainee('w1', 6), trainee('w2', 6)]),
        pastClaims: [{ subsidy: 'work_based_training', periodKey: 'w1', amountFen: 300_000 }],
      },
    });
    expect(first).toMatchObject({ periodKey: 'w1', claimed: true, eligible: false, amountFen: 0 });
    expect(second).toMatchObject({ periodKey: 'w2', claimed: false, eligible: true, amountFen: 300_000 });
  });

  it('says what is missing: the employer, then its list of trainees', () => {
    const [nothing] = evaluateCase(workBasedTraining, { period: '2021-12', facts: {} });
    expect(nothing).toMatchObject({ eligible: false, amountFen: 0, missing: ['employer'] });
    const [noList] = evaluateCase(workBasedTraining, {
      period: '2021-12',
      facts: { employer: { kind: 'enterprise' } },
    });
    expect(noList).toMatchObject({ eligible: false, amountFen: 0, missing: ['employer.workBasedTrainees'] });
  });

  it('is for producers, not for a department that opens public-welfare posts', () => {
    const [result] = evaluateCase(workBasedTraining, {
      period: '2021-12',
      facts: { employer: { kind: 'publicWelfare', workBasedTrainees: [trainee('w1', 3)] } },
    });
    expect(result).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
  });

  it("uses a county's own monthly amount over the example", () => {
    const [result] = evaluateCase(workBasedTraining, {
      period: '2021-12',
      facts: workshop([trainee('w1', 8)]),
      overrides: { workBasedTrainingMonthlyFen: { '150222': [{ from: '2021-01-01', value: 60_000 }] } },
    });
    expect(result).toMatchObject({ eligible: true, amountFen: 360_000 });
    expect(result!.trace.find((t) => t.key === 'workBasedTrainingMonthlyFen')).toMatchObject({
      value: 60_000,
      setIn: '150222',
      example: false,
    });
  });

  it('has no value before the parameters begin, or where the region has set no amount: an error, not zero', () => {
    expectNoValue(workBasedTraining, { period: '2019-12', facts: workshop([trainee('w1', 3)]) });
    expect(() =>
      evaluateCase(workBasedTraining, {
        period: '2021-12',
        regionCode: '360102001001',
        facts: workshop([trainee('w1', 3)]),
      }),
    ).toThrow(/workBasedTrainingMonthlyFen/);
  });
});
