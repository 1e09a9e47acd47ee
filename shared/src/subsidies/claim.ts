/**
 * Claims (申领): one per beneficiary, subsidy and period key, made unique by a
 * conditional write, so a double tap, a retry or two staff at once never make two.
 * A claim keeps the rules' trace and the parameters they read (with their dates and
 * documents), so approvers and auditors see why, even after the standards change.
 */
import * as z from 'zod';
import { proxyRefSchema } from '../family/family.js';
import { SUBSIDY_IDS } from './catalogue.js';

/** 审核中 / 一审通过待复核 / 已批准 / 未通过 / 已发放 / 追回中 / 已追回 */
export const CLAIM_STATUSES = [
  'submitted',
  'firstApproved',
  'approved',
  'rejected',
  'paid',
  'recovering',
  'recovered',
  'writtenOff', // 核销: money ordered back that cannot come back, closed on the county's approval document
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** Still being handled: neither paid nor refused. */
export const isClaimInProgress = (status: ClaimStatus) =>
  status === 'submitted' || status === 'firstApproved' || status === 'approved';

/**
 * 追回: money a paid claim should not have paid (冒名顶替, 不履职取酬, a record found false — file 000
 * §(四), file 003 §(八): 及时纠正查处), to be paid back, all or part: ordered with its reason by a
 * county officer who rechecks, received (the bank's reference) by another who pays, or written off
 * (核销) by another who pays on the county's approval document when it cannot come back.
 */
export const recoverySchema = z.object({
  amountFen: z.number().int().min(1),
  reason: z.string(),
  orderedBy: z.string(),
  orderedAt: z.iso.datetime(),
  received: z.object({ by: z.string(), at: z.iso.datetime(), bankReference: z.string() }).optional(),
  /** 核销: not to come back, on the county's approval document (文号), recorded by a payer other than who ordered it. */
  writtenOff: z.object({ by: z.string(), at: z.iso.datetime(), documentNo: z.string(), reason: z.string() }).optional(),
});
export type Recovery = z.infer<typeof recoverySchema>;

/** What someone's claims come to, all of them: the head of a list shown a page at a time. */
export const claimSummarySchema = z.object({
  all: z.number().int().min(0),
  inProgress: z.number().int().min(0),
  /** What was paid and stays paid: what is being or was recovered (追回) is not counted; what was written off (核销) is. */
  paidFen: z.number().int().min(0),
  /** What they are asked to pay back (追回中). */
  owedFen: z.number().int().min(0),
});
export type ClaimSummary = z.infer<typeof claimSummarySchema>;

/** Claims whose money went out: paid, and paid then ordered back (追回), whether it came back or was written off. */
export const PAID_OUT: readonly ClaimStatus[] = ['paid', 'recovering', 'recovered', 'writtenOff'];

export function summariseClaims(claims: readonly Pick<Claim, 'status' | 'amountFen' | 'recovery'>[]): ClaimSummary {
  const paid = claims.filter((c) => PAID_OUT.includes(c.status));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    all: claims.length,
    inProgress: claims.filter((c) => isClaimInProgress(c.status)).length,
    paidFen: sum(paid.map((c) => c.amountFen - (c.status === 'writtenOff' ? 0 : (c.recovery?.amountFen ?? 0)))),
    owedFen: sum(paid.filter((c) => c.status === 'recovering').map((c) => c.recovery?.amountFen ?? 0)),
  };
}

/** One step of a claim's life, as the audit keeps it: who moved it from which state to which, and why. */
export const claimStepSchema = z.object({
  at: z.iso.datetime(),
  by: z.string(),
  from: z.enum(CLAIM_STATUSES).nullable(),
  to: z.enum(CLAIM_STATUSES),
  reason: z.string().optional(),
});

/** Who asked: the worker themself, staff on their behalf, the monthly 免申即享 run, or an employer or agency for itself. */
export const CLAIM_SOURCES = ['worker', 'staff', 'auto', 'employer'] as const;

/** A passage: the document as people read it, its section, and the policy's id (shipped or recorded). */
export const referenceSchema = z.object({ document: z.string(), section: z.string(), policy: z.string().optional() });

