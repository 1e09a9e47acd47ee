/**
 * 培训期间生活费补贴 — file 003 §五(十五): "鼓励引导帮扶对象积极参加技能培训，在培训期间按规定给予职业培训
 * 补贴和生活费补贴"; file 001 第7项: "认真落实贫困劳动力职业培训补贴和生活费补贴". Per training day
 * (30 元, an example for Inner Mongolia), one result per completed course, for the trainees of the
 * training subsidy (帮扶对象 able to work, 16–60 周岁 as in file 000 §二(五)).
 */
import { describe, expect, it } from 'vitest';
import { trainingLiving } from '@bangfu/shared';
import { evaluateCase, evaluateOne, person } from '../../support/subsidies.js';
import { ALREADY_CLAIMED, coursesOf, evaluateWithCountyValue, expectNoValue, expectStoppedByExit, texts } from './fixtures.js';

const course = coursesOf('中式烹调师');

describe('training_living (file 003 §五(十五), 001 第7项)', () => {
  it('pays each day of a completed course, with no +20% and no cap', () => {
    const results = evaluateCase(trainingLiving, {
      period: '2026-06',
      facts: {
        person: person({ groups: ['monitored'] }),
        trainings: [course(), course({ name: '焊工', endedOn: '2026-05-30', days: 90, labourBrandTrade: true })],
      },
    });
    expect(results.map((r) => [r.periodKey, r.item, r.eligible, r.amountFen])).toEqual([
      ['training:2026-05-15:中式烹调师', '培训「中式烹调师」', true, 30_000],
      ['training:2026-05-30:焊工', '培训「焊工」', true, 270_000],
    ]);
    expect(texts(results[0]!)).toContain('培训「中式烹调师」：培训期间 10 天 × 30 元 = 300 元');
    expect(results[0]!.trace).toContainEqual(
      expect.objectContaining({ kind: 'parameter', key: 'trainingLivingPerDayFen', value: 3_000, setIn: '15', example: true }),
    );
  });

  it('follows the trainees’ age window: a woman of 61 has none, of 60 has it', () => {
    const at = (birthDate: string) =>
      evaluateOne(trainingLiving, {
        period: '2026-06',
        facts: { person: person({ sex: 'female', birthDate }), trainings: [course()] },
      });
    expect(at('1965-06-02')).toMatchObject({ eligible: true, amountFen: 30_000 });
    const old = at('1965-06-01');
    expect(old).toMatchObject({ eligible: false, amountFen: 0 });
    expect(texts(old)).toContain('女性 16 周岁至 60 周岁');
  });

  it('pays nothing for a course not completed, nor to other groups', () => {
    expect(
      evaluateOne(trainingLiving, { period: '2026-06', facts: { person: person(), trainings: [course({ completed: false })] } }),
    ).toMatchObject({ eligible: false, amountFen: 0 });
    expect(
      evaluateOne(trainingLiving, {
        period: '2026-06',
        facts: { person: person({ groups: ['disabled'] }), trainings: [course()] },
      }),
    ).toMatchObject({ eligible: false, missing: [] });
  });

  it('never pays the same course twice', () => {
    const result = evaluateOne(trainingLiving, {
      period: '2026-07',
      facts: {
        person: person(),
        trainings: [course()],
        pastClaims: [{ subsidy: 'training_living', periodKey: 'training:2026-05-15:中式烹调师', amountFen: 30_000 }],
      },
    });
    expect(result).toMatchObject(ALREADY_CLAIMED);
  });

  it('says what is missing', () => {
    expect(evaluateOne(trainingLiving, { period: '2026-06', facts: { trainings: [course()] } })).toMatchObject({
      eligible: false,
      missing: ['person'],
    });
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const result = evaluateOne(trainingLiving, {
      period: '2026-06',
      facts: { person: person({ registryExitDate: '2026-05-31' }), trainings: [course()] },
    });
    expectStoppedByExit(result);
  });

  it('takes a county’s own amount over the example, and treats an ended one as not in force', () => {
    const golden = { period: '2026-06', facts: { person: person(), trainings: [course()] } };
    const own = evaluateWithCountyValue(trainingLiving, golden, 'trainingLivingPerDayFen', 5_000);
    expect(own).toMatchObject({ eligible: true, amountFen: 50_000 });
    const ended = evaluateOne(trainingLiving, {
      period: '2026-06',
      facts: { person: person(), trainings: [course()] },
      overrides: { trainingLivingPerDayFen: { '15': [{ from: '2026-01-01', value: null }] } },
    });
    expect(ended).toMatchObject({ eligible: false, amountFen: 0 });
    expect(texts(ended)).toContain('已停止执行');
  });

  it('has no value before the example’s date: an error, not zero', () => {
    expectNoValue(trainingLiving, {
      period: '2023-10',
      facts: { person: person(), trainings: [course({ startedOn: '2023-09-01', endedOn: '2023-09-10' })] },
    });
    // The age window holds from 2023-10-26, the rate too: November 2023 is the first month with both.
    expect(
      evaluateOne(trainingLiving, {
        period: '2023-11',
        facts: { person: person(), trainings: [course({ startedOn: '2023-09-01', endedOn: '2023-09-10' })] },
      }),
    ).toMatchObject({ eligible: true, amountFen: 30_000 });
  });
});
