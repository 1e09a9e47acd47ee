/**
 * National administrative division codes (GB/T 2260 and the statistical
 * village codes): province 2 digits, city 4, county 6, township 9, village 12.
 * Inner Mongolia calls these 自治区 / 盟(市) / 旗(县) / 苏木(乡镇) / 嘎查(村).
 */
import * as z from 'zod';

export const REGION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

const LENGTH_OF_LEVEL: Record<RegionLevel, number> = {
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
};

export const regionCodeSchema = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '行政区划代码应为 2、4、6、9 或 12 位数字');
export type RegionCode = z.infer<typeof regionCodeSchema>;

/** A region a staff list or report is asked about: a county or finer (the registry is kept by county). */
export const countyOrFinerSchema = regionCodeSchema.refine(
  (code) => code.length >= 6,
  '请选择一个旗县或更细的区域（至少 6 位代码）',
);

export function levelOfRegion(code: RegionCode): RegionLevel {
  const level = REGION_LEVELS.find((l) => LENGTH_OF_LEVEL[l] === code.length);
  if (!level) throw new Error(`not a region code: ${code}`);
  return level;
}

export function regionCodeLength(level: RegionLevel): number {
  return LENGTH_OF_LEVEL[level];
}

/** The enclosing region at a coarser level, e.g. the county of a village. */
export function ancestorAt(code: RegionCode, level: RegionLevel): RegionCode {
  const length = LENGTH_OF_LEVEL[level];
  if (length > code.length) throw new Error(`${code} is coarser than ${level}`);
  return code.slice(0, length);
}

/** True when `code` lies in `scope` (a region is within itself). */
export function isWithinRegion(code: RegionCode, scope: RegionCode): boolean {
  return code.startsWith(scope);
}
