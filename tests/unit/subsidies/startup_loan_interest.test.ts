/**
 * 创业担保贷款贴息, per month — file 003 §三(九): "按规定落实税费减免、场地安排、创业担保贷款及贴息、
 * 一次性创业补贴和创业培训等政策支持"; file 004 §二(三): "加大返乡农牧民、入乡留乡等创业人员创业担保贷款
 * 支持力度……将农牧民合伙创业贷款额度上限提高10%". In Inner Mongolia it is file 002 §三(九) that grants it,
 * for the plan's years (2022-05-06 to 2025-12-31), so the Baotou cases are in 2023, the year file 004 holds
 * too. The loan cap and the subsidised rate are local: 固阳县's demo standards are 200,000 yuan and 3.5% a
 * year. One month's subsidy = min(principal, cap, ×110% for a partnership) × rate ÷ 12, in integer fen,
 * rounded down.
 */
import { describe, expect, it } from 'vitest';
import { startupLoanInterest } from '@bangfu/shared';
import { evaluateOne, person } from '../../support/subsidies.js';
import {
  ALREADY_CLAIMED,
  eligibleIn,
  evaluateWithCountyValue,
  expectDemoStandard,
  expectNoValue,
  expectNotGranted,
  TUYOU_VILLAGE,
  YUDU_VILLAGE,
} from './fixtures.js';

const loan = (principalFen: number, { partnership = false, repaidOnSchedule = true } = {}) => ({
  startup: {
    registeredOn: '2023-02-01',
    operating: true,
    loan: { principalFen, startedOn: '2023-03-15', endsOn: '2025-03-15', partnership, repaidOnSchedule },
  },
});
const monthly = (principalFen: number, options: { partnership?: boolean } = {}, period = '2023-09') =>
  evaluateOne(startupLoanInterest, { period, facts: { person: person(), ...loan(principalFen, options) } }).amountFen;

