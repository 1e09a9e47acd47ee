/**
 * 补贴: what each subsidy would pay and why; a worker's, employer's or agency's own
 * subsidies and 申领全部; the staff review queue and decisions (never one's own household's);
 * a region's standards (补贴标准) and its own dated steps; payout accounts (shown masked,
 * a change confirmed by a second person) and county payment batches with their bank file.
 */
import * as z from 'zod';
import { perHour } from '../http/rateLimit.js';
import { countyOrFinerSchema, regionCodeSchema } from '../regions/regionCode.js';
import { acceptedMonthSchema, monthSchema } from '../registry/employment.js';
import { idNumberSchema } from '../registry/idNumber.js';
import { bankReturnRequestSchema } from '../subsidies/bankReturn.js';
import { CARD_TEXT_OUTCOMES } from '../notices/textMessages.js';
import { receiptAnswerSchema } from '../subsidies/receipt.js';
import { recoveryOrderSchema, recoveryReceiptSchema, recoveryWriteOffSchema } from '../subsidies/recovery.js';
import { SUBSIDY_IDS } from '../subsidies/catalogue.js';
import {
  CLAIM_STATUSES,
  claimAllRequestSchema,
  claimDecisionSchema,
  claimReopenSchema,
  claimSchema,
  ownClaimSchema,
  claimSummarySchema,
  referenceSchema,
  subsidyResultSchema,
} from '../subsidies/claim.js';
import { subsidyFactsSchema } from '../subsidies/facts.js';
import { PARAMETER_UNITS } from '../subsidies/parameters.js';
import {
  CARD_ANSWERS,
  employerPayoutAccountSchema,
  PAYMENT_FILE_MEDIA_TYPE,
  paymentBatchSchema,
  paymentBatchSummarySchema,
  paymentLineSchema,
  PAYOUT_KINDS,
  payoutAccountSchema,
  WORKER_PAYOUT_KINDS,
} from '../subsidies/payment.js';
import { defineContract } from './contract.js';
import {
  batchIdParams,
  claimIdParams,
  employerIdParams,
  objectIn,
  pageQuerySchema,
  regionIn,
  STAFF,
  workerIdParams,
} from './common.js';

/**
 * A subsidy granted here whose local standard nobody has set yet (当地标准还没有公布): said, never
 * computed as zero; with the passage that grants it and leaves the amount to the region.
 */
export const unavailableSubsidySchema = z.object({
  subsidy: z.enum(SUBSIDY_IDS),
  name: z.string(),
  reason: z.string(),
  reference: referenceSchema.optional(),
});

/** A document whose passages decided the results: the policy's id and how it is cited. */
export const appliedPolicySchema = z.object({ policy: z.string(), document: z.string() });
export type AppliedPolicy = z.infer<typeof appliedPolicySchema>;

/** Someone's subsidies this month, from what the system holds, with the claims already made of these results. */
const standingSchema = z.object({
  period: monthSchema,
  results: z.array(subsidyResultSchema),
  unavailable: z.array(unavailableSubsidySchema),
  /** The documents that hold for them this month and grant what is shown. */
  policies: z.array(appliedPolicySchema),
  claims: z.array(ownClaimSchema),
});

/** The claims 申领全部 made or found already made, and how many are new. */
const claimedSchema = z.object({ claims: z.array(ownClaimSchema), created: z.number().int().min(0) });

/** A page of someone's claims, newest first; the first page says what all of them come to. */
const claimPageSchema = z.object({
  claims: z.array(ownClaimSchema),
  nextCursor: z.string().optional(),
  summary: claimSummarySchema.optional(),
});

