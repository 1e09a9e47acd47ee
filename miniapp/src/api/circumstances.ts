/**
 * A person's circumstances (情况) the subsidy rules need (contracts in shared/src/api/registry.ts):
 * staff record one as vouched by them, a worker reports their own, which waits for an officer.
 * Each change names the record's version read; `value: null` clears the kind.
 */
import { registryContracts, type CircumstanceChange, type WorkerView } from '@bangfu/shared';
import { call } from './client';

/**
 * Staff: record (or clear) one kind; money rests on it. 409 VERSION_CONFLICT when `version` is
 * stale; 400 with `field` such as `body.value.enrolledOn` when a value is refused.
 */
export async function recordCircumstance(workerId: string, change: CircumstanceChange): Promise<WorkerView> {
  return (await call(registryContracts.recordCircumstance, { params: { workerId }, body: change })).worker;
}

/**
 * The bound worker: report (or take back) their own; it counts once an officer records it. 409
 * CONFLICT (with a Chinese message) for a kind an officer recorded, VERSION_CONFLICT when stale.
 */
export async function reportCircumstance(change: CircumstanceChange): Promise<WorkerView> {
  return (await call(registryContracts.reportCircumstance, { body: change })).worker;
}
