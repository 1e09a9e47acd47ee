/**
 * The demo county: 固阳县 (Guyang County, Baotou, Inner Mongolia) with its real
 * townships and villages, and synthetic but plausible accounts — every one
 * marked `demo: true` and described as 演示数据 (demo data).
 */
import {
  checkCharacter,
  LABOUR_CLASSES,
  OCCUPATIONS,
  WORKER_GROUPS,
  type DemoLogin,
  type Employer,
  type User,
  type WorkerInput,
} from '@bangfu/shared';
import type { PositionRecord } from '../../positions/positionRepository.js';
import type { Region } from '@bangfu/shared';
import { demoEmployer, demoPositions, generatedEmployers, NAMED_EMPLOYERS, withCenters } from './demoPositions.js';

export const DEMO_COUNTY_CODE = '150222';

/** A small deterministic generator, so every fresh start seeds the same people. */
export function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['王', '李', '张', '刘', '赵', '杨', '郭', '高', '武', '白', '乔', '贾', '孙', '韩', '田', '任', '云', '郝'];
const GIVEN = [
  '秀兰',
  '桂英',
  '建军',
  '志强',
  '海军',
  '玉梅',
  '金山',
  '春花',
  '文斌',
  '利平',
  '二虎',
  '凤英',
  '永胜',
  '俊峰',
  '美玲',
  '占全',
];
/** Mongolian names are common in Baotou's banners. */
const MONGOLIAN = ['巴特尔', '乌云', '其其格', '额尔敦', '苏和', '萨仁', '图雅', '宝音'];

export interface DemoCounty {
  /** The divisions, with demo map centres. */
  regions: Region[];
  users: User[];
  employers: Employer[];
  positions: PositionRecord[];
  logins: DemoLogin[];
  /** The registry records of the demo workers (unbound: binding is part of the demo). */
  people: WorkerInput[];
}

