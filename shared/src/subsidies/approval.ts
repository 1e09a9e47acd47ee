/**
 * Who may decide a claim, and what the decision makes of it (pure). Separation of
 * duties: only officers given the duty review (审核) or recheck (复核); nobody decides a
 * claim they created or one for their own household; above
 * the region's threshold a claim needs a second approver of a higher level than the
 * first (a county officer after a township one). A decision applies only to the state
 * it was made on.
 */
import type { StaffDuty } from '../auth/schemas.js';
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

/**
 * A staff member's own household: the registry households they belong to (户编号) and the
 * keyed hashes of the ID numbers of the members they declared. Staff accounts have no
 * registry record of their own, so without this the household rule never fired for them.
 */
export interface StaffHousehold {
  householdIds: readonly string[];
  memberIdHashes: readonly string[];
}

/** Whom a claim pays, as the household rule sees them (an employer has neither). */
export interface BeneficiaryPerson {
  householdId?: string;
  idHash?: string;
}

/** Whether the beneficiary is in the staff member's household, by registry household or declared member. */
export function isOwnHousehold(staff: StaffHousehold, beneficiary: BeneficiaryPerson): boolean {
  return (
    (beneficiary.householdId !== undefined && staff.householdIds.includes(beneficiary.householdId)) ||
    (beneficiary.idHash !== undefined && staff.memberIdHashes.includes(beneficiary.idHash))
  );
}

export const OWN_HOUSEHOLD_REFUSAL = {
  zh: '这是您自己家庭的申领，请交给其他工作人员办理',
  en: 'Nobody decides or pays a claim of their own household.',
} as const;

export interface Approver {
  userId: string;
  /** The approver's own region: its length is their level. */
  regionCode: string;
  duties: readonly StaffDuty[];
  household: StaffHousehold;
}

export type Refusal = { status: 403 | 409; zh: string; en: string };
export type ClaimDecisionOutcome =
  { ok: true; to: ClaimStatus; approval?: { by: string; level: RegionLevel } } | ({ ok: false } & Refusal);

const rank = (level: RegionLevel) => REGION_LEVELS.length - REGION_LEVELS.indexOf(level); // village 1 … province 5

export function decideClaim(
  claim: Pick<Claim, 'status' | 'createdBy' | 'needsSecondApproval' | 'approvals' | 'vouchedBy'>,
  beneficiary: BeneficiaryPerson,
  approver: Approver,
  decision: 'approve' | 'reject',
): ClaimDecisionOutcome {
  if (claim.createdBy === approver.userId) {
    return { ok: false, status: 403, zh: '不能审核自己创建的申领', en: 'Nobody decides a claim they created.' };
  }
  if (isOwnHousehold(approver.household, beneficiary)) return { ok: false, status: 403, ...OWN_HOUSEHOLD_REFUSAL };
  if (claim.status !== 'submitted' && claim.status !== 'firstApproved') {
    return { ok: false, status: 409, zh: '这份申领已经处理过了', en: `The claim is ${claim.status} already.` };
  }
  // 审核 and 复核 are duties given to named officers, not every staff account.
  const duty: StaffDuty = claim.status === 'submitted' ? 'review' : 'recheck';
  if (!approver.duties.includes(duty)) {
    return duty === 'review'
      ? { ok: false, status: 403, zh: '您的账号没有审核申领的职责', en: 'Your account has no review duty.' }
      : { ok: false, status: 403, zh: '您的账号没有复核申领的职责', en: 'Your account has no recheck duty.' };
  }
  const level = levelOfRegion(approver.regionCode);
  // Stopping money is anyone's to do; releasing it is not for whoever vouched for what it rests on.
  if (decision === 'reject') return { ok: true, to: 'rejected' };
  if (claim.vouchedBy?.includes(approver.userId)) {
    return {
      ok: false,
      status: 403,
      zh: '这份申领依据的记录有您登记或核实的，请由另一位工作人员审核',
      en: 'Nobody approves a claim resting on a record they made or confirmed.',
    };
  }
  if (claim.approvals.some((approval) => approval.by === approver.userId)) {
    return {
      ok: false,
      status: 403,
      zh: '同一位工作人员不能审核两次',
      en: 'The second approval must come from another officer.',
    };
  }
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

/**
 * 退回重审: an officer who reviews (审核 or 复核) sends an approved claim back to 待审核 before it is
 * paid — a tip-off, a record found wrong, a question to ask first. It stops money rather than
 * releasing it, so it is any reviewer's to do; the claim is then approved again from the start.
 * Undefined when they may.
 */
export function reopenRefusal(
  claim: Pick<Claim, 'status' | 'paymentBatchId'>,
  officer: Pick<Approver, 'duties'>,
): Refusal | undefined {
  if (!officer.duties.includes('review') && !officer.duties.includes('recheck')) {
    return { status: 403, zh: '您的账号没有审核申领的职责，不能退回重审', en: 'Only an officer who reviews claims reopens one.' };
  }
  if (claim.status !== 'approved') {
    return { status: 409, zh: '只有审核通过、还没发放的申领可以退回重审', en: `The claim is ${claim.status}.` };
  }
  if (claim.paymentBatchId) {
    return {
      status: 409,
      zh: '这份申领已经进了发放批次，请找旗县负责发放的工作人员',
      en: 'The claim is in a payment batch already.',
    };
  }
  return undefined;
}
