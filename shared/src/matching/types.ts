/**
 * 人岗匹配: what the scorer knows about a worker and a position, and what it answers.
 * Nothing identifying (no ID number, no name, no phone) enters or leaves it, so the same
 * scorer can rank candidates for an employer (the reciprocal view).
 */
import type { EmployerKind, Intensity, PayUnit, PositionForm } from '../positions/labels.js';
import type { JobType, LabourClass, TravelScope, WorkerGroup } from '../registry/labels.js';

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface MatchWorker {
  workerId: string;
  /** 12-digit village code: county = first 6 digits, city = first 4, province = first 2. */
  villageCode: string;
  /** Home (GCJ-02); when the registry has none, the village centre, and `homeIsVillageCentre` says so. */
  home: GeoPoint;
  homeIsVillageCentre: boolean;
  labourClass: LabourClass;
  travelScope: TravelScope;
  /** Kinds of work wanted; empty means any. */
  jobTypes: readonly JobType[];
  expectedMonthlyWageFen?: number;
  /** Occupation codes of the dictionary (shared/src/registry/occupations.ts). */
  skills: readonly string[];
  /** Certificate names and, where known, their occupation codes. */
  certificates: readonly string[];
  groups: readonly WorkerGroup[];
}

export interface MatchPosition {
  positionId: string;
  title: string;
  employerKind: EmployerKind;
  /** Occupation code. */
  occupation: string;
  /** County (6), township (9) or village (12) where the work is. */
  regionCode: string;
  location: GeoPoint;
  crossProvinceTransfer: boolean;
  form: PositionForm;
  seasonMonths?: readonly number[];
  intensity: Intensity;
  suitsHalfLabour: boolean;
  suitsWeakLabour: boolean;
  accommodation: boolean;
  pay: { unit: PayUnit; minFen: number; maxFen: number };
  headcount: number;
  filled: number;
  /** ISO dates, inclusive. */
  validFrom: string;
  validUntil: string;
  requiredCertificates: readonly string[];
  /** Share of jobs reserved for relocated people (易地搬迁安置区项目, ≥ 10%). */
  relocationReservedShare?: number;
  /** 乡村公益性岗位 */
  publicWelfare: boolean;
  /** ISO datetime the position was posted. */
  createdAt: string;
}

/** Why a position is not offered to a worker at all (a hard filter). */
export const REFUSALS = ['labourClass', 'travelScope', 'season', 'headcount', 'certificate', 'validity', 'jobType'] as const;
export type Refusal = (typeof REFUSALS)[number];
/** `Refusal` under a name that does not clash with subsidies' approval `Refusal` in the package index. */
export type MatchRefusal = Refusal;

/** The parts of the soft score; each scores 0..1 and is weighted. */
export const FACTORS = ['distance', 'skill', 'pay', 'accommodation', 'recency', 'employerKind', 'priority'] as const;
export type Factor = (typeof FACTORS)[number];

export interface FactorScore {
  factor: Factor;
  /** 0..1 */
  score: number;
  weight: number;
  /** score × weight: what this factor added. */
  points: number;
  /** Plain Chinese for this factor, when it is worth saying ("离家 3.2 公里"). */
  text?: string;
}

export type MatchResult =
  | {
      ok: true;
      workerId: string;
      positionId: string;
      /** Sum of the factors' points. Ranking: score descending, then positionId ascending. */
      score: number;
      distanceKm: number;
      factors: FactorScore[];
      /** One line a worker can read: "离家 3.2 公里 · 会电焊 · 月薪 4500 元，高于您的期望". */
      reason: string;
    }
  | { ok: false; workerId: string; positionId: string; refusal: Refusal; text: string };

export interface MatchContext {
  /** Today in China, ISO date: validity, the season and recency are judged on it. */
  today: string;
}
