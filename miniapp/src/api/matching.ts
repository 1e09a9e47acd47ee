/**
 * 人岗匹配 routes (functions/src/matching/routes.ts): a worker's recommendations with their
 * reasons and 不感兴趣; the candidates for an employer's position (masked names, never an
 * ID number); the staff coverage table (50% a month, 15% success, "311" a year).
 */
import type { Factor, LabourClass, PositionCard } from '@bangfu/shared';
import { isApiError, queryString, request } from './client';

const enc = encodeURIComponent;

export interface FactorPart {
  factor: Factor;
  /** 0..1 */
  score: number;
  weight: number;
  points: number;
  /** In words, when the factor has something to say (e.g. "离家 3.2 公里"). */
  text?: string;
}

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

export interface CoverageRow {
  regionCode: string;
  regionName?: string;
  /** People on the registry in the area. */
  workers: number;
  willingUnemployed: number;
  reachedThisMonth: number;
  /** reachedThisMonth / willingUnemployed; null when nobody is to be reached. */
  monthlyCoverage: number | null;
  meetsCoverageGoal: boolean;
  below311: number;
  short: { jobRecommendation: number; careerGuidance: number; trainingOffer: number };
  recommendations: number;
  applications: number;
  hires: number;
  /** hires / recommendations this year; null before any recommendation. */
  successRate: number | null;
  meetsSuccessGoal: boolean;
}

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
