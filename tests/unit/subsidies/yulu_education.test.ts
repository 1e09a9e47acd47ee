/**
 * 雨露计划 — file 000 §二(六): "各盟市对脱贫家庭（含防止返贫监测对象家庭）新成长劳动力，继续实施雨露计划，组织
 * 引导接受中、高等职业院校和技工院校教育。" File 003 §五(十五): "延续实施'雨露计划'政策，对监测对象尚未消除
 * 风险的，可视风险类别，从2021年春季学期开始纳入'雨露计划'政策补助范围，风险消除后从下一学期起停止发放补助。"
 * Granted in Inner Mongolia by file 000 (from 2023-10-26), in Jiangxi by file 003. Per semester (period key
 * e.g. 2026-autumn); 1500 元, 固阳县's demo standard. Semesters run from 1 March and 1 September.
 */
import { describe, expect, it } from 'vitest';
import { yuluEducation, type SubsidyFactsInput } from '@bangfu/shared';
import { evaluateOne, person } from '../../support/subsidies.js';
import {
  ALREADY_CLAIMED,
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  expectStoppedByExit,
  texts,
  TUYOU_VILLAGE,
  YUANJIANG_VILLAGE,
  YUDU_VILLAGE,
} from './fixtures.js';

type StudentInput = NonNullable<SubsidyFactsInput['vocationalStudent']>;
const student = (overrides: Partial<StudentInput> = {}): StudentInput => ({
  schoolKind: 'technicalSchool',
  enrolledOn: '2025-09-01',
  semester: '2026-autumn',
  ...overrides,
});
const child = (overrides: Parameters<typeof person>[0] = {}) => person({ birthDate: '2009-03-15', ...overrides });
const yulu = (period: string, facts: SubsidyFactsInput) => evaluateOne(yuluEducation, { period, facts });

