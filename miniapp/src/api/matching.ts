/**
 * 人岗匹配 (contracts in shared/src/api/matching.ts): a worker's recommendations with their
 * reasons and 不感兴趣; the candidates for an employer's position (masked names, never an
 * ID number); the staff coverage table (50% a month, 15% success, "311" a year) and the
 * "311" services recorded on a worker's record.
 */
import { matchingContracts as contracts, type ResponseOf } from '@bangfu/shared';
import { call, isApiError } from './client';

export type Recommendations = ResponseOf<typeof contracts.recommendations>;
export type Recommendation = Recommendations['recommendations'][number];
export type Candidate = ResponseOf<typeof contracts.candidates>['candidates'][number];
export type Coverage = ResponseOf<typeof contracts.coverage>;
export type CoverageRow = Coverage['total'];
export type WorkerServices = ResponseOf<typeof contracts.services>;
export type ServiceKind = WorkerServices['services'][number]['kind'];

/**
 * This month's pushes first, then the best live matches (10 at most). Null when the account
 * is not bound to a registry record yet (the API answers 404): there is nothing to recommend.
 */
export async function fetchRecommendations(): Promise<Recommendations | null> {
  try {
    return await call(contracts.recommendations, {});
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** 不感兴趣: never recommended or pushed to this worker again. */
export const dismissRecommendation = (positionId: string) => call(contracts.dismiss, { params: { positionId } });

/** The best-suited willing workers of the position's county, best first. */
export const fetchCandidates = (positionId: string, limit = 20) =>
  call(contracts.candidates, { params: { positionId }, query: { limit } });

export const fetchCoverage = (regionCode: string, month?: string) =>
  call(contracts.coverage, { query: { regionCode, ...(month ? { month } : {}) } });

/** A page of the services of a year (China's current year when none is given), newest first, and the counts against 3/1/1. */
export const fetchServices = (workerId: string, year?: string, cursor?: string) =>
  call(contracts.services, { params: { workerId }, query: { ...(year ? { year } : {}), ...(cursor ? { cursor } : {}) } });

/** 400 with `field` body.kind / body.note when the input is not acceptable. */
export const recordService = (workerId: string, body: { kind: ServiceKind; note: string; positionId?: string }) =>
  call(contracts.recordService, { params: { workerId }, body });