/** The synthetic ID number of demo worker `n` (1-based): issued in the county (固阳县 without), valid check character. */
export function demoIdNumber(n: number, countyCode = DEMO_COUNTY_CODE): string {
  const year = 1960 + ((n * 7) % 40);
  const month = String(1 + ((n * 5) % 12)).padStart(2, '0');
  const day = String(1 + ((n * 11) % 28)).padStart(2, '0');
  const first17 = `${countyCode}${year}${month}${day}${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** A demo account in `region`: marked `demo: true`, care mode off, version 1. */
export function demoAccount(
  user: Omit<User, 'careMode' | 'createdAt' | 'version' | 'demo'>,
  region: Region,
  createdAt: string,
): User {
  return {
    ...user,
    regionCode: region.code,
    regionName: region.fullName,
    careMode: false,
    demo: true,
    createdAt,
    version: 1,
  };
}

/** The dev-login page's entries for `users`: who each is, where, and that it is 演示数据. */
export function demoLoginsOf(users: readonly User[]) {
  const byId = new Map(users.map((u) => [u.userId, u]));
  return (userId: string, label: string): DemoLogin => {
    const user = byId.get(userId);
    if (!user) throw new Error(`no demo account ${userId}`);
    return {
      userId,
      role: user.role,
      displayName: user.displayName,
      description: `${label} · ${user.regionName ?? ''}（演示数据）`,
    };
  };
}

export function buildDemoCounty(regions: Region[], now = new Date()): DemoCounty {
  const random = mulberry32(150222);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const createdAt = now.toISOString();
  // The map has its own generator, so the people stay the same as before it existed.
  const mapRandom = mulberry32(150223);
  const placed = withCenters(regions, mapRandom);
  const townships = placed.filter((r) => r.level === 'township');
  // Rural villages (村 / 嘎查), not the town's residents' committees (居委会).
  const villages = placed.filter((r) => r.level === 'village' && /村|嘎查/.test(r.name));
  const county = placed.find((r) => r.level === 'county');
  if (!county || townships.length === 0 || villages.length === 0) throw new Error('the demo county has no townships or villages');

  const account = (user: Omit<User, 'careMode' | 'createdAt' | 'version' | 'demo'>, region: Region): User =>
    demoAccount(user, region, createdAt);

  const users: User[] = [];
  const people: WorkerInput[] = [];
  villages.forEach((village, v) => {
    for (let i = 1; i <= 2; i++) {
      const n = v * 2 + i;
      const name = random() < 0.15 ? pick(MONGOLIAN) : SURNAMES[(v * 7 + i * 3) % SURNAMES.length]! + pick(GIVEN);
      users.push(account({ userId: `demo-worker-${n}`, role: 'worker', displayName: name }, village));
      const groups = WORKER_GROUPS.filter(() => random() < 0.2);
      people.push({
        name,
        idNumber: demoIdNumber(n),
        householdId: `${village.code}-${String(i).padStart(3, '0')}`,
        villageCode: village.code,
        groups: groups.length ? groups : ['povertyAlleviated'],
        labourClass: LABOUR_CLASSES[Math.floor(random() * 3)]!,
        skills: [pick(OCCUPATIONS).code],
        certificates: [],
        trainings: [],
        preferences: { travelScope: pick(['local', 'county', 'city', 'province', 'any'] as const), jobTypes: [] },
        registryEntryDate: '2021-01-01',
      });
    }
  });
  const employers: Employer[] = [];
  const positions: PositionRecord[] = [];
  [...NAMED_EMPLOYERS, ...generatedEmployers(townships)].forEach((spec, e) => {
    const township = townships[spec.township % townships.length]!;
    const userId = `demo-employer-${e + 1}`;
    const employer = demoEmployer(spec, e, userId, township, mapRandom, now);
    users.push({ ...account({ userId, role: 'employer', displayName: spec.name }, township), employerId: employer.employerId });
    employers.push(employer);
    positions.push(...demoPositions(employer, spec, e, township, mapRandom, now));
  });
  townships.forEach((township, t) => {
    users.push(
      account(
        {
          userId: `demo-staff-township-${t + 1}`,
          role: 'staff',
          staffLevel: 'township',
          displayName: `${township.name}就业服务站`,
          duties: ['review'],
        },
        township,
      ),
    );
  });
  const firstVillageOf = (township: Region) => villages.find((v) => v.parentCode === township.code)!;
  const officerVillage = firstVillageOf(townships[0]!);
  users.push(
    account(
      { userId: 'demo-staff-village-1', role: 'staff', staffLevel: 'village', displayName: `${officerVillage.name}信息员` },
      officerVillage,
    ),
    // 审核 and 复核 at the bureau; 发放 by its finance officer, never the same account.
    account(
      {
        userId: 'demo-staff-county',
        role: 'staff',
        staffLevel: 'county',
        displayName: `${county.name}人社局`,
        duties: ['review', 'recheck'],
      },
      county,
    ),
    account(
      {
        userId: 'demo-staff-county-finance',
        role: 'staff',
        staffLevel: 'county',
        displayName: `${county.name}人社局财务`,
        duties: ['pay'],
      },
      county,
    ),
    account({ userId: 'demo-admin', role: 'admin', displayName: `${county.name}系统管理员` }, county),
    // A second admin: a change of the county's standards is in force only once another admin confirms it.
    account({ userId: 'demo-admin-2', role: 'admin', displayName: `${county.name}系统管理员（复核）` }, county),
  );

  const login = demoLoginsOf(users);
  const logins: DemoLogin[] = [
    login('demo-worker-1', '劳动者'),
    login('demo-worker-2', '劳动者'),
    login('demo-employer-1', '用人单位'),
    login('demo-employer-3', '以工代赈施工单位'),
    login('demo-staff-village-1', '村级信息员'),
    login('demo-staff-township-1', '乡镇经办人员'),
    login('demo-staff-township-2', '乡镇经办人员'),
    login('demo-staff-county', '旗县人社局 审核'),
    login('demo-staff-county-finance', '旗县人社局 补贴发放'),
    login('demo-admin', '管理员'),
    login('demo-admin-2', '管理员（确认标准）'),
  ];
  return { regions: placed, users, logins, people, employers, positions };
}
