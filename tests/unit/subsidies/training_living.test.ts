/**
 * 培训期间生活费补贴 — file 003 §五(十五): "鼓励引导帮扶对象积极参加技能培训，在培训期间按规定给予职业培训
 * 补贴和生活费补贴"; file 001 第7项: "认真落实贫困劳动力职业培训补贴和生活费补贴". Granted in Jiangxi (file 003,
 * to 2025-12-31, and in 2026 under Jiangxi's demo continuation) and in 沅江市 (file 001); no document grants
 * it in Inner Mongolia. Per training day (20 元, 于都县's demo standard), one result per completed course, for
 * the trainees of the training subsidy (帮扶对象 able to work, 16–60 周岁). The cases are in 于都县 in 2026.
 */
import { describe, expect, it } from 'vitest';
import { trainingLiving } from '@bangfu/shared';
import { evaluateCase, evaluateOne, person, type GoldenCase } from '../../support/subsidies.js';
import {
  ALREADY_CLAIMED,
  BEIJING_VILLAGE,
  coursesOf,
  evaluateWithCountyValue,
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  expectStoppedByExit,
  texts,
  YUANJIANG_VILLAGE,
  YUDU_VILLAGE,
} from './fixtures.js';

const course = coursesOf('中式烹调师');
const trainee = (overrides: Parameters<typeof person>[0] = {}) => person({ homeRegionCode: YUDU_VILLAGE, ...overrides });
/** A case in 于都县. */
const inYudu = (golden: GoldenCase) => evaluateOne(trainingLiving, { regionCode: YUDU_VILLAGE, ...golden });

describe('training_living (file 003 §五(十五), 001 第7项)', () => {
  it('pays each day of a completed course, with no +20% and no cap', () => {
    const results = evaluateCase(trainingLiving, {
      period: '2026-06',
      regionCode: YUDU_VILLAGE,
      facts: {
        person: trainee({ groups: ['monitored'] }),
        trainings: [course(), course({ name: '焊工', endedOn: '2026-05-30', days: 90, labourBrandTrade: true })],
      },
    });
    expect(results.map((r) => [r.periodKey, r.item, r.eligible, r.amountFen])).toEqual([
      ['training:2026-05-15:中式烹调师', '培训「中式烹调师」', true, 20_000],
      ['training:2026-05-30:焊工', '培训「焊工」', true, 180_000],
    ]);
    expect(texts(results[0]!)).toContain('培训「中式烹调师」：培训期间 10 天 × 20 元 = 200 元');
    expectDemoStandard(results[0]!, 'trainingLivingPerDayFen', 2_000, '360731');
    // Granted in 2026 by Jiangxi's (demo) continuation of file 003.
    expect(results[0]!.reference).toEqual({
      document: '关于延续实施就业帮扶政策的通知（江西省人力资源和社会保障厅，演示数据）',
      section: '延续执行江西就业帮扶实施意见（文件 003）五、(十五)',
      policy: 'ld-demo-36-continued',
    });
  });

  it('follows the trainees’ age window, 于都县’s own for women (55; 60 is Inner Mongolia’s): of 56 none, of 55 yes', () => {
    const at = (birthDate: string) =>
      inYudu({ period: '2026-06', facts: { person: trainee({ sex: 'female', birthDate }), trainings: [course()] } });
    expect(at('1970-06-02')).toMatchObject({ eligible: true, amountFen: 20_000 });
    const old = at('1970-06-01');
    expect(old).toMatchObject({ eligible: false, amountFen: 0 });
    expect(texts(old)).toContain('女性 16 周岁至 55 周岁');
    expect(old.trace.find((t) => t.key === 'trainingWomenMaxAge')).toMatchObject({ setIn: '360731', example: true });
  });

  it('pays nothing for a course not completed, nor to other groups', () => {
    expect(inYudu({ period: '2026-06', facts: { person: trainee(), trainings: [course({ completed: false })] } })).toMatchObject({
      eligible: false,
      amountFen: 0,
    });
    expect(
      inYudu({ period: '2026-06', facts: { person: trainee({ groups: ['disabled'] }), trainings: [course()] } }),
    ).toMatchObject({ eligible: false, missing: [] });
  });

  it('never pays the same course twice', () => {
    const result = inYudu({
      period: '2026-07',
      facts: {
        person: trainee(),
        trainings: [course()],
        pastClaims: [{ subsidy: 'training_living', periodKey: 'training:2026-05-15:中式烹调师', amountFen: 20_000 }],
      },
    });
    expect(result).toMatchObject(ALREADY_CLAIMED);
  });

  it('says what is missing', () => {
    expect(inYudu({ period: '2026-06', facts: { trainings: [course()] } })).toMatchObject({
      eligible: false,
      missing: ['person'],
    });
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const result = inYudu({
      period: '2026-06',
      facts: { person: trainee({ registryExitDate: '2026-05-31' }), trainings: [course()] },
    });
    expectStoppedByExit(result);
  });

  it('takes a county’s own newer amount over its demo standard, and treats an ended one as not in force', () => {
    const golden = { period: '2026-06', regionCode: YUDU_VILLAGE, facts: { person: trainee(), trainings: [course()] } };
    const own = evaluateWithCountyValue(trainingLiving, golden, 'trainingLivingPerDayFen', 5_000);
    expect(own).toMatchObject({ eligible: true, amountFen: 50_000 });
    const ended = inYudu({
      ...golden,
      overrides: { trainingLivingPerDayFen: { '360731': [{ from: '2026-01-01', value: null }] } },
    });
    expect(ended).toMatchObject({ eligible: false, amountFen: 0 });
    expect(texts(ended)).toContain('已停止执行');
  });

  it('has no value in a county of Jiangxi that has set no standard: an error, not zero', () => {
    // 赣州市章贡区: file 003 holds there too, but no standard was recorded.
    expectNoValue(
      trainingLiving,
      {
        period: '2024-06',
        regionCode: '360702001001',
        facts: { person: trainee({ sex: 'male' }), trainings: [course({ startedOn: '2024-05-06', endedOn: '2024-05-15' })] },
      },
      // The first standard it reads: here even the age window is the county's to set.
      'trainingMenMaxAge',
    );
  });

  it('is in no catalogue where no document grants it: Inner Mongolia, Beijing, or 沅江市 between its 2020 plan and 2026', () => {
    const facts = { person: person(), trainings: [course()] };
    expectNotGranted(trainingLiving, { period: '2026-06', facts });
    expectNotGranted(trainingLiving, { period: '2026-06', regionCode: BEIJING_VILLAGE, facts });
    expectNotGranted(trainingLiving, { period: '2023-06', regionCode: YUANJIANG_VILLAGE, facts });
  });
});