export const subsidyContracts = {
  evaluate: defineContract({
    method: 'post',
    path: '/api/v1/subsidies/evaluate',
    summary: 'Anyone logged in: what each subsidy would pay for these facts in this region and month, and why',
    tag: 'subsidies',
    access: ['worker', 'employer', 'staff', 'admin'],
    proxy: 'read',
    scope: { kind: 'public' },
    body: z.strictObject({
      regionCode: regionCodeSchema,
      period: acceptedMonthSchema,
      facts: subsidyFactsSchema,
      subsidies: z.array(z.enum(SUBSIDY_IDS)).min(1).max(SUBSIDY_IDS.length).optional(),
    }),
    response: z.object({
      results: z.array(subsidyResultSchema),
      unavailable: z.array(unavailableSubsidySchema),
      /** The documents in force for the region in the month whose passages granted the results. */
      policies: z.array(appliedPolicySchema),
    }),
  }),

  mySubsidies: defineContract({
    method: 'get',
    path: '/api/v1/me/subsidies',
    summary: 'Worker (bound): every subsidy for them this month, from what the registry already holds',
    tag: 'subsidies',
    access: ['worker'],
    proxy: 'read',
    scope: { kind: 'self' },
    response: standingSchema,
  }),

  claimMine: defineContract({
    method: 'post',
    path: '/api/v1/me/subsidies/claims',
    summary: 'Worker (bound): claim every subsidy due now (申领全部), or the ones named; never twice',
    tag: 'subsidies',
    access: ['worker'],
    proxy: 'act',
    scope: { kind: 'self' },
    body: claimAllRequestSchema,
    response: claimedSchema,
    rateLimit: { perUser: perHour(20), perIp: perHour(300) },
  }),

  myClaims: defineContract({
    method: 'get',
    path: '/api/v1/me/claims',
    summary: 'Worker (bound): their claims and where each stands, newest first, a page at a time',
    tag: 'subsidies',
    access: ['worker'],
    proxy: 'read',
    scope: { kind: 'self' },
    query: pageQuerySchema,
    response: claimPageSchema,
  }),

  answerReceipt: defineContract({
    method: 'post',
    path: '/api/v1/me/claims/:claimId/receipt',
    summary:
      'Worker (bound): whether a subsidy paid reached their card (收到了 / 没收到), said once; 没收到 is the county’s task at once, with the card it went to',
    tag: 'subsidies',
    access: ['worker'],
    scope: { kind: 'self' },
    params: claimIdParams,
    body: receiptAnswerSchema,
    response: z.object({ claim: ownClaimSchema }),
    rateLimit: { perUser: perHour(30), perIp: perHour(300) },
  }),

  queue: defineContract({
    method: 'get',
    path: '/api/v1/claims',
    summary: 'Staff: the claims of a county, township or village in one status, oldest first (the review queue)',
    tag: 'subsidies',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: pageQuerySchema.extend({
      regionCode: countyOrFinerSchema,
      status: z.enum(CLAIM_STATUSES),
    }),
    response: z.object({ claims: z.array(claimSchema), nextCursor: z.string().optional() }),
  }),

  decide: defineContract({
    method: 'post',
    path: '/api/v1/claims/:claimId/decision',
    summary: 'Staff: approve or reject a claim on the version read (never their own or their household’s; large ones twice)',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('claim', 'claimId'),
    params: claimIdParams,
    body: claimDecisionSchema,
    response: z.object({ claim: claimSchema }),
    rateLimit: { perUser: perHour(300), perIp: perHour(1000) },
  }),

  reopen: defineContract({
    method: 'post',
    path: '/api/v1/claims/:claimId/reopen',
    summary: 'Staff who review: send an approved claim not yet in a payment batch back to 待审核, with a reason (退回重审)',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('claim', 'claimId'),
    params: claimIdParams,
    body: claimReopenSchema,
    response: z.object({ claim: claimSchema }),
    rateLimit: { perUser: perHour(300), perIp: perHour(1000) },
  }),

  orderRecovery: defineContract({
    method: 'post',
    path: '/api/v1/claims/:claimId/recovery',
    summary:
      'County staff who recheck: a paid claim found paid wrongly is to be paid back (追回), all or part, with the reason the person reads; a worker’s village is given the errand of telling them',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('claim', 'claimId'),
    params: claimIdParams,
    body: recoveryOrderSchema,
    response: z.object({ claim: claimSchema }),
    rateLimit: { perUser: perHour(100), perIp: perHour(1000) },
  }),

  recoveryReceived: defineContract({
    method: 'post',
    path: '/api/v1/claims/:claimId/recovery/received',
    summary: 'County payer, not who ordered it: the money of a recovery came back, under the bank’s reference (已追回)',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('claim', 'claimId'),
    params: claimIdParams,
    body: recoveryReceiptSchema,
    response: z.object({ claim: claimSchema }),
    rateLimit: { perUser: perHour(300), perIp: perHour(1000) },
  }),

  recoveryWrittenOff: defineContract({
    method: 'post',
    path: '/api/v1/claims/:claimId/recovery/write-off',
    summary:
      'County payer, not who ordered it: a recovery that cannot come back is written off (核销) on the county’s approval document, with the reason the person reads',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('claim', 'claimId'),
    params: claimIdParams,
    body: recoveryWriteOffSchema,
    response: z.object({ claim: claimSchema }),
    rateLimit: { perUser: perHour(100), perIp: perHour(1000) },
  }),

  declareHousehold: defineContract({
    method: 'put',
    path: '/api/v1/me/household',
    summary: 'Staff: declare their household (own and family members’ ID numbers), whose claims they may not decide or pay',
    tag: 'subsidies',
    access: STAFF,
    scope: { kind: 'self' },
    body: z.strictObject({
      /** Every member, oneself included; kept only as keyed hashes. */
      idNumbers: z.array(idNumberSchema).min(1, '请至少填写本人的身份证号').max(20),
    }),
    // Only how many were kept: saying which numbers are in the registry would let anyone probe it.
    response: z.object({ members: z.number().int() }),
    rateLimit: { perUser: perHour(10), perIp: perHour(100) },
  }),

  employerSubsidies: defineContract({
    method: 'get',
    path: '/api/v1/me/employer/subsidies',
    summary:
      'Employer or agency: its own subsidies this month (workshop rewards, transfer services…), from what the system holds',
    tag: 'subsidies',
    access: ['employer'],
    scope: { kind: 'self' },
    response: standingSchema,
  }),

  employerClaim: defineContract({
    method: 'post',
    path: '/api/v1/me/employer/subsidies/claims',
    summary: 'Verified employer or agency: claim its subsidies due now (workshop rewards, transfer services), never twice',
    tag: 'subsidies',
    access: ['employer'],
    scope: { kind: 'self' },
    body: claimAllRequestSchema,
    response: claimedSchema,
    rateLimit: { perUser: perHour(20), perIp: perHour(300) },
  }),

  employerClaims: defineContract({
    method: 'get',
    path: '/api/v1/me/employer/claims',
    summary: 'Employer or agency: its claims and where each stands, newest first, a page at a time',
    tag: 'subsidies',
    access: ['employer'],
    scope: { kind: 'self' },
    query: pageQuerySchema,
    response: claimPageSchema,
  }),
};

