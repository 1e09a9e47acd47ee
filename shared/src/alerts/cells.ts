/**
 * Where saved searches are found when a position is published: each search is filed under the
 * geohash cells its circle touches, at one of two sizes, so a new position reads exactly two
 * lists — the searches filed under its point's cell of each size — and never all the workers.
 *
 * A small circle is filed under cells of 4 characters (about 20 × 30 km at 41° N), a large one
 * under cells of 3 (about 156 × 118 km): either way a search sits in at most about 20 cells,
 * while the lists a position reads hold only searches that can reach it, give or take a cell.
 */
import type { LatLng } from '../geo/distance.js';
import { cellsCoveringCircle, encodeGeohash } from '../geo/geohash.js';

/** Circles up to this radius are filed under the finer cells. */
export const FINE_ALERT_RADIUS_KM = 30;
/** The two cell sizes, coarse then fine. */
export const ALERT_CELL_PRECISIONS = [3, 4] as const;
/**
 * Added to the radius when covering: the nearest point of a cell is found by clamping latitude
 * and longitude, which on a sphere can overstate the distance by metres near a cell's edge.
 */
const COVER_MARGIN_KM = 0.2;

export function alertCellPrecision(radiusKm: number): number {
  return radiusKm <= FINE_ALERT_RADIUS_KM ? ALERT_CELL_PRECISIONS[1] : ALERT_CELL_PRECISIONS[0];
}

/** The cells a saved search is filed under: every cell of its size that its circle touches. */
export function alertCells(centre: LatLng, radiusKm: number): string[] {
  return cellsCoveringCircle(centre, radiusKm + COVER_MARGIN_KM, alertCellPrecision(radiusKm));
}

/** The cells whose lists hold every search that can reach `point`: its own cell of each size. */
export function alertCellsOfPoint(point: LatLng): string[] {
  return ALERT_CELL_PRECISIONS.map((precision) => encodeGeohash(point, precision));
}