describe('startup_loan_interest (file 003 §三(九), file 004 §二(三))', () => {
  it('pays one month of interest on the loan, rounded down to the fen, keyed by the month', () => {
    const result = evaluateOne(startupLoanInterest, {
      period: '2023-09',
      facts: { person: person(), ...loan(10_000_000) },
    });
    // 100,000 yuan × 3.5% ÷ 12 = 291.666… yuan
    expect(result).toMatchObject({ beneficiary: 'worker', eligible: true, amountFen: 29_166, periodKey: '2023-09', missing: [] });
    expect(result.reference).toEqual({
      document: '内蒙古促进重点群体就业实施方案（文件 002）',
      section: '三、(九)',
      policy: '002',
    });
    expectDemoStandard(result, 'startupLoanInterestRate', 0.035);
    expect(result.trace.map((t) => t.text)).toContain('每月贴息 = 100000 元 × 3.5% ÷ 12，不足一分的舍去');
    expect(Number.isInteger(result.amountFen)).toBe(true);
  });

  it('subsidises at most the cap, and a partnership’s cap is 10% higher (合伙创业贷款额度上限提高10%)', () => {
    // cap 200,000: 58,333.33 → 58,333; partnership cap 220,000: 64,166.67 → 64,166
    expect([monthly(20_000_000), monthly(22_000_000), monthly(25_000_000)]).toEqual([58_333, 58_333, 58_333]);
    expect([
      monthly(20_000_000, { partnership: true }),
      monthly(22_000_000, { partnership: true }),
      monthly(25_000_000, { partnership: true }),
    ]).toEqual([58_333, 64_166, 64_166]);
    const partnership = evaluateOne(startupLoanInterest, {
      period: '2023-09',
      facts: { person: person(), ...loan(25_000_000, { partnership: true }) },
    });
    expect(partnership.trace.find((t) => t.key === 'startupLoanPartnershipUplift')).toMatchObject({
      value: 0.1,
      setIn: '1502', // Baotou's plan, in force in 2023
      example: false,
      reference: { document: '包头市农村牧区劳动力转移就业十项计划（文件 004）', section: '二、(三)' },
    });
    expect(partnership.trace.map((t) => t.text)).toContain('合伙创业贷款额度上限提高 10%，为 220000 元');
  });

  it('gives a partnership no uplift before file 004 (2022)', () => {
    const result = evaluateOne(startupLoanInterest, {
      period: '2022-06',
      facts: {
        person: person(),
        startup: {
          registeredOn: '2022-01-01',
          operating: true,
          loan: {
            principalFen: 22_000_000,
            startedOn: '2022-01-01',
            endsOn: '2024-01-01',
            partnership: true,
            repaidOnSchedule: true,
          },
        },
      },
    });
    expect(result).toMatchObject({ eligible: true, amountFen: 58_333 });
    expect(result.trace.find((t) => t.key === 'startupLoanPartnershipUplift')).toMatchObject({ value: 0, from: '2021-01-01' });
  });

  it('subsidises the months the loan is outstanding on their first day', () => {
    // started 2023-03-15, ends 2025-03-15: April 2023 to March 2025, 24 months
    expect([
      monthly(10_000_000, {}, '2023-03'),
      monthly(10_000_000, {}, '2023-04'),
      monthly(10_000_000, {}, '2025-03'),
      monthly(10_000_000, {}, '2025-04'),
    ]).toEqual([0, 29_166, 29_166, 0]);
    // a loan repaid on the first of a month is not outstanding that month
    const endsOnTheFirst = (period: string) =>
      evaluateOne(startupLoanInterest, {
        period,
        facts: {
          person: person(),
          startup: {
            registeredOn: '2023-02-01',
            operating: true,
            loan: { principalFen: 10_000_000, startedOn: '2023-04-01', endsOn: '2025-04-01', repaidOnSchedule: true },
          },
        },
      }).amountFen;
    expect([endsOnTheFirst('2023-04'), endsOnTheFirst('2025-03'), endsOnTheFirst('2025-04')]).toEqual([29_166, 29_166, 0]);
  });

  it('pays nothing when repayments are behind schedule', () => {
    expect(
      evaluateOne(startupLoanInterest, {
        period: '2023-09',
        facts: { person: person(), ...loan(10_000_000, { repaidOnSchedule: false }) },
      }),
    ).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
  });

  it('says what is missing', () => {
    expect(evaluateOne(startupLoanInterest, { period: '2023-09', facts: {} })).toMatchObject({
      eligible: false,
      missing: ['person', 'startup.loan'],
    });
    expect(
      evaluateOne(startupLoanInterest, {
        period: '2023-09',
        facts: { person: person(), startup: { registeredOn: '2023-02-01', operating: true } },
      }),
    ).toMatchObject({ eligible: false, missing: ['startup.loan'] });
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const facts = { person: person({ registryExitDate: '2023-09-30' }), ...loan(10_000_000) };
    expect(eligibleIn(startupLoanInterest, facts, ['2023-09', '2023-10'])).toEqual([true, false]);
  });

  it('never pays the same month twice', () => {
    const pastClaims = [{ subsidy: 'startup_loan_interest' as const, periodKey: '2023-09', amountFen: 29_166 }];
    const facts = { person: person(), ...loan(10_000_000), pastClaims };
    expect(evaluateOne(startupLoanInterest, { period: '2023-09', facts })).toMatchObject(ALREADY_CLAIMED);
  });

  it("uses a county's own newer rate over its demo standard", () => {
    const golden = { period: '2023-09', facts: { person: person(), ...loan(10_000_000) } };
    const result = evaluateWithCountyValue(startupLoanInterest, golden, 'startupLoanInterestRate', 0.04);
    expect(result).toMatchObject({ eligible: true, amountFen: 33_333 });
  });

  it('has no value in a county of Inner Mongolia that has set no standard: an error, not zero', () => {
    expectNoValue(
      startupLoanInterest,
      { period: '2023-09', regionCode: TUYOU_VILLAGE, facts: { person: person(), ...loan(10_000_000) } },
      'startupLoanCapFen',
    );
  });

  it('is in Baotou’s catalogue only for file 002’s years: not before 2022-05-06, not from 2026', () => {
    const facts = {
      person: person(),
      startup: {
        registeredOn: '2021-06-01',
        operating: true,
        loan: { principalFen: 10_000_000, startedOn: '2022-01-01', endsOn: '2027-01-01', repaidOnSchedule: true },
      },
    };
    expectNotGranted(startupLoanInterest, { period: '2022-04', facts });
    expect(evaluateOne(startupLoanInterest, { period: '2022-06', facts })).toMatchObject({ eligible: true, amountFen: 29_166 });
    expect(evaluateOne(startupLoanInterest, { period: '2025-12', facts })).toMatchObject({ eligible: true, amountFen: 29_166 });
    expectNotGranted(startupLoanInterest, { period: '2026-01', facts });
  });

  it('is granted in 于都 by file 003, with the county’s standards and no partnership uplift (Baotou’s plan holds only there)', () => {
    const result = evaluateOne(startupLoanInterest, {
      period: '2024-09',
      regionCode: YUDU_VILLAGE,
      facts: {
        person: person({ homeRegionCode: YUDU_VILLAGE }),
        startup: {
          registeredOn: '2024-01-01',
          operating: true,
          loan: {
            principalFen: 25_000_000,
            startedOn: '2024-03-01',
            endsOn: '2026-03-01',
            partnership: true,
            repaidOnSchedule: true,
          },
        },
      },
    });
    expect(result).toMatchObject({ eligible: true, amountFen: 58_333 });
    expect(result.reference).toEqual({ document: '江西就业帮扶实施意见（文件 003）', section: '三、(九)', policy: '003' });
    expectDemoStandard(result, 'startupLoanCapFen', 20_000_000, '360731');
    // The uplift reads 0 there, and the trace cites no Baotou document for it.
    const uplift = result.trace.find((t) => t.key === 'startupLoanPartnershipUplift');
    expect(uplift).toMatchObject({ value: 0, setIn: '' });
    expect(uplift).not.toHaveProperty('reference');
  });
});
