/**
 * The demo county's 就业服务网点, so the job map shows where to go: the county bureau's 就业服务中心
 * and a 零工驿站 in the county seat, each township's 就业服务站, and the 就业服务点 of the first two
 * villages of each township — placed beside the regions' demo map centres (GCJ-02), with office
 * hours, and phone numbers that are made up (marked demo). Ids come from the region codes, so
 * seeding again writes the same points, never a second copy.
 */
import type { LatLng, OpeningHours, Region, ServicePoint, ServicePointKind, ServiceTag } from '@bangfu/shared';
import { villageWord } from './demoPosts.js';

const KIND_DIGIT: Record<ServicePointKind, number> = {
  countyBureau: 1,
  gigStation: 2,
  townshipStation: 3,
  villageServicePoint: 4,
};

/** sp_00000000-0000-4000-800<kind>-<region code, 12 digits>. */
export const demoPointId = (kind: ServicePointKind, regionCode: string) =>
  `sp_00000000-0000-4000-800${KIND_DIGIT[kind]}-${regionCode.padStart(12, '0')}`;

const WORKDAYS = [1, 2, 3, 4, 5] as const;
const OFFICE: OpeningHours = {
  weekly: [
    { days: [...WORKDAYS], open: '08:30', close: '12:00' },
    { days: [...WORKDAYS], open: '14:30', close: '17:30' },
  ],
  note: '法定节假日休息',
};
/** Day labourers come early: the station opens at dawn, every day. */
const GIG_STATION: OpeningHours = {
  weekly: [
    { days: [1, 2, 3, 4, 5, 6, 7], open: '06:30', close: '11:30' },
    { days: [1, 2, 3, 4, 5, 6, 7], open: '14:00', close: '18:00' },
  ],
  note: '春节期间休息',
};
const VILLAGE: OpeningHours = {
  weekly: [
    { days: [...WORKDAYS], open: '09:00', close: '11:30' },
    { days: [...WORKDAYS], open: '15:00', close: '17:30' },
  ],
  note: '信息员下户时请先打电话',
};

const SERVICES: Record<ServicePointKind, ServiceTag[]> = {
  countyBureau: [
    'jobRegistration',
    'jobMatching',
    'subsidyClaims',
    'training',
    'policyAdvice',
    'unemploymentRegistration',
    'labourRights',
    'entrepreneurship',
  ],
  gigStation: ['jobRegistration', 'jobMatching', 'gigMatching'],
  townshipStation: ['jobRegistration', 'jobMatching', 'subsidyClaims', 'training', 'policyAdvice'],
  villageServicePoint: ['jobRegistration', 'subsidyClaims', 'policyAdvice'],
};

/** A place `northM` and `eastM` metres from `center` (a door a street away from the region's centre). */
function near(center: LatLng, northM: number, eastM: number): LatLng {
  const lat = center.lat + northM / 111_195;
  const lng = center.lng + eastM / (111_195 * Math.cos((center.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

/** A made-up 包头 (0472) landline, one per point. */
const demoPhone = (n: number) => `0472-8${String(120_000 + n * 1_373).padStart(6, '0')}`;

export function demoServicePoints(regions: readonly Region[], now = new Date()): ServicePoint[] {
  const county = regions.find((r) => r.level === 'county' && r.center);
  const townships = regions.filter((r) => r.level === 'township' && r.center).sort((a, b) => a.code.localeCompare(b.code));
  if (!county?.center || townships.length === 0) throw new Error('the demo county has no map centres');
  const villagesOf = (township: Region) =>
    regions
      .filter((r) => r.level === 'village' && r.center && r.parentCode === township.code && /村|嘎查/.test(r.name))
      .sort((a, b) => a.code.localeCompare(b.code))
      .slice(0, 2);
  const seat = townships[0]!;
  const at = now.toISOString();
  const point = (
    kind: ServicePointKind,
    region: Region,
    fields: { name: string; address: string; location: LatLng; hours: OpeningHours },
  ): Omit<ServicePoint, 'phone'> => ({
    pointId: demoPointId(kind, region.code),
    kind,
    regionCode: region.code,
    ...fields,
    services: SERVICES[kind],
    demo: true,
    createdBy: 'demo-staff-county',
    createdAt: at,
    updatedBy: 'demo-staff-county',
    updatedAt: at,
    version: 1,
  });
  const points = [
    point('countyBureau', county, {
      name: `${county.name}人社局就业服务中心`,
      address: `${county.name}${seat.name}政府路人社局一楼服务大厅`,
      location: near(county.center, 180, -120),
      hours: OFFICE,
    }),
    point('gigStation', county, {
      name: `${county.name}零工驿站`,
      address: `${county.name}${seat.name}劳务市场院内`,
      location: near(county.center, -450, 520),
      hours: GIG_STATION,
    }),
    ...townships.flatMap((township) => [
      point('townshipStation', township, {
        name: `${township.name}就业服务站`,
        address: `${township.name}人民政府一楼便民服务大厅`,
        location: near(township.center!, -90, 140),
        hours: OFFICE,
      }),
      ...villagesOf(township).map((village) =>
        point('villageServicePoint', village, {
          name: `${villageWord(village.name)}就业服务点`,
          address: `${township.name}${villageWord(village.name)}村委会`,
          location: near(village.center!, 40, 30),
          hours: VILLAGE,
        }),
      ),
    ]),
  ];
  return points.map((p, n) => ({ ...p, phone: demoPhone(n + 1) }));
}
