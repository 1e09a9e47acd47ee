/**
 * The job map and positions routes: the public map and nearby list, a position's
 * detail, a worker's applications, and an employer's profile, positions and
 * applicants. Shapes: shared/src/positions/*. Money is integer fen, coordinates
 * GCJ-02, dates ISO YYYY-MM-DD.
 */
import type {
  Applicant,
  Application,
  Bbox,
  Employer,
  EmployerInput,
  LatLng,
  MapResponse,
  NearbyResponse,
  Position,
  PositionCard,
  PositionDetail,
  PositionFilters,
  PositionInput,
  User,
} from '@bangfu/shared';
import { isApiError, queryString, request } from './client';

const enc = encodeURIComponent;

/** The filters as query fields: a yes/no filter is sent only when it is on. */
function filterParams(filters: PositionFilters): Record<string, string | number | undefined> {
  return {
    form: filters.form,
    minMonthlyPayFen: filters.minMonthlyPayFen,
    suitsHalfLabour: filters.suitsHalfLabour ? 'true' : undefined,
    suitsWeakLabour: filters.suitsWeakLabour ? 'true' : undefined,
    accommodation: filters.accommodation ? 'true' : undefined,
    employerKind: filters.employerKind,
    occupation: filters.occupation,
  };
}

// ---------------------------------------------------------------- public: map, list, detail

/** Positions nearest first, a page at a time (`cursor` from the previous page). No login needed. */
export function fetchNearby(
  centre: LatLng,
  radiusKm: number,
  filters: PositionFilters,
  cursor?: string,
  limit = 20,
): Promise<NearbyResponse> {
  return request(
    `/v1/positions/nearby${queryString({ lat: centre.lat, lng: centre.lng, radiusKm, limit, cursor, ...filterParams(filters) })}`,
    { anonymous: true },
  );
}

/** What a map box shows at a zoom: clusters with counts, and single markers. 400 when the box is wider than 6°. */
export function fetchMap(bbox: Bbox, zoom: number, filters: PositionFilters): Promise<MapResponse> {
  const box = [bbox.minLng, bbox.minLat, bbox.maxLng, bbox.maxLat].map((n) => n.toFixed(5)).join(',');
  return request(`/v1/positions/map${queryString({ bbox: box, zoom, ...filterParams(filters) })}`, { anonymous: true });
}

/** One position and its employer. Sent with the session, so an employer sees its own drafts. */
export function fetchPosition(positionId: string): Promise<PositionDetail> {
  return request(`/v1/positions/${enc(positionId)}`);
}

// ---------------------------------------------------------------- worker: applications

export interface MyApplication {
  application: Application;
  position: PositionCard;
}

/** 404 when the account is not bound to a registry record; 409 when the position is full, closed or expired. */
export function applyTo(positionId: string): Promise<{ application: Application; created: boolean }> {
  return request(`/v1/positions/${enc(positionId)}/applications`, { method: 'POST' });
}

/** Newest first. */
export async function fetchMyApplications(): Promise<MyApplication[]> {
  return (await request<{ applications: MyApplication[] }>('/v1/me/applications')).applications;
}

// ---------------------------------------------------------------- employer: profile

/** The employer profile of this account, or null when it has none yet (404). */
export async function fetchMyEmployer(): Promise<Employer | null> {
  try {
    return (await request<{ employer: Employer }>('/v1/me/employer')).employer;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function createEmployer(input: EmployerInput): Promise<{ employer: Employer; user: User }> {
  return request('/v1/me/employer', { method: 'POST', body: input });
}

export type EmployerChanges = Partial<Omit<EmployerInput, 'kind'>>;

/** 409 VERSION_CONFLICT when `version` is stale. */
export async function updateEmployer(version: number, changes: EmployerChanges): Promise<Employer> {
  return (await request<{ employer: Employer }>('/v1/me/employer', { method: 'PATCH', body: { version, ...changes } })).employer;
}

// ---------------------------------------------------------------- employer: positions

/** What an employer sends: the position; certificates and the transfer flag may be left out. */
export type PositionBody = Omit<PositionInput, 'crossProvinceTransfer' | 'requiredCertificates'> &
  Partial<Pick<PositionInput, 'crossProvinceTransfer' | 'requiredCertificates'>>;

/** Every position of this employer; an open one past its last day already says 'expired'. */
export async function fetchMyPositions(): Promise<Position[]> {
  return (await request<{ positions: Position[] }>('/v1/me/positions')).positions;
}

/** Open at once (`publish: true`) or kept as a draft. */
export async function createPosition(body: PositionBody, publish: boolean): Promise<Position> {
  return (await request<{ position: Position }>('/v1/positions', { method: 'POST', body: { ...body, publish } })).position;
}

/** 409 VERSION_CONFLICT when stale; 400 `body.headcount` when below those already hired. */
export async function updatePosition(positionId: string, version: number, changes: Partial<PositionBody>): Promise<Position> {
  return (
    await request<{ position: Position }>(`/v1/positions/${enc(positionId)}`, { method: 'PATCH', body: { version, ...changes } })
  ).position;
}

export async function publishPosition(positionId: string, version: number): Promise<Position> {
  return (
    await request<{ position: Position }>(`/v1/positions/${enc(positionId)}/publish`, { method: 'POST', body: { version } })
  ).position;
}

export async function closePosition(positionId: string, version: number): Promise<Position> {
  return (await request<{ position: Position }>(`/v1/positions/${enc(positionId)}/close`, { method: 'POST', body: { version } }))
    .position;
}

// ---------------------------------------------------------------- employer: applicants

export async function fetchApplicants(positionId: string): Promise<Applicant[]> {
  return (await request<{ applicants: Applicant[] }>(`/v1/positions/${enc(positionId)}/applications`)).applicants;
}

/** A reason (≥ 2 characters) is required to reject; the worker reads it. */
export async function decide(
  positionId: string,
  workerId: string,
  decision: 'accept' | 'reject',
  reason?: string,
): Promise<Application> {
  return (
    await request<{ application: Application }>(`/v1/positions/${enc(positionId)}/applications/${enc(workerId)}/decision`, {
      method: 'POST',
      body: { decision, ...(reason ? { reason } : {}) },
    })
  ).application;
}

/** Confirms the hire; for piece pay the agreed monthly income (fen) is needed. 409 when the headcount is filled. */
export function hire(
  positionId: string,
  workerId: string,
  monthlyIncomeFen?: number,
): Promise<{ application: Application; position: Position }> {
  return request(`/v1/positions/${enc(positionId)}/applications/${enc(workerId)}/hire`, {
    method: 'POST',
    body: monthlyIncomeFen === undefined ? {} : { monthlyIncomeFen },
  });
}
