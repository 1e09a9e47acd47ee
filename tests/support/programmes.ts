/**
 * The inputs the tests of 在岗领补 and 以工代赈 set their posts and projects up with: a post and a
 * project in 小三分子村 (金山镇) over this year and the next, and a post agreement from this month.
 */
import { chinaMonth, defaultAgreement } from '@bangfu/shared';
import { JINSHAN_VILLAGE } from './people.js';

export const month = chinaMonth(new Date());
export const year = Number(month.slice(0, 4));

/** A year's agreement on a post from the first of this month. */
export const postAgreement = defaultAgreement(
  { termStartsOn: `${year}-01-01`, termEndsOn: `${year + 1}-12-31` },
  `${month}-01`,
  12,
);

/** A sanitation post of three places: full-time 40 hours a week, part-time 16. */
export const welfarePostInput = (title: string, fullTime: boolean) => ({
  title,
  category: 'sanitation',
  villageCode: JINSHAN_VILLAGE,
  duties: '每天清扫村内主干道和公共场所，清运垃圾',
  fullTime,
  hoursPerWeek: fullTime ? 40 : 16,
  fundingSource: 'ruralRevitalisationFund',
  places: 3,
  termStartsOn: `${year}-01-01`,
  termEndsOn: `${year + 1}-12-31`,
});

/** 西斗铺镇以工代赈农田水利项目部, demo-employer-3's. */
export const RELIEF_CONTRACTOR = 'e_00000000-0000-4000-8000-000000000003';

/** A canal of ten jobs for a relocation site (at least one for its people), at 150 元 a day. */
export const reliefProjectInput = {
  name: '小三分子村农田灌溉渠道改造',
  ownerUnit: '固阳县水利局',
  contractorEmployerId: RELIEF_CONTRACTOR,
  sectorDepartment: '固阳县发展和改革委员会',
  villageCode: JINSHAN_VILLAGE,
  startsOn: `${year}-01-01`,
  endsOn: `${year + 1}-06-30`,
  plannedJobs: 10,
  relocationSite: 'inSite',
  wageStandard: { unit: 'day', amountFen: 15_000 },
  labourDemand: [
    { trade: '普工', count: 8 },
    { trade: '瓦工', count: 2 },
  ],
};
