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
    expect(months.map((m) => [m.month, m.source, m.unconfirmed])).toEqual([
      ['2026-11', '本人申报，待核实', true],
      // In China's time: 2026-09-21 01:00.
      ['2026-09', '本人申报，乡镇经办人员 2026-09-21 核实', undefined],
      ['2026-08', '用人单位 2026-10-16 录用登记', undefined],
    ]);
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
});
