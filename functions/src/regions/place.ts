/**
 * A place as an employer enters it (its own, or a position's): the region code checked
 * against the region tree and against the point on the map, so the code that decides a
 * hire's place and whose staff oversee it is the place's own.
 */
import { ancestorAt, levelOfRegion, liesInRegion, REGION_LEVELS, type LatLng, type RegionLevel } from '@bangfu/shared';
import { Invalid } from '../errors.js';
import type { Region } from '@bangfu/shared';
import type { RegionRepository } from './regionRepository.js';

/**
 * The region `regionCode` names, when it is in the tree at one of `levels` and `location`
 * lies within reach of its centre — or, for a region the tree keeps no centre for, of its
 * nearest ancestor's. 422 on the field at fault otherwise.
 */
export async function checkedPlace(
  regions: RegionRepository,
  place: { regionCode: string; location: LatLng },
  levels: readonly RegionLevel[],
  fields: { regionCode: string; location: string },
): Promise<Region> {
  const region = await regions.get(place.regionCode);
  if (!region || !levels.includes(region.level)) {
    throw new Invalid('没有这个地区，请从列表里选', 'No region of that level with that code.', fields.regionCode);
  }
  const coarser = REGION_LEVELS.slice(0, REGION_LEVELS.indexOf(levelOfRegion(region.code))).reverse();
  let measuredBy: Region | undefined = region;
  for (const level of coarser) {
    if (measuredBy?.center) break;
    measuredBy = await regions.get(ancestorAt(region.code, level));
  }
  if (!measuredBy?.center) {
    throw new Invalid(
      '这个地区还没有位置资料，请选到更细的地区',
      'The region tree has no centre to check the point against.',
      fields.regionCode,
    );
  }
  if (!liesInRegion(place.location, { level: measuredBy.level, center: measuredBy.center })) {
    throw new Invalid(
      `地图上的位置不在${region.name}，请核对位置或所在地区`,
      'The point lies outside the region named.',
      fields.location,
    );
  }
  return region;
}
