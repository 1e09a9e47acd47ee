/**
 * Where an employer or a position is. The region code decides money (a hire's place —
 * within the county, across the province — and the subsidies that hang on it) and which
 * staff oversee it, so it must be a real region whose centre lies near the point on the map,
 * never simply whatever code was typed.
 */
import { distanceKm, type LatLng } from '../geo/distance.js';
import type { RegionLevel } from '../regions/regionCode.js';

/**
 * How far a point may lie from the centre of the region it names, by the region's level:
 * generous enough for a large 苏木 or 旗 (the tree holds centres, not borders), tight enough
 * that a code from another county or province does not pass for one here.
 */
export const REGION_REACH_KM: Record<RegionLevel, number> = {
  province: 1500,
  city: 400,
  county: 150,
  township: 50,
  village: 15,
};

/** Whether `point` can lie in a region of `level` centred at `center`. */
export function liesInRegion(point: LatLng, region: { level: RegionLevel; center: LatLng }): boolean {
  return distanceKm(point, region.center) <= REGION_REACH_KM[region.level];
}