// ---------------------------------------------------------------- standards (补贴标准)

const parameterStepSchema = z.strictObject({
  from: z.iso.date(),
  /** `null` ends the parameter in this region from that date. */
  value: z.number().min(0, '标准不能是负数').max(100_000_000).nullable(),
});

/** A step as stored: set by a recorded local document (cited), or demo data. */
const storedStepSchema = z.object({
  from: z.iso.date(),
  value: z.number().nullable(),
  example: z.boolean().optional(),
  document: referenceSchema.optional(),
});

/** What holds in a region on a day: a value and where it was set, an end, or nothing set at all. */
export const parameterReadingSchema = z.union([
  z.object({
    status: z.literal('value'),
    value: z.number(),
    from: z.string(),
    until: z.string().optional(),
    setIn: z.string(),
    example: z.boolean(),
  }),
  z.object({ status: z.literal('ended'), since: z.string(), setIn: z.string() }),
  z.object({ status: z.literal('missing') }),
]);

/** A change of a region's steps waiting for a second admin: what it would put in force, who proposed it and when. */
const stepsProposalSchema = z.object({
  steps: z.array(storedStepSchema),
  proposedBy: z.string(),
  proposedAt: z.iso.datetime(),
});

const parameterViewSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(PARAMETER_UNITS),
  reference: referenceSchema,
  /** True where the documents fix the number: nobody in a region may change it. */
  fixedByPolicy: z.boolean(),
  /** What holds today in this region, and where it was set. */
  today: parameterReadingSchema,
  /** The steps this region set itself (editable), with their version, who proposed and who confirmed them. */
  own: z
    .object({
      steps: z.array(storedStepSchema),
      version: z.number(),
      updatedBy: z.string(),
      updatedAt: z.string(),
      confirmedBy: z.string().optional(),
    })
    .optional(),
  /** A change one admin proposed, waiting for another to confirm it (四眼): not in force yet. */
  proposal: stepsProposalSchema.optional(),
});

