/**
 * 重新申领: a rejected claim is not a claim made (never paid), but its subsidy is due again only
 * when the records now give another amount or other reasons.
 */
import { describe, expect, it } from 'vitest';
import { claimsMade, sameAsRejected, withRejectedClaims, type Claim, type SubsidyResult } from '@bangfu/shared';

const trace = [
  { kind: 'fact' as const, text: '培训「电焊工培训」：15 天，已结业', key: 'trainings', value: '电焊工培训' },
  { kind: 'rule' as const, text: '15 天 × 60 元 = 900 元' },
];
const result = (over: Partial<SubsidyResult> = {}) =>
  ({
    subsidy: 'training',
    periodKey: 'course-1',
    eligible: true,
    claimed: false,
    amountFen: 90_000,
    trace,
    ...over,
  }) as SubsidyResult;
const claim = (status: Claim['status'], over: Partial<Claim> = {}) =>
  ({ subsidy: 'training', periodKey: 'course-1', status, amountFen: 90_000, trace, ...over }) as Claim;

describe('withRejectedClaims', () => {
  it('puts a result back as claimed while it says what its rejected claim said, field order aside', () => {
    const stored = claim('rejected', { trace: trace.map((line) => Object.fromEntries(Object.entries(line).reverse()) as never) });
    expect(sameAsRejected(result(), stored)).toBe(true);
    expect(withRejectedClaims([result()], [stored])).toMatchObject([{ eligible: false, claimed: true }]);
  });

  it('leaves it due once the amount or the reasons changed, and leaves other periods and statuses alone', () => {
    expect(withRejectedClaims([result({ amountFen: 60_000 })], [claim('rejected')])).toMatchObject([{ eligible: true }]);
    const fewerDays = [trace[0]!, { kind: 'rule' as const, text: '10 天 × 60 元 = 600 元' }];
    expect(withRejectedClaims([result({ trace: fewerDays })], [claim('rejected')])).toMatchObject([{ eligible: true }]);
    expect(withRejectedClaims([result()], [claim('rejected', { periodKey: 'course-2' })])).toMatchObject([{ eligible: true }]);
    expect(withRejectedClaims([result({ eligible: false })], [claim('rejected')])).toMatchObject([{ claimed: false }]);
  });
});

describe('claimsMade', () => {
  it('counts every claim but the rejected: never paid, it does not make the subsidy paid once already', () => {
    const all = (['submitted', 'firstApproved', 'approved', 'paid', 'rejected'] as const).map((status) => claim(status));
    expect(claimsMade(all).map((c) => c.status)).toEqual(['submitted', 'firstApproved', 'approved', 'paid']);
  });
});
