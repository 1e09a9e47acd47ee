/**
 * "311" and the monthly push, as staff watch them per village or township:
 * - each willing, unemployed worker gets at least 3 job recommendations, 1 career guidance
 *   and 1 training offer a year (file 001 item 11; 002 §(一));
 * - each month jobs reach at least 50% of the willing unemployed, and at least 15% of
 *   recommendations succeed (file 001 item 4).
 * Pure: the API reads the region's workers and their yearly counts, this adds them up.
 */
import type { LabourClass } from '../registry/labels.js';

export const SERVICE_311 = { jobRecommendation: 3, careerGuidance: 1, trainingOffer: 1 } as const;
/** The three "311" services, counted against 3/1/1 a year. */
export const SERVICE_311_KINDS = ['jobRecommendation', 'careerGuidance', 'trainingOffer'] as const;
export type Service311Kind = (typeof SERVICE_311_KINDS)[number];
/** What staff record having done for a worker: the "311" services, and a policy explained or a 诉求 handled (file 003 §(二十)). */
export const SERVICE_KINDS = [...SERVICE_311_KINDS, 'policyExplained', 'requestHandled'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const isService311 = (kind: ServiceKind): kind is Service311Kind =>
  (SERVICE_311_KINDS as readonly string[]).includes(kind);
export const MONTHLY_COVERAGE_GOAL = 0.5;
export const RECOMMENDATION_SUCCESS_GOAL = 0.15;

/** Who the 311 and the push are for: able to work, not working now, still on the registry. */
export function isWillingUnemployed(
  worker: {
    labourClass: LabourClass;
    latestEmployment?: { status: 'employed' | 'notEmployed' } | undefined;
    registryExitDate?: string | undefined;
    atHomeReason?: string | undefined;
  },
  today: string,
): boolean {
  if (worker.labourClass === 'none') return false;
  if (worker.registryExitDate !== undefined && worker.registryExitDate <= today) return false;
  // At home for illness: not seeking work now.
  if (worker.atHomeReason === 'illness') return false;
  return worker.latestEmployment?.status !== 'employed';
}

export interface ServiceCounts {
  jobRecommendation: number;
  careerGuidance: number;
  trainingOffer: number;
  lastRecommendedMonth?: string | undefined;
  appliedAfterRecommendation: number;
  hiredAfterRecommendation: number;
}

export interface CoverageInput {
  /** The village (12 digits). */
  villageCode: string;
  willingUnemployed: boolean;
  services: ServiceCounts;
}

export interface CoverageRow {
  regionCode: string;
  /** People on the registry in the area. */
  workers: number;
  willingUnemployed: number;
  /** Willing unemployed who got a job recommendation this month. */
  reachedThisMonth: number;
  /** reachedThisMonth / willingUnemployed; null when there is nobody to reach. */
  monthlyCoverage: number | null;
  meetsCoverageGoal: boolean;
  /** Willing unemployed short of 3 recommendations, 1 guidance or 1 training offer this year. */
  below311: number;
  short: { jobRecommendation: number; careerGuidance: number; trainingOffer: number };
  recommendations: number;
  applications: number;
  hires: number;
  /** hires / recommendations this year; null before any recommendation. */
  successRate: number | null;
  meetsSuccessGoal: boolean;
}

function emptyRow(regionCode: string): CoverageRow {
  return {
    regionCode,
    workers: 0,
    willingUnemployed: 0,
    reachedThisMonth: 0,
    monthlyCoverage: null,
    meetsCoverageGoal: false,
    below311: 0,
    short: { jobRecommendation: 0, careerGuidance: 0, trainingOffer: 0 },
    recommendations: 0,
    applications: 0,
    hires: 0,
    successRate: null,
    meetsSuccessGoal: false,
  };
}

function add(row: CoverageRow, input: CoverageInput, month: string): void {
  const { services } = input;
  row.workers++;
  row.recommendations += services.jobRecommendation;
  row.applications += services.appliedAfterRecommendation;
  row.hires += services.hiredAfterRecommendation;
  if (!input.willingUnemployed) return;
  row.willingUnemployed++;
  if (services.lastRecommendedMonth === month) row.reachedThisMonth++;
  let short = false;
  for (const kind of ['jobRecommendation', 'careerGuidance', 'trainingOffer'] as const) {
    if (services[kind] < SERVICE_311[kind]) {
      row.short[kind]++;
      short = true;
    }
  }
  if (short) row.below311++;
}

function finish(row: CoverageRow): CoverageRow {
  row.monthlyCoverage = row.willingUnemployed > 0 ? row.reachedThisMonth / row.willingUnemployed : null;
  row.meetsCoverageGoal = row.monthlyCoverage !== null && row.monthlyCoverage >= MONTHLY_COVERAGE_GOAL;
  row.successRate = row.recommendations > 0 ? row.hires / row.recommendations : null;
  row.meetsSuccessGoal = row.successRate !== null && row.successRate >= RECOMMENDATION_SUCCESS_GOAL;
  return row;
}

/**
 * One row per area (the village, or the township, as `areaOf` says) in code order, and the
 * total, which is the sum of the rows (its rates computed from the sums, not averaged).
 */
export function coverageRows(
  inputs: Iterable<CoverageInput>,
  areaOf: (villageCode: string) => string,
  totalCode: string,
  month: string,
): { rows: CoverageRow[]; total: CoverageRow } {
  const rows = new Map<string, CoverageRow>();
  const total = emptyRow(totalCode);
  for (const input of inputs) {
    const code = areaOf(input.villageCode);
    let row = rows.get(code);
    if (!row) rows.set(code, (row = emptyRow(code)));
    add(row, input, month);
    add(total, input, month);
  }
  return {
    rows: [...rows.values()].sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1)).map(finish),
    total: finish(total),
  };
}
