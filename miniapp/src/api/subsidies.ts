/**
 * The worker's subsidies: what each would pay this month and why (from the registry),
 * and 申领全部. Shapes: shared/src/subsidies/*. Money is integer fen.
 */
import type { Claim, SubsidyId, SubsidyResult } from '@bangfu/shared';
import { request } from './client';

export interface MySubsidies {
  period: string;
  results: SubsidyResult[];
  /** Subsidies whose standard the region has not set for the month. */
  unavailable: { subsidy: string; name: string; reason: string }[];
}

export function fetchMySubsidies(): Promise<MySubsidies> {
  return request('/v1/me/subsidies');
}

/** One tap claims everything due; the key makes a retry of the same tap harmless. */
export function claimAll(idempotencyKey: string): Promise<{ claims: Claim[]; created: number }> {
  return request('/v1/me/subsidies/claims', { method: 'POST', body: { idempotencyKey } });
}

export async function fetchMyClaims(): Promise<Claim[]> {
  return (await request<{ claims: Claim[] }>('/v1/me/claims')).claims;
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
export function fetchEmployerSubsidies(): Promise<MySubsidies> {
  return request('/v1/me/employer/subsidies');
}

/** 申领 what is due to the employer (or only the subsidies named); the key makes a retry harmless. */
export function claimEmployerSubsidies(
  idempotencyKey: string,
  subsidies?: SubsidyId[],
): Promise<{ claims: Claim[]; created: number }> {
  return request('/v1/me/employer/subsidies/claims', {
    method: 'POST',
    body: { idempotencyKey, ...(subsidies ? { subsidies } : {}) },
  });
}

/** The employer's claims and where each stands, newest first. */
export async function fetchEmployerClaims(): Promise<Claim[]> {
  return (await request<{ claims: Claim[] }>('/v1/me/employer/claims')).claims;
}

/** The unit's corporate account (对公账户) as shown: the bank and the number's last four digits. */
export interface CorporateAccount {
  kind: 'corporateAccount';
  bankName: string;
  numberMasked: string;
}

/** The account in force (null before one is recorded), and a change waiting for staff to confirm it. */
export interface EmployerAccounts {
  account: CorporateAccount | null;
  pending: CorporateAccount | null;
}

export function fetchEmployerAccount(): Promise<EmployerAccounts> {
  return request<EmployerAccounts>('/v1/me/employer/payout-account');
}

/**
 * Records the account, or asks to change it: a change is `pending` until staff confirm it.
 * A bad field answers 400 with `field` body.bankName / body.number.
 */
export function saveEmployerAccount(bankName: string, number: string): Promise<CorporateAccount & { pending: boolean }> {
  return request('/v1/me/employer/payout-account', {
    method: 'PUT',
    body: { kind: 'corporateAccount', bankName, number },
  });
}
