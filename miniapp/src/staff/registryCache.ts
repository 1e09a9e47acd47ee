/**
 * What the staff pages hand each other within one visit: the record an officer
 * opened (so the monthly form can show whose month it is without a second audited
 * read) and the month just saved (so the record page shows it at once, even if a
 * re-read of the timeline lags behind the write).
 */
import type { EmploymentRecord, WorkerView } from '@bangfu/shared';

const workers = new Map<string, WorkerView>();
const saved = new Map<string, EmploymentRecord>();

export function rememberWorker(worker: WorkerView): void {
  workers.set(worker.workerId, worker);
}

export function recallWorker(workerId: string): WorkerView | undefined {
  return workers.get(workerId);
}

export function rememberSavedMonth(record: EmploymentRecord): void {
  saved.set(`${record.workerId}/${record.month}`, record);
}

/** The timeline with any month saved here that the server's answer does not show yet. */
export function withSavedMonths(workerId: string, records: readonly EmploymentRecord[]): EmploymentRecord[] {
  const byMonth = new Map(records.map((r) => [r.month, r]));
  for (const record of saved.values()) {
    if (record.workerId !== workerId) continue;
    const known = byMonth.get(record.month);
    if (!known || known.revision < record.revision) byMonth.set(record.month, record);
  }
  return [...byMonth.values()].sort((a, b) => b.month.localeCompare(a.month));
}

/** The newest month saved here for a worker, if any (the list shows it before its next reload). */
export function latestSavedMonth(workerId: string): EmploymentRecord | undefined {
  let newest: EmploymentRecord | undefined;
  for (const record of saved.values()) {
    if (record.workerId === workerId && (!newest || record.month > newest.month)) newest = record;
  }
  return newest;
}
