/** A worker's facts from the registry: what is known goes in as it is, and what is not stays out. */
import { describe, expect, it } from 'vitest';
import { factsFromRegistry, subsidyFactsSchema, training, type EmploymentRecord, type Worker } from '@bangfu/shared';
import { evaluateCase } from '../../support/subsidies.js';

const worker: Worker = {
  workerId: 'w_1',
  name: '王秀兰',
  idNumberMasked: '150222********0021',
  birthDate: '1975-03-08',
  sex: 'female',
  householdId: 'H-1',
  villageCode: '150222102212',
  groups: ['monitored'],
  labourClass: 'half',
  skills: ['sewing_worker'],
  certificates: [
    { name: '缝纫工四级', occupation: 'sewing_worker', level: '4', obtainedOn: '2025-05-01' },
    { name: '手工编织专项能力', obtainedOn: '2025-06-01' },
    { name: '电工特种作业操作证', level: 'special', obtainedOn: '2025-07-01' },
  ],
  trainings: [
    { name: '缝纫培训', endedOn: '2025-04-20', startedOn: '2025-04-01', days: 20, labourBrandTrade: true },
    { name: '家政培训', endedOn: '2025-09-10' },
  ],
  preferences: { travelScope: 'county', jobTypes: [] },
  registryEntryDate: '2021-03-01',
  createdAt: '2021-03-01T00:00:00.000Z',
  updatedAt: '2021-03-01T00:00:00.000Z',
  version: 1,
};
const month: EmploymentRecord = {
  workerId: 'w_1',
  month: '2026-10',
  status: 'employed',
  place: 'withinCounty',
  form: 'assistanceWorkshop',
  monthlyIncomeFen: 260_000,
  source: 'staff',
  recordedBy: 's',
  recordedAt: '2026-10-16T00:00:00.000Z',
  recordedByLevel: 'village',
  revision: 1,
};

