/**
 * 重新申领: a rejected claim was never paid, so it does not count as made (the rules' "never
 * twice" and yearly caps pass over it). Its subsidy is due again only when the records now say
 * something other than what was rejected — another amount or other reasons (a month corrected,
 * a circumstance confirmed). Otherwise the result stays as it was: claimed, showing the
 * rejection, so the same claim is not put before an officer again unchanged.
 */
import type { Claim } from './claim.js';
import type { SubsidyResult } from './engine.js';

/** The reasons as read, line by line: a stored trace comes back with its lines' fields in another order. */
const reasonsOf = (trace: readonly { kind: string; text: string }[]) =>
  trace.map((line) => `${line.kind}:${line.text}`).join('\n');

/** Whether a result now says what its rejected claim said: the same amount, for the same reasons. */
export function sameAsRejected(result: Pick<SubsidyResult, 'amountFen' | 'trace'>, claim: Pick<Claim, 'amountFen' | 'trace'>) {
  return result.amountFen === claim.amountFen && reasonsOf(result.trace) === reasonsOf(claim.trace);
}

const naturalKey = (c: { subsidy: string; periodKey: string }) => `${c.subsidy}#${c.periodKey}`;

/** Claims that count as made: every one but those rejected. */
export const claimsMade = <T extends Pick<Claim, 'status'>>(claims: readonly T[]): T[] =>
  claims.filter((c) => c.status !== 'rejected');

/**
 * Results evaluated with rejected claims passed over, each due one whose rejected claim says
 * the same put back as claimed; a changed one stays due, to be claimed again.
 */
export function withRejectedClaims(results: readonly SubsidyResult[], claims: readonly Claim[]): SubsidyResult[] {
  const rejected = new Map(claims.filter((c) => c.status === 'rejected').map((c) => [naturalKey(c), c]));
  return results.map((result) => {
    const claim = rejected.get(naturalKey(result));
    return claim && result.eligible && sameAsRejected(result, claim) ? { ...result, eligible: false, claimed: true } : result;
  });
}