export const parameterContracts = {
  list: defineContract({
    method: 'get',
    path: '/api/v1/regions/:code/parameters',
    summary: 'Staff: the subsidy standards in force in a region today, where each was set, and its document',
    tag: 'subsidies',
    access: STAFF,
    scope: regionIn('params', 'code'),
    params: z.object({ code: regionCodeSchema }),
    response: z.object({ parameters: z.array(parameterViewSchema) }),
  }),

  setSteps: defineContract({
    method: 'put',
    path: '/api/v1/regions/:code/parameters/:key',
    summary:
      'Admin of the region: propose its own dated steps of a standard the documents leave to local governments; in force once another admin confirms them',
    tag: 'subsidies',
    access: ['admin'],
    scope: regionIn('params', 'code'),
    params: z.object({ code: regionCodeSchema, key: z.string().regex(/^[A-Za-z]{1,60}$/, '不是标准的名称') }),
    body: z
      .strictObject({
        /** The version of this region's steps read; absent when the region has none yet. */
        version: z.number().int().min(1).optional(),
        /** The waiting proposal read (its time), which this one replaces; absent when none was waiting. */
        replaces: z.iso.datetime().optional(),
        steps: z.array(parameterStepSchema).min(1).max(20),
      })
      .refine((body) => body.steps.every((step, i) => i === 0 || step.from > body.steps[i - 1]!.from), {
        path: ['steps'],
        message: '各段的开始日期应从早到晚排列，且不能重复',
      }),
    response: z.object({ proposal: stepsProposalSchema }),
  }),

  confirmSteps: defineContract({
    method: 'post',
    path: '/api/v1/regions/:code/parameters/:key/confirm',
    summary: 'Another admin of the region: put in force the proposed steps they saw (never their own proposal)',
    tag: 'subsidies',
    access: ['admin'],
    scope: regionIn('params', 'code'),
    params: z.object({ code: regionCodeSchema, key: z.string().regex(/^[A-Za-z]{1,60}$/, '不是标准的名称') }),
    body: z.strictObject({ proposedAt: z.iso.datetime() }),
    response: z.object({ steps: z.array(storedStepSchema), version: z.number() }),
  }),
};

// ---------------------------------------------------------------- payout accounts and payments

/** The bank sent back money paid to the account (银行退回): when, and what it said. */
const bankReturnedSchema = z.object({ at: z.iso.datetime(), reason: z.string() });
/**
 * An employer's corporate account as it is shown: the bank, the number masked to its last four
 * digits, and money the bank sent back from it (nothing more is paid to it until it is replaced).
 */
const corporateAccountViewSchema = z.object({
  kind: z.literal('corporateAccount'),
  bankName: z.string(),
  numberMasked: z.string(),
  bankReturned: bankReturnedSchema.optional(),
});
/** Any account as staff see it: kind, bank, mask. */
const maskedAccountSchema = z.object({
  kind: z.enum(PAYOUT_KINDS),
  bankName: z.string().optional(),
  numberMasked: z.string(),
});
/** What the worker said of a card entered for them, and when. */
const ownerAnswerSchema = z.object({ answer: z.enum(CARD_ANSWERS), at: z.iso.datetime() });
/**
 * A worker's own card as they see it: the kind, the last four digits, when it was entered
 * (what their answer names) and what they said of it; nothing of who entered it.
 */
