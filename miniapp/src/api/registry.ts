/**
 * The registry routes (实名制台账, contracts in shared/src/api/registry.ts): a worker's own
 * record and binding, the staff register, monthly employment and monthly reporting.
 * Money is integer fen in every payload.
 */
import {
  employmentContracts,
  registryContracts,
  reportContracts,
  type EmploymentInput,
  type EmploymentRecord,
  type ReadPurpose,
  type ResponseOf,
  type WorkerView,
  type BodyOf,
  type QueryOf,
} from '@bangfu/shared';
import { call, isApiError, type ListPage } from './client';

type OwnWorkerChanges = BodyOf<typeof registryContracts.updateMine>;
export type Preferences = NonNullable<OwnWorkerChanges['preferences']>;
/** A register page: the officer's county, township or village, the filters, and a name or the last 4 ID characters. */
export type WorkerFilters = QueryOf<typeof registryContracts.list>;
export type ReportStatus = ResponseOf<typeof reportContracts.status>;
export type RegionReport = ReportStatus['villages'][number];

// ---------------------------------------------------------------- the worker's own record

/** Their record, or null when this account is not bound to one yet (404). */
export async function fetchMyWorker(): Promise<WorkerView | null> {
  try {
    return (await call(registryContracts.mine, {})).worker;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** 422 IDENTITY_MISMATCH when name and number do not match a record; 409 when bound elsewhere. */
export const bindWorker = (name: string, idNumber: string) => call(registryContracts.bind, { body: { name, idNumber } });

/** 409 VERSION_CONFLICT when `version` is stale. */
export async function updateMyWorker(version: number, changes: Omit<OwnWorkerChanges, 'version'>): Promise<WorkerView> {
  return (await call(registryContracts.updateMine, { body: { version, ...changes } })).worker;
}

// ---------------------------------------------------------------- staff: the register

/** A summary of each person (no phone, skills or preferences: those only through the audited read). */
export const listWorkers = (filters: WorkerFilters) => call(registryContracts.list, { query: filters });

/** Every read is audited with its purpose. */
export async function fetchWorker(workerId: string, purpose: ReadPurpose): Promise<WorkerView> {
  return (await call(registryContracts.get, { params: { workerId }, query: { purpose } })).worker;
}

/** The full ID number; the reason (≥ 4 characters) is recorded before it is shown. */
export async function revealIdNumber(workerId: string, reason: string): Promise<string> {
  return (await call(registryContracts.reveal, { params: { workerId }, body: { reason } })).idNumber;
}

/** Lifts a record's binding lockout after the officer has seen the person; audited with the reason. */
export async function clearBindLockout(workerId: string, reason: string): Promise<void> {
  await call(registryContracts.clearBindLockout, { params: { workerId }, body: { reason } });
}

/** A page of a worker's months, newest month first. */
export async function fetchEmployment(workerId: string, cursor?: string): Promise<ListPage<EmploymentRecord>> {
  const { records, nextCursor } = await call(employmentContracts.timeline, {
    params: { workerId },
    query: cursor ? { cursor } : {},
  });
  return { items: records, nextCursor };
}

/** What is recorded for one month now (its latest revision), or undefined. */
export async function fetchEmploymentMonth(workerId: string, month: string): Promise<EmploymentRecord | undefined> {
  return (await call(employmentContracts.history, { params: { workerId, month } })).revisions.at(-1);
}

export async function saveEmployment(workerId: string, month: string, input: EmploymentInput): Promise<EmploymentRecord> {
  return (await call(employmentContracts.record, { params: { workerId, month }, body: input })).record;
}

/** Staff confirm (核实) a worker's own report of a month, as read at `revision`: only then does it count for money. */
export async function confirmEmployment(workerId: string, month: string, revision: number): Promise<EmploymentRecord> {
  return (await call(employmentContracts.confirm, { params: { workerId, month }, body: { revision } })).record;
}

// ---------------------------------------------------------------- staff: monthly reporting

/** For a county (6 digits) or a township (9). Deadlines are ISO dates: villages by the 15th, townships by the 25th. */
export const fetchReports = (month: string, regionCode: string) => call(reportContracts.status, { query: { month, regionCode } });

/** For a village (12 digits) or a township (9); reporting twice keeps the first time. */
export async function submitReport(month: string, regionCode: string) {
  return (await call(reportContracts.submit, { body: { month, regionCode } })).report;
}
