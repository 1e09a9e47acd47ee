/**
 * Staff review of subsidy claims (补贴审核): the claims of the officer's region by state,
 * oldest first, and the decision on one. Contracts: shared/src/api/subsidies.ts.
 */
import { subsidyContracts, type Claim, type ClaimStatus, type BodyOf } from '@bangfu/shared';
import { call } from './client';

export const CLAIM_PAGE_SIZE = 20;

export const fetchClaims = (regionCode: string, status: ClaimStatus, cursor?: string) =>
  call(subsidyContracts.queue, { query: { regionCode, status, limit: CLAIM_PAGE_SIZE, ...(cursor ? { cursor } : {}) } });

export type ClaimDecision = BodyOf<typeof subsidyContracts.decide>['decision'];

/**
 * Approve, or reject with a reason (at least 4 characters) the worker reads.
 * 403 when the officer may not decide this claim (their own, their household's, outside
 * their region, or a second approval not from a higher level); 409 when someone decided first.
 */
export async function decideClaim(claim: Claim, decision: ClaimDecision, reason?: string): Promise<Claim> {
  const body = { version: claim.version, decision, ...(reason ? { reason } : {}) };
  return (await call(subsidyContracts.decide, { params: { claimId: claim.claimId }, body })).claim;
}

/** 退回重审: an approved claim not yet paid goes back to 待审核, the reason shown to the person. */
export async function reopenClaim(claim: Claim, reason: string): Promise<Claim> {
  const body = { version: claim.version, reason };
  return (await call(subsidyContracts.reopen, { params: { claimId: claim.claimId }, body })).claim;
}

/** 追回: a paid claim's money, all or part, to be paid back, with the reason the person reads (a county officer who rechecks). */
export async function orderRecovery(claim: Claim, amountFen: number, reason: string): Promise<Claim> {
  const body = { version: claim.version, amountFen, reason };
  return (await call(subsidyContracts.orderRecovery, { params: { claimId: claim.claimId }, body })).claim;
}

/** 已收回: the money of a recovery came back, under the bank's reference (a county payer, not who ordered it). */
export async function recoveryReceived(claim: Claim, bankReference: string): Promise<Claim> {
  const body = { version: claim.version, bankReference };
  return (await call(subsidyContracts.recoveryReceived, { params: { claimId: claim.claimId }, body })).claim;
}

/** 核销: a recovery that cannot come back, on the county's approval document (a county payer, not who ordered it). */
export async function writeOffRecovery(claim: Claim, documentNo: string, reason: string): Promise<Claim> {
  const body = { version: claim.version, documentNo, reason };
  return (await call(subsidyContracts.recoveryWrittenOff, { params: { claimId: claim.claimId }, body })).claim;
}
