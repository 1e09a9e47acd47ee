/**
 * 保存这个搜索 on the job map saves what the worker is looking at: the circle in the middle of the
 * map as it is now, not the list's radius around where the map started (which the map never
 * shows). Pure.
 */
import { bboxCentre, distanceKm, narrowSideKm, type Bbox, type LatLng } from '@bangfu/shared';

/** The map's place while the worker has not moved far from it; after a pan, the place they chose. */
export const CHOSEN_PLACE = '您选的地方';

export interface SearchArea {
  centre: LatLng;
  radiusKm: number;
  placeName: string;
}

/**
 * The circle inside the map's box (half its narrow side), around the box's middle. It keeps the
 * start's name (您的位置, 金山镇) while the middle is within a fifth of the radius of it, at
 * least 1 km: zooming in or out is not moving away.
 */
export function mapSearchArea(bbox: Bbox, start: { point: LatLng; name: string }): SearchArea {
  const centre = bboxCentre(bbox);
  const radiusKm = narrowSideKm(bbox) / 2;
  const moved = distanceKm(centre, start.point) > Math.max(1, radiusKm / 5);
  return moved ? { centre, radiusKm, placeName: CHOSEN_PLACE } : { centre: start.point, radiusKm, placeName: start.name };
}