describe('yulu_education (file 000 §二(六), 003 §五(十五))', () => {
  it('pays a child of a 脱贫 household at a 技工院校 for the semester', () => {
    const result = yulu('2026-10', { person: child(), vocationalStudent: student() });
    expect(result).toMatchObject({ eligible: true, amountFen: 150_000, periodKey: '2026-autumn', claimed: false, missing: [] });
    expect(result.trace).toContainEqual(
      expect.objectContaining({ kind: 'fact', key: 'vocationalStudent', text: '2025-09-01 入学技工院校，申领2026 年秋季学期' }),
    );
    expectDemoStandard(result, 'yuluPerSemesterFen', 150_000);
    expect(result.reference).toEqual({
      document: '内蒙古防止返贫就业攻坚行动通知（文件 000）',
      section: '二、(六)',
      policy: '000',
    });
  });

  it('pays only a semester that has begun, and not one before enrolment', () => {
    const early = yulu('2026-08', { person: child(), vocationalStudent: student() });
    expect(early).toMatchObject({ eligible: false, amountFen: 0, periodKey: '2026-autumn' });
    expect(texts(early)).toContain('2026 年秋季学期还没有开始');
    expect(yulu('2026-09', { person: child(), vocationalStudent: student() })).toMatchObject({ eligible: true });
    const before = yulu('2026-10', {
      person: child(),
      vocationalStudent: student({ enrolledOn: '2026-09-01', semester: '2026-spring' }),
    });
    expect(before).toMatchObject({ eligible: false });
    expect(texts(before)).toContain('还没有入学');
  });

  it('stops for a monitored household from the semester after its risk is cleared', () => {
    const monitored = child({ groups: ['monitored'] });
    const cleared = student({ riskClearedOn: '2026-05-10' }); // in the 2026 spring semester
    expect(yulu('2026-06', { person: monitored, vocationalStudent: { ...cleared, semester: '2026-spring' } })).toMatchObject({
      eligible: true,
      amountFen: 150_000,
    });
    const next = yulu('2026-10', { person: monitored, vocationalStudent: cleared });
    expect(next).toMatchObject({ eligible: false, amountFen: 0, periodKey: '2026-autumn' });
    expect(next.trace).toContainEqual(
      expect.objectContaining({ kind: 'fact', key: 'vocationalStudent.riskClearedOn', value: '2026-05-10' }),
    );
    expect(texts(next)).toContain('风险消除后从下一学期起停止发放补助，最后一次是2026 年春季学期');
    // Cleared in the winter break: that belongs to the autumn semester, so the spring one is not paid.
    const winter = student({ riskClearedOn: '2027-02-10', semester: '2027-spring' });
    expect(yulu('2027-03', { person: monitored, vocationalStudent: winter })).toMatchObject({ eligible: false });
    expect(yulu('2027-03', { person: monitored, vocationalStudent: { ...winter, semester: '2026-autumn' } })).toMatchObject({
      eligible: true,
    });
    // A 脱贫 household keeps the aid whatever the monitoring says.
    expect(
      yulu('2026-10', { person: child({ groups: ['povertyAlleviated', 'monitored'] }), vocationalStudent: cleared }),
    ).toMatchObject({
      eligible: true,
    });
  });

  it('pays 脱贫 and monitored households only', () => {
    const other = yulu('2026-10', { person: child({ groups: ['ruralLowIncome'] }) });
    // The group decides it: the school would not change the answer.
    expect(other).toMatchObject({ eligible: false, missing: [] });
    expect(texts(other)).toContain('只给脱贫人口、防止返贫监测对象');
  });

  it('says what is missing, keyed by the period’s semester', () => {
    expect(yulu('2026-10', {})).toMatchObject({ eligible: false, missing: ['person'], periodKey: '2026-autumn' });
    expect(yulu('2027-01', { person: child() })).toMatchObject({
      eligible: false,
      missing: ['vocationalStudent'],
      periodKey: '2026-autumn',
    });
  });

  it('never pays the same semester twice', () => {
    const result = yulu('2026-11', {
      person: child(),
      vocationalStudent: student(),
      pastClaims: [{ subsidy: 'yulu_education', periodKey: '2026-autumn', amountFen: 150_000 }],
    });
    expect(result).toMatchObject(ALREADY_CLAIMED);
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const result = yulu('2026-10', { person: child({ registryExitDate: '2026-09-30' }), vocationalStudent: student() });
    expectStoppedByExit(result);
  });

  it('takes a city’s own amount in its counties that set none, and a county’s own standard before it', () => {
    const golden = {
      period: '2026-10',
      facts: { person: child(), vocationalStudent: student() },
      overrides: { yuluPerSemesterFen: { '1502': [{ from: '2026-09-01', value: 200_000 }] } },
    };
    const tuyou = evaluateOne(yuluEducation, { ...golden, regionCode: TUYOU_VILLAGE });
    expect(tuyou).toMatchObject({ eligible: true, amountFen: 200_000 });
    expect(tuyou.trace).toContainEqual(expect.objectContaining({ key: 'yuluPerSemesterFen', setIn: '1502', example: false }));
    const guyang = evaluateOne(yuluEducation, golden);
    expect(guyang).toMatchObject({ eligible: true, amountFen: 150_000 });
    expectDemoStandard(guyang, 'yuluPerSemesterFen', 150_000);
  });

  it('has no value in a county of Inner Mongolia that has set no standard: an error, not zero', () => {
    expectNoValue(
      yuluEducation,
      { period: '2026-10', regionCode: TUYOU_VILLAGE, facts: { person: child(), vocationalStudent: student() } },
      'yuluPerSemesterFen',
    );
  });

  it('is granted in 于都 by file 003, where the county still owes its amount: an error, not zero', () => {
    const facts = {
      person: child({ homeRegionCode: YUDU_VILLAGE }),
      vocationalStudent: student({ enrolledOn: '2023-09-01', semester: '2024-autumn' }),
    };
    // Asked without the student's school, it is in the catalogue, by file 003's passage.
    const asked = evaluateOne(yuluEducation, { period: '2024-10', regionCode: YUDU_VILLAGE, facts: { person: facts.person } });
    expect(asked).toMatchObject({ eligible: false, missing: ['vocationalStudent'] });
    expect(asked.reference).toEqual({ document: '江西就业帮扶实施意见（文件 003）', section: '五、(十五)', policy: '003' });
    // 于都县's demo standards set no 雨露计划 amount (当地标准还没有公布).
    expectNoValue(yuluEducation, { period: '2024-10', regionCode: YUDU_VILLAGE, facts }, 'yuluPerSemesterFen');
  });

  it('is in no catalogue before file 000 in Inner Mongolia, nor in 沅江市', () => {
    const autumn2023 = { person: child(), vocationalStudent: student({ enrolledOn: '2023-09-01', semester: '2023-autumn' }) };
    expectNotGranted(yuluEducation, { period: '2023-10', facts: autumn2023 });
    expect(yulu('2023-11', autumn2023)).toMatchObject({ eligible: true, amountFen: 150_000 });
    expectNotGranted(yuluEducation, { period: '2020-10', regionCode: YUANJIANG_VILLAGE, facts: autumn2023 });
  });
});
