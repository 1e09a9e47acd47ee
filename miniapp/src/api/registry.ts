/**
 * The registry routes (实名制台账): a worker's own record and binding, the staff
 * register, monthly employment and monthly reporting. Shapes: shared/src/registry/*.
 * Money is integer fen in every payload.
 */
import type {
  EmploymentInput,
  EmploymentRecord,
  LabourClass,
  ReportState,
  User,
  WorkerView,
  WorkerGroup,
  WorkerSummary,
} from '@bangfu/shared';
import type { JobType, ReadPurpose, TravelScope } from '../labels';
import { isApiError, queryString, request } from './client';

const enc = encodeURIComponent;

// ---------------------------------------------------------------- the worker's own record

/** Their record, or null when this account is not bound to one yet (404). */
export async function fetchMyWorker(): Promise<WorkerView | null> {
  try {
    return (await request<{ worker: WorkerView }>('/v1/me/worker')).worker;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** 422 IDENTITY_MISMATCH when name and number do not match a record; 409 when bound elsewhere. */
export function bindWorker(name: string, idNumber: string): Promise<{ worker: WorkerView; user: User }> {
  return request('/v1/me/worker/bind', { method: 'POST', body: { name, idNumber } });
}

export interface Preferences {
  travelScope: TravelScope;
  expectedMonthlyWageFen?: number;
  jobTypes: JobType[];
}

/** 409 VERSION_CONFLICT when `version` is stale. */
export async function updateMyWorker(
  version: number,
  changes: { phone?: string; preferences?: Preferences },
): Promise<WorkerView> {
  return (await request<{ worker: WorkerView }>('/v1/me/worker', { method: 'PATCH', body: { version, ...changes } })).worker;
}

// ---------------------------------------------------------------- staff: the register

export interface WorkerFilters {
  /** 6 digits or more: the officer's county, township or village. */
  regionCode: string;
  group?: WorkerGroup;
  labourClass?: LabourClass;
  employed?: boolean;
  /** Part of a name, or exactly the last 4 ID characters. */
  q?: string;
  cursor?: string;
  limit?: number;
}

/** A summary of each person (no phone, skills or preferences: those only through the audited read). */
export function listWorkers(filters: WorkerFilters): Promise<{ workers: WorkerSummary[]; nextCursor?: string }> {
  return request(`/v1/registry/workers${queryString({ ...filters })}`);
}

/** Every read is audited with its purpose. */
export async function fetchWorker(workerId: string, purpose: ReadPurpose): Promise<WorkerView> {
  return (await request<{ worker: WorkerView }>(`/v1/registry/workers/${enc(workerId)}${queryString({ purpose })}`)).worker;
}

/** The full ID number; the reason (≥ 4 characters) is recorded before it is shown. */
export async function revealIdNumber(workerId: string, reason: string): Promise<string> {
  return (
    await request<{ idNumber: string }>(`/v1/registry/workers/${enc(workerId)}/reveal`, { method: 'POST', body: { reason } })
  ).idNumber;
}

/** Lifts a record's binding lockout after the officer has seen the person; audited with the reason. */
export async function clearBindLockout(workerId: string, reason: string): Promise<void> {
  await request(`/v1/registry/workers/${enc(workerId)}/bind-lockout/clear`, { method: 'POST', body: { reason } });
}

/** Newest month first. */
export async function fetchEmployment(workerId: string): Promise<EmploymentRecord[]> {
  return (await request<{ records: EmploymentRecord[] }>(`/v1/registry/workers/${enc(workerId)}/employment`)).records;
}

export async function saveEmployment(workerId: string, month: string, input: EmploymentInput): Promise<EmploymentRecord> {
  return (
    await request<{ record: EmploymentRecord }>(`/v1/registry/workers/${enc(workerId)}/employment/${enc(month)}`, {
      method: 'PUT',
      body: input,
    })
  ).record;
}

/** Staff confirm (核实) a worker's own report of a month, as read at `revision`: only then does it count for money. */
export async function confirmEmployment(workerId: string, month: string, revision: number): Promise<EmploymentRecord> {
  return (
    await request<{ record: EmploymentRecord }>(`/v1/registry/workers/${enc(workerId)}/employment/${enc(month)}/confirmation`, {
      method: 'POST',
      body: { revision },
    })
  ).record;
}

// ---------------------------------------------------------------- staff: monthly reporting

export interface RegionReport {
  code: string;
  name: string;
  parentCode?: string;
  state: ReportState;
  reportedAt?: string;
}

export interface ReportStatus {
  month: string;
  /** ISO dates: villages by the 15th, townships by the 25th. */
  deadlines: { village: string; township: string };
  townships: RegionReport[];
  villages: RegionReport[];
}

/** For a county (6 digits) or a township (9). */
export function fetchReports(month: string, regionCode: string): Promise<ReportStatus> {
  return request(`/v1/registry/reports${queryString({ month, regionCode })}`);
}

/** For a village (12 digits) or a township (9); reporting twice keeps the first time. */
export async function submitReport(
  month: string,
  regionCode: string,
): Promise<{ regionCode: string; month: string; reportedAt: string }> {
  return (
    await request<{ report: { regionCode: string; month: string; reportedAt: string } }>('/v1/registry/reports', {
      method: 'POST',
      body: { month, regionCode },
    })
  ).report;
}

// ---------------------------------------------------------------- regions

export interface Region {
  code: string;
  name: string;
  fullName: string;
  level: 'province' | 'city' | 'county' | 'township' | 'village';
  parentCode?: string;
  /** Where a map centres for someone of this region whose own location is unknown (GCJ-02). */
  center?: { lat: number; lng: number };
}

export function fetchRegion(code: string): Promise<{ region: Region; children: Region[] }> {
  return request(`/v1/regions/${enc(code)}`);
}
