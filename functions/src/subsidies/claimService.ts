/**
 * A staff decision on a claim, apart from HTTP: separation of duties (never one's own or
 * one's household's claim; the duty 审核, or 复核 for a second approval) decided by the
 * shared rules, then the claim moved on the version the approver read.
 */
import { type Claim, type claimDecisionSchema, decideClaim, type Principal } from '@bangfu/shared';
import type * as z from 'zod';
import type { AppContext } from '../appContext.js';
import { DomainError } from '../errors.js';
import { beneficiaryPerson, staffMember } from './duties.js';

/** The claim after the decision; 403 when this officer may not decide it, 409 when it is not theirs to decide now. */
export async function decideOnClaim(
  deps: Pick<AppContext, 'claims' | 'table' | 'users' | 'workers'>,
  principal: Principal,
  claim: Claim,
  decision: z.infer<typeof claimDecisionSchema>,
): Promise<Claim> {
  const [approver, beneficiary] = await Promise.all([staffMember(deps, principal), beneficiaryPerson(deps, claim)]);
  const outcome = decideClaim(claim, beneficiary, approver, decision.decision);
  if (!outcome.ok)
    throw new DomainError(outcome.status === 403 ? 'FORBIDDEN' : 'CONFLICT', outcome.zh, outcome.en, 'params.claimId');
  return deps.claims.transition(claim, decision.version, {
    to: outcome.to,
    by: principal.userId,
    ...(decision.reason ? { reason: decision.reason } : {}),
    ...(outcome.approval ? { approval: outcome.approval } : {}),
  });
}
