/**
 * 人岗匹配 routes (functions/src/matching/routes.ts): a worker's recommendations with their
 * reasons and 不感兴趣; the candidates for an employer's position (masked names, never an
 * ID number); the staff coverage table (50% a month, 15% success, "311" a year).
 */
import type { CoverageRow as SharedCoverageRow, FactorScore, LabourClass, PositionCard } from '@bangfu/shared';
import { isApiError, queryString, request } from './client';

const enc = encodeURIComponent;

/** One factor of a score, with its words when it has something to say ("离家 3.2 公里"). */
export type FactorPart = FactorScore;

export interface Recommendation {
  position: PositionCard & { distanceKm: number };
  score: number;
  /** One line, e.g. "离家 3.2 公里 · 会电焊 · 月薪 4500 元，高于您的期望". */
  reason: string;
  factors: FactorPart[];
  /** Pushed this month (为你推荐), rather than found just now. */
  pushed: boolean;
}

export interface Recommendations {
  month: string;
  /** No home address on the registry: distances are from the village centre. */
  homeIsVillageCentre: boolean;
  recommendations: Recommendation[];
}

/**
 * This month's pushes first, then the best live matches (10 at most). Null when the account
 * is not bound to a registry record yet (the API answers 404): there is nothing to recommend.
 */
export async function fetchRecommendations(): Promise<Recommendations | null> {
  try {
    return await request<Recommendations>('/v1/me/recommendations');
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** 不感兴趣: never recommended or pushed to this worker again. */
export async function dismissRecommendation(positionId: string): Promise<void> {
  await request(`/v1/me/recommendations/${enc(positionId)}/dismiss`, { method: 'POST' });
}

export interface Candidate {
  workerId: string;
  /** The surname and stars, e.g. 王**. */
  nameMasked: string;
  age: number;
  villageCode: string;
  labourClass: LabourClass;
  /** Occupation codes. */
  skills: string[];
  score: number;
  reason: string;
  factors: FactorPart[];
  applied: boolean;
}

/** The best-suited willing workers of the position's county, best first. */
export function fetchCandidates(positionId: string, limit = 20): Promise<{ considered: number; candidates: Candidate[] }> {
  return request(`/v1/positions/${enc(positionId)}/candidates${queryString({ limit })}`);
}

/** One area's figures (shared/src/matching/coverage.ts), with its name. */
export type CoverageRow = SharedCoverageRow & { regionName?: string };

export interface Coverage {
  month: string;
  goals: {
    monthlyCoverage: number;
    successRate: number;
    service311: { jobRecommendation: number; careerGuidance: number; trainingOffer: number };
  };
  /** Per township of a county, per village of a township. */
  rows: CoverageRow[];
  total: CoverageRow;
}

export function fetchCoverage(regionCode: string, month?: string): Promise<Coverage> {
  return request(`/v1/matching/coverage${queryString({ regionCode, month })}`);
}
