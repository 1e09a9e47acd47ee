/**
 * Staff review of the job map: employers of the officer's region waiting for
 * verification (only verified employers' positions are public), and positions that
 * staff may take down with a reason. Shapes: shared/src/positions/*.
 */
import type { Employer, Position, VerificationStatus } from '@bangfu/shared';
import { queryString, request } from './client';

const enc = encodeURIComponent;

export interface EmployerPage {
  employers: Employer[];
  nextCursor?: string;
}

export function fetchEmployers(regionCode: string, status: VerificationStatus, cursor?: string): Promise<EmployerPage> {
  return request(`/v1/employers${queryString({ regionCode, status, limit: 20, cursor })}`);
}

/** A rejection needs a note the employer reads; 409 VERSION_CONFLICT when someone decided first. */
export async function decideEmployer(employer: Employer, decision: 'verified' | 'rejected', note?: string): Promise<Employer> {
  const body = { version: employer.version, decision, ...(note ? { note } : {}) };
  return (
    await request<{ employer: Employer }>(`/v1/employers/${enc(employer.employerId)}/verification`, { method: 'POST', body })
  ).employer;
}

export interface PositionPage {
  positions: Position[];
  nextCursor?: string;
}

export function fetchRegionPositions(regionCode: string, cursor?: string): Promise<PositionPage> {
  return request(`/v1/positions${queryString({ regionCode, limit: 20, cursor })}`);
}

export async function takeDown(position: Position, reason: string): Promise<Position> {
  return (
    await request<{ position: Position }>(`/v1/positions/${enc(position.positionId)}/takedown`, {
      method: 'POST',
      body: { version: position.version, reason },
    })
  ).position;
}
