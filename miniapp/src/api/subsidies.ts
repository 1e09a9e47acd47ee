/**
 * The worker's subsidies: what each would pay this month and why (from the registry),
 * and 申领全部; an employer's or agency's own (我的奖补) and its corporate account.
 * Contracts: shared/src/api/subsidies.ts. Money is integer fen.
 */
import {
  paymentContracts,
  subsidyContracts,
  type CardAnswer,
  type OwnClaim,
  type ResponseOf,
  type SubsidyId,
  type WORKER_PAYOUT_KINDS,
} from '@bangfu/shared';
import { call, type ListPage } from './client';
import { wechatAllows } from './wechatConsent';

/** Someone's subsidies this month, those whose standard the region has not set for the month, and the claims made of them. */
export type MySubsidies = ResponseOf<typeof subsidyContracts.mySubsidies>;

export const fetchMySubsidies = () => call(subsidyContracts.mySubsidies, {});

/** The card the worker's subsidies go to, and one waiting for a second officer: masked. */
export const fetchMyCard = () => call(paymentContracts.myCard, {});
export type MyCards = ResponseOf<typeof paymentContracts.myCard>;
export type MyCard = NonNullable<MyCards['card']>;

/** 是我的卡 / 不是我的卡 about the entry the worker saw; answers their cards as they now stand. */
export const answerMyCard = (card: MyCard, answer: CardAnswer) =>
  call(paymentContracts.answerMyCard, { body: { enteredAt: card.enteredAt, answer } });

/** 收到了 / 没收到 about a subsidy paid to the worker; the claim as it now stands. */
export const answerClaimReceipt = (claimId: string, answer: 'received' | 'notReceived') =>
  call(subsidyContracts.answerReceipt, { params: { claimId }, body: { answer } });

/** One tap claims everything due; the key makes a retry of the same tap harmless. */
export const claimAll = (idempotencyKey: string) => call(subsidyContracts.claimMine, { body: { idempotencyKey } });

/** The first page of the worker's claims, newest first, with what all of them come to. */
export async function fetchMyClaimsFirst() {
  const { claims, nextCursor, summary } = await call(subsidyContracts.myClaims, {});
  return { page: { items: claims, nextCursor }, summary };
}

/** A later page of them. */
export async function fetchMyClaims(cursor: string): Promise<ListPage<OwnClaim>> {
  const { claims, nextCursor } = await call(subsidyContracts.myClaims, { query: { cursor } });
  return { items: claims, nextCursor };
}

/** A random v4 UUID: a fresh key per tap (WeChat's runtime has no crypto.randomUUID). */
export function newIdempotencyKey(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

// ---------------------------------------------------------------- employers and agencies (我的奖补)

/** The employer's (or agency's) own subsidies this month: 帮扶车间奖补, 就业创业服务补助… */
export const fetchEmployerSubsidies = () => call(subsidyContracts.employerSubsidies, {});

/** 申领 what is due to the employer (or only the subsidies named); the key makes a retry harmless. */
export const claimEmployerSubsidies = (idempotencyKey: string, subsidies?: SubsidyId[]) =>
  call(subsidyContracts.employerClaim, { body: { idempotencyKey, ...(subsidies ? { subsidies } : {}) } });

/** A page of the employer's claims and where each stands, newest first. */
export async function fetchEmployerClaims(cursor: string | undefined): Promise<ListPage<OwnClaim>> {
  const { claims, nextCursor } = await call(subsidyContracts.employerClaims, { query: cursor ? { cursor } : {} });
  return { items: claims, nextCursor };
}

/** The account in force (null before one is recorded), and a change waiting for staff to confirm it. */
export type EmployerAccounts = ResponseOf<typeof paymentContracts.employerAccount>;
/** The unit's corporate account (对公账户) as shown: the bank and the number's last four digits. */
export type CorporateAccount = NonNullable<EmployerAccounts['account']>;

export const fetchEmployerAccount = () => call(paymentContracts.employerAccount, {});

/**
 * Records the account, or asks to change it: a change is `pending` until staff confirm it.
 * A bad field answers 400 with `field` body.bankName / body.number.
 */
export const saveEmployerAccount = (bankName: string, number: string) =>
  call(paymentContracts.setEmployerAccount, { body: { kind: 'corporateAccount', bankName, number } });

/** Staff: a worker's card in force, one waiting and one the worker withdrew, masked, with who entered each. */
export type CardsOnFile = ResponseOf<typeof paymentContracts.workerAccount>;
export const fetchWorkerCards = (workerId: string) => call(paymentContracts.workerAccount, { params: { workerId } });

/** Staff: enters a worker's card; it waits for a second officer. */
export const enterWorkerCard = (workerId: string, card: { kind: (typeof WORKER_PAYOUT_KINDS)[number]; number: string }) =>
  call(paymentContracts.setWorkerAccount, { params: { workerId }, body: card });

/** Staff (not who entered it): puts the card they saw waiting in force. */
export const confirmWorkerCard = (workerId: string, setAt: string) =>
  call(paymentContracts.confirmWorkerAccount, { params: { workerId }, body: { setAt } });

/**
 * 卡有变动时微信提醒我 (WeChat only): WeChat asks the worker (一次性订阅); each 允许 lets one message
 * through when an officer enters a card for them. Answers how many are kept, or null when the
 * worker did not allow it (nothing is kept then).
 */
export async function allowCardNotices(templateId: string): Promise<number | null> {
  if (!(await wechatAllows(templateId))) return null;
  return (await call(paymentContracts.allowCardNotice, { body: { templateId } })).allowed;
}
