/**
 * Staff review of the job map (contracts in shared/src/api/positions.ts): employers of the
 * officer's region waiting for verification (only verified employers' positions are public),
 * and positions that staff may take down with a reason.
 */
import {
  employerContracts,
  positionContracts,
  type Employer,
  type Position,
  type ResponseOf,
  type VerificationStatus,
} from '@bangfu/shared';
import { call } from './client';

export type EmployerPage = ResponseOf<typeof employerContracts.inRegion>;
export type PositionPage = ResponseOf<typeof positionContracts.inRegion>;

export const fetchEmployers = (regionCode: string, status: VerificationStatus, cursor?: string) =>
  call(employerContracts.inRegion, { query: { regionCode, status, limit: 20, cursor } });

/** A rejection needs a note the employer reads; 409 VERSION_CONFLICT when someone decided first. */
export async function decideEmployer(employer: Employer, decision: 'verified' | 'rejected', note?: string): Promise<Employer> {
  const body = { version: employer.version, decision, ...(note ? { note } : {}) };
  return (await call(employerContracts.verify, { params: { employerId: employer.employerId }, body })).employer;
}

export const fetchRegionPositions = (regionCode: string, cursor?: string) =>
  call(positionContracts.inRegion, { query: { regionCode, limit: 20, cursor } });

export async function takeDown(position: Position, reason: string): Promise<Position> {
  const body = { version: position.version, reason };
  return (await call(positionContracts.takedown, { params: { positionId: position.positionId }, body })).position;
}
