/**
 * The worker's subsidies: what each would pay this month and why (from the registry),
 * and 申领全部. Shapes: shared/src/subsidies/*. Money is integer fen.
 */
import type { Claim, SubsidyResult } from '@bangfu/shared';
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
