/**
 * 以工代训补贴 — file 003 §三(七): "对企业、帮扶车间等各类生产经营主体吸纳帮扶对象（已享受过以工代训
 * 职业培训补贴政策人员除外）就业并开展以工代训的，可按规定享受职业培训补贴，最长不超过6个月，政策执行
 * 时间至2021年底。" File 001 item 8 grants it in 沅江市 for 2020. So it is in 于都县's catalogue from file 003's
 * date (2021-07-27) to 2021-12-31 only, and nowhere in Inner Mongolia. The monthly amount is local: 500 yuan,
 * 于都县's demo standard from 2021-08-15 (沅江市's from 2020-05-14).
 */
import { describe, expect, it } from 'vitest';
import { workBasedTraining } from '@bangfu/shared';
import { evaluateCase, type GoldenCase } from '../../support/subsidies.js';
import {
  evaluateWithCountyValue,
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  YUANJIANG_VILLAGE,
  YUDU_VILLAGE,
} from './fixtures.js';

const trainee = (workerId: string, monthsTrained: number, hadBefore = false) => ({
  workerId,
  startedOn: '2021-03-01',
  monthsTrained,
  hadBefore,
});
const workshop = (trainees: ReturnType<typeof trainee>[]) => ({
  employer: { kind: 'assistanceWorkshop' as const, workBasedTrainees: trainees },
});
/** The results in 于都县. */
const inYudu = (golden: GoldenCase) => evaluateCase(workBasedTraining, { regionCode: YUDU_VILLAGE, ...golden });

describe('work_based_training (file 003 §三(七), file 001 item 8)', () => {
  it('pays the monthly amount per month trained, at most 6 months a trainee, one result per trainee', () => {
    const results = inYudu({
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
    expect(results[0]!.reference).toEqual({ document: '江西就业帮扶实施意见（文件 003）', section: '三、(七)', policy: '003' });
    expect(results[0]!.trace.find((t) => t.key === 'workBasedTrainingMaxMonths')).toMatchObject({
      kind: 'parameter',
      value: 6,
      setIn: '',
      example: false,
      reference: { section: '三、(七)' },
    });
    expectDemoStandard(results[0]!, 'workBasedTrainingMonthlyFen', 50_000, '360731');
    expect(results[0]!.missing).toEqual([]);
  });

  it('excludes a trainee who already had 以工代训, and one with no month trained yet', () => {
    const [before, none, paid] = inYudu({
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
    const [december] = inYudu({ period: '2021-12', facts });
    expect(december).toMatchObject({ eligible: true, amountFen: 200_000, periodKey: 'w1' });
    // The passage itself ends on 2021-12-31, before its document: from January 2022 the subsidy is not
    // in 于都县's catalogue at all, also under Jiangxi's continuation of file 003 in 2026.
    for (const period of ['2022-01', '2025-12', '2026-06']) expect(inYudu({ period, facts })).toEqual([]);
  });

  it('pays in 沅江市 in 2020 under file 001, and nothing there afterwards', () => {
    const facts = workshop([trainee('w1', 4)]);
    const [paid] = evaluateCase(workBasedTraining, { period: '2020-08', regionCode: YUANJIANG_VILLAGE, facts });
    expect(paid).toMatchObject({ eligible: true, amountFen: 200_000 });
    expect(paid!.reference).toEqual({ document: '沅江市就业扶贫工作要点（文件 001）', section: '二、第8项', policy: '001' });
    expectDemoStandard(paid!, 'workBasedTrainingMonthlyFen', 50_000, '430981');
    expectNotGranted(workBasedTraining, { period: '2021-06', regionCode: YUANJIANG_VILLAGE, facts });
    expectNotGranted(workBasedTraining, { period: '2022-01', regionCode: YUANJIANG_VILLAGE, facts });
    // 沅江市's (demo) 2026 continuation of file 001 continues item 8 too, but the subsidy's months
    // ended from 2022 (workBasedTrainingMaxMonths): nothing is paid there in 2026.
    const continued = evaluateCase(workBasedTraining, { period: '2026-06', regionCode: YUANJIANG_VILLAGE, facts });
    expect(continued.filter((r) => r.eligible || r.amountFen > 0)).toEqual([]);
  });

  it('never pays the same trainee twice', () => {
    const [first, second] = inYudu({
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
    const [nothing] = inYudu({ period: '2021-12', facts: {} });
    expect(nothing).toMatchObject({ eligible: false, amountFen: 0, missing: ['employer'] });
    const [noList] = inYudu({ period: '2021-12', facts: { employer: { kind: 'enterprise' } } });
    expect(noList).toMatchObject({ eligible: false, amountFen: 0, missing: ['employer.workBasedTrainees'] });
  });

  it('is for producers, not for a department that opens public-welfare posts', () => {
    const [result] = inYudu({
      period: '2021-12',
      facts: { employer: { kind: 'publicWelfare', workBasedTrainees: [trainee('w1', 3)] } },
    });
    expect(result).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
  });

  it("uses a county's own newer monthly amount over its demo standard", () => {
    const golden = { period: '2021-12', regionCode: YUDU_VILLAGE, facts: workshop([trainee('w1', 8)]) };
    const result = evaluateWithCountyValue(workBasedTraining, golden, 'workBasedTrainingMonthlyFen', 60_000, '2021-10-01');
    expect(result).toMatchObject({ eligible: true, amountFen: 360_000 });
  });

  it('has no value where it is granted but no standard is set: an error, not zero', () => {
    // File 003 holds from 2021-07-27; 于都县's standards only from 2021-08-15.
    expectNoValue(
      workBasedTraining,
      { period: '2021-08', regionCode: YUDU_VILLAGE, facts: workshop([trainee('w1', 3)]) },
      'workBasedTrainingMonthlyFen',
    );
    // 南昌市东湖区 has set none.
    expect(() =>
      evaluateCase(workBasedTraining, {
        period: '2021-12',
        regionCode: '360102001001',
        facts: workshop([trainee('w1', 3)]),
      }),
    ).toThrow(/workBasedTrainingMonthlyFen has no value/);
  });

  it('is in no catalogue where no document grants it: Inner Mongolia, or Jiangxi before file 003', () => {
    expectNotGranted(workBasedTraining, { period: '2021-12', facts: workshop([trainee('w1', 3)]) });
    expectNotGranted(workBasedTraining, { period: '2021-07', regionCode: YUDU_VILLAGE, facts: workshop([trainee('w1', 3)]) });
  });
});
