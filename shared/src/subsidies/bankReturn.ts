/**
 * 银行退回 (退票): the bank sent back money a batch paid — the account was closed, the name on it
 * is not the person's, the number does not exist, it is frozen. "Paid" was the bank's file, not
 * the money arriving: the claim goes back to 等待发放, the account it was sent to is paid nothing
 * more until another is entered and confirmed, and the village is asked to see the person.
 *
 * Marking money returned makes a claim payable again, so it names the bank's own reference and is
 * kept on the claim's history; the next payment of that claim is made by another payer.
 */
import * as z from 'zod';
import type { Warning } from '../monitoring/warnings.js';
import { bankReferenceSchema } from './bankReference.js';
import { chinaDate } from '../registry/employment.js';
import type { Claim } from './claim.js';
import { PAYOUT_KIND_ZH, type PayoutAccount } from './payment.js';

export const BANK_RETURN_REASONS = ['accountClosed', 'nameMismatch', 'noSuchAccount', 'accountFrozen', 'other'] as const;
export type BankReturnReason = (typeof BANK_RETURN_REASONS)[number];

export const BANK_RETURN_REASON_ZH: Record<BankReturnReason, string> = {
  accountClosed: '账户已销户',
  nameMismatch: '户名和账户不符',
  noSuchAccount: '账号不存在',
  accountFrozen: '账户冻结或挂失',
  other: '其他原因',
};

export const bankReturnRequestSchema = z
  .strictObject({
    claimId: z.string().min(1).max(200),
    reason: z.enum(BANK_RETURN_REASONS),
    /** What the bank wrote, when the reason is 其他. */
    note: z.string().trim().max(60).optional(),
    /** The bank's reference for the returned transfer (退票流水号), for the accounts to match. */
    bankReference: bankReferenceSchema('银行退票回单'),
  })
  .refine((r) => r.reason !== 'other' || (r.note?.length ?? 0) >= 2, {
    path: ['note'],
    message: '选了其他原因，请写上银行说的原因',
  });
export type BankReturnRequest = z.infer<typeof bankReturnRequestSchema>;

/** What the bank said, in the words the person and the officers read. */
export const bankReturnText = ({ reason, note }: Pick<BankReturnRequest, 'reason' | 'note'>): string =>
  reason === 'other' && note ? note : BANK_RETURN_REASON_ZH[reason];

/** The claim's history step of a return: paid → approved, the reason and the bank's reference in its words. */
export const bankReturnStepReason = (request: Pick<BankReturnRequest, 'reason' | 'note' | 'bankReference'>): string =>
  `银行退回：${bankReturnText(request)}（流水号 ${request.bankReference}）`;

/** A step of a claim's history that is a return: the money came back from the bank. */
export const isBankReturnStep = (step: Claim['history'][number]) => step.from === 'paid' && step.to === 'approved';

/** Who recorded the return the claim is waiting on since (its last step), if any: they do not pay it again. */
export function returnRecordedBy(claim: Pick<Claim, 'history' | 'status'>): string | undefined {
  const last = claim.history.at(-1);
  return claim.status === 'approved' && last && isBankReturnStep(last) ? last.by : undefined;
}

/** Kept on the account the money was sent to: nothing more goes to it until another is confirmed. */
export interface BankReturnMark {
  at: string;
  reason: BankReturnReason;
  note?: string;
  batchId: string;
}

export interface ReturnedPayment {
  workerId: string;
  name: string;
  villageCode: string;
  subsidyName: string;
  amountText: string;
  account: { kind: PayoutAccount['kind']; numberMasked: string; setAt: string };
  mark: BankReturnMark;
}

/** The village's task: see the person, and have their own card entered (and confirmed by a second officer). */
export function bankReturnWarning({
  workerId,
  name,
  villageCode,
  subsidyName,
  amountText,
  account,
  mark,
}: ReturnedPayment): Warning {
  const card = `${PAYOUT_KIND_ZH[account.kind]}（尾号 ${account.numberMasked.slice(-4)}）`;
  return {
    cause: 'payoutReturned',
    month: chinaDate(new Date(mark.at)).slice(0, 7),
    // One task a card: a second claim returned from the same card is the same errand.
    subject: `${workerId}#${account.setAt}`,
    workerIds: [workerId],
    regionCode: villageCode,
    level: 'village',
    text: `银行退回了发给 ${name} 的${subsidyName}（${amountText}）：${bankReturnText(mark)}。补贴先不发到这张${PAYOUT_KIND_ZH[account.kind]}。请当面核对本人的卡，登记正确的卡，由另一位工作人员确认以后再发放`,
    figures: [
      { label: '退回的卡', value: card },
      { label: '银行说', value: bankReturnText(mark) },
      { label: '退回日期', value: chinaDate(new Date(mark.at)) },
    ],
  };
}