const traceLineSchema = z.object({
  kind: z.enum(['fact', 'parameter', 'rule']),
  text: z.string(),
  key: z.string().optional(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** Who stands behind a fact (村信息员 2026-12-03 登记 / 本人申报，待核实), shown to the approver. */
  source: z.string().optional(),
  from: z.string().optional(),
  setIn: z.string().optional(),
  example: z.boolean().optional(),
  reference: referenceSchema.optional(),
});

/** A result of the rules, as the API shows it. */
export const subsidyResultSchema = z.object({
  subsidy: z.enum(SUBSIDY_IDS),
  name: z.string(),
  item: z.string().optional(),
  beneficiary: z.enum(['worker', 'employer', 'agency']),
  eligible: z.boolean(),
  amountFen: z.number().int().min(0),
  periodKey: z.string(),
  claimed: z.boolean(),
  trace: z.array(traceLineSchema),
  missing: z.array(z.string()),
  reference: referenceSchema,
});

/** Who is paid: a worker, or an employer or agency (帮扶车间奖补, 就业创业服务补助). */
export const claimBeneficiarySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('worker'), workerId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('employer'), employerId: z.string(), name: z.string() }),
]);
export type ClaimBeneficiary = z.infer<typeof claimBeneficiarySchema>;

/** Which worker or employer, without the name. */
export type BeneficiaryRef = { kind: 'worker'; workerId: string } | { kind: 'employer'; employerId: string };

/** The beneficiary as the claim's key and its id name it. */
export const beneficiaryKey = (beneficiary: BeneficiaryRef): string =>
  beneficiary.kind === 'worker' ? `worker#${beneficiary.workerId}` : `employer#${beneficiary.employerId}`;

export const claimSchema = z.object({
  claimId: z.string(),
  subsidy: z.enum(SUBSIDY_IDS),
  name: z.string(),
  item: z.string().optional(),
  periodKey: z.string(),
  /** The month the rules were evaluated for. */
  period: z.string(),
  beneficiary: claimBeneficiarySchema,
  /** The beneficiary's village (a worker's) or the employer's township or village: whose staff review it. */
  regionCode: z.string(),
  /** 在岗领补: the post's village, whose township keeps the month's attendance and its integrity flags (not always the holder's). */
  postVillageCode: z.string().optional(),
  amountFen: z.number().int().min(0),
  trace: z.array(traceLineSchema),
  reference: referenceSchema,
  status: z.enum(CLAIM_STATUSES),
  /** Above the region's threshold a second approver, of a higher level than the first, is needed. */
  needsSecondApproval: z.boolean(),
  /** Who approved, and at which level (township, county…). */
  approvals: z.array(z.object({ by: z.string(), level: z.string(), at: z.iso.datetime() })),
  /** Every transition, oldest first. */
  history: z.array(claimStepSchema),
  source: z.enum(CLAIM_SOURCES),
  /** The payment batch that paid it. */
  paymentBatchId: z.string().optional(),
  /** 追回: paid wrongly, to be (or already) paid back. */
  recovery: recoverySchema.optional(),
  /** Once paid, the person's word on whether the money reached their card (收到了 / 没收到), on their own phone. */
  receipt: z.object({ received: z.boolean(), at: z.iso.datetime(), by: z.string() }).optional(),
  createdBy: z.string(),
  /**
   * The officers whose records the claim rests on (attendance, a circumstance, an employment month,
   * recorded or confirmed): none of them may approve it (四眼原则). For staff only, like account ids elsewhere.
   */
  vouchedBy: z.array(z.string()).optional(),
  /** 亲情服务: the family member who claimed in the worker's name (由 X 代办); `createdBy` is the worker's account. */
  proxy: proxyRefSchema.optional(),
  createdAt: z.iso.datetime(),
  idempotencyKey: z.string().optional(),
  version: z.number().int().min(1),
});
export type Claim = z.infer<typeof claimSchema>;

/** A claim as its beneficiary (or their family) sees it: without the officers' accounts it rests on, or who ordered a recovery. */
export const ownClaimSchema = claimSchema.omit({ vouchedBy: true, recovery: true }).extend({
  recovery: recoverySchema
    .pick({ amountFen: true, reason: true, orderedAt: true })
    .extend({ received: z.object({ at: z.iso.datetime() }).optional() })
    .optional(),
});
export type OwnClaim = z.infer<typeof ownClaimSchema>;

export const claimAllRequestSchema = z.strictObject({
  /** The client's key for this tap: a retry with the same key is the same request. */
  idempotencyKey: z.uuid('应为 UUID'),
  /** Only these subsidies (each must be due); all that are due when left out. */
  subsidies: z.array(z.enum(SUBSIDY_IDS)).min(1).max(SUBSIDY_IDS.length).optional(),
});

/** 退回重审: the version read, and why (the person reads it). */
export const claimReopenSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().min(4, '请写明为什么退回重审（至少 4 个字），申领人能看到').max(200),
});

export const claimDecisionSchema = z
  .strictObject({
    /** The version the approver read: someone else's decision in between is a 409. */
    version: z.number().int().min(1),
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(200).optional(),
  })
  .refine((d) => d.decision === 'approve' || (d.reason?.length ?? 0) >= 4, {
    path: ['reason'],
    message: '不通过时请写明原因（至少 4 个字），申领人能看到',
  });
