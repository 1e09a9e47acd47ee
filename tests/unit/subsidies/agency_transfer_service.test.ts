/**
 * 就业创业服务补助 — file 004 §二(一): "对人力资源服务公司、劳务经纪人等市场主体组织农村牧区劳动力
 * 跨旗县区、跨市、跨省转移就业，且年度就业时间达到6个月以上，首次输出的分别按照每人300元、500元、
 * 800元标准给予就业创业服务补助。"
 */
import { describe, expect, it } from 'vitest';
import { agencyTransferService } from '@bangfu/shared';
import { evaluateCase } from '../../support/subsidies.js';
import { ALREADY_CLAIMED, expectNoValue } from './fixtures.js';

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

  it('says what is missing when the agency has not given its list', () => {
    const [result] = evaluateCase(agencyTransferService, { period: '2026-09', facts: {} });
    expect(result).toMatchObject({ eligible: false, missing: ['agency.transfers'] });
  });

  it('has no value before the plan took effect: an error, not zero', () => {
    expectNoValue(agencyTransferService, {
      period: '2022-06',
      facts: { agency: { transfers: [transfer('w1', 'acrossCity', 8)] } },
    });
  });
});
