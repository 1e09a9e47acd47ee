/**
 * 一次性临时救助金 — file 002 §三(七) 实施失业人员跟踪帮扶计划: "为符合条件的失业人员及时足额发放失业保险待遇，
 * 为未参保、未纳入低保的生活困难人员协调一次性临时救助金。" Out of work, not insured, not on 低保; once a year;
 * 1000 元, an example for Inner Mongolia for the plan's years (2022-05-06 until 2026-01-01).
 */
import { describe, expect, it } from 'vitest';
import { temporaryRelief, type SubsidyFactsInput } from '@bangfu/shared';
import { evaluateOne, person } from '../../support/subsidies.js';
import { ALREADY_CLAIMED, expectStoppedByExit, texts } from './fixtures.js';

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
    expect(result.trace).toContainEqual(
      expect.objectContaining({ kind: 'parameter', key: 'temporaryReliefFen', value: 100_000, setIn: '15', example: true }),
    );
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
    const ended = relief('2026-02', facts);
    expect(ended).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
    expect(ended.trace).toContainEqual(
      expect.objectContaining({ kind: 'parameter', key: 'temporaryReliefFen', from: '2026-01-01' }),
    );
    expect(texts(ended)).toContain('自 2026-01-01 起已停止执行');
    const continued = evaluateOne(temporaryRelief, {
      period: '2026-02',
      facts,
      overrides: { temporaryReliefFen: { '1502': [{ from: '2026-01-01', value: 80_000 }] } },
    });
    expect(continued).toMatchObject({ eligible: true, amountFen: 80_000, periodKey: '2026' });
    expect(continued.trace).toContainEqual(expect.objectContaining({ key: 'temporaryReliefFen', setIn: '1502', example: false }));
  });

  it('has no value before the plan: an error, not zero', () => {
    expect(() => relief('2022-05', { person: hardUp(), employment: [idle('2022-05')] })).toThrow(
      /temporaryReliefFen has no value/,
    );
  });
});
