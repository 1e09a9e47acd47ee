/** An agency's facts from the hires of its positions: only months someone accountable stands behind count. */
import { describe, expect, it } from 'vitest';
import { factsFromEmployer, firstTransferClaimed, type Employer, type EmploymentRecord } from '@bangfu/shared';

const agency = { kind: 'hrAgency' } as Employer;
const month = (m: string, overrides: Partial<EmploymentRecord> = {}): EmploymentRecord => ({
  workerId: 'w_1',
  month: m,
  status: 'employed',
  place: 'acrossProvince',
  form: 'enterprise',
  monthlyIncomeFen: 500_000,
  source: 'staff',
  recordedBy: 's',
  recordedAt: `${m}-16T00:00:00.000Z`,
  revision: 1,
  ...overrides,
});

describe('facts of an agency', () => {
  it('counts a month the worker reported only once an officer confirmed it', () => {
    const self = { source: 'self' as const, recordedBy: 'u' };
    const months = [
      month('2026-03', { source: 'employerHire' }),
      month('2026-04'),
      month('2026-05', self),
      month('2026-06', { ...self, confirmation: { by: 't', level: 'township', at: '2026-06-20T00:00:00.000Z' } }),
    ];
    const facts = factsFromEmployer(
      agency,
      [{ workerId: 'w_1', name: '测试', place: 'acrossProvince', hireMonth: '2026-03', months }],
      '2026',
    );
    // 03 (the hire), 04 (staff), 06 (confirmed); 05 is the worker's word alone.
    expect(facts.agency?.transfers[0]?.monthsEmployedThisYear).toBe(3);
  });

  it('knows a first transfer claimed already: by this agency in another year, or by another whose claim stands', () => {
    const own = (periodKey: string, status: 'submitted' | 'rejected' = 'submitted', claimId = `c_${periodKey}`) => ({
      claimId,
      subsidy: 'agency_transfer_service' as const,
      periodKey,
      status,
    });
    // This year's own claim is the one being weighed; another year's stands unless rejected.
    expect(
      firstTransferClaimed('w_1', '2026', [own('2026:w_1')], { claimId: 'c_2026:w_1', status: 'submitted' }),
    ).toBeUndefined();
    expect(firstTransferClaimed('w_1', '2026', [own('2025:w_1')], undefined)).toBe('byThisAgency');
    expect(firstTransferClaimed('w_1', '2026', [own('2025:w_1', 'rejected')], undefined)).toBeUndefined();
    expect(firstTransferClaimed('w_1', '2026', [own('2025:w_2')], undefined)).toBeUndefined();
    // Another agency's claim holding the person, unless it was rejected.
    expect(firstTransferClaimed('w_1', '2026', [], { claimId: 'c_other', status: 'approved' })).toBe('byAnotherAgency');
    expect(firstTransferClaimed('w_1', '2026', [], { claimId: 'c_other', status: 'rejected' })).toBeUndefined();
  });

  it('carries the claim already made into the transfer the rule weighs', () => {
    const facts = factsFromEmployer(
      agency,
      [
        {
          workerId: 'w_1',
          name: '张三',
          place: 'acrossCity',
          hireMonth: '2026-03',
          months: [],
          serviceClaimed: 'byAnotherAgency',
        },
      ],
      '2026',
    );
    expect(facts.agency?.transfers[0]).toMatchObject({ workerId: 'w_1', serviceClaimed: 'byAnotherAgency' });
  });
});
