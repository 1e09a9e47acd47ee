/**
 * Paying approved claims: each worker's own account (a bank card or the social security
 * card's financial account, file 000 §(三): paid to the worker's own card), an employer's
 * or agency's corporate account (对公账户), and payment batches — every approved claim
 * of a region at the time, each paid exactly once.
 */
import { z } from 'zod';
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
});
export type PaymentBatch = z.infer<typeof paymentBatchSchema>;
