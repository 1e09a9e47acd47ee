/**
 * 一次性求职创业补贴 — file 001 第7项: "各镇、场、街道办事处要依托省平台，筛选出符合申领转移就业交通补助、
 * 一次性求职创业补贴条件的贫困劳动力名单，抓紧推动政策执行落地，确保10月底前对符合条件贫困劳动力的全覆盖。"
 * For 贫困劳动力 (脱贫人口, 监测对象) in their graduating year; once in a life; a local example amount
 * for Inner Mongolia (1000 元 from 2023-10-26).
 */
import { describe, expect, it } from 'vitest';
import { jobSeekingOnce } from '@bangfu/shared';
import { evaluateOne, person } from '../../support/subsidies.js';
import { ALREADY_CLAIMED, expectNoValue, expectStoppedByExit, texts } from './fixtures.js';

const graduate = (overrides: Parameters<typeof person>[0] = {}) =>
  person({ birthDate: '2004-09-01', graduatingThisYear: true, ...overrides });

describe('job_seeking_once (file 001 第7项)', () => {
  it('pays a graduating student of a 脱贫 household once', () => {
    const result = evaluateOne(jobSeekingOnce, { period: '2026-05', facts: { person: graduate() } });
    expect(result).toMatchObject({ eligible: true, amountFen: 100_000, periodKey: 'once', claimed: false, missing: [] });
    expect(result.trace).toContainEqual(
      expect.objectContaining({ kind: 'fact', key: 'person.graduatingThisYear', value: true, text: '今年是毕业年度' }),
    );
    expect(result.trace).toContainEqual(
      expect.objectContaining({ kind: 'parameter', key: 'jobSeekingOnceFen', value: 100_000, setIn: '15', example: true }),
    );
    expect(
      evaluateOne(jobSeekingOnce, { period: '2026-05', facts: { person: graduate({ groups: ['monitored'] }) } }),
    ).toMatchObject({
      eligible: true,
      amountFen: 100_000,
    });
  });

  it('pays nothing outside the graduating year, or outside the 脱贫 and monitored households', () => {
    const notYet = evaluateOne(jobSeekingOnce, { period: '2026-05', facts: { person: graduate({ graduatingThisYear: false }) } });
    expect(notYet).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
    expect(texts(notYet)).toContain('只给毕业年度的学生');
    const other = evaluateOne(jobSeekingOnce, {
      period: '2026-05',
      facts: { person: graduate({ groups: ['collegeGraduate', 'ruralLowIncome'], graduatingThisYear: undefined }) },
    });
    // The group decides it: whether they graduate this year would not change the answer.
    expect(other).toMatchObject({ eligible: false, missing: [] });
  });

  it('says what is missing', () => {
    expect(evaluateOne(jobSeekingOnce, { period: '2026-05', facts: {} })).toMatchObject({ eligible: false, missing: ['person'] });
    const unknown = evaluateOne(jobSeekingOnce, { period: '2026-05', facts: { person: person() } });
    expect(unknown).toMatchObject({ eligible: false, amountFen: 0, missing: ['person.graduatingThisYear'] });
  });

  it('is paid once in a life: never again after a claim', () => {
    const result = evaluateOne(jobSeekingOnce, {
      period: '2027-05',
      facts: { person: graduate(), pastClaims: [{ subsidy: 'job_seeking_once', periodKey: 'once', amountFen: 100_000 }] },
    });
    expect(result).toMatchObject({ ...ALREADY_CLAIMED, periodKey: 'once' });
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const result = evaluateOne(jobSeekingOnce, {
      period: '2026-06',
      facts: { person: graduate({ registryExitDate: '2026-05-31' }) },
    });
    expectStoppedByExit(result);
  });

  it('takes a city’s own amount over the example', () => {
    const result = evaluateOne(jobSeekingOnce, {
      period: '2026-05',
      facts: { person: graduate() },
      overrides: { jobSeekingOnceFen: { '1502': [{ from: '2025-01-01', value: 150_000 }] } },
    });
    expect(result).toMatchObject({ eligible: true, amountFen: 150_000 });
    expect(result.trace).toContainEqual(expect.objectContaining({ key: 'jobSeekingOnceFen', setIn: '1502', example: false }));
  });

  it('has no value before the example’s date: an error, not zero', () => {
    expectNoValue(jobSeekingOnce, { period: '2023-10', facts: { person: graduate() } }, 'jobSeekingOnceFen');
  });
});