describe('facts from the registry', () => {
  const facts = subsidyFactsSchema.parse(factsFromRegistry(worker, [month]));

  it('carries the person, the months and the trainings as recorded', () => {
    expect(facts.person).toEqual({
      birthDate: '1975-03-08',
      sex: 'female',
      groups: ['monitored'],
      labourClass: 'half',
      homeRegionCode: '150222102212',
      registryEntryDate: '2021-03-01',
    });
    expect(facts.employment).toEqual([
      {
        month: '2026-10',
        status: 'employed',
        place: 'withinCounty',
        form: 'assistanceWorkshop',
        monthlyIncomeFen: 260_000,
        source: '村信息员 2026-10-16 登记',
        vouchedBy: ['s'],
      },
    ]);
    expect(facts.trainings[0]).toMatchObject({ startedOn: '2025-04-01', days: 20, completed: true, labourBrandTrade: true });
  });

  it('names who stands behind each month, and marks the worker’s own report unconfirmed until an officer confirms it', () => {
    const self: EmploymentRecord = { ...month, month: '2026-11', place: 'acrossProvince', source: 'self', recordedBy: 'u' };
    const confirmed: EmploymentRecord = {
      ...self,
      month: '2026-09',
      confirmation: { by: 't', level: 'township', at: '2026-09-20T17:00:00.000Z' },
    };
    const hired: EmploymentRecord = { ...month, month: '2026-08', source: 'employerHire', recordedBy: 'e' };
    const months = subsidyFactsSchema.parse(factsFromRegistry(worker, [self, confirmed, hired])).employment;
    expect(months.map((m) => [m.month, m.source, m.unconfirmed, m.vouchedBy])).toEqual([
      // The worker vouches for nothing of their own: only who recorded or confirmed a month does (四眼原则).
      ['2026-11', '本人申报，待核实', true, []],
      // In China's time: 2026-09-21 01:00.
      ['2026-09', '本人申报，乡镇经办人员 2026-09-21 核实', undefined, ['t']],
      ['2026-08', '用人单位 2026-10-16 录用登记', undefined, ['e']],
    ]);
  });

  it('names who set the groups, trainings and certificates, and keeps their accounts apart for the four-eyes check', () => {
    const by = (recordedBy: string, level: 'village' | 'township') =>
      ({ source: 'staff', recordedBy, recordedByLevel: level, recordedAt: '2026-03-02T02:00:00.000Z' }) as const;
    const stamped: Worker = {
      ...worker,
      stamps: {
        groups: by('t', 'township'),
        trainings: by('v', 'village'),
        certificates: { source: 'import', recordedBy: 'i', recordedAt: '2026-03-02T02:00:00.000Z' },
      },
    };
    const facts = subsidyFactsSchema.parse(factsFromRegistry(stamped, []));
    expect(facts.sources).toEqual({
      'person.groups': '乡镇经办人员 2026-03-02 登记',
      trainings: '村信息员 2026-03-02 登记',
      certificates: '2026-03-02 从监测系统导入',
    });
    expect(facts.vouchers).toEqual({ 'person.groups': ['t'], trainings: ['v'], certificates: ['i'] });
    // A record made before the stamps were kept names nobody.
    expect(subsidyFactsSchema.parse(factsFromRegistry(worker, [])).sources).toBeUndefined();
  });

  it('tells a skill certificate (with a level) from a special ability one, and leaves a safety licence out', () => {
    expect(facts.certificates.map((c) => [c.name, c.kind])).toEqual([
      ['缝纫工四级', 'skill'],
      ['手工编织专项能力', 'specialAbility'],
    ]);
  });

  it('asks for the training days the registry lacks instead of counting zero', () => {
    const results = evaluateCase(training, { period: '2026-10', facts: factsFromRegistry(worker, [month]) });
    const [sewing, housekeeping] = results;
    expect(sewing).toMatchObject({ eligible: true });
    expect(housekeeping).toMatchObject({ eligible: false, amountFen: 0 });
    expect(housekeeping!.missing).toContain('trainings.days');
  });

  it('reads the circumstances for the month they cover, with who recorded them; a self-report waits', () => {
    const staff = {
      source: 'staff' as const,
      recordedBy: 's',
      recordedByLevel: 'village' as const,
      recordedAt: '2026-03-02T02:00:00.000Z',
    };
    const self = { source: 'self' as const, recordedBy: 'u', recordedAt: '2026-03-03T02:00:00.000Z' };
    const withCircumstances: Worker = {
      ...worker,
      circumstances: {
        insured: { value: { from: '2026-01', until: '2026-06' }, stamp: staff },
        minimumLiving: { value: { from: '2025-01' }, stamp: self },
        graduatingYear: { value: { year: '2026' }, stamp: staff },
        returnedMigrant: { value: { returnedOn: '2026-02-10' }, stamp: staff },
        vocationalStudent: { value: { schoolKind: 'technicalSchool', enrolledOn: '2025-09-01' }, stamp: staff },
        business: { value: { registeredOn: '2026-03-01', operating: true }, stamp: staff },
        startupLoan: {
          value: {
            principalFen: 10_000_000,
            startedOn: '2026-03-01',
            endsOn: '2028-03-01',
            partnership: false,
            repaidOnSchedule: true,
          },
          stamp: self,
        },
      },
    };
    const inMonth = (period: string) => subsidyFactsSchema.parse(factsFromRegistry(withCircumstances, [], [], period));
    const june = inMonth('2026-06');
    expect(june.person).toMatchObject({ insured: true, graduatingThisYear: true, returnedMigrant: true });
    expect(june.person!.onMinimumLiving).toBeUndefined(); // only the worker says so
    expect(june.vocationalStudent).toEqual({ schoolKind: 'technicalSchool', enrolledOn: '2025-09-01', semester: '2026-spring' });
    expect(june.startup).toEqual({ registeredOn: '2026-03-01', operating: true }); // the loan waits
    expect(june.reported!.sort()).toEqual(['person.onMinimumLiving', 'startup.loan']);
    expect(june.sources).toMatchObject({ 'person.insured': '村信息员 2026-03-02 登记', startup: '村信息员 2026-03-02 登记' });
    expect(june.vouchers).toMatchObject({ 'person.insured': ['s'], startup: ['s'] });
    expect(Object.keys(june.vouchers!)).not.toContain('person.onMinimumLiving');
    // Outside the months insured, and before coming home: what the record says for that month.
    const later = inMonth('2026-07');
    expect(later.person).toMatchObject({ insured: false });
    expect(inMonth('2026-01').person!.returnedMigrant).toBeUndefined();
    expect(inMonth('2027-03').person).toMatchObject({ graduatingThisYear: false });
    // Without a month, nothing period-bound is read.
    expect(subsidyFactsSchema.parse(factsFromRegistry(withCircumstances, [])).person!.insured).toBeUndefined();
  });
});
