/**
 * The "311" services staff give a worker each year — at least 3 job recommendations,
 * 1 career guidance and 1 training offer (see shared/src/matching/coverage.ts) — read
 * and recorded on the worker's record (functions/src/matching/routes.ts).
 */
import { queryString, request } from './client';

export type ServiceKind = 'jobRecommendation' | 'careerGuidance' | 'trainingOffer';

export interface WorkerService {
  serviceId: string;
  kind: ServiceKind;
  /** One line on what was done, written by the officer. */
  note: string;
  /** The officer's user id. */
  by: string;
  /** ISO instant. */
  at: string;
  positionId?: string;
}

export interface WorkerServices {
  year: string;
  services: WorkerService[];
  counts: Record<ServiceKind, number>;
}

const enc = encodeURIComponent;

/** The services of a year (China's current year when none is given) and the counts against 3/1/1. */
export function fetchServices(workerId: string, year?: string): Promise<WorkerServices> {
  return request(`/v1/registry/workers/${enc(workerId)}/services${queryString({ year })}`);
}

/** 400 with `field` body.kind / body.note when the input is not acceptable. */
export function recordService(
  workerId: string,
  service: { kind: ServiceKind; note: string; positionId?: string },
): Promise<{ serviceId: string; at: string }> {
  return request(`/v1/registry/workers/${enc(workerId)}/services`, { method: 'POST', body: service });
}
