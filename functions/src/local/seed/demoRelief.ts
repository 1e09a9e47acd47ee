/**
 * The demo county's 以工代赈 project, so a newcomer sees one: a farmland irrigation canal in 西斗铺镇
 * that serves a relocation site, built by the demo contractor (demo-employer-3), with four people of
 * the township on its roster (the relocated first) and last month's wage sheet entered, waiting for
 * each person's confirmation.
 */
import {
  chinaMonth,
  previousMonth,
  rankRosterCandidates,
  type ReliefProject,
  type ReliefWageLine,
  type Region,
  type RosterEntry,
} from '@bangfu/shared';
import { reliefProjectEntity, rosterEntity, wageLineEntity } from '../../db/entities.js';
import { keys } from '../../db/tableSchema.js';
import type { WorkerItem } from '../../registry/workerRepository.js';
import { villageWord } from './demoPosts.js';

/** 西斗铺镇以工代赈农田水利项目部 (NAMED_EMPLOYERS' third). */
const CONTRACTOR = { employerId: 'e_00000000-0000-4000-8000-000000000003', name: '西斗铺镇以工代赈农田水利项目部' };
const PROJECT_ID = 'rp_00000000-0000-4000-8000-000000000001';
const ON_ROSTER = 4;
const DAYS = [22, 20, 18, 15];
const DAY_WAGE_FEN = 15_000;

export function demoReliefProject(regions: readonly Region[], workers: readonly WorkerItem[], now = new Date()) {
  const townships = regions.filter((r) => r.level === 'township').sort((a, b) => a.code.localeCompare(b.code));
  const township = townships[1]!;
  const village = regions
    .filter((r) => r.level === 'village' && r.code.startsWith(township.code))
    .sort((a, b) => a.code.localeCompare(b.code))[0]!;
  const year = now.getUTCFullYear();
  const at = now.toISOString();
  const ranked = rankRosterCandidates(
    village.code,
    workers.filter((w) => w.villageCode.startsWith(township.code)),
    { preferRelocated: true },
  ).slice(0, ON_ROSTER);
  const roster: RosterEntry[] = ranked.map(({ candidate: w }, i) => ({
    projectId: PROJECT_ID,
    workerId: w.workerId,
    name: w.name,
    villageCode: w.villageCode,
    groups: w.groups,
    relocated: w.groups.includes('relocated'),
    trade: i === 0 ? '瓦工' : '普工',
    status: 'onRoster',
    addedBy: 'demo-employer-3',
    addedAt: at,
  }));
  const project: ReliefProject = {
    name: `${villageWord(village.name)}农田灌溉渠道改造`,
    ownerUnit: '固阳县水利局',
    contractorEmployerId: CONTRACTOR.employerId,
    contractorName: CONTRACTOR.name,
    sectorDepartment: '固阳县发展和改革委员会',
    villageCode: village.code,
    startsOn: `${year}-03-01`,
    endsOn: `${year + 1}-10-31`,
    plannedJobs: 20,
    relocationSite: 'servesSite',
    wageStandard: { unit: 'day', amountFen: DAY_WAGE_FEN },
    labourDemand: [
      { trade: '普工', count: 16 },
      { trade: '瓦工', count: 4 },
    ],
    projectId: PROJECT_ID,
    rosterCount: roster.length,
    relocatedOnRoster: roster.filter((r) => r.relocated).length,
    createdBy: 'demo-staff-county',
    createdAt: at,
    version: 1,
  };
  const month = previousMonth(chinaMonth(now));
  const lines: ReliefWageLine[] = roster.map((entry, i) => ({
    projectId: PROJECT_ID,
    month,
    workerId: entry.workerId,
    name: entry.name,
    days: DAYS[i]!,
    payFen: DAYS[i]! * DAY_WAGE_FEN,
    status: 'entered',
    entered: { by: 'demo-employer-3', at },
    version: 1,
  }));
  return [
    { ...keys.reliefProject(PROJECT_ID), ...reliefProjectEntity.indexes(project), type: 'reliefProject', ...project },
    ...roster.map((entry) => ({
      ...keys.rosterEntry(PROJECT_ID, entry.workerId),
      ...rosterEntity.indexes(entry),
      type: 'rosterEntry',
      ...entry,
    })),
    ...lines.map((line, i) => ({
      ...keys.wageLine(PROJECT_ID, month, line.workerId),
      ...wageLineEntity.indexes({ ...line, villageCode: roster[i]!.villageCode }),
      type: 'wageLine',
      ...line,
    })),
  ];
}
