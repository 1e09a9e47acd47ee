/**
 * Paying approved claims: each worker's own account (a bank card or the social security
 * card's financial account, file 000 §(三): paid to the worker's own card), an employer's
 * or agency's corporate account (对公账户), and payment batches — every approved claim
 * of a region at the time, each paid exactly once.
 */
import * as z from 'zod';
import { returnRecordedBy } from './bankReturn.js';
import type { Claim } from './claim.js';
import { nameSchema } from '../names.js';

export const WORKER_PAYOUT_KINDS = ['bankCard', 'socialSecurityCard'] as const;
export const PAYOUT_KINDS = [...WORKER_PAYOUT_KINDS, 'corporateAccount'] as const;
export const PAYOUT_KIND_ZH: Record<(typeof PAYOUT_KINDS)[number], string> = {
  bankCard: '银行卡',
  socialSecurityCard: '社保卡',
  corporateAccount: '对公账户',
};

/** A worker's card. */
export const payoutAccountSchema = z.strictObject({
  kind: z.enum(WORKER_PAYOUT_KINDS),
  /** Digits only, as printed on the card without spaces. */
  number: z.string().regex(/^\d{12,19}$/, '卡号应为 12 到 19 位数字'),
});

/** An employer's or agency's corporate account: the bank's name is needed to pay into it. */
export const employerPayoutAccountSchema = z.strictObject({
  kind: z.literal('corporateAccount'),
  bankName: nameSchema(4, 40, '请写开户银行全称，如 中国农业银行固阳县支行'),
  number: z.string().regex(/^\d{8,30}$/, '对公账号应为 8 到 30 位数字'),
});

export const storedPayoutAccountSchema = z.union([payoutAccountSchema, employerPayoutAccountSchema]);
export type PayoutAccount = z.infer<typeof storedPayoutAccountSchema>;

/** "6228 **** **** 1234" style: the last four digits only. */
export function maskAccount(number: string): string {
  return `${'*'.repeat(Math.max(0, number.length - 4))}${number.slice(-4)}`;
}

/** Who put an account in force: who entered it, and who confirmed it when it was a change. */
export interface AccountPeople {
  setBy: string;
  confirmedBy?: string;
  /** When the worker said the card in force is not theirs (不是我的卡): nothing is paid to it. */
  disputedAt?: string;
  /** What the bank said when it sent back money paid to the account in force (银行退回): nothing more is paid to it. */
  returned?: string;
}

/** What a worker says of a card entered for them: 是我的卡, or 不是我的卡. */
export const CARD_ANSWERS = ['mine', 'notMine'] as const;
export type CardAnswer = (typeof CARD_ANSWERS)[number];

/**
 * Why a claim cannot go into this payer's batch, in plain Chinese; undefined when it can.
 * Separation of duties (审核 / 复核 / 发放): whoever approved a claim, whoever entered or
 * confirmed the account it is paid to, and whoever pays it are different people, and
 * nobody pays their own household. A claim refused here stays approved for another payer.
 */
export function paymentObstacle(
  claim: Pick<Claim, 'beneficiary' | 'approvals' | 'history' | 'status'>,
  account: AccountPeople | undefined,
  payer: { userId: string; ownHousehold: boolean },
): string | undefined {
  if (!account) {
    // A worker's card counts once a second officer confirmed it (paymentRepository.setAccount).
    return claim.beneficiary.kind === 'worker'
      ? '还没有登记银行卡或社保卡，或登记的卡还要另一位工作人员确认'
      : '单位没有登记对公账户';
  }
  if (account.disputedAt) return '本人说收款的卡不是自己的，请核实后重新登记卡，确认以后再发放';
  if (account.returned) return `银行退回过发到这个账户的钱（${account.returned}），请核实后重新登记账户，确认以后再发放`;
  const approvers = claim.approvals.map((a) => a.by);
  if (approvers.includes(payer.userId)) return '这份申领是您审核的，要由另一位工作人员发放';
  if (returnRecordedBy(claim) === payer.userId) return '银行退回是您登记的，要由另一位工作人员再发放';
  if (account.setBy === payer.userId || account.confirmedBy === payer.userId) {
    return '收款账户是您登记或确认的，要由另一位工作人员发放';
  }
  if (approvers.includes(account.setBy) || (account.confirmedBy && approvers.includes(account.confirmedBy))) {
    return '审核人也登记或确认了收款账户，请另一位工作人员核对账户后再发放';
  }
  if (payer.ownHousehold) return '这是您自己家庭的申领，要由另一位工作人员发放';
  return undefined;
}

