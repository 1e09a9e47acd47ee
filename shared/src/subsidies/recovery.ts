/**
 * 追回 (pure): a paid claim found paid wrongly — someone else did the post's work (顶岗替岗), the
 * person was paid without doing it (不履职取酬), a name or record was false (冒名顶替) — is to be
 * paid back, all or part (file 000 §(四) and file 003 §(八): 及时纠正查处). Who decides and who
 * receives are separate, as for paying: a county officer who rechecks (复核) orders it with the
 * reason the person reads; another who pays (发放) records the money back, under the bank's
 * reference. The claim keeps counting as made, so the rules never pay its period again.
 */
import * as z from 'zod';
import type { StaffDuty } from '../auth/schemas.js';
import type { Warning } from '../monitoring/warnings.js';
import { chinaDate, daysBetween } from '../registry/employment.js';
import { formatYuan } from '../money.js';
import type { Refusal } from './approval.js';
import { bankReferenceSchema } from './bankReference.js';
import type { Claim } from './claim.js';

export const recoveryOrderSchema = z.strictObject({
  /** The version the officer read: a claim changed since is a 409. */
  version: z.number().int().min(1),
  /** What is to be paid back, in fen: all of the claim, or the part paid wrongly. */
  amountFen: z.number().int('金额应为整数（分）').min(1, '追回金额应大于 0'),
  reason: z.string().trim().min(4, '请写明为什么追回（至少 4 个字），申领人能看到').max(200),
});
export type RecoveryOrder = z.infer<typeof recoveryOrderSchema>;

export const recoveryReceiptSchema = z.strictObject({
  version: z.number().int().min(1),
  bankReference: bankReferenceSchema('退回款的银行回单'),
});

/**
 * 核销: money ordered back that cannot come back (the person has died, or cannot pay and the county
 * has decided so) is written off on the county's approval document; the app records that decision,
 * it does not make it.
 */
export const recoveryWriteOffSchema = z.strictObject({
  version: z.number().int().min(1),
  documentNo: z.string().trim().min(4, '请填写批准核销的文件文号，如 固人社发〔2027〕3号').max(60, '文号最多 60 个字'),
  reason: z.string().trim().min(4, '请写明为什么收不回来（至少 4 个字），申领人能看到').max(200, '最多 200 字'),
});
export type RecoveryWriteOff = z.infer<typeof recoveryWriteOffSchema>;

/** The officer as these checks see them: their account, duties and whether their region is the county's or above. */
export interface RecoveryOfficer {
  userId: string;
  duties: readonly StaffDuty[];
  atCountyOrAbove: boolean;
}

/** Why this officer may not order the claim's recovery of this amount; undefined when they may. */
export function recoveryOrderRefusal(
  claim: Pick<Claim, 'status' | 'amountFen'>,
  officer: RecoveryOfficer,
  amountFen: number,
): (Refusal & { field?: string }) | undefined {
  if (!officer.atCountyOrAbove || !officer.duties.includes('recheck')) {
    return { status: 403, zh: '追回由旗县负责复核的工作人员决定', en: 'A recovery is ordered by a county officer who rechecks.' };
  }
  if (claim.status !== 'paid') {
    return { status: 409, zh: '只有已经发放的申领可以追回', en: `The claim is ${claim.status}.` };
  }
  if (amountFen > claim.amountFen) {
    return {
      status: 409,
      zh: `追回金额不能超过发放的 ${formatYuan(claim.amountFen)}`,
      en: 'More than the claim paid.',
      field: 'body.amountFen',
    };
  }
  return undefined;
}

/**
 * Why this officer may not close the recovery, by the money coming back (`recovered`) or by its
 * write-off (`writtenOff`); undefined when they may. Either is a county payer's, never the one who
 * ordered it.
 */
export function recoveryClosingRefusal(
  claim: Pick<Claim, 'status' | 'recovery'>,
  officer: RecoveryOfficer,
  closing: 'recovered' | 'writtenOff',
): Refusal | undefined {
  const what = closing === 'recovered' ? '登记收回' : '登记核销';
  if (!officer.atCountyOrAbove || !officer.duties.includes('pay')) {
    return { status: 403, zh: `追回的钱由旗县负责发放的工作人员${what}`, en: 'A recovery is closed by a county payer.' };
  }
  if (claim.status !== 'recovering' || !claim.recovery) {
    return { status: 409, zh: '这份申领现在不是追回中', en: `The claim is ${claim.status}.` };
  }
  if (claim.recovery.orderedBy === officer.userId) {
    return {
      status: 403,
      zh: `追回是您决定的，要由另一位工作人员${what}`,
      en: 'Whoever ordered a recovery does not close it.',
    };
  }
  return undefined;
}

/** The history step of an order, in the words the person reads. */
export const recoveryStepReason = (order: Pick<RecoveryOrder, 'amountFen' | 'reason'>) =>
  `追回 ${formatYuan(order.amountFen)}：${order.reason}`;

/** The village's task when a worker is to pay back: tell them why, how much, and how. */
export function recoveryWarning(
  claim: Pick<Claim, 'claimId' | 'name' | 'regionCode' | 'beneficiary'>,
  order: Pick<RecoveryOrder, 'amountFen' | 'reason'>,
  at: Date,
): Warning | undefined {
  if (claim.beneficiary.kind !== 'worker') return undefined; // an employer hears it from the county that ordered it
  const { workerId, name } = claim.beneficiary;
  return {
    cause: 'recoveryOrdered',
    month: chinaDate(at).slice(0, 7),
    // One task a claim: ordered again after a change, it is the same errand.
    subject: claim.claimId,
    workerIds: [workerId],
    regionCode: claim.regionCode,
    level: 'village',
    text: `${name} 的${claim.name}要追回 ${formatYuan(order.amountFen)}：${order.reason}。请当面告诉本人原因和金额，请本人按旗县人社局告知的账户退回`,
    figures: [
      { label: '追回金额', value: formatYuan(order.amountFen) },
      { label: '原因', value: order.reason },
      { label: '决定日期', value: chinaDate(at) },
    ],
  };
}

/**
 * A recovery still not received `dueDays` after it was ordered: the county's, every month until the
 * money is back (the village's errand of telling the person may be done long since). 及时纠正查处
 * (file 003 §(八)) is not done while the money is out.
 */
export function recoveryOverdueWarning(
  claim: Pick<Claim, 'claimId' | 'name' | 'regionCode' | 'beneficiary' | 'status' | 'recovery'>,
  today: string,
  dueDays: number,
): Warning | undefined {
  const { recovery } = claim;
  if (claim.status !== 'recovering' || !recovery) return undefined;
  const ordered = chinaDate(new Date(recovery.orderedAt));
  const days = daysBetween(ordered, today);
  if (days <= dueDays) return undefined;
  return {
    cause: 'recoveryOverdue',
    month: today.slice(0, 7),
    // One task a claim and month: told again each month the money is still out.
    subject: claim.claimId,
    ...(claim.beneficiary.kind === 'worker' ? { workerIds: [claim.beneficiary.workerId] } : {}),
    regionCode: claim.regionCode,
    level: 'county',
    text: `${claim.beneficiary.name} 的${claim.name}于 ${ordered} 决定追回 ${formatYuan(recovery.amountFen)}，${days} 天了还没有收回（期限 ${dueDays} 天）。请问清钱是否已退、为什么没退，退了的请负责发放的工作人员登记收回`,
    figures: [
      { label: '追回金额', value: formatYuan(recovery.amountFen) },
      { label: '原因', value: recovery.reason },
      { label: '决定日期', value: ordered },
      { label: '已过天数', value: days },
    ],
  };
}
