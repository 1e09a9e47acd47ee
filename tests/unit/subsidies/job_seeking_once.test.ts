/**
 * 一次性求职创业补贴 — file 001 第7项: "各镇、场、街道办事处要依托省平台，筛选出符合申领转移就业交通补助、
 * 一次性求职创业补贴条件的贫困劳动力名单，抓紧推动政策执行落地，确保10月底前对符合条件贫困劳动力的全覆盖。"
 * A policy of 沅江市 (Hunan): in its catalogue while file 001 holds (2020-05-14 to 2020-12-31) and in 2026
 * under the city's (demo) continuation; nowhere else. For 贫困劳动力 (脱贫人口, 监测对象) in their
 * graduating year; once in a life; 1000 元, 沅江市's demo standard from 2020-05-14.
 */
import { describe, expect, it } from 'vitest';
import { jobSeekingOnce } from '@bangfu/shared';
import { evaluateOne, person, type GoldenCase } from '../../support/subsidies.js';
import {
  ALREADY_CLAIMED,
  evaluateWithCountyValue,
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  expectStoppedByExit,
  texts,
  YUANJIANG_VILLAGE,
  YUDU_VILLAGE,
} from './fixtures.js';

const graduate = (overrides: Parameters<typeof person>[0] = {}) =>
  person({ birthDate: '1998-09-01', homeRegionCode: YUANJIANG_VILLAGE, graduatingThisYear: true, ...overrides });
/** A case in 沅江市. */
const inYuanjiang = (golden: GoldenCase) => evaluateOne(jobSeekingOnce, { regionCode: YUANJIANG_VILLAGE, ...golden });

describe('job_seeking_once (file 001 第7项)', () => {
  it('pays a graduating student of a 脱贫 household once', () => {
    const result = inYuanjiang({ period: '2020-08', facts: { person: graduate() } });
    expect(result).toMatchObject({ eligible: true, amountFen: 100_000, periodKey: 'once', claimed: false, missing: [] });
    expect(result.reference).toEqual({ document: '沅江市就业扶贫工作要点（文件 001）', section: '二、第7项', policy: '001' });
    expect(result.trace).toContainEqual(
      expect.objectContaining({ kind: 'fact', key: 'person.graduatingThisYear', value: true, text: '今年是毕业年度' }),
    );
    expectDemoStandard(result, 'jobSeekingOnceFen', 100_000, '430981');
    expect(inYuanjiang({ period: '2020-08', facts: { person: graduate({ groups: ['monitored'] }) } })).toMatchObject({
      eligible: true,
      amountFen: 100_000,
    });
  });

  it('pays nothing outside the graduating year, or outside the 脱贫 and monitored households', () => {
    const notYet = inYuanjiang({ period: '2020-08', facts: { person: graduate({ graduatingThisYear: false }) } });
    expect(notYet).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
    expect(texts(notYet)).toContain('只给毕业年度的学生');
    const other = inYuanjiang({
      period: '2020-08',
      facts: { person: graduate({ groups: ['collegeGraduate', 'ruralLowIncome'], graduatingThisYear: undefined }) },
    });
    // The group decides it: whether they graduate this year would not change the answer.
    expect(other).toMatchObject({ eligible: false, missing: [] });
  });

  it('says what is missing', () => {
    expect(inYuanjiang({ period: '2020-08', facts: {} })).toMatchObject({ eligible: false, missing: ['person'] });
    const unknown = inYuanjiang({ period: '2020-08', facts: { person: person({ homeRegionCode: YUANJIANG_VILLAGE }) } });
    expect(unknown).toMatchObject({ eligible: false, amountFen: 0, missing: ['person.graduatingThisYear'] });
  });

  it('is paid once in a life: never again after a claim, also under the continuation in 2026', () => {
    const result = inYuanjiang({
      period: '2026-05',
      facts: { person: graduate(), pastClaims: [{ subsidy: 'job_seeking_once', periodKey: 'once', amountFen: 100_000 }] },
    });
    expect(result).toMatchObject({ ...ALREADY_CLAIMED, periodKey: 'once' });
    expect(result.reference).toMatchObject({
      policy: 'ld-demo-430981-continued',
      section: '延续执行沅江市就业扶贫工作要点（文件 001）二、第7项',
    });
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const result = inYuanjiang({ period: '2020-09', facts: { person: graduate({ registryExitDate: '2020-08-31' }) } });
    expectStoppedByExit(result);
  });

  it('takes the city’s own newer amount over its demo standard', () => {
    const result = evaluateWithCountyValue(
      jobSeekingOnce,
      { period: '2026-05', regionCode: YUANJIANG_VILLAGE, facts: { person: graduate() } },
      'jobSeekingOnceFen',
      150_000,
    );
    expect(result).toMatchObject({ eligible: true, amountFen: 150_000 });
  });

  it('has no value while the city has set no standard: an error, not zero', () => {
    // As if 沅江市 had recorded its standard only from September 2020.
    expectNoValue(
      jobSeekingOnce,
      {
        period: '2020-08',
        regionCode: YUANJIANG_VILLAGE,
        facts: { person: graduate() },
        overrides: { jobSeekingOnceFen: { '430981': [{ from: '2020-09-01', value: 100_000 }] } },
      },
      'jobSeekingOnceFen',
    );
  });

  it('is in no catalogue where no document grants it: not in Baotou or 于都, nor in 沅江 in 2021', () => {
    const facts = { person: graduate() };
    expectNotGranted(jobSeekingOnce, { period: '2026-05', facts });
    expectNotGranted(jobSeekingOnce, { period: '2024-05', regionCode: YUDU_VILLAGE, facts });
    expectNotGranted(jobSeekingOnce, { period: '2021-06', regionCode: YUANJIANG_VILLAGE, facts });
    expectNotGranted(jobSeekingOnce, { period: '2020-05', regionCode: YUANJIANG_VILLAGE, facts }); // before 2020-05-14
  });
});
