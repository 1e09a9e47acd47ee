/**
 * The demo county's 乡村公益性岗位, so a newcomer opening 公益性岗位 sees a few: a full-time cleaner
 * and a part-time forest ranger in 金山镇's first villages, and a road keeper in the next
 * township's; this year and next, nobody on them yet (taking people on is the demo's to do).
 */
import type { Region, WelfarePost } from '@bangfu/shared';

/** 小三分子村委会 → 小三分子村, 新民村村民委员会 → 新民村. */
export const villageWord = (name: string) => {
  const short = name.replace(/(村民委员会|村委会|嘎查委员会)$/, '');
  return /[村嘎查]$/.test(short) ? short : `${short}村`;
};

export function demoWelfarePosts(regions: readonly Region[], now = new Date()): WelfarePost[] {
  const year = now.getUTCFullYear();
  const villages = regions.filter((r) => r.level === 'village' && /村|嘎查/.test(r.name));
  const townships = [...new Set(villages.map((v) => v.code.slice(0, 9)))].sort();
  const inTownship = (t: number) =>
    villages.filter((v) => v.code.startsWith(townships[t]!)).sort((a, b) => a.code.localeCompare(b.code));
  const specs = [
    {
      village: inTownship(0)[0]!,
      title: '保洁员',
      category: 'sanitation',
      fullTime: true,
      hours: 40,
      places: 2,
      duties: '每天清扫村内主干道和公共场所，清运垃圾',
    },
    {
      village: inTownship(0)[1]!,
      title: '护林员',
      category: 'forestAndGrassland',
      fullTime: false,
      hours: 20,
      places: 3,
      duties: '巡护村集体林地和草场，发现火情及时报告',
    },
    {
      village: inTownship(1)[0]!,
      title: '护路员',
      category: 'roadCare',
      fullTime: false,
      hours: 16,
      places: 1,
      duties: '养护村道，清理路面落石和积雪',
    },
  ] as const;
  return specs.map((spec, i) => ({
    postId: `wp_00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    title: `${villageWord(spec.village.name)}${spec.title}`,
    category: spec.category,
    villageCode: spec.village.code,
    duties: spec.duties,
    fullTime: spec.fullTime,
    hoursPerWeek: spec.hours,
    fundingSource: 'ruralRevitalisationFund',
    places: spec.places,
    filled: 0,
    terms: [],
    termStartsOn: `${year}-01-01`,
    termEndsOn: `${year + 1}-12-31`,
    createdBy: 'demo-staff-township-1',
    createdAt: now.toISOString(),
    version: 1,
  }));
}
