/**
 * 不重复发放 for a training or a certificate: its claims are keyed on its date and name, as the
 * rules key them, and staff may correct a record. A training or certificate a standing claim
 * (not rejected) is for must therefore stay as it is: renamed or redated it would be a new item,
 * claimable again. What an edit of the record would change or remove is refused; the days of a
 * course may still be corrected (the claim is weighed again on them).
 */
import type { Claim } from './claim.js';
import { certificateKey } from './rules/skillCertificate.js';
import { trainingKey } from './rules/training.js';

interface RecordEdit {
  trainings?: readonly { name: string; endedOn: string }[] | undefined;
  certificates?: readonly { name: string; obtainedOn: string }[] | undefined;
}

/** The first list an edit may not make, with the claimed items it would lose; undefined when none. */
export function claimedRecordsLost(
  claims: readonly Pick<Claim, 'periodKey' | 'status' | 'name' | 'item'>[],
  edit: RecordEdit,
): { field: 'trainings' | 'certificates'; items: string[] } | undefined {
  const lists = [
    { field: 'trainings' as const, prefix: 'training:', keys: edit.trainings?.map(trainingKey) },
    { field: 'certificates' as const, prefix: 'certificate:', keys: edit.certificates?.map(certificateKey) },
  ];
  for (const { field, prefix, keys } of lists) {
    if (!keys) continue;
    const lost = claims.filter((c) => c.status !== 'rejected' && c.periodKey.startsWith(prefix) && !keys.includes(c.periodKey));
    if (lost.length > 0) return { field, items: [...new Set(lost.map((c) => c.item ?? c.name))] };
  }
  return undefined;
}