const workerCardSchema = z.object({
  kind: z.enum(WORKER_PAYOUT_KINDS),
  numberMasked: z.string(),
  enteredAt: z.iso.datetime(),
  ownerAnswer: ownerAnswerSchema.optional(),
  bankReturned: bankReturnedSchema.optional(),
});
const myCardSchema = z.object({
  card: workerCardSchema.nullable(),
  waiting: workerCardSchema.nullable(),
  /** 收款卡变更提醒 on WeChat: the template to ask 允许 for (null: off here), and how many 允许 are kept. */
  notices: z.object({ templateId: z.string().nullable(), allowed: z.number().int().min(0) }),
});
/** True when what was entered waits for a second person (待确认): a worker's every card, an employer's change. */
const pendingSchema = z.boolean();
/** An entry as the staff who may confirm it see it: masked, who entered it and when (what a confirmation names), and what the worker said of it. */
const enteredAccountSchema = maskedAccountSchema.extend({
  setBy: z.string(),
  setAt: z.iso.datetime(),
  ownerAnswer: ownerAnswerSchema.optional(),
  bankReturned: bankReturnedSchema.optional(),
  /** What became of the text telling the worker of it (短信提醒): the confirming officer sees whether they were told. */
  texted: z.object({ outcome: z.enum(CARD_TEXT_OUTCOMES), at: z.iso.datetime(), to: z.string().optional() }).optional(),
});
const accountsOnFileSchema = z.object({
  account: enteredAccountSchema.nullable(),
  pending: enteredAccountSchema.nullable(),
  /** The last entry the worker said was not theirs while it waited: withdrawn, kept to be looked into. */
  withdrawn: enteredAccountSchema.nullable(),
});
/** What the confirming officer saw: the waiting entry's time. An entry replaced since is refused (409), never confirmed blind. */
const confirmationSchema = z.strictObject({ setAt: z.iso.datetime('应为看到的那次登记的时间') });

/** Shown at most of a reading's returns, rows not listed and problems: the counts say how many in all. */
export const RETURN_FILE_SHOWN = 100;

/** A return file read against its batch (银行回盘), before and after its returns are recorded. */
const returnFileAnswerSchema = z.object({
  /** SHA-256 of the file: recording names it, so what is recorded is what was read. */
  digest: z.string(),
  paid: z.object({ count: z.number().int().min(0), fen: z.number().int().min(0) }),
  returns: z.object({
    count: z.number().int().min(0),
    fen: z.number().int().min(0),
    /** Not recorded yet. Recording records up to 50 a request: while any are left, record again. */
    toRecord: z.number().int().min(0),
    shown: z.array(
      z.object({
        row: z.number().int().min(1),
        claimId: z.string(),
        name: z.string(),
        amountFen: z.number().int().min(0),
        reason: z.string(),
        bankReference: z.string(),
        /** Recorded already (by hand or an earlier reading): recording again leaves it as it is. */
        recorded: z.boolean(),
      }),
    ),
  }),
  /** 序号 of the batch's rows the file does not list. */
  unlisted: z.object({ count: z.number().int().min(0), rows: z.array(z.number().int().min(1)) }),
  /** By the file's row (0: the file as a whole); nothing is recorded while there is any. */
  problems: z.object({
    count: z.number().int().min(0),
    shown: z.array(z.object({ line: z.number().int().min(0), message: z.string() })),
  }),
  /** Returns this request recorded. */
  recorded: z.number().int().min(0).optional(),
  batch: paymentBatchSummarySchema,
});