/** The media type of a payment batch's file for the bank. */
export const PAYMENT_FILE_MEDIA_TYPE = 'text/csv; charset=utf-8';

/**
 * One CSV field a spreadsheet cannot run: text opening with = + - @, a tab or a carriage
 * return is a formula to Excel and WPS (CSV injection), so it is led by an apostrophe;
 * then quoted when it holds a comma, a quote or a line break.
 */
export function csvField(value: string | number): string {
  const raw = String(value);
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const paymentBatchSchema = z.object({
  batchId: z.string(),
  regionCode: z.string(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  /** Claims marked paid by this batch, and their total in fen. */
  claimIds: z.array(z.string()),
  count: z.number().int().min(0),
  totalFen: z.number().int().min(0),
  /** Approved claims left out, with why (no account on file): they stay approved for the next batch. */
  skipped: z.array(z.object({ claimId: z.string(), name: z.string(), reason: z.string() })),
  /** Payments the bank sent back (银行退回): their claims wait for the next batch, to another account. */
  returned: z.array(
    z.object({
      claimId: z.string(),
      name: z.string(),
      amountFen: z.number().int().min(0),
      reason: z.string(),
      bankReference: z.string(),
      at: z.iso.datetime(),
    }),
  ),
});
export type PaymentBatch = z.infer<typeof paymentBatchSchema>;

/**
 * A batch as a region's list shows it (以前的发放批次): when, by whom, how many and how much, and
 * what the bank sent back. `unfinished` is a batch whose payer's phone never heard the answer (the
 * claims it reserved wait in it): its own payer resumes it from any phone with `resumeKey`.
 */
/** The bank's return file (银行回盘) as last read into a batch: when, by whom, and what it said. */
export const returnFileMarkSchema = z.object({
  at: z.iso.datetime(),
  by: z.string(),
  /** SHA-256 of the file as uploaded: the file itself is not kept. */
  digest: z.string(),
  paidCount: z.number().int().min(0),
  returnedCount: z.number().int().min(0),
  unlistedCount: z.number().int().min(0),
});
export type ReturnFileMark = z.infer<typeof returnFileMarkSchema>;

export const paymentBatchSummarySchema = z.object({
  batchId: z.string(),
  regionCode: z.string(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  state: z.enum(['done', 'unfinished']),
  count: z.number().int().min(0),
  totalFen: z.number().int().min(0),
  returnedCount: z.number().int().min(0),
  returnedFen: z.number().int().min(0),
  returnFile: returnFileMarkSchema.optional(),
  resumeKey: z.uuid().optional(),
});
export type PaymentBatchSummary = z.infer<typeof paymentBatchSummarySchema>;

/**
 * One row of a batch's file, as the payer reads it to match the bank's return slip (退票回单):
 * its number in the file (序号), the person or unit, the subsidy, the amount, the account masked,
 * and the return recorded, if any.
 */
export const paymentLineSchema = z.object({
  row: z.number().int().min(1),
  claimId: z.string(),
  name: z.string(),
  subsidyName: z.string(),
  amountFen: z.number().int().min(0),
  account: z.object({ kind: z.enum(PAYOUT_KINDS), numberMasked: z.string() }),
  returned: z.object({ reason: z.string(), bankReference: z.string(), at: z.iso.datetime(), by: z.string() }).optional(),
});
export type PaymentLine = z.infer<typeof paymentLineSchema>;
