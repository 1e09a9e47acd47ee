/** How far to read for a number of positions, from counts per cell. */
import { describe, expect, it } from 'vitest';
import { cellsCoveringCircle, distanceKm, encodeGeohash, geohashBbox, radiusHolding, type CellCount } from '@bangfu/shared';

const CENTER = { lat: 41.03, lng: 110.05 };

/** `perKm2` positions a km² in every 6-character cell within `km` of CENTER. */
function even(perKm2: number, km: number): CellCount[] {
  return cellsCoveringCircle(CENTER, km, 6).map((cell) => {
    const b = geohashBbox(cell);
    const km2 = (b.maxLat - b.minLat) * 111.195 * (b.maxLng - b.minLng) * 111.195 * Math.cos((CENTER.lat * Math.PI) / 180);
    return { cell, count: perKm2 * km2 };
  });
}

describe('the radius that holds a number of positions', () => {
  it('is where the disc’s area times the density reaches the number', () => {
    // 10 a km²: 40 positions need a disc of about √(40 / 10π) ≈ 1.13 km.
    const r = radiusHolding(CENTER, even(10, 5), { fromKm: 0, wanted: 40, knownKm: 5 })!;
    expect(r).toBeGreaterThan(1.0);
    expect(r).toBeLessThan(1.3);
    // Four times the number: twice the radius.
    const r4 = radiusHolding(CENTER, even(10, 5), { fromKm: 0, wanted: 160, knownKm: 5 })!;
    expect(r4 / r).toBeGreaterThan(1.8);
    expect(r4 / r).toBeLessThan(2.2);
  });

  it('counts only beyond where the last page ended', () => {
    const cells = even(10, 8);
    const fromKm = 3;
    const r = radiusHolding(CENTER, cells, { fromKm, wanted: 40, knownKm: 8 })!;
    // The ring from 3 km to r holds about 40: π(r² − 9) · 10 ≈ 40.
    expect(Math.PI * (r * r - fromKm * fromKm) * 10).toBeGreaterThan(32);
    expect(Math.PI * (r * r - fromKm * fromKm) * 10).toBeLessThan(48);
  });

  it('does not guess past what the counts cover, and ignores empty or negative cells', () => {
    expect(radiusHolding(CENTER, even(10, 5), { fromKm: 0, wanted: 40, knownKm: 0.5 })).toBeUndefined();
    expect(
      radiusHolding(CENTER, [{ cell: encodeGeohash(CENTER, 6), count: -5 }], { fromKm: 0, wanted: 1, knownKm: 5 }),
    ).toBeUndefined();
    // One town 3 km east: the radius reaches it.
    const town = { lat: CENTER.lat, lng: CENTER.lng + 3 / (111.195 * Math.cos((CENTER.lat * Math.PI) / 180)) };
    const r = radiusHolding(CENTER, [{ cell: encodeGeohash(town, 6), count: 30 }], { fromKm: 0, wanted: 20, knownKm: 10 })!;
    expect(Math.abs(r - distanceKm(CENTER, town))).toBeLessThan(0.8);
  });
});
