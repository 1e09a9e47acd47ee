/**
 * An employer's or agency's facts as the system already knows them: its kind and, for a
 * 帮扶车间, its recognition and the 帮扶对象 it employs (set by staff); for an agency,
 * the workers it placed through its positions, where, and how many months they have
 * worked this year (from their monthly records). Nothing is asked again.
 */
import type { Employer } from '../positions/employer.js';
import { isAccountable, type EmploymentRecord } from '../registry/employment.js';
import type { SubsidyFactsInput } from './facts.js';
import type { Claim } from './claim.js';
import { firstTransferOf, transferPeriodKey } from './rules/agencyTransferService.js';

/** A worker an agency placed: the hire's place seen from their village, and their months. */
export interface Placement {
  workerId: string;
  name: string;
  place: 'withinCounty' | 'acrossCounty' | 'acrossCity' | 'acrossProvince';
  hireMonth: string;
  months: readonly EmploymentRecord[];
  /** The service for their first transfer is claimed already, and by whom (首次输出: once per person). */
  serviceClaimed?: 'byThisAgency' | 'byAnotherAgency';
}

export function factsFromEmployer(employer: Employer, placements: readonly Placement[], year: string): SubsidyFactsInput {
  const transfers = placements
    .filter((p): p is Placement & { place: Exclude<Placement['place'], 'withinCounty'> } => p.place !== 'withinCounty')
    .map((p) => ({
      workerId: p.workerId,
      name: p.name,
      place: p.place,
      // Months in work this year since the transfer (the 6-month line of file 004 §二(一)), each
      // one someone accountable recorded or confirmed: a worker's own word pays nobody.
      monthsEmployedThisYear: p.months.filter(
        (m) => m.month.startsWith(year) && m.month >= p.hireMonth && m.status === 'employed' && isAccountable(m),
      ).length,
      // First time out: no month before this hire recorded as working outside the home county.
      firstTransfer: !p.months.some(
        (m) => m.month < p.hireMonth && m.status === 'employed' && m.place && m.place !== 'withinCounty',
      ),
      ...(p.serviceClaimed ? { serviceClaimed: p.serviceClaimed } : {}),
    }));
  return {
    employer: {
      kind: employer.kind,
      ...(employer.workshop
        ? { workshopRecognition: employer.workshop.recognition, assistedEmployees: employer.workshop.assistedEmployees }
        : {}),
    },
    ...(employer.kind === 'hrAgency' ? { agency: { transfers } } : {}),
  };
}

/**
 * Whether the service of `workerId`'s first transfer is claimed already, as this agency's
 * placement is weighed for `year`: by this agency for another year (its claims `own`), or by
 * another agency whose claim holds the person (`holder`) and is not rejected. This year's own
 * claim is the one being weighed, not a second one.
 */
export function firstTransferClaimed(
  workerId: string,
  year: string,
  own: readonly Pick<Claim, 'claimId' | 'subsidy' | 'periodKey' | 'status'>[],
  holder: { claimId: string; status: Claim['status'] | undefined } | undefined,
): Placement['serviceClaimed'] {
  const thisYear = transferPeriodKey(year, workerId);
  const earlier = own.some(
    (claim) => firstTransferOf(claim) === workerId && claim.periodKey !== thisYear && claim.status !== 'rejected',
  );
  if (earlier) return 'byThisAgency';
  const another = holder && !own.some((claim) => claim.claimId === holder.claimId);
  return another && holder.status !== undefined && holder.status !== 'rejected' ? 'byAnotherAgency' : undefined;
}
