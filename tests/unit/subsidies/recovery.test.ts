/**
 * 追回, the pure part: who may order money back and who may record it received (kept apart), how
 * much at most, and what a person's claims come to once some is owed or paid back.
 */
import { describe, expect, it } from 'vitest';
import {
  recoveryOrderRefusal,
  recoveryOverdueWarning,
  recoveryClosingRefusal,
  recoveryWarning,
  summariseClaims,
  type Claim,
  type RecoveryOfficer,
} from '@bangfu/shared';

const officer = (duties: RecoveryOfficer['duties'], atCountyOrAbove = true, userId = 'county-1'): RecoveryOfficer => ({
  userId,
  duties,
  atCountyOrAbove,
});
const paid = { status: 'paid', amountFen: 50_000 } as const;
const recovering: Pick<Claim, 'status' | 'recovery'> = {
  status: 'recovering',
  recovery: { amountFen: 20_000, reason: '顶岗替岗', orderedBy: 'county-1', orderedAt: '2026-12-07T02:00:00.000Z' },
};

describe('recoveryOrderRefusal', () => {
  it('lets a county officer who rechecks order all or part of a paid claim back, no more', () => {
    expect(recoveryOrderRefusal(paid, officer(['recheck']), 50_000)).toBeUndefined();
    expect(recoveryOrderRefusal(paid, officer(['recheck']), 1)).toBeUndefined();
    expect(recoveryOrderRefusal(paid, officer(['recheck']), 50_001)).toMatchObject({ status: 409, field: 'body.amountFen' });
  });

  it('refuses a township officer, an officer who only reviews or pays, and a claim not paid', () => {
    expect(recoveryOrderRefusal(paid, officer(['recheck'], false), 100)?.status).toBe(403);
    expect(recoveryOrderRefusal(paid, officer(['review', 'pay']), 100)?.status).toBe(403);
    for (const status of ['approved', 'recovering', 'recovered', 'rejected'] as const) {
      expect(recoveryOrderRefusal({ status, amountFen: 50_000 }, officer(['recheck']), 100)?.status).toBe(409);
    }
  });
});

describe('recoveryClosingRefusal', () => {
  it('lets a county payer other than who ordered it record the money back, or its write-off (核销)', () => {
    for (const closing of ['recovered', 'writtenOff'] as const) {
      expect(recoveryClosingRefusal(recovering, officer(['pay'], true, 'finance-1'), closing)).toBeUndefined();
      expect(recoveryClosingRefusal(recovering, officer(['recheck', 'pay'], true, 'county-1'), closing)?.status).toBe(403);
      expect(recoveryClosingRefusal(recovering, officer(['recheck'], true, 'county-2'), closing)?.status).toBe(403);
      expect(recoveryClosingRefusal(recovering, officer(['pay'], false, 'finance-1'), closing)?.status).toBe(403);
      for (const status of ['paid', 'recovered', 'writtenOff'] as const) {
        expect(recoveryClosingRefusal({ ...recovering, status }, officer(['pay'], true, 'finance-1'), closing)?.status).toBe(409);
      }
    }
    expect(recoveryClosingRefusal(recovering, officer(['recheck', 'pay'], true, 'county-1'), 'writtenOff')?.zh).toBe(
      '追回是您决定的，要由另一位工作人员登记核销',
    );
  });
});

