/**
 * A worker's facts as the system already knows them: the registry record, the monthly
 * employment records (each with who stands behind it; the worker's own unconfirmed report
 * marked so the rules never pay on it), the trainings and certificates on the record, and past claims.
 * Nothing here is asked of the worker again (file 001 item 10). The circumstances on the record
 * (参保, 低保, 毕业年度, 返乡, a child at vocational school, a business and its loan) are read for the
 * period with who recorded them; one only the worker has reported is left out and marked reported,
 * so the rules ask for it with that said. What nobody recorded is left out, and the rules say so.
 */
import { circumstanceSourceText, isVouched, type Circumstances, type CircumstanceStamp } from '../registry/circumstances.js';
import { employmentSourceText, isAccountable, vouchersOf, type EmploymentRecord } from '../registry/employment.js';
import type { StampedWorkerFact, Worker } from '../registry/worker.js';
import type { SubsidyFactsInput } from './facts.js';
import { semesterOf } from './rules/personFacts.js';

type Certificate = Worker['certificates'][number];

/**
 * 职业技能等级证书 carry a level (一级…五级); 专项职业能力证书 carry none. A 特种作业操作证 is a
 * safety licence, neither of the two the 鉴定 subsidy pays for (file 000 §(五)).
 */
function certificateKind(certificate: Certificate): 'skill' | 'specialAbility' | undefined {
  if (certificate.level === 'special') return undefined;
  return certificate.level ? 'skill' : 'specialAbility';
}

/** The circumstances' facts for a period (YYYY-MM), with their sources and what waits for confirmation. */
function circumstanceFacts(circumstances: Circumstances, period: string) {
  const person: { insured?: boolean; onMinimumLiving?: boolean; graduatingThisYear?: boolean; returnedMigrant?: boolean } = {};
  const more: Pick<SubsidyFactsInput, 'vocationalStudent' | 'startup'> = {};
  const sources: Record<string, string> = {};
  const vouchers: Record<string, string[]> = {};
  const reported: string[] = [];
  /** The fact at `path` when someone accountable stands behind it; otherwise noted as reported. */
  const use = (path: string, stamp: CircumstanceStamp): boolean => {
    if (!isVouched(stamp)) {
      reported.push(path);
      return false;
    }
    sources[path] = circumstanceSourceText(stamp);
    if (stamp.recordedBy !== undefined) vouchers[path] = [stamp.recordedBy];
    return true;
  };
  const within = (range: { from: string; until?: string | undefined }) =>
    range.from <= period && (range.until === undefined || period <= range.until);
  const { insured, minimumLiving, graduatingYear, returnedMigrant, vocationalStudent, business, startupLoan } = circumstances;
  if (insured && use('person.insured', insured.stamp)) person.insured = within(insured.value);
  if (minimumLiving && use('person.onMinimumLiving', minimumLiving.stamp)) person.onMinimumLiving = within(minimumLiving.value);
  if (graduatingYear && use('person.graduatingThisYear', graduatingYear.stamp)) {
    person.graduatingThisYear = graduatingYear.value.year === period.slice(0, 4);
  }
  if (
    returnedMigrant &&
    returnedMigrant.value.returnedOn.slice(0, 7) <= period &&
    use('person.returnedMigrant', returnedMigrant.stamp)
  ) {
    person.returnedMigrant = true;
  }
  if (vocationalStudent && use('vocationalStudent', vocationalStudent.stamp)) {
    more.vocationalStudent = { ...vocationalStudent.value, semester: semesterOf(`${period}-01`) };
  }
  if (business && use('startup', business.stamp)) {
    more.startup = {
      ...business.value,
      ...(startupLoan && use('startup.loan', startupLoan.stamp) ? { loan: startupLoan.value } : {}),
    };
  } else if (startupLoan && !isVouched(startupLoan.stamp)) reported.push('startup.loan');
  return { person, more, sources, vouchers, reported };
}

/** Where the rules read each stamped fact of the record. */
const STAMPED_FACT_PATHS = [
  ['groups', 'person.groups'],
  ['trainings', 'trainings'],
  ['certificates', 'certificates'],
] as const satisfies readonly (readonly [StampedWorkerFact, string])[];

export function factsFromRegistry(
  worker: Worker,
  months: readonly EmploymentRecord[],
  pastClaims: SubsidyFactsInput['pastClaims'] = [],
  /** The month evaluated: the circumstances are read as of it (none without it). */
  period?: string,
): SubsidyFactsInput {
  const found = period && worker.circumstances ? circumstanceFacts(worker.circumstances, period) : undefined;
  const sources = { ...found?.sources };
  const vouchers = { ...found?.vouchers };
  for (const [fact, path] of STAMPED_FACT_PATHS) {
    const stamp = worker.stamps?.[fact];
    if (!stamp) continue;
    sources[path] = circumstanceSourceText(stamp);
    if (stamp.recordedBy !== undefined) vouchers[path] = [stamp.recordedBy];
  }
  return {
    ...(found?.more ?? {}),
    ...(Object.keys(sources).length > 0 ? { sources, vouchers } : {}),
    ...(found && found.reported.length > 0 ? { reported: found.reported } : {}),
    person: {
      ...(found?.person ?? {}),
      birthDate: worker.birthDate,
      sex: worker.sex,
      groups: worker.groups,
      labourClass: worker.labourClass,
      homeRegionCode: worker.villageCode,
      registryEntryDate: worker.registryEntryDate,
      ...(worker.registryExitDate ? { registryExitDate: worker.registryExitDate } : {}),
    },
    employment: months.map((m) => ({
      month: m.month,
      status: m.status,
      ...(m.place ? { place: m.place } : {}),
      ...(m.form ? { form: m.form } : {}),
      monthlyIncomeFen: m.monthlyIncomeFen,
      source: employmentSourceText(m),
      vouchedBy: vouchersOf(m),
      ...(isAccountable(m) ? {} : { unconfirmed: true }),
    })),
    // A training on the record is one that was taken: finished on its end date.
    trainings: worker.trainings.map((t) => ({
      name: t.name,
      ...(t.occupation ? { occupation: t.occupation } : {}),
      startedOn: t.startedOn ?? t.endedOn,
      endedOn: t.endedOn,
      completed: true,
      labourBrandTrade: t.labourBrandTrade ?? false,
      ...(t.days !== undefined ? { days: t.days } : {}),
    })),
    certificates: worker.certificates.flatMap((c) => {
      const kind = certificateKind(c);
      return kind
        ? [{ name: c.name, kind, ...(c.occupation ? { occupation: c.occupation } : {}), obtainedOn: c.obtainedOn }]
        : [];
    }),
    pastClaims,
  };
}
