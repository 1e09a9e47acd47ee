/**
 * Skill fit between a worker's occupations and a position's: the dictionary
 * (registry/occupations.ts) has no categories, so the trade families that share tools,
 * sites or know-how are listed here. A worker of one family has a head start in another
 * trade of it (a bricklayer on a concrete crew; a courier as a delivery rider).
 */
import { OCCUPATIONS, occupationName } from '../registry/occupations.js';
import { GENERAL_LABOUR_SCORE, RELATED_SKILL_SCORE } from './weights.js';

/** Trade families; an occupation may be in more than one. */
export const OCCUPATION_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  construction: ['bricklayer', 'rebar_worker', 'carpenter', 'scaffolder', 'concrete_worker', 'painter', 'construction_labourer'],
  metalElectrical: ['welder', 'electrician', 'assembly_worker'],
  factory: ['assembly_worker', 'factory_operator', 'sewing_worker', 'food_processor'],
  needlework: ['sewing_worker', 'handicraft_worker'],
  care: ['housekeeper', 'maternity_nurse', 'elder_carer', 'cleaner'],
  catering: ['cook', 'pastry_cook', 'waiter'],
  logistics: ['courier', 'delivery_rider', 'loader', 'warehouse_keeper', 'forklift_driver'],
  driving: ['truck_driver', 'excavator_operator', 'forklift_driver', 'farm_machinery_operator'],
  farming: ['crop_grower', 'livestock_keeper', 'greenhouse_grower', 'farm_machinery_operator', 'food_processor'],
  outdoors: ['landscaper', 'forest_ranger', 'road_maintainer', 'cleaner', 'greenhouse_grower'],
  shop: ['cashier', 'salesperson', 'waiter'],
  guarding: ['security_guard', 'warehouse_keeper', 'forest_ranger'],
};

/**
 * Work that needs no experience (普工, 建筑普工, 保洁员, 装卸搬运工): anyone able-bodied
 * can start on the first day, so everyone gets a partial fit, said as "不要求经验".
 */
export const GENERAL_LABOUR_OCCUPATIONS: ReadonlySet<string> = new Set([
  'factory_operator',
  'construction_labourer',
  'cleaner',
  'loader',
]);

/** How a worker says they can do it: "会电焊", "会开叉车"; otherwise 会 + the dictionary name. */
const SKILL_PHRASES: Readonly<Record<string, string>> = {
  welder: '会电焊',
  bricklayer: '会砌墙',
  rebar_worker: '会扎钢筋',
  carpenter: '会木工',
  scaffolder: '会搭架子',
  painter: '会刷漆',
  construction_labourer: '干过工地',
  assembly_worker: '会装配',
  factory_operator: '进过工厂',
  sewing_worker: '会缝纫',
  cleaner: '做过保洁',
  security_guard: '做过保安',
  housekeeper: '做过家政',
  maternity_nurse: '做过月嫂',
  elder_carer: '做过护工',
  cook: '会做菜',
  pastry_cook: '会做面点',
  waiter: '做过服务员',
  courier: '送过快递',
  delivery_rider: '送过外卖',
  truck_driver: '会开货车',
  excavator_operator: '会开挖机',
  forklift_driver: '会开叉车',
  loader: '干过装卸',
  farm_machinery_operator: '会开农机',
  crop_grower: '会种地',
  livestock_keeper: '会养殖',
  greenhouse_grower: '会种大棚',
  landscaper: '会绿化',
  forest_ranger: '做过护林',
  road_maintainer: '做过养路',
  warehouse_keeper: '管过仓库',
  cashier: '会收银',
  salesperson: '做过销售',
  hairdresser: '会理发',
  food_processor: '做过农产品加工',
  handicraft_worker: '会手工活',
};

export function skillPhrase(code: string): string {
  return SKILL_PHRASES[code] ?? `会${occupationName(code) ?? code}`;
}

/** occupation → the occupations of its families (itself excluded). */
const RELATED = new Map<string, Set<string>>();
for (const o of OCCUPATIONS) RELATED.set(o.code, new Set());
for (const members of Object.values(OCCUPATION_FAMILIES)) {
  for (const a of members) {
    let set = RELATED.get(a);
    if (!set) RELATED.set(a, (set = new Set()));
    for (const b of members) if (a !== b) set.add(b);
  }
}

export function areRelatedOccupations(a: string, b: string): boolean {
  return RELATED.get(a)?.has(b) ?? false;
}

/** Skill fit 0..1: the exact trade 1; a related trade or work needing no experience, partial; else 0. */
export function skillScore(skills: readonly string[], occupation: string): number {
  let best = GENERAL_LABOUR_OCCUPATIONS.has(occupation) ? GENERAL_LABOUR_SCORE : 0;
  const related = RELATED.get(occupation);
  for (let i = 0; i < skills.length; i++) {
    const s = skills[i]!;
    if (s === occupation) return 1;
    if (related !== undefined && best < RELATED_SKILL_SCORE && related.has(s)) best = RELATED_SKILL_SCORE;
  }
  return best;
}

/** The words for a skill fit, or undefined when there is none. */
export function skillText(skills: readonly string[], occupation: string): string | undefined {
  if (skills.includes(occupation)) return skillPhrase(occupation);
  const relatedSkill = skills.find((s) => areRelatedOccupations(occupation, s));
  // A related trade scores above general labour, so it is what the text says.
  if (relatedSkill !== undefined) return `${skillPhrase(relatedSkill)}，活儿相近`;
  if (GENERAL_LABOUR_OCCUPATIONS.has(occupation)) return '不要求经验';
  return undefined;
}
