/**
 * 短信提醒: text messages to a worker when what their money rests on changes, whoever changed it
 * and whether or not they use WeChat. A card entered for them (收款卡) goes to the phone on their
 * record; a phone number changed on their record is told to the number it replaced, so an officer
 * who changes the phone and then the card cannot keep both messages from the person; and a subsidy
 * paid to them says how much went to which card, so money that never came is asked about.
 *
 * Each message is a template registered with the SMS provider (its wording below, `{1}`… its
 * parameters, which are all that is sent): nothing in it identifies the person to whoever holds
 * the phone beyond what they already know, and never a whole card or phone number.
 */
import { fenToYuan } from '../money.js';
import { chinaDate } from '../registry/employment.js';
import { PAYOUT_KIND_ZH, WORKER_PAYOUT_KINDS } from '../subsidies/payment.js';

export const TEXT_TEMPLATES = ['cardEntered', 'phoneChanged', 'claimPaid'] as const;
export type TextTemplate = (typeof TEXT_TEMPLATES)[number];

/** The words each template is registered with (短信正文模板), the signature (签名) put before them by the provider. */
export const TEXT_TEMPLATE_WORDING: Record<TextTemplate, string> = {
  cardEntered:
    '{1}工作人员为您登记了收补贴的{2}，卡号尾号{3}。不是您的卡的，请在微信小程序“帮扶就业”的“我的补贴”里点“不是我的卡”，或告诉县就业服务中心。',
  phoneChanged: '您在帮扶就业登记的手机号（尾号{1}）已于{2}改成别的号码。不是您要求改的，请告诉县就业服务中心。',
  claimPaid:
    '您申领的{1}{2}已于{3}发往尾号{4}的卡，请留意到账。没有收到的，请在微信小程序“帮扶就业”的“申领进度”里点“没收到”，或告诉县就业服务中心。',
};

export interface TextMessage {
  template: TextTemplate;
  /** 11 digits, a mainland mobile number. */
  phone: string;
  /** The template's parameters, in order. */
  params: string[];
}

/** A phone number as staff are told where a text went: 138****5678. */
export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/**
 * What became of the text about a card entered for a worker, kept on the entry for the officer who
 * confirms it: sent to the phone on the record, refused by the provider (a number that is not a
 * mobile's), or not sent for want of a phone.
 */
export const CARD_TEXT_OUTCOMES = ['sent', 'refused', 'noPhone'] as const;
export interface CardText {
  outcome: (typeof CARD_TEXT_OUTCOMES)[number];
  at: string;
  /** The phone, masked (138****5678); none when there was none. */
  to?: string;
}

/** The day of an instant as a person reads it, in China: 12月8日. */
export function monthDayZh(instant: string): string {
  const [, month, day] = chinaDate(new Date(instant)).split('-').map(Number);
  return `${month}月${day}日`;
}

/** What a stream image of a card entry carries that a message needs. */
export interface CardEntry {
  kind: string;
  numberMasked: string;
  setAt: string;
}

/**
 * The message for a card entered for a worker: `after` is the entry waiting for confirmation now,
 * `before` the one waiting before the write. Only a new entry is news (its setAt differs), not a
 * confirmation, an answer or a count of WeChat 允许 written to the same item.
 */
export function cardEnteredText(
  before: CardEntry | undefined,
  after: CardEntry | undefined,
  phone: string | undefined,
): TextMessage | undefined {
  if (!after || !phone || after.setAt === before?.setAt) return undefined;
  const kind = (WORKER_PAYOUT_KINDS as readonly string[]).includes(after.kind)
    ? PAYOUT_KIND_ZH[after.kind as (typeof WORKER_PAYOUT_KINDS)[number]]
    : undefined;
  if (!kind) return undefined; // an employer's own corporate account: entered by the employer itself
  return { template: 'cardEntered', phone, params: [monthDayZh(after.setAt), kind, after.numberMasked.slice(-4)] };
}

/** What a stream image of a claim carries that a message needs. */
export interface PaidClaim {
  status: string;
  name: string;
  amountFen: number;
  beneficiary: { kind: string };
  history: readonly { at: string; to: string }[];
}

/**
 * The message for a worker's subsidy paid (its bank file built): the day, the subsidy, the amount
 * and the last four digits of the card it went to. Only the step into 已发放 is news.
 */
export function claimPaidText(
  before: Pick<PaidClaim, 'status'> | undefined,
  after: PaidClaim | undefined,
  phone: string | undefined,
  cardLastFour: string | undefined,
): TextMessage | undefined {
  if (after?.status !== 'paid' || before?.status === 'paid' || after.beneficiary.kind !== 'worker') return undefined;
  const paidAt = after.history.findLast((step) => step.to === 'paid')?.at;
  if (!phone || !cardLastFour || !paidAt) return undefined;
  return {
    template: 'claimPaid',
    phone,
    params: [after.name, `${fenToYuan(after.amountFen)}元`, monthDayZh(paidAt), cardLastFour],
  };
}

/** The message to the number a record's phone replaced (or removed); none when it had none or did not change. */
export function phoneChangedText(
  before: { phone?: string | null } | undefined,
  after: { phone?: string | null; updatedAt: string } | undefined,
): TextMessage | undefined {
  const old = before?.phone;
  if (!old || !after || after.phone === old) return undefined;
  return { template: 'phoneChanged', phone: old, params: [old.slice(-4), monthDayZh(after.updatedAt)] };
}
