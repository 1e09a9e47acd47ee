/**
 * The job map and positions routes (contracts in shared/src/api/positions.ts): the public map
 * and nearby list, a position's detail, a worker's applications, and an employer's profile,
 * positions and applicants. Money is integer fen, coordinates GCJ-02, dates ISO YYYY-MM-DD.
 */
import {
  applicationContracts,
  employerContracts,
  positionContracts,
  type Bbox,
  type Employer,
  type LatLng,
  type PositionFilters,
  type ResponseOf,
  type BodyOf,
  type Applicant,
  type Position,
} from '@bangfu/shared';
import { call, isApiError, type ListPage } from './client';

export type MyApplication = ResponseOf<typeof applicationContracts.mine>['applications'][number];
/** What an employer sends: the position; certificates and the transfer flag may be left out. */
export type PositionBody = Omit<BodyOf<typeof positionContracts.create>, 'publish'>;
export type PositionChanges = Omit<BodyOf<typeof positionContracts.update>, 'version'>;
export type EmployerBody = BodyOf<typeof employerContracts.create>;
export type EmployerChanges = Omit<BodyOf<typeof employerContracts.update>, 'version'>;

/** The filters as query fields: a yes/no filter is sent only when it is on. */
function filterQuery(filters: PositionFilters) {
  const on = (flag: boolean | undefined) => (flag ? ('true' as const) : undefined);
  return {
    form: filters.form,
    minMonthlyPayFen: filters.minMonthlyPayFen,
    suitsHalfLabour: on(filters.suitsHalfLabour),
    suitsWeakLabour: on(filters.suitsWeakLabour),
    accommodation: on(filters.accommodation),
    employerKind: filters.employerKind,
    occupation: filters.occupation,
  };
}

// ---------------------------------------------------------------- public: map, list, detail

/** Positions nearest first, a page at a time (`cursor` from the previous page). No login needed. */
export function fetchNearby(centre: LatLng, radiusKm: number, filters: PositionFilters, cursor?: string, limit = 20) {
  return call(
    positionContracts.nearby,
    { query: { lat: centre.lat, lng: centre.lng, radiusKm, limit, cursor, ...filterQuery(filters) } },
    { anonymous: true },
  );
}

/** What a map box shows at a zoom: clusters with counts, and single markers. 400 when the box is wider than 6°. */
export function fetchMap(bbox: Bbox, zoom: number, filters: PositionFilters) {
  const box = [bbox.minLng, bbox.minLat, bbox.maxLng, bbox.maxLat].map((n) => n.toFixed(5)).join(',');
  return call(positionContracts.map, { query: { bbox: box, zoom, ...filterQuery(filters) } }, { anonymous: true });
}

/** One position and its employer. Sent with the session, so an employer sees its own drafts. */
export const fetchPosition = (positionId: string) => call(positionContracts.get, { params: { positionId } });

// ---------------------------------------------------------------- worker: applications

/** 404 when the account is not bound to a registry record; 409 when the position is full, closed or expired. */
export const applyTo = (positionId: string) => call(applicationContracts.apply, { params: { positionId } });

/** A page of them, newest first. */
export async function fetchMyApplications(cursor?: string): Promise<ListPage<MyApplication>> {
  const page = await call(applicationContracts.mine, { query: cursor ? { cursor } : {} });
  return { items: page.applications, nextCursor: page.nextCursor };
}

/** This worker's application to one position, or null: the job page's 我要报名 / 已报名. */
export async function fetchMyApplicationFor(positionId: string) {
  return (await call(applicationContracts.mineFor, { params: { positionId } })).application;
}

// ---------------------------------------------------------------- employer: profile

/** The employer profile of this account, or null when it has none yet (404). */
export async function fetchMyEmployer(): Promise<Employer | null> {
  try {
    return (await call(employerContracts.mine, {})).employer;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export const createEmployer = (input: EmployerBody) => call(employerContracts.create, { body: input });

/** 409 VERSION_CONFLICT when `version` is stale. */
export async function updateEmployer(version: number, changes: EmployerChanges): Promise<Employer> {
  return (await call(employerContracts.update, { body: { version, ...changes } })).employer;
}

// ---------------------------------------------------------------- employer: positions

/** A page of this employer's positions, newest first; an open one past its last day already says 'expired'. */
export async function fetchMyPositions(cursor?: string): Promise<ListPage<Position>> {
  const page = await call(positionContracts.mine, { query: cursor ? { cursor } : {} });
  return { items: page.positions, nextCursor: page.nextCursor };
}

/** The first page, with how many positions there are and how many are open. */
export async function fetchMyPositionsFirst() {
  const { positions, nextCursor, counts } = await call(positionContracts.mine, {});
  return { page: { items: positions, nextCursor }, counts };
}

/** Open at once (`publish: true`) or kept as a draft. */
export async function createPosition(body: PositionBody, publish: boolean) {
  return (await call(positionContracts.create, { body: { ...body, publish } })).position;
}

/** 409 VERSION_CONFLICT when stale; 400 `body.headcount` when below those already hired. */
export async function updatePosition(positionId: string, version: number, changes: PositionChanges) {
  return (await call(positionContracts.update, { params: { positionId }, body: { version, ...changes } })).position;
}

export async function publishPosition(positionId: string, version: number) {
  return (await call(positionContracts.publish, { params: { positionId }, body: { version } })).position;
}

export async function closePosition(positionId: string, version: number) {
  return (await call(positionContracts.close, { params: { positionId }, body: { version } })).position;
}

// ---------------------------------------------------------------- employer: applicants

/** A page of the applicants, first come first. */
export async function fetchApplicants(positionId: string, cursor?: string): Promise<ListPage<Applicant>> {
  const page = await call(applicationContracts.ofPosition, { params: { positionId }, query: cursor ? { cursor } : {} });
  return { items: page.applicants, nextCursor: page.nextCursor };
}

/** A reason (≥ 2 characters) is required to reject; the worker reads it. Answers the applicant's card (the phone once accepted). */
export async function decide(positionId: string, workerId: string, decision: 'accept' | 'reject', reason?: string) {
  const body = { decision, ...(reason ? { reason } : {}) };
  return (await call(applicationContracts.decide, { params: { positionId, workerId }, body })).applicant;
}

/** Confirms the hire; for piece pay the agreed monthly income (fen) is needed. 409 when the headcount is filled. */
export const hire = (positionId: string, workerId: string, monthlyIncomeFen?: number) =>
  call(applicationContracts.hire, {
    params: { positionId, workerId },
    body: monthlyIncomeFen === undefined ? {} : { monthlyIncomeFen },
  });
