/**
 * 创业担保贷款贴息, per month — file 003 §三(九): "按规定落实税费减免、场地安排、创业担保贷款及贴息、
 * 一次性创业补贴和创业培训等政策支持"; file 004 §二(三): "加大返乡农牧民、入乡留乡等创业人员创业担保贷款
 * 支持力度……将农牧民合伙创业贷款额度上限提高10%". The loan cap and the subsidised rate are local:
 * region 15 ships examples of 200,000 yuan and 3.5% a year. One month's subsidy =
 * min(principal, cap, ×110% for a partnership) × rate ÷ 12, in integer fen, rounded down.
 */
import { describe, expect, it } from 'vitest';
import { startupLoanInterest } from '@bangfu/shared';
import { evaluateOne, person } from '../../support/subsidies.js';
import { ALREADY_CLAIMED, eligibleIn, evaluateWithCountyValue, expectNoValue } from './fixtures.js';

const loan = (principalFen: number, { partnership = false, repaidOnSchedule = true } = {}) => ({
  startup: {
    registeredOn: '2026-02-01',
    operating: true,
    loan: { principalFen, startedOn: '2026-03-15', endsOn: '2028-03-15', partnership, repaidOnSchedule },
  },
});
const monthly = (principalFen: number, options: { partnership?: boolean } = {}, period = '2026-09') =>
  evaluateOne(startupLoanInterest, { period, facts: { person: person(), ...loan(principalFen, options) } }).amountFen;

describe('startup_loan_interest (file 003 §三(九), file 004 §二(三))', () => {
  it('pays one month of interest on the loan, rounded down to the fen, keyed by the month', () => {
    const result = evaluateOne(startupLoanInterest, {
      period: '2026-09',
      facts: { person: person(), ...loan(10_000_000) },
    });
    // 100,000 yuan × 3.5% ÷ 12 = 291.666… yuan
    expect(result).toMatchObject({ beneficiary: 'worker', eligible: true, amountFen: 29_166, periodKey: '2026-09', missing: [] });
    expect(result.trace.find((t) => t.key === 'startupLoanInterestRate')).toMatchObject({
      value: 0.035,
      setIn: '15',
      example: true,
    });
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
      period: '2026-09',
      facts: { person: person(), ...loan(25_000_000, { partnership: true }) },
    });
    expect(partnership.trace.find((t) => t.key === 'startupLoanPartnershipUplift')).toMatchObject({
      value: 0.1,
      setIn: '1502', // Baotou's plan
      example: false,
      reference: { section: '二、(三)' },
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
    // started 2026-03-15, ends 2028-03-15: April 2026 to March 2028, 24 months
    expect([
      monthly(10_000_000, {}, '2026-03'),
      monthly(10_000_000, {}, '2026-04'),
      monthly(10_000_000, {}, '2028-03'),
      monthly(10_000_000, {}, '2028-04'),
    ]).toEqual([0, 29_166, 29_166, 0]);
    // a loan repaid on the first of a month is not outstanding that month
    const endsOnTheFirst = (period: string) =>
      evaluateOne(startupLoanInterest, {
        period,
        facts: {
          person: person(),
          startup: {
            registeredOn: '2026-02-01',
            operating: true,
            loan: { principalFen: 10_000_000, startedOn: '2026-04-01', endsOn: '2028-04-01', repaidOnSchedule: true },
          },
        },
      }).amountFen;
    expect([endsOnTheFirst('2026-04'), endsOnTheFirst('2028-03'), endsOnTheFirst('2028-04')]).toEqual([29_166, 29_166, 0]);
  });

  it('pays nothing when repayments are behind schedule', () => {
    expect(
      evaluateOne(startupLoanInterest, {
        period: '2026-09',
        facts: { person: person(), ...loan(10_000_000, { repaidOnSchedule: false }) },
      }),
    ).toMatchObject({ eligible: false, amountFen: 0, missing: [] });
  });

  it('says what is missing', () => {
    expect(evaluateOne(startupLoanInterest, { period: '2026-09', facts: {} })).toMatchObject({
      eligible: false,
      missing: ['person', 'startup.loan'],
    });
    expect(
      evaluateOne(startupLoanInterest, {
        period: '2026-09',
        facts: { person: person(), startup: { registeredOn: '2026-02-01', operating: true } },
      }),
    ).toMatchObject({ eligible: false, missing: ['startup.loan'] });
  });

  it('stops from the month after the person leaves the registry (engine rule)', () => {
    const facts = { person: person({ registryExitDate: '2026-09-30' }), ...loan(10_000_000) };
    expect(eligibleIn(startupLoanInterest, facts, ['2026-09', '2026-10'])).toEqual([true, false]);
  });

  it('never pays the same month twice', () => {
    const pastClaims = [{ subsidy: 'startup_loan_interest' as const, periodKey: '2026-09', amountFen: 29_166 }];
    const facts = { person: person(), ...loan(10_000_000), pastClaims };
    expect(evaluateOne(startupLoanInterest, { period: '2026-09', facts })).toMatchObject(ALREADY_CLAIMED);
  });

  it("uses a county's own rate over the example", () => {
    const golden = { period: '2026-09', facts: { person: person(), ...loan(10_000_000) } };
    const result = evaluateWithCountyValue(startupLoanInterest, golden, 'startupLoanInterestRate', 0.04);
    expect(result).toMatchObject({ eligible: true, amountFen: 33_333 });
  });

  it('has no value before the parameters begin: an error, not zero', () => {
    expectNoValue(startupLoanInterest, {
      period: '2020-06',
      facts: {
        person: person(),
        startup: {
          registeredOn: '2020-01-01',
          operating: true,
          loan: { principalFen: 10_000_000, startedOn: '2020-01-01', endsOn: '2022-01-01', repaidOnSchedule: true },
        },
      },
    });
  });
});
