/**
 * 职业培训补贴 — file 003 §五(十五): "鼓励引导帮扶对象积极参加技能培训，在培训期间按规定给予职业培训补贴和
 * 生活费补贴"; file 001 第7项: "认真落实贫困劳动力职业培训补贴和生活费补贴"; file 000 §二(五): "放宽脱贫人口
 * 参加职业技能培训年龄范围，女性16周岁至60周岁且有劳动能力和培训意愿的，可按规定享受职业技能培训补贴政策";
 * file 004 §二(四): "将劳务品牌和市场需求量大的职业工种纳入培训重点目录，培训补贴提高20%".
 * In Inner Mongolia file 000 grants it (from 2023-10-26); in Jiangxi file 003, in 沅江市 file 001. One result
 * per completed course: days × 60 元, at most 2000 元 a course (固阳县's demo standards), +20% in Baotou
 * (1502) for labour-brand trades while file 004 or its continuation holds, rounded down to the fen. Women
 * and men 16–60 周岁.
 */
import { describe, expect, it } from 'vitest';
import { training, type SubsidyFactsInput } from '@bangfu/shared';
import { evaluateCase, evaluateOne, person } from '../../support/subsidies.js';
import {
  BEIJING_VILLAGE,
  coursesOf,
  evaluateWithCountyValue,
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  expectStoppedByExit,
  texts,
  TUYOU_VILLAGE,
} from './fixtures.js';

const course = coursesOf('电工');
/** Evaluated in June 2026: ages are read on 2026-06-01. */
const inJune = (facts: SubsidyFactsInput, regionCode?: string) =>
  evaluateOne(training, { period: '2026-06', facts, ...(regionCode ? { regionCode } : {}) });

