/**
 * Geohash: a cell is a string; each extra character divides it by 32, and a
 * cell's prefix is the cell that contains it. Positions are indexed by their
 * geohash, and "near a point" becomes one Query per covering cell followed by
 * an exact distance filter.
 */
import { distanceKm, type LatLng } from './distance.js';

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

export interface Bbox {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

export function encodeGeohash({ lat, lng }: LatLng, precision: number): string {
  let [latMin, latMax, lngMin, lngMax] = [-90, 90, -180, 180];
  let hash = '';
  let bits = 0;
  let value = 0;
  let even = true;
  while (hash.length < precision) {
    if (even) {
      const mid = (lngMin + lngMax) / 2;
      if (lng >= mid) {
        value = (value << 1) | 1;
        lngMin = mid;
      } else {
        value <<= 1;
        lngMax = mid;
      }
    } else {
      const mid = (latMin + latMax) / 2;
      if (lat >= mid) {
        value = (value << 1) | 1;
        latMin = mid;
      } else {
        value <<= 1;
        latMax = mid;
      }
    }
    even = !even;
    if (++bits === 5) {
      hash += BASE32[value];
      bits = 0;
      value = 0;
    }
  }
  return hash;
}

export function geohashBbox(hash: string): Bbox {
  let [minLat, maxLat, minLng, maxLng] = [-90, 90, -180, 180];
  let even = true;
  for (const char of hash) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error(`not a geohash: ${hash}`);
    for (let bit = 4; bit >= 0; bit--) {
      const on = (value >> bit) & 1;
      if (even) {
        const mid = (minLng + maxLng) / 2;
        if (on) minLng = mid;
        else maxLng = mid;
      } else {
        const mid = (minLat + maxLat) / 2;
        if (on) minLat = mid;
        else maxLat = mid;
      }
      even = !even;
    }
  }
  return { minLat, minLng, maxLat, maxLng };
}

/** Where each of a cell's 32 children lies in its grid: [lng column, lat row], for a cell whose next bit is a longitude one (`true`) or not. */
const CHILD_GRID = new Map(
  [true, false].map((lngFirst) => [
    lngFirst,
    Array.from({ length: 32 }, (_, value) => {
      let [column, row, lng] = [0, 0, lngFirst];
      for (let bit = 4; bit >= 0; bit--, lng = !lng) {
        if (lng) column = column * 2 + ((value >> bit) & 1);
        else row = row * 2 + ((value >> bit) & 1);
      }
      return [column, row] as const;
    }),
  ]),
);

/** A cell's 32 children with their boxes, worked out from the cell's box (no decoding). */
export function childCells(cell: string, box: Bbox): { cell: string; box: Bbox }[] {
  const lngFirst = (cell.length * 5) % 2 === 0;
  const [columns, rows] = lngFirst ? [8, 4] : [4, 8];
  const width = (box.maxLng - box.minLng) / columns;
  const height = (box.maxLat - box.minLat) / rows;
  return CHILD_GRID.get(lngFirst)!.map(([column, row], value) => ({
    cell: cell + BASE32[value],
    box: {
      minLat: box.minLat + row * height,
      maxLat: row === rows - 1 ? box.maxLat : box.minLat + (row + 1) * height,
      minLng: box.minLng + column * width,
      maxLng: column === columns - 1 ? box.maxLng : box.minLng + (column + 1) * width,
    },
  }));
}

/** Size of a cell of this precision (degrees). */
export function cellSize(precision: number): { lat: number; lng: number } {
  const bits = precision * 5;
  const lngBits = Math.ceil(bits / 2);
  const latBits = Math.floor(bits / 2);
  return { lat: 180 / 2 ** latBits, lng: 360 / 2 ** lngBits };
}

/** Every cell of `precision` that overlaps the box, walking the grid (cells are aligned). */
export function cellsCoveringBbox(box: Bbox, precision: number): string[] {
  const size = cellSize(precision);
  const cells: string[] = [];
  const firstLat = Math.floor((box.minLat + 90) / size.lat) * size.lat - 90;
  const firstLng = Math.floor((box.minLng + 180) / size.lng) * size.lng - 180;
  for (let lat = firstLat; lat < box.maxLat; lat += size.lat) {
    for (let lng = firstLng; lng < box.maxLng; lng += size.lng) {
      cells.push(encodeGeohash({ lat: Math.min(89.999999, lat + size.lat / 2), lng: lng + size.lng / 2 }, precision));
    }
  }
  return cells;
}

/** The box around a circle, in degrees (longitude degrees shrink towards the poles). */
export function bboxOfCircle(center: LatLng, radiusKm: number): Bbox {
  const dLat = radiusKm / 111.195;
  const dLng = radiusKm / (111.195 * Math.cos((center.lat * Math.PI) / 180));
  return { minLat: center.lat - dLat, maxLat: center.lat + dLat, minLng: center.lng - dLng, maxLng: center.lng + dLng };
}

/** The middle of a box. */
export function bboxCentre(bounds: Bbox): LatLng {
  return { lat: (bounds.minLat + bounds.maxLat) / 2, lng: (bounds.minLng + bounds.maxLng) / 2 };
}

/** Km across a box's narrow side (its width taken at the middle latitude). */
export function narrowSideKm(bounds: Bbox): number {
  const { lat: midLat } = bboxCentre(bounds);
  const height = distanceKm({ lat: bounds.minLat, lng: bounds.minLng }, { lat: bounds.maxLat, lng: bounds.minLng });
  const width = distanceKm({ lat: midLat, lng: bounds.minLng }, { lat: midLat, lng: bounds.maxLng });
  return Math.min(height, width);
}

/** Distance from a point to the nearest point of a cell (0 inside it). */
export function distanceToCellKm(point: LatLng, cell: Bbox): number {
  const lat = Math.min(Math.max(point.lat, cell.minLat), cell.maxLat);
  const lng = Math.min(Math.max(point.lng, cell.minLng), cell.maxLng);
  return distanceKm(point, { lat, lng });
}

/** The cells of `precision` that a circle touches: the box's cells, minus corners the circle misses. */
export function cellsCoveringCircle(center: LatLng, radiusKm: number, precision: number): string[] {
  return cellsCoveringBbox(bboxOfCircle(center, radiusKm), precision).filter(
    (cell) => distanceToCellKm(center, geohashBbox(cell)) <= radiusKm,
  );
}
