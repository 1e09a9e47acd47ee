/**
 * A box read from a geohash index in one Query per partition cell it touches, for sparse things
 * (service points: tens a county) where the finer coverings of covering.ts cost more than they
 * save. A geohash interleaves longitude and latitude bits (a Z-order curve), so it grows with
 * each coordinate: every point of a box lies between the geohashes of the box's lower-left and
 * upper-right corners. Within one partition cell that is one sort-key range, of the box clipped
 * to the cell; it may hold points outside the box, which the reader drops.
 */
import type { IndexRange } from './covering.js';
import { cellsCoveringBbox, encodeGeohash, geohashBbox, type Bbox } from './geohash.js';

/** Far below the size of a 12-character cell: the last point inside a cell, not its neighbour's first. */
const INSIDE = 1e-9;

/** One range per partition cell (of `partitionPrecision` characters) the box touches, in the cells' order. */
export function boxRangesByCell(bounds: Bbox, partitionPrecision: number, keyPrecision: number): IndexRange[] {
  return cellsCoveringBbox(bounds, partitionPrecision)
    .sort()
    .map((partition) => {
      const cell = geohashBbox(partition);
      const low = { lat: Math.max(bounds.minLat, cell.minLat), lng: Math.max(bounds.minLng, cell.minLng) };
      const high = { lat: Math.min(bounds.maxLat, cell.maxLat - INSIDE), lng: Math.min(bounds.maxLng, cell.maxLng - INSIDE) };
      // '~' sorts after every geohash character and after '#': the range takes every key starting inside it.
      return { partition, from: encodeGeohash(low, keyPrecision), to: `${encodeGeohash(high, keyPrecision)}~` };
    });
}