describe('training (file 003 §五(十五), 000 §二(五), 004 §二(四))', () => {
  it('pays days × the rate per day for a completed course, one result per course', () => {
    const result = inJune({ person: person(), trainings: [course()] });
    expect(result).toMatchObject({
      eligible: true,
      amountFen: 60_000,
      periodKey: 'training:2026-05-15:电工',
      item: '培训「电工」',
      claimed: false,
      missing: [],
    });
    expect(texts(result)).toContain('培训「电工」：10 天 × 60 元 = 600 元');
    expect(result.reference).toEqual({
      document: '内蒙古防止返贫就业攻坚行动通知（文件 000）',
      section: '二、(五)',
      policy: '000',
    });
    expectDemoStandard(result, 'trainingPerDayFen', 6_000);
    expect(result.trace).toContainEqual(
      expect.objectContaining({ kind: 'parameter', key: 'trainingMinAge', value: 16, setIn: '', example: false }),
    );
  });

  it('caps a long course at the amount per course', () => {
    expect(inJune({ person: person(), trainings: [course({ days: 40 })] })).toMatchObject({ eligible: true, amountFen: 200_000 });
    expect(inJune({ person: person(), trainings: [course({ days: 33 })] })).toMatchObject({ amountFen: 198_000 });
  });

  describe('women may train from 16 to 60 周岁 (file 000 §二(五)), read on the period’s first day', () => {
    it.each([
      ['2010-06-02', 15, false], // 16th birthday the day after 2026-06-01
      ['2010-06-01', 16, true], // 16th birthday that day
      ['2010-05-31', 16, true], // 16th birthday the day before
      ['1966-06-02', 59, true], // 60th birthday the day after
      ['1966-06-01', 60, true], // 60th birthday that day
      ['1966-05-31', 60, true], // 60th birthday the day before
      ['1965-06-02', 60, true], // the last day at 60: 61st birthday the day after
      ['1965-06-01', 61, false], // 61st birthday that day
    ])('born %s: %i 周岁 → eligible %s', (birthDate, age, eligible) => {
      const result = inJune({ person: person({ sex: 'female', birthDate }), trainings: [course()] });
      expect(result).toMatchObject({ eligible, amountFen: eligible ? 60_000 : 0 });
      expect(result.trace).toContainEqual(
        expect.objectContaining({ kind: 'fact', key: 'person.birthDate', value: age, text: `女，2026-06-01 时 ${age} 周岁` }),
      );
      if (!eligible) expect(texts(result)).toContain('女性 16 周岁至 60 周岁可以享受培训补贴');
    });
  });

  it('reads the men’s window, 16 to 60, from the county’s demo standard (no document states it)', () => {
    const sixty = inJune({ person: person({ birthDate: '1966-06-01' }), trainings: [course()] });
    expect(sixty).toMatchObject({ eligible: true });
    expectDemoStandard(sixty, 'trainingMenMaxAge', 60);
    const sixtyOne = inJune({ person: person({ birthDate: '1965-06-01' }), trainings: [course()] });
    expect(sixtyOne).toMatchObject({ eligible: false, amountFen: 0 });
    expect(texts(sixtyOne)).toContain('男性 16 周岁至 60 周岁可以享受培训补贴，现在 61 周岁');
    expect(inJune({ person: person({ birthDate: '2010-06-02' }), trainings: [course()] })).toMatchObject({ eligible: false });
  });

  it('pays 帮扶对象 able to work: not someone without labour capacity, nor other groups', () => {
    expect(inJune({ person: person({ groups: ['ruralLowIncome'] }), trainings: [course()] })).toMatchObject({ eligible: true });
    const unable = inJune({ person: person({ labourClass: 'none' }), trainings: [course()] });
    expect(unable).toMatchObject({ eligible: false, missing: [] });
    expect(texts(unable)).toContain('培训补贴给有劳动能力的人');
    expect(inJune({ person: person({ groups: ['veteran'] }), trainings: [course()] })).toMatchObject({ eligible: false });
  });

  it('raises a labour-brand trade by exactly 20% in Baotou, rounding down to the fen', () => {
    const brand = inJune({ person: person(), trainings: [course({ labourBrandTrade: true })] });
    expect(brand).toMatchObject({ eligible: true, amountFen: 72_000 });
    expect(brand.trace).toContainEqual(
      expect.objectContaining({
        kind: 'parameter',
        key: 'trainingLabourBrandUplift',
        value: 0.2,
        setIn: '1502',
        example: false,
        // Cited in 2026: Baotou's (demo) continuation of file 004 holds.
        reference: { document: '包头市农村牧区劳动力转移就业十项计划（文件 004）', section: '二、(四)', policy: '004' },
      }),
    );
    expect(texts(brand)).toContain('培训补贴提高 20%，600 元 + 120 元 = 720 元');
    // In 2023, the year of file 004 itself (and from file 000's date, which grants the training subsidy).
    const in2023 = evaluateOne(training, {
      period: '2023-11',
      facts: {
        person: person(),
        trainings: [course({ startedOn: '2023-11-01', endedOn: '2023-11-10', labourBrandTrade: true })],
      },
    });
    expect(in2023).toMatchObject({ eligible: true, amountFen: 72_000 });
    expect(in2023.trace.find((t) => t.key === 'trainingLabourBrandUplift')).toMatchObject({
      value: 0.2,
      reference: { policy: '004', section: '二、(四)' },
    });
    // The cap is the standard; the 20% raises it too.
    expect(inJune({ person: person(), trainings: [course({ days: 40, labourBrandTrade: true })] })).toMatchObject({
      amountFen: 240_000,
    });
    // 20% of 60.03 元 is 12.006 元: the fraction of a fen is dropped (rounding would give 12.01 元).
    const odd = evaluateOne(training, {
      period: '2026-06',
      facts: { person: person(), trainings: [course({ days: 1, labourBrandTrade: true })] },
      overrides: { trainingPerDayFen: { '150222': [{ from: '2026-01-01', value: 6_003 }] } },
    });
    expect(odd).toMatchObject({ amountFen: 7_203 });
    expect(Number.isInteger(odd.amountFen)).toBe(true);
  });

  it('raises by 20% only where and while file 004 holds: not in Hohhot, not in Baotou in 2025, unless a region sets its own', () => {
    const hohhot = '150102001001';
    // Hohhot's own standards (as its admins would record them), but no uplift of its own.
    const hohhotStandards = {
      trainingPerDayFen: { '1501': [{ from: '2024-01-01', value: 6_000 }] },
      trainingMaxPerCourseFen: { '1501': [{ from: '2024-01-01', value: 200_000 }] },
      trainingMenMaxAge: { '1501': [{ from: '2024-01-01', value: 60 }] },
    };
    const inHohhot = (labourBrandTrade: boolean, overrides = {}) =>
      evaluateOne(training, {
        period: '2026-06',
        regionCode: hohhot,
        facts: { person: person({ homeRegionCode: hohhot }), trainings: [course({ labourBrandTrade })] },
        overrides: { ...hohhotStandards, ...overrides },
      });
    expect(inHohhot(false)).toMatchObject({ eligible: true, amountFen: 60_000 });
    const noUplift = inHohhot(true);
    expect(noUplift).toMatchObject({ eligible: true, amountFen: 60_000 });
    expect(texts(noUplift)).toContain('本地区现行的文件没有提高劳务品牌工种培训补贴的规定');
    const own = inHohhot(true, { trainingLabourBrandUplift: { '1501': [{ from: '2024-01-01', value: 0.1 }] } });
    expect(own).toMatchObject({ amountFen: 66_000 });
    // Baotou in 2025: its 2023 plan has ended and nothing continues it yet; the +20% is not read.
    const baotou2025 = evaluateOne(training, {
      period: '2025-06',
      facts: {
        person: person(),
        trainings: [course({ labourBrandTrade: true, startedOn: '2025-05-06', endedOn: '2025-05-15' })],
      },
    });
    expect(baotou2025).toMatchObject({ eligible: true, amountFen: 60_000 });
    expect(baotou2025.trace.find((t) => t.key === 'trainingLabourBrandUplift')).toBeUndefined();
  });

  it('pays only courses completed by the period; one key per course, cut to 40 characters', () => {
    const longName = '家政服务员（母婴护理、病患陪护、养老护理综合班）第三期';
    const results = evaluateCase(training, {
      period: '2026-06',
      facts: {
        person: person(),
        trainings: [
          course(),
          course({ name: '焊工', completed: false, endedOn: '2026-05-30', days: 20 }),
          course({ name: '挖掘机', startedOn: '2026-06-20', endedOn: '2026-07-10', days: 20 }),
          course({ name: longName, endedOn: '2026-04-30', days: 5 }),
        ],
      },
    });
    expect(results.map((r) => [r.periodKey, r.eligible, r.amountFen])).toEqual([
      ['training:2026-05-15:电工', true, 60_000],
      ['training:2026-05-30:焊工', false, 0],
      ['training:2026-07-10:挖掘机', false, 0],
      [`training:2026-04-30:${longName}`.slice(0, 40), true, 30_000],
    ]);
    expect(results[3]!.periodKey).toHaveLength(40);
    const trace = texts(results[0]!);
    expect(trace).toContain('培训「焊工」：结业以后才能申领');
    expect(trace).toContain('培训「挖掘机」：2026-07-10 才结束');
  });

  it('never pays the same course twice, and still pays the others', () => {
    const results = evaluateCase(training, {
      period: '2026-09',
      facts: {
        person: person(),
        trainings: [course(), course({ name: '焊工', startedOn: '2026-08-01', endedOn: '2026-08-20', days: 20 })],
        pastClaims: [{ subsidy: 'training', periodKey: 'training:2026-05-15:电工', amountFen: 60_000 }],
      },
    });
    expect(results.map((r) => [r.periodKey, r.claimed, r.eligible, r.amountFen])).toEqual([
      ['training:2026-05-15:电工', true, false, 0],
      ['training:2026-08-20:焊工', false, true, 120_000],
    ]);
  });

  it('says what is missing, and has nothing to pay without a course', () => {
    expect(inJune({ trainings: [course()] })).toMatchObject({ eligible: false, missing: ['person'] });
    const none = inJune({ person: person() });
    expect(none).toMatchObject({ eligible: false, periodKey: 'training:none', missing: [] });
    expect(texts(none)).toContain('没有培训记录');
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const result = inJune({ person: person({ registryExitDate: '2026-05-20' }), trainings: [course()] });
    expectStoppedByExit(result);
  });

  it('takes a county’s own newer rate over its demo standard', () => {
    const golden = { period: '2026-06', facts: { person: person(), trainings: [course()] } };
    const result = evaluateWithCountyValue(training, golden, 'trainingPerDayFen', 8_000);
    expect(result).toMatchObject({ eligible: true, amountFen: 80_000 });
  });

  it('has no value in a county of Inner Mongolia that has set no standard: an error, not zero', () => {
    expectNoValue(
      training,
      { period: '2026-06', regionCode: TUYOU_VILLAGE, facts: { person: person(), trainings: [course()] } },
      'trainingMenMaxAge',
    );
  });

  it('is in no catalogue where no document grants it: Inner Mongolia before file 000, or Beijing', () => {
    const september = course({ startedOn: '2023-09-01', endedOn: '2023-09-10' });
    expectNotGranted(training, { period: '2023-10', facts: { person: person(), trainings: [september] } });
    expect(evaluateOne(training, { period: '2023-11', facts: { person: person(), trainings: [september] } })).toMatchObject({
      eligible: true,
      amountFen: 60_000,
    });
    expectNotGranted(training, {
      period: '2026-06',
      regionCode: BEIJING_VILLAGE,
      facts: { person: person(), trainings: [course()] },
    });
  });
});
