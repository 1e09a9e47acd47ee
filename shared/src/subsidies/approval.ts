/**
 * Who may decide a claim, and what the decision makes of it (pure). Separation of
 * duties: nobody decides a claim they created or one for their own household; above
 * the region's threshold a claim needs a second approver of a higher level than the
 * first (a county officer after a township one). A decision applies only to the state
 * it was made on.
 */
import { levelOfRegion, REGION_LEVELS, type RegionLevel } from '../regions/regionCode.js';
import type { Claim, ClaimStatus } from './claim.js';
import type { ParameterSpec } from './engine.js';
import type { Reference } from './parameters.js';

const reference: Reference = { document: '本系统审核规则（各地可调整）', section: '二级审核' };

/** The amount above which a claim needs a second approver; an example for Inner Mongolia, set by each region. */
export const APPROVAL_PARAMETERS: Readonly<Record<string, ParameterSpec>> = {
  claimSecondApprovalAboveFen: {
    definition: { label: '超过这个金额的申领需要上一级复核', unit: 'fen', reference, fixedByPolicy: false },
    values: { '15': [{ from: '2021-01-01', value: 200_000, example: true }] },
  },
};

export interface Approver {
  userId: string;
  /** The approver's own region: its length is their level. */
  regionCode: string;
  /** The household of the approver's own registry record, when they have one. */
  householdId?: string;
}

export type Refusal = { status: 403 | 409; zh: string; en: string };
export type ClaimDecisionOutcome =
  { ok: true; to: ClaimStatus; approval?: { by: string; level: RegionLevel } } | ({ ok: false } & Refusal);

const rank = (level: RegionLevel) => REGION_LEVELS.length - REGION_LEVELS.indexOf(level); // village 1 … province 5

export function decideClaim(
  claim: Pick<Claim, 'status' | 'createdBy' | 'needsSecondApproval' | 'approvals'>,
  beneficiaryHousehold: string | undefined,
  approver: Approver,
  decision: 'approve' | 'reject',
): ClaimDecisionOutcome {
  if (claim.createdBy === approver.userId) {
    return { ok: false, status: 403, zh: '不能审核自己创建的申领', en: 'Nobody decides a claim they created.' };
  }
  if (approver.householdId && approver.householdId === beneficiaryHousehold) {
    return {
      ok: false,
      status: 403,
      zh: '不能审核自己家庭的申领，请交给其他工作人员',
      en: 'Nobody decides a claim of their own household.',
    };
  }
  if (claim.status !== 'submitted' && claim.status !== 'firstApproved') {
    return { ok: false, status: 409, zh: '这份申领已经处理过了', en: `The claim is ${claim.status} already.` };
  }
  const level = levelOfRegion(approver.regionCode);
  if (decision === 'reject') return { ok: true, to: 'rejected' };
  if (claim.status === 'submitted') {
    return { ok: true, to: claim.needsSecondApproval ? 'firstApproved' : 'approved', approval: { by: approver.userId, level } };
  }
  const first = claim.approvals[0];
  if (first && rank(level) <= rank(first.level as RegionLevel)) {
    return {
      ok: false,
      status: 403,
      zh: '金额较大，需要比一审更上一级的工作人员复核',
      en: 'The second approval must come from a higher level than the first.',
    };
  }
  return { ok: true, to: 'approved', approval: { by: approver.userId, level } };
}