describe('summariseClaims with recoveries', () => {
  it('counts what stays paid, and what is owed back until it is received', () => {
    const received = {
      ...recovering.recovery!,
      received: { by: 'finance-1', at: '2026-12-08T00:00:00.000Z', bankReference: 'ZH-1' },
    };
    expect(
      summariseClaims([
        { status: 'paid', amountFen: 50_000 },
        { status: 'recovering', amountFen: 50_000, recovery: recovering.recovery },
        { status: 'recovered', amountFen: 30_000, recovery: { ...received, amountFen: 30_000 } },
        { status: 'approved', amountFen: 10_000 },
        { status: 'rejected', amountFen: 10_000 },
      ]),
    ).toEqual({ all: 5, inProgress: 1, paidFen: 50_000 + 30_000 + 0, owedFen: 20_000 });
  });

  it('counts a written-off recovery as paid and owed by nobody', () => {
    const writtenOff = {
      ...recovering.recovery!,
      writtenOff: { by: 'finance-1', at: '2027-03-01T00:00:00.000Z', documentNo: '固人社发〔2027〕3号', reason: '本人已去世' },
    };
    expect(
      summariseClaims([
        { status: 'recovering', amountFen: 50_000, recovery: recovering.recovery },
        { status: 'writtenOff', amountFen: 50_000, recovery: writtenOff },
      ]),
    ).toEqual({ all: 2, inProgress: 0, paidFen: 30_000 + 50_000, owedFen: 20_000 });
  });
});

describe('recoveryWarning', () => {
  it('gives a worker’s village the errand, once per claim, and nothing for an employer', () => {
    const claim = {
      claimId: 'c_1234567890',
      name: '一次性交通补助',
      regionCode: '150222102212',
      beneficiary: { kind: 'worker' as const, workerId: 'w_1', name: '王秀兰' },
    };
    const warning = recoveryWarning(claim, { amountFen: 20_000, reason: '顶岗替岗' }, new Date('2026-12-07T02:00:00Z'));
    expect(warning).toMatchObject({ cause: 'recoveryOrdered', subject: 'c_1234567890', level: 'village', month: '2026-12' });
    expect(warning!.text).toContain('王秀兰 的一次性交通补助要追回 200 元：顶岗替岗');
    const employer = { ...claim, beneficiary: { kind: 'employer' as const, employerId: 'e_1', name: '某车间' } };
    expect(recoveryWarning(employer, { amountFen: 20_000, reason: '顶岗替岗' }, new Date())).toBeUndefined();
  });
});

describe('recoveryOverdueWarning', () => {
  const claim = {
    claimId: 'c_1234567890',
    name: '一次性交通补助',
    regionCode: '150222102212',
    beneficiary: { kind: 'worker' as const, workerId: 'w_1', name: '王秀兰' },
    ...recovering,
  };

  it('gives the county a recovery still out past its days, once a month, naming the amount and the days', () => {
    // Ordered 2026-12-07 (China time); 60 days is 2027-02-05, so 02-06 is the first day past it.
    expect(recoveryOverdueWarning(claim, '2027-02-05', 60)).toBeUndefined();
    const warning = recoveryOverdueWarning(claim, '2027-02-06', 60);
    expect(warning).toMatchObject({
      cause: 'recoveryOverdue',
      subject: 'c_1234567890',
      month: '2027-02',
      level: 'county',
      workerIds: ['w_1'],
      regionCode: '150222102212',
    });
    expect(warning!.text).toBe(
      '王秀兰 的一次性交通补助于 2026-12-07 决定追回 200 元，61 天了还没有收回（期限 60 天）。请问清钱是否已退、为什么没退，退了的请负责发放的工作人员登记收回',
    );
    expect(recoveryOverdueWarning(claim, '2027-03-01', 60)?.month).toBe('2027-03');
  });

  it('is silent once the money is back, and names no person for an employer', () => {
    const received = {
      ...claim,
      status: 'recovered' as const,
      recovery: { ...recovering.recovery!, received: { by: 'finance-1', at: '2027-01-02T02:00:00.000Z', bankReference: 'YH1' } },
    };
    expect(recoveryOverdueWarning(received, '2027-03-01', 60)).toBeUndefined();
    const employer = { ...claim, beneficiary: { kind: 'employer' as const, employerId: 'e_1', name: '某车间' } };
    const warning = recoveryOverdueWarning(employer, '2027-03-01', 60)!;
    expect(warning.workerIds).toBeUndefined();
    expect(warning.text).toMatch(/^某车间 的一次性交通补助/);
  });
});
