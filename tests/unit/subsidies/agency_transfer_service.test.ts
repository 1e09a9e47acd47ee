/**
 * 就业创业服务补助 — file 004 §二(一): "对人力资源服务公司、劳务经纪人等市场主体组织农村牧区劳动力
 * 跨旗县区、跨市、跨省转移就业，且年度就业时间达到6个月以上，首次输出的分别按照每人300元、500元、
 * 800元标准给予就业创业服务补助。" Baotou's plan for 2023 only: in Baotou's catalogue in 2023, and in
 * from 2026 under the demo continuation (关于继续实施…十项计划的通知, 演示数据); the amounts are the plan's own.
 */
import { describe, expect, it } from 'vitest';
import { agencyTransferService } from '@bangfu/shared';
import { evaluateCase } from '../../support/subsidies.js';
import { ALREADY_CLAIMED, expectNotGranted } from './fixtures.js';

const transfer = (workerId: string, place: 'acrossCounty' | 'acrossCity' | 'acrossProvince', months: number, first = true) => ({
  workerId,
  place,
  monthsEmployedThisYear: months,
  firstTransfer: first,
});

describe('agency_transfer_service (file 004 §二(一))', () => {
  it('pays 300 / 500 / 800 yuan per person for county, city and province transfers of 6 months or more', () => {
    const results = evaluateCase(agencyTransferService, {
      period: '2026-09',
      facts: {
        agency: {
          transfers: [transfer('w1', 'acrossCounty', 6), transfer('w2', 'acrossCity', 7), transfer('w3', 'acrossProvince', 12)],
        },
      },
    });
    expect(results.map((r) => [r.periodKey, r.eligible, r.amountFen])).toEqual([
      ['2026:w1', true, 30_000],
      ['2026:w2', true, 50_000],
      ['2026:w3', true, 80_000],
    ]);
    expect(
      results[2]!.trace.some((t) => t.kind === 'parameter' && t.value === 80_000 && t.reference?.section === '二、(一)'),
    ).toBe(true);
    // Granted in 2026 by Baotou's (demo) continuation of file 004, which says so.
    expect(results[0]!.reference).toEqual({
      document: '关于继续实施促进农村牧区劳动力转移就业增收十项计划的通知（包头市人民政府办公室，演示数据）',
      section: '延续执行包头市农村牧区劳动力转移就业十项计划（文件 004）二、(一)',
      policy: 'ld-demo-1502-continued',
    });
  });

  it('pays in 2023 under file 004 itself', () => {
    const [result] = evaluateCase(agencyTransferService, {
      period: '2023-09',
      facts: { agency: { transfers: [transfer('w1', 'acrossCity', 8)] } },
    });
    expect(result).toMatchObject({ periodKey: '2023:w1', eligible: true, amountFen: 50_000 });
    expect(result!.reference).toEqual({
      document: '包头市农村牧区劳动力转移就业十项计划（文件 004）',
      section: '二、(一)',
      policy: '004',
    });
  });

  it('pays nothing below the 6-month line, or for someone transferred before', () => {
    const [short, again] = evaluateCase(agencyTransferService, {
      period: '2026-09',
      facts: { agency: { transfers: [transfer('w1', 'acrossProvince', 5), transfer('w2', 'acrossProvince', 9, false)] } },
    });
    expect(short).toMatchObject({ eligible: false, amountFen: 0 });
    expect(short!.trace.map((t) => t.text).join()).toContain('不满 6 个月');
    expect(again).toMatchObject({ eligible: false, amountFen: 0 });
  });

  it('never pays the same transfer twice', () => {
    const [result] = evaluateCase(agencyTransferService, {
      period: '2026-10',
      facts: {
        agency: { transfers: [transfer('w1', 'acrossCity', 8)] },
        pastClaims: [{ subsidy: 'agency_transfer_service', periodKey: '2026:w1', amountFen: 50_000 }],
      },
    });
    expect(result).toMatchObject(ALREADY_CLAIMED);
  });

  it('pays a first transfer once per person: not again when this agency or another has claimed it', () => {
    const results = evaluateCase(agencyTransferService, {
      period: '2026-10',
      facts: {
        agency: {
          transfers: [
            { ...transfer('w1', 'acrossCity', 8), serviceClaimed: 'byThisAgency' as const },
            { ...transfer('w2', 'acrossProvince', 8), serviceClaimed: 'byAnotherAgency' as const },
            transfer('w3', 'acrossProvince', 8),
          ],
        },
      },
    });
    expect(results.map((r) => [r.eligible, r.amountFen])).toEqual([
      [false, 0],
      [false, 0],
      [true, 80_000],
    ]);
    expect(results[0]!.trace.map((t) => t.text)).toContain('跨盟市转移 w1：首次输出每人只补助一次，本机构已经申领过');
    expect(results[1]!.trace.map((t) => t.text)).toContain('跨省转移 w2：首次输出每人只补助一次，另一家机构已经申领过');
  });

  it('says what is missing when the agency has not given its list', () => {
    const [result] = evaluateCase(agencyTransferService, { period: '2026-09', facts: {} });
    expect(result).toMatchObject({ eligible: false, missing: ['agency.transfers'] });
  });

  it('is not in the catalogue before the plan, in the years no one continued it, or outside Baotou', () => {
    const facts = { agency: { transfers: [transfer('w1', 'acrossCity', 8)] } };
    for (const period of ['2022-12', '2024-06', '2025-12']) expectNotGranted(agencyTransferService, { period, facts });
    // Hohhot in 2023: file 004 is Baotou's, not Inner Mongolia's.
    expectNotGranted(agencyTransferService, { period: '2023-09', regionCode: '150102001001', facts });
    // The amounts are the plan's own (fixed for 1502), so wherever it is granted there is a value.
  });
});