export const paymentContracts = {
  setWorkerAccount: defineContract({
    method: 'put',
    path: '/api/v1/registry/workers/:workerId/payout-account',
    summary: 'Staff: the bank card or social security card a worker’s subsidies are paid to (audited; shown masked)',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    body: payoutAccountSchema,
    response: z.object({
      kind: z.enum(WORKER_PAYOUT_KINDS),
      numberMasked: z.string(),
      pending: pendingSchema,
      /** Whether the worker was sent a WeChat message about it (only with a 允许 they gave). */
      notified: z.boolean(),
      /** The phone on the record a text about it goes to (短信提醒), masked; null: no phone, or no texts here. */
      textTo: z.string().nullable(),
    }),
    rateLimit: { perUser: perHour(100), perIp: perHour(500) },
  }),

  workerAccount: defineContract({
    method: 'get',
    path: '/api/v1/registry/workers/:workerId/payout-account',
    summary: 'Staff: the worker’s account in force and a change waiting for confirmation, masked, with who entered each',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    response: accountsOnFileSchema,
  }),

  confirmWorkerAccount: defineContract({
    method: 'post',
    path: '/api/v1/registry/workers/:workerId/payout-account/confirm',
    summary: 'Staff (not who entered it): put the worker’s card they saw waiting in force (audited)',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    body: confirmationSchema,
    response: maskedAccountSchema,
    rateLimit: { perUser: perHour(100), perIp: perHour(500) },
  }),

  confirmEmployerAccount: defineContract({
    method: 'post',
    path: '/api/v1/employers/:employerId/payout-account/confirm',
    summary: 'Staff in scope: put the change of an employer’s corporate account they saw waiting in force',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('employer', 'employerId'),
    params: employerIdParams,
    body: confirmationSchema,
    response: maskedAccountSchema,
    rateLimit: { perUser: perHour(100), perIp: perHour(500) },
  }),

  myCard: defineContract({
    method: 'get',
    path: '/api/v1/me/payout-account',
    summary:
      'Worker: the card their subsidies are paid to and one waiting for a second officer, masked, so a wrong card is noticed',
    tag: 'subsidies',
    access: ['worker'],
    proxy: 'read',
    scope: { kind: 'self' },
    response: myCardSchema,
  }),

  answerMyCard: defineContract({
    method: 'post',
    path: '/api/v1/me/payout-account/answer',
    summary:
      'Worker: say of a card entered for them 是我的卡 or 不是我的卡 — a waiting one is then withdrawn, one in force paid nothing, and the county told',
    tag: 'subsidies',
    access: ['worker'],
    scope: { kind: 'self' },
    body: z.strictObject({
      /** The entry the worker saw (its enteredAt): one replaced since is refused, never answered blind. */
      enteredAt: z.iso.datetime('应为看到的那张卡的登记时间'),
      answer: z.enum(CARD_ANSWERS, '应为 mine 或 notMine'),
    }),
    response: myCardSchema,
    rateLimit: { perUser: perHour(20), perIp: perHour(200) },
  }),

  allowCardNotice: defineContract({
    method: 'post',
    path: '/api/v1/me/payout-account/notices',
    summary:
      'Worker: keep the 允许 WeChat gave for 收款卡变更提醒 (一次性订阅: each lets one message through when an officer enters a card)',
    tag: 'subsidies',
    access: ['worker'],
    scope: { kind: 'self' },
    body: z.strictObject({ templateId: z.string().min(1).max(64) }),
    response: z.object({ allowed: z.number().int().min(0) }),
    rateLimit: { perUser: perHour(20), perIp: perHour(200) },
  }),

  employerAccountForStaff: defineContract({
    method: 'get',
    path: '/api/v1/employers/:employerId/payout-account',
    summary:
      'Staff in scope: an employer’s corporate account in force and a change waiting, masked, with who entered each and when',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('employer', 'employerId'),
    params: employerIdParams,
    response: accountsOnFileSchema,
  }),

  setEmployerAccount: defineContract({
    method: 'put',
    path: '/api/v1/me/employer/payout-account',
    summary: 'Employer or agency: the corporate account (对公账户) its subsidies are paid to (shown masked)',
    tag: 'subsidies',
    access: ['employer'],
    scope: { kind: 'self' },
    body: employerPayoutAccountSchema,
    response: corporateAccountViewSchema.extend({ pending: pendingSchema }),
    rateLimit: { perUser: perHour(10), perIp: perHour(100) },
  }),

  employerAccount: defineContract({
    method: 'get',
    path: '/api/v1/me/employer/payout-account',
    summary: 'Employer or agency: its corporate account on file (bank and masked number), or null when none is',
    tag: 'subsidies',
    access: ['employer'],
    scope: { kind: 'self' },
    response: z.object({ account: corporateAccountViewSchema.nullable(), pending: corporateAccountViewSchema.nullable() }),
  }),

  pay: defineContract({
    method: 'post',
    path: '/api/v1/claims/payments',
    summary: 'County staff: pay every approved claim of a region in one batch, each exactly once (a retry returns the batch)',
    tag: 'subsidies',
    access: STAFF,
    scope: regionIn('body', 'regionCode'),
    body: z.strictObject({
      regionCode: countyOrFinerSchema,
      idempotencyKey: z.uuid('应为 UUID'),
    }),
    response: z.object({ batch: paymentBatchSchema }),
    rateLimit: { perUser: perHour(10), perIp: perHour(100) },
  }),

  file: defineContract({
    method: 'get',
    path: '/api/v1/claims/payments/:batchId/file',
    summary: 'County staff: the batch as a CSV for the bank (name, masked ID, card, amount); every download is audited',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('paymentBatch', 'batchId'),
    raw: PAYMENT_FILE_MEDIA_TYPE,
    params: batchIdParams,
    response: z.unknown(),
    rateLimit: { perUser: perHour(30), perIp: perHour(300) },
  }),

  batches: defineContract({
    method: 'get',
    path: '/api/v1/claims/payments',
    summary:
      'County payer: the payment batches of a county or township, newest first (以前的发放批次), with what the bank sent back; an unfinished one of the caller’s with its key to resume it',
    tag: 'subsidies',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: pageQuerySchema.extend({ regionCode: countyOrFinerSchema }),
    response: z.object({ batches: z.array(paymentBatchSummarySchema), nextCursor: z.string().optional() }),
  }),

  batch: defineContract({
    method: 'get',
    path: '/api/v1/claims/payments/:batchId',
    summary:
      'County payer: one finished batch and its rows as the bank’s file numbers them (序号), masked, each with its return if any; `name` finds a person or unit in it',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('paymentBatch', 'batchId'),
    params: batchIdParams,
    query: pageQuerySchema.extend({ name: z.string().trim().min(1, '请写要找的姓名').max(40).optional() }),
    response: z.object({
      batch: paymentBatchSummarySchema,
      lines: z.array(paymentLineSchema),
      nextCursor: z.string().optional(),
    }),
  }),

  readReturnFile: defineContract({
    method: 'post',
    path: '/api/v1/claims/payments/:batchId/return-file',
    summary:
      'County payer: the bank’s return file (银行回盘, CSV or XLSX, the request body; application/octet-stream is told apart by its first bytes) read against the batch: what arrived, what came back, what does not match; with `record` (the digest the reading answered) its returns are recorded, up to 50 a request, unless anything does not match',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('paymentBatch', 'batchId'),
    params: batchIdParams,
    query: z.object({
      record: z
        .string()
        .regex(/^[0-9a-f]{64}$/, '应为读文件时答复的 digest')
        .optional(),
    }),
    response: returnFileAnswerSchema,
    rateLimit: { perUser: perHour(60), perIp: perHour(300) },
  }),

  returnPayment: defineContract({
    method: 'post',
    path: '/api/v1/claims/payments/:batchId/returns',
    summary:
      'County payer: the bank sent back one payment of the batch (银行退回): the claim waits for the next batch, the account is paid nothing more until another is confirmed, the village is given a task',
    tag: 'subsidies',
    access: STAFF,
    scope: objectIn('paymentBatch', 'batchId'),
    params: batchIdParams,
    body: bankReturnRequestSchema,
    response: z.object({ batch: paymentBatchSchema }),
    rateLimit: { perUser: perHour(300), perIp: perHour(1000) },
  }),
};
