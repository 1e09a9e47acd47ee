/**
 * 一次性临时救助金 — file 002 §三(七) 实施失业人员跟踪帮扶计划: "为符合条件的失业人员及时足额发放失业保险待遇，
 * 为未参保、未纳入低保的生活困难人员协调一次性临时救助金。" Out of work, not insured, not on 低保; once a year.
 * Inner Mongolia's plan for 2022—2025: in the catalogue from 2022-05-06 to 2025-12-31, and after that only
 * where a region records a document continuing it. 1000 元, 固阳县's demo standard.
 */
import { describe, expect, it } from 'vitest';
import { temporaryRelief, type LocalDocument, type SubsidyFactsInput } from '@bangfu/shared';
import { evaluateOne, person } from '../../support/subsidies.js';
import {
  ALREADY_CLAIMED,
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  expectStoppedByExit,
  texts,
  TUYOU_VILLAGE,
  YUDU_VILLAGE,
} from './fixtures.js';

const idle = (month: string) => ({ month, status: 'notEmployed' as const, monthlyIncomeFen: 0 });
const worked = (month: string) => ({
  month,
  status: 'employed' as const,
  place: 'withinCounty' as const,
  form: 'flexible' as const,
  monthlyIncomeFen: 150_000,
});
const hardUp = (overrides: Parameters<typeof person>[0] = {}) => person({ insured: false, onMinimumLiving: false, ...overrides });
const relief = (period: string, facts: SubsidyFactsInput) => evaluateOne(temporaryRelief, { period, facts });

describe('temporary_relief (file 002 §三(七))', () => {
  it('pays someone out of work, uninsured and not on 低保, once for the year', () => {
    const result = relief('2025-06', { person: hardUp(), employment: [idle('2025-06')] });
    expect(result).toMatchObject({ eligible: true, amountFen: 100_000, periodKey: '2025', claimed: false, missing: [] });
    expect(result.trace).toContainEqual(expect.objectContaining({ kind: 'fact', key: 'employment', text: '2025-06：没有工作' }));
    expect(result.trace).toContainEqual(expect.objectContaining({ kind: 'fact', key: 'person.insured', value: false }));
    expect(result.trace).toContainEqual(expect.objectContaining({ kind: 'fact', key: 'person.onMinimumLiving', value: false }));
    expectDemoStandard(result, 'temporaryReliefFen', 100_000);
    expect(result.reference).toEqual({
      document: '内蒙古促进重点群体就业实施方案（文件 002）',
      section: '三、(七)',
      policy: '002',
    });
  });

  it('takes last month’s record while this month’s is not in yet, and the latest of the two', () => {
    expect(relief('2025-06', { person: hardUp(), employment: [idle('2025-05')] })).toMatchObject({ eligible: true });
    expect(relief('2025-06', { person: hardUp(), employment: [worked('2025-05'), idle('2025-06')] })).toMatchObject({
      eligible: true,
    });
    expect(relief('2025-06', { person: hardUp(), employment: [idle('2025-05'), worked('2025-06')] })).toMatchObject({
      eligible: false,
    });
    expect(relief('2025-06', { person: hardUp(), employment: [idle('2025-04')] })).toMatchObject({
      eligible: false,
      missing: ['employment'],
    });
  });

  it('pays nothing to someone working, insured, or on 低保', () => {
    const working = relief('2025-06', { person: hardUp(), employment: [worked('2025-06')] });
    expect(working).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
    expect(texts(working)).toContain('给失业的人');
    const insured = relief('2025-06', { person: hardUp({ insured: true }), employment: [idle('2025-06')] });
    expect(insured).toMatchObject({ eligible: false });
    expect(texts(insured)).toContain('失业保险待遇');
    const onDibao = relief('2025-06', { person: hardUp({ onMinimumLiving: true }), employment: [idle('2025-06')] });
    expect(onDibao).toMatchObject({ eligible: false });
    expect(texts(onDibao)).toContain('已纳入低保的，不发临时救助金');
  });

  it('asks only for the facts that would change the answer', () => {
    expect(relief('2025-06', {})).toMatchObject({ eligible: false, missing: ['person'] });
    expect(relief('2025-06', { person: person() })).toMatchObject({
      eligible: false,
      missing: ['employment', 'person.insured', 'person.onMinimumLiving'],
    });
    // On 低保 already: whether insured, or working, would not change the answer.
    expect(relief('2025-06', { person: person({ onMinimumLiving: true }) })).toMatchObject({ eligible: false, missing: [] });
  });

  it('pays once a year: not again in the same year, again the next', () => {
    const pastClaims = [{ subsidy: 'temporary_relief' as const, periodKey: '2024', amountFen: 100_000 }];
    expect(relief('2024-11', { person: hardUp(), employment: [idle('2024-11')], pastClaims })).toMatchObject(ALREADY_CLAIMED);
    expect(relief('2025-02', { person: hardUp(), employment: [idle('2025-02')], pastClaims })).toMatchObject({
      eligible: true,
      claimed: false,
      periodKey: '2025',
    });
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const result = relief('2025-07', { person: hardUp({ registryExitDate: '2025-06-30' }), employment: [idle('2025-07')] });
    expectStoppedByExit(result);
  });

  it('ends with the plan’s years unless the region continues it', () => {
    const facts = { person: hardUp(), employment: [idle('2026-02')] };
    expectNotGranted(temporaryRelief, { period: '2026-02', facts });
    // Baotou records a notice continuing the plan for 2026 (a test document, not one of the demo's).
    const continuing: LocalDocument = {
      documentId: 'ld-test-1502-relief-2026',
      regionCode: '1502',
      title: '关于延续实施失业人员跟踪帮扶计划的通知',
      issuer: '包头市人力资源和社会保障局',
      date: '2025-12-20',
      inForce: { from: '2026-01-01', until: '2026-12-31' },
      continues: ['002'],
      demo: true,
    };
    const continued = evaluateOne(temporaryRelief, { period: '2026-02', facts, documents: [continuing] });
    expect(continued).toMatchObject({ eligible: true, amountFen: 100_000, periodKey: '2026' });
    expect(continued.reference).toEqual({
      document: '关于延续实施失业人员跟踪帮扶计划的通知（包头市人力资源和社会保障局，演示数据）',
      section: '延续执行内蒙古促进重点群体就业实施方案（文件 002）三、(七)',
      policy: 'ld-test-1502-relief-2026',
    });
    expectDemoStandard(continued, 'temporaryReliefFen', 100_000);
    // The continuation is Baotou's: another city of Inner Mongolia (Hohhot) has none.
    expectNotGranted(temporaryRelief, { period: '2026-02', regionCode: '150102001001', facts, documents: [continuing] });
  });

  it('has no value in a county of Inner Mongolia that has set no standard: an error, not zero', () => {
    expectNoValue(
      temporaryRelief,
      { period: '2025-06', regionCode: TUYOU_VILLAGE, facts: { person: hardUp(), employment: [idle('2025-06')] } },
      'temporaryReliefFen',
    );
  });

  it('is in no catalogue before the plan, nor outside Inner Mongolia', () => {
    expectNotGranted(temporaryRelief, { period: '2022-05', facts: { person: hardUp(), employment: [idle('2022-05')] } });
    expect(relief('2022-06', { person: hardUp(), employment: [idle('2022-06')] })).toMatchObject({ eligible: true });
    expectNotGranted(temporaryRelief, {
      period: '2025-06',
      regionCode: YUDU_VILLAGE,
      facts: { person: hardUp(), employment: [idle('2025-06')] },
    });
  });
});
