/**
 * 职业技能鉴定补贴 — file 000 §二(五): "鼓励符合条件的脱贫人口和其他低收入群体积极考取职业技能证书和专项职业
 * 能力证书……对符合条件考取职业技能证书和专项职业能力证书的脱贫人口按规定给予职业技能鉴定补贴。"
 * Inner Mongolia's policy only (file 000, from 2023-10-26). One result per certificate; 300 元 for a
 * 职业技能证书, 150 元 for a 专项职业能力证书 (固阳县's demo standards); 脱贫人口 (含监测对象) only.
 */
import { describe, expect, it } from 'vitest';
import { skillCertificate, type SubsidyFactsInput } from '@bangfu/shared';
import { evaluateCase, evaluateOne, person } from '../../support/subsidies.js';
import {
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  expectStoppedByExit,
  texts,
  TUYOU_VILLAGE,
  YUDU_VILLAGE,
} from './fixtures.js';

type CertificateInput = NonNullable<SubsidyFactsInput['certificates']>[number];
const skill: CertificateInput = { name: '电工四级', kind: 'skill', obtainedOn: '2026-04-18' };
const special: CertificateInput = { name: '手工编织', kind: 'specialAbility', obtainedOn: '2026-05-09' };

describe('skill_certificate (file 000 §二(五))', () => {
  it('pays each certificate by its kind', () => {
    const results = evaluateCase(skillCertificate, {
      period: '2026-06',
      facts: { person: person(), certificates: [skill, special] },
    });
    expect(results.map((r) => [r.periodKey, r.item, r.eligible, r.amountFen])).toEqual([
      ['certificate:2026-04-18:电工四级', '职业技能证书「电工四级」', true, 30_000],
      ['certificate:2026-05-09:手工编织', '专项职业能力证书「手工编织」', true, 15_000],
    ]);
    expectDemoStandard(results[1]!, 'skillCertificateSpecialAbilityFen', 15_000);
    expect(results[1]!.reference).toEqual({
      document: '内蒙古防止返贫就业攻坚行动通知（文件 000）',
      section: '二、(五)',
      policy: '000',
    });
    expect(results[0]!.trace).toContainEqual(
      expect.objectContaining({ kind: 'fact', key: 'certificates', text: '职业技能证书「电工四级」：2026-04-18 取得' }),
    );
  });

  it('pays 脱贫人口 and 监测对象, not other low-income people', () => {
    expect(
      evaluateOne(skillCertificate, {
        period: '2026-06',
        facts: { person: person({ groups: ['monitored'] }), certificates: [skill] },
      }),
    ).toMatchObject({
      eligible: true,
    });
    const other = evaluateOne(skillCertificate, {
      period: '2026-06',
      facts: { person: person({ groups: ['ruralLowIncome'] }), certificates: [skill] },
    });
    expect(other).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
    expect(texts(other)).toContain('只给脱贫人口、防止返贫监测对象');
  });

  it('pays a certificate only once it is obtained', () => {
    const result = evaluateOne(skillCertificate, {
      period: '2026-03',
      facts: { person: person(), certificates: [skill] },
    });
    expect(result).toMatchObject({ eligible: false, amountFen: 0, periodKey: 'certificate:2026-04-18:电工四级' });
    expect(texts(result)).toContain('取得证书以后才能申领');
  });

  it('never pays the same certificate twice', () => {
    const results = evaluateCase(skillCertificate, {
      period: '2026-06',
      facts: {
        person: person(),
        certificates: [skill, special],
        pastClaims: [{ subsidy: 'skill_certificate', periodKey: 'certificate:2026-04-18:电工四级', amountFen: 30_000 }],
      },
    });
    expect(results.map((r) => [r.claimed, r.eligible, r.amountFen])).toEqual([
      [true, false, 0],
      [false, true, 15_000],
    ]);
  });

  it('says what is missing, and has nothing to pay without a certificate', () => {
    expect(evaluateOne(skillCertificate, { period: '2026-06', facts: { certificates: [skill] } })).toMatchObject({
      eligible: false,
      missing: ['person'],
    });
    expect(evaluateOne(skillCertificate, { period: '2026-06', facts: { person: person() } })).toMatchObject({
      eligible: false,
      periodKey: 'certificate:none',
      missing: [],
    });
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const result = evaluateOne(skillCertificate, {
      period: '2026-06',
      facts: { person: person({ registryExitDate: '2026-05-10' }), certificates: [skill] },
    });
    expectStoppedByExit(result);
  });

  it('takes a county’s own newer amount over its demo standard, for that kind only', () => {
    const results = evaluateCase(skillCertificate, {
      period: '2026-06',
      facts: { person: person(), certificates: [skill, special] },
      overrides: { skillCertificateSkillFen: { '150222': [{ from: '2026-01-01', value: 50_000 }] } },
    });
    expect(results.map((r) => r.amountFen)).toEqual([50_000, 15_000]);
  });

  it('has no value in a county of Inner Mongolia that has set no standard: an error, not zero', () => {
    expectNoValue(
      skillCertificate,
      { period: '2026-06', regionCode: TUYOU_VILLAGE, facts: { person: person(), certificates: [skill] } },
      'skillCertificateSkillFen',
    );
  });

  it('is in no catalogue where file 000 does not hold: before its date, or in Jiangxi', () => {
    const certificates = [{ ...skill, obtainedOn: '2023-09-01' }];
    expectNotGranted(skillCertificate, { period: '2023-10', facts: { person: person(), certificates } });
    expect(evaluateCase(skillCertificate, { period: '2023-11', facts: { person: person(), certificates } })).toHaveLength(1);
    expectNotGranted(skillCertificate, {
      period: '2026-06',
      regionCode: YUDU_VILLAGE,
      facts: { person: person(), certificates },
    });
  });
});
