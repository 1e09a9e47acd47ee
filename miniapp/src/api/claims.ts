/**
 * Staff review of subsidy claims (补贴审核): the claims of the officer's region by state,
 * oldest first, and the decision on one. Shapes: shared/src/subsidies/claim.ts.
 */
import type { Claim, ClaimStatus } from '@bangfu/shared';
import { queryString, request } from './client';

const enc = encodeURIComponent;

export const CLAIM_PAGE_SIZE = 20;

export interface ClaimPage {
  claims: Claim[];
  nextCursor?: string;
}

export function fetchClaims(regionCode: string, status: ClaimStatus, cursor?: string): Promise<ClaimPage> {
  return request(`/v1/claims${queryString({ regionCode, status, limit: CLAIM_PAGE_SIZE, cursor })}`);
}

export type ClaimDecision = 'approve' | 'reject';

/**
 * Approve, or reject with a reason (at least 4 characters) the worker reads.
 * 403 when the officer may not decide this claim (their own, their household's, outside
 * their region, or a second approval not from a higher level); 409 when someone decided first.
 */
export async function decideClaim(claim: Claim, decision: ClaimDecision, reason?: string): Promise<Claim> {
  const body = { version: claim.version, decision, ...(reason ? { reason } : {}) };
  return (await request<{ claim: Claim }>(`/v1/claims/${enc(claim.claimId)}/decision`, { method: 'POST', body })).claim;
}
