/**
 * The demo county's job map: map centres for its regions, employers of every kind
 * the policies name, and a few hundred positions around its townships — with a few
 * in Baotou and beyond, as labour transfers go. The names and places are real; the
 * coordinates of townships and villages are synthetic (spread around the county
 * seat, GCJ-02), and every employer and position is marked as demo data.
 */
import {
  chinaDate,
  type Employer,
  type EmployerKind,
  type LatLng,
  type Pay,
  type Position,
  type PositionInput,
  type PublicWelfareCategory,
} from '@bangfu/shared';
import type { Region } from '@bangfu/shared';
import type { PositionRecord } from '../../positions/positionRepository.js';

/** 金山镇, the county seat of 固阳县 (approximate, GCJ-02). */
export const DEMO_COUNTY_CENTER: LatLng = { lat: 41.034, lng: 110.063 };

type Random = () => number;

/** A point `km` away in direction `angle` (radians), on a flat patch of Earth. */
function offset(center: LatLng, km: number, angle: number): LatLng {
  const lat = center.lat + (km * Math.cos(angle)) / 111.195;
  const lng = center.lng + (km * Math.sin(angle)) / (111.195 * Math.cos((center.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

/**
 * Map centres: the county seat (the first township) at `seat`, the other townships between
 * `spreadKm` of it, villages around their township.
 */
export function withCenters(
  regions: Region[],
  random: Random,
  seat: LatLng = DEMO_COUNTY_CENTER,
  spreadKm: readonly [number, number] = [14, 36],
): Region[] {
  const [nearKm, farKm] = spreadKm;
  const townships = regions.filter((r) => r.level === 'township');
  const centers = new Map<string, LatLng>();
  townships.forEach((township, t) => {
    const center = t === 0 ? seat : offset(seat, nearKm + random() * (farKm - nearKm), (2 * Math.PI * t) / townships.length);
    centers.set(township.code, center);
  });
  return regions.map((region) => {
    if (region.level === 'province' || region.level === 'city') return region;
    if (region.level === 'county') return { ...region, center: seat };
    if (region.level === 'township') return { ...region, center: centers.get(region.code)! };
    const township = centers.get(region.parentCode ?? '') ?? seat;
    return { ...region, center: offset(township, 1.5 + random() * 7, random() * 2 * Math.PI) };
  });
}

/** What each kind of employer typically recruits for, as position templates. */
export interface PositionTemplate {
  title: string;
  occupation: string;
  pay: Pay;
  form: PositionInput['form'];
  seasonMonths?: number[];
  intensity: PositionInput['intensity'];
  suitsHalfLabour: boolean;
  suitsWeakLabour: boolean;
  accommodation: boolean;
  meals: boolean;
  workHours: string;
  publicWelfareCategory?: PublicWelfareCategory;
}

const yuan = (n: number) => n * 100;
export const monthly = (min: number, max: number): Pay => ({ unit: 'month', minFen: yuan(min), maxFen: yuan(max) });
export const daily = (min: number, max: number): Pay => ({ unit: 'day', minFen: yuan(min), maxFen: yuan(max) });
export const light = { intensity: 'light' as const, suitsHalfLabour: true, suitsWeakLabour: true };
export const medium = { intensity: 'medium' as const, suitsHalfLabour: true, suitsWeakLabour: false };
export const heavy = { intensity: 'heavy' as const, suitsHalfLabour: false, suitsWeakLabour: false };
export const near = { accommodation: false, meals: false };
export const board = { accommodation: true, meals: true };
const SEASON = [4, 5, 6, 7, 8, 9, 10];
const HARVEST = [8, 9, 10];

const TEMPLATES: Record<EmployerKind, PositionTemplate[]> = {
  assistanceWorkshop: [
    {
      title: '服装缝纫工',
      occupation: 'sewing_worker',
      pay: { unit: 'piece', minFen: 150, maxFen: 400, pieceNote: '每件' },
      form: 'fullTime',
      ...light,
      ...near,
      workHours: '每天 8 小时，可带孩子上下学',
    },
    {
      title: '手工编织',
      occupation: 'handicraft_worker',
      pay: monthly(1800, 2600),
      form: 'partTime',
      ...light,
      ...near,
      workHours: '每天 4–6 小时，时间灵活',
    },
    {
      title: '杂粮分拣包装',
      occupation: 'food_processor',
      pay: monthly(2200, 3000),
      form: 'fullTime',
      ...light,
      accommodation: false,
      meals: true,
      workHours: '每天 8 小时',
    },
  ],
  assistanceBase: [
    {
      title: '马铃薯分拣工',
      occupation: 'food_processor',
      pay: daily(120, 160),
      form: 'seasonal',
      seasonMonths: HARVEST,
      ...medium,
      accommodation: false,
      meals: true,
      workHours: '每天 8 小时',
    },
    {
      title: '马铃薯种植工',
      occupation: 'crop_grower',
      pay: daily(130, 180),
      form: 'seasonal',
      seasonMonths: [4, 5, 6, 9, 10],
      ...medium,
      ...near,
      workHours: '早 6 点到下午 4 点',
    },
    {
      title: '大棚蔬菜工',
      occupation: 'greenhouse_grower',
      pay: monthly(2800, 3500),
      form: 'fullTime',
      ...medium,
      ...near,
      workHours: '每天 8 小时',
    },
  ],
  workForRelief: [
    {
      title: '农田水利施工普工',
      occupation: 'construction_labourer',
      pay: daily(180, 230),
      form: 'seasonal',
      seasonMonths: SEASON,
      ...heavy,
      accommodation: false,
      meals: true,
      workHours: '每天 8 小时，工资按月发到本人银行卡',
    },
    {
      title: '砌筑工',
      occupation: 'bricklayer',
      pay: daily(260, 320),
      form: 'seasonal',
      seasonMonths: SEASON,
      ...heavy,
      accommodation: false,
      meals: true,
      workHours: '每天 8 小时',
    },
  ],
  publicWelfare: [
    {
      title: '村庄保洁员',
      occupation: 'cleaner',
      pay: monthly(1000, 1000),
      form: 'partTime',
      ...light,
      ...near,
      workHours: '每天上午 3 小时',
      publicWelfareCategory: 'sanitation',
    },
    {
      title: '生态护林员',
      occupation: 'forest_ranger',
      pay: monthly(1200, 1200),
      form: 'partTime',
      ...light,
      ...near,
      workHours: '每周巡护 5 天',
      publicWelfareCategory: 'forestRanger',
    },
    {
      title: '道路养护员',
      occupation: 'road_maintainer',
      pay: monthly(1300, 1300),
      form: 'partTime',
      ...medium,
      ...near,
      workHours: '每天 4 小时',
      publicWelfareCategory: 'roadMaintenance',
    },
    {
      title: '村级就业信息协管员',
      occupation: 'warehouse_keeper',
      pay: monthly(1500, 1500),
      form: 'partTime',
      ...light,
      ...near,
      workHours: '每天 4 小时，会用手机',
      publicWelfareCategory: 'employmentService',
    },
  ],
  cooperative: [
    {
      title: '肉羊饲养员',
      occupation: 'livestock_keeper',
      pay: monthly(3500, 4500),
      form: 'fullTime',
      ...medium,
      ...board,
      workHours: '早晚喂两次',
    },
    {
      title: '农机手',
      occupation: 'farm_machinery_operator',
      pay: daily(250, 350),
      form: 'seasonal',
      seasonMonths: [4, 5, 9, 10],
      ...medium,
      ...near,
      workHours: '农忙时每天 10 小时',
    },
  ],
  hrAgency: [
    {
      title: '电子厂普工（包吃住）',
      occupation: 'factory_operator',
      pay: monthly(4800, 6500),
      form: 'fullTime',
      ...medium,
      ...board,
      workHours: '两班倒，每天 10 小时',
    },
    {
      title: '外卖骑手',
      occupation: 'delivery_rider',
      pay: monthly(5000, 8000),
      form: 'fullTime',
      ...medium,
      accommodation: true,
      meals: false,
      workHours: '每天 10 小时，多劳多得',
    },
    {
      title: '家政服务员',
      occupation: 'housekeeper',
      pay: monthly(4500, 6000),
      form: 'fullTime',
      ...light,
      ...board,
      workHours: '住家，每月休 4 天',
    },
  ],
  enterprise: [
    {
      title: '装卸搬运工',
      occupation: 'loader',
      pay: daily(200, 260),
      form: 'gig',
      ...heavy,
      ...near,
      workHours: '来货就干，当天结算',
    },
    {
      title: '叉车司机',
      occupation: 'forklift_driver',
      pay: monthly(4500, 5500),
      form: 'fullTime',
      ...medium,
      accommodation: true,
      meals: true,
      workHours: '每天 8 小时，需叉车证',
    },
    {
      title: '杂粮加工操作工',
      occupation: 'food_processor',
      pay: monthly(3200, 3800),
      form: 'fullTime',
      ...medium,
      accommodation: false,
      meals: true,
      workHours: '每天 8 小时',
    },
    {
      title: '保安员',
      occupation: 'security_guard',
      pay: monthly(2800, 3200),
      form: 'fullTime',
      ...light,
      ...board,
      workHours: '12 小时一班，做一休一',
    },
  ],
};

/** Where some employers send people: the rest of Baotou, the region, and other provinces. */
const FAR_SITES: { name: string; regionCode: string; center: LatLng; crossProvince: boolean }[] = [
  { name: '包头市九原区', regionCode: '150207', center: { lat: 40.606, lng: 109.968 }, crossProvince: false },
  { name: '包头市昆都仑区', regionCode: '150203', center: { lat: 40.661, lng: 109.829 }, crossProvince: false },
  { name: '鄂尔多斯市东胜区', regionCode: '150602', center: { lat: 39.817, lng: 109.983 }, crossProvince: false },
  { name: '呼和浩特市赛罕区', regionCode: '150105', center: { lat: 40.81, lng: 111.709 }, crossProvince: false },
  { name: '北京市大兴区', regionCode: '110115', center: { lat: 39.728, lng: 116.344 }, crossProvince: true },
];

export interface DemoEmployerSpec {
  name: string;
  kind: EmployerKind;
  township: number;
  /** Recruits for work elsewhere (labour transfer). */
  far?: boolean;
  /** Left pending, to show staff verification. */
  pending?: boolean;
  /** Its own positions, instead of those its kind typically recruits for. */
  templates?: PositionTemplate[];
  /** How many positions it has open (5–9 at random without). */
  positionCount?: number;
  /** The county staff account that verified it (demo-staff-county without). */
  verifiedBy?: string;
  /** The first 7 digits of its contact phone, by the area it is in (1390472, Baotou, without). */
  phonePrefix?: string;
}

/** The employers with login accounts (demo-employer-N), then generated ones of each township. */
export const NAMED_EMPLOYERS: DemoEmployerSpec[] = [
  { name: '金山镇服装加工帮扶车间', kind: 'assistanceWorkshop', township: 0 },
  { name: '固阳县马铃薯产业就业帮扶基地', kind: 'assistanceBase', township: 0 },
  { name: '西斗铺镇以工代赈农田水利项目部', kind: 'workForRelief', township: 1 },
  { name: '下湿壕镇乡村公益性岗位管理站', kind: 'publicWelfare', township: 2 },
  { name: '银号镇肉羊养殖合作社', kind: 'cooperative', township: 3 },
  { name: '怀朔镇劳务经纪服务站', kind: 'hrAgency', township: 4, far: true },
  { name: '兴顺西镇杂粮加工厂', kind: 'enterprise', township: 5 },
  { name: '包头市稀土新材料有限公司（县外用工）', kind: 'enterprise', township: 0, far: true },
];

const GENERATED: { suffix: string; kind: EmployerKind }[] = [
  { suffix: '手工编织帮扶车间', kind: 'assistanceWorkshop' },
  { suffix: '公益性岗位管理站', kind: 'publicWelfare' },
  { suffix: '农牧业专业合作社', kind: 'cooperative' },
  { suffix: '农产品加工有限公司', kind: 'enterprise' },
];

export function generatedEmployers(townships: Region[]): DemoEmployerSpec[] {
  return townships.flatMap((township, t) =>
    GENERATED.map((g, i) => ({
      name: `${township.name}${g.suffix}`,
      kind: g.kind,
      township: t,
      // One employer still waiting for verification: its positions are not on the map.
      pending: t === 1 && i === 3,
    })),
  );
}

export function demoEmployer(
  spec: DemoEmployerSpec,
  index: number,
  ownerUserId: string,
  township: Region,
  random: Random,
  now: Date,
): Employer {
  const at = now.toISOString();
  return {
    employerId: `e_00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    ownerUserId,
    name: spec.name,
    kind: spec.kind,
    regionCode: township.code,
    location: offset(township.center!, random() * 3, random() * 2 * Math.PI),
    address: `${township.fullName}（演示地址）`,
    contactName: '演示联系人',
    contactPhone: `${spec.phonePrefix ?? '1390472'}${String(1000 + index).padStart(4, '0')}`,
    description: '演示数据',
    verification: spec.pending
      ? { status: 'pending' }
      : { status: 'verified', decidedBy: spec.verifiedBy ?? 'demo-staff-county', decidedAt: at, note: '演示数据' },
    ...(spec.kind === 'assistanceWorkshop'
      ? {
          workshop: {
            recognition: 'recognised' as const,
            decidedOn: '2023-03-01',
            assistedEmployees: 8 + Math.floor(random() * 30),
          },
        }
      : {}),
    demo: true,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

export function demoPositions(
  employer: Employer,
  spec: DemoEmployerSpec,
  employerIndex: number,
  township: Region,
  random: Random,
  now: Date,
): PositionRecord[] {
  const day = (offsetDays: number) => chinaDate(new Date(now.getTime() + offsetDays * 86_400_000));
  const templates = spec.templates ?? TEMPLATES[spec.kind];
  const count = spec.positionCount ?? 5 + Math.floor(random() * 5);
  return Array.from({ length: count }, (_, i) => {
    const template = templates[i % templates.length]!;
    const site = spec.far && i % 2 === 1 ? FAR_SITES[(employerIndex + i) % FAR_SITES.length]! : undefined;
    const location = offset(site?.center ?? township.center!, 0.3 + random() * (site ? 8 : 9), random() * 2 * Math.PI);
    const headcount = template.publicWelfareCategory ? 1 + Math.floor(random() * 3) : 2 + Math.floor(random() * 15);
    const position: Position = {
      positionId: `p_00000000-0000-4000-8000-${String(employerIndex * 100 + i + 1).padStart(12, '0')}`,
      title: template.title,
      occupation: template.occupation,
      description: `${employer.name}招${template.title}。演示数据。`,
      headcount,
      pay: template.pay,
      form: template.form,
      ...(template.seasonMonths ? { seasonMonths: template.seasonMonths } : {}),
      workHours: template.workHours,
      intensity: template.intensity,
      suitsHalfLabour: template.suitsHalfLabour,
      suitsWeakLabour: template.suitsWeakLabour,
      accommodation: template.accommodation,
      meals: template.meals,
      location,
      address: site ? `${site.name}（演示地址）` : `${township.fullName}（演示地址）`,
      regionCode: site?.regionCode ?? township.code,
      crossProvinceTransfer: site?.crossProvince ?? false,
      ...(template.publicWelfareCategory ? { publicWelfareCategory: template.publicWelfareCategory } : {}),
      // The 以工代赈 projects sit by a relocation site: 10% of their jobs for relocated people (file 000 §(七)).
      ...(spec.kind === 'workForRelief' ? { relocationReservedShare: 0.1 } : {}),
      requiredCertificates: template.occupation === 'forklift_driver' ? ['叉车司机证'] : [],
      validFrom: day(-20),
      validUntil: day(30 + Math.floor(random() * 150)),
      employerId: employer.employerId,
      employerName: employer.name,
      employerKind: employer.kind,
      employerRegionCode: employer.regionCode,
      status: 'open',
      filled: Math.floor(random() * Math.min(3, headcount)),
      demo: true,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    };
    return { position, employerVerified: employer.verification.status === 'verified' };
  });
}
