/**
 * A worker's facts as the system already knows them: the registry record, the monthly
 * employment records (each with who stands behind it; the worker's own unconfirmed report
 * marked so the rules never pay on it), the trainings and certificates on the record, and past claims.
 * Nothing here is asked of the worker again (file 001 item 10); what the registry does
 * not hold (insurance, 低保, a graduating year…) is left out, and the rules say so.
 */
import { employmentSourceText, isAccountable, type EmploymentRecord } from '../registry/employment.js';
import type { Worker } from '../registry/worker.js';
import type { SubsidyFactsInput } from './facts.js';

type Certificate = Worker['certificates'][number];

/**
 * 职业技能等级证书 carry a level (一级…五级); 专项职业能力证书 carry none. A 特种作业操作证 is a
 * safety licence, neither of the two the 鉴定 subsidy pays for (file 000 §(五)).
 */
function certificateKind(certificate: Certificate): 'skill' | 'specialAbility' | undefined {
  if (certificate.level === 'special') return undefined;
  return certificate.level ? 'skill' : 'specialAbility';
}

export function factsFromRegistry(
  worker: Worker,
  months: readonly EmploymentRecord[],
  pastClaims: SubsidyFactsInput['pastClaims'] = [],
): SubsidyFactsInput {
  return {
    person: {
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
