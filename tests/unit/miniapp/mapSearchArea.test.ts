/** 保存这个搜索 on the job map: the circle the map shows now, named by where the map started until the worker moves away. */
import { bboxOfCircle, distanceKm } from '@bangfu/shared';
import { describe, expect, it } from 'vitest';
import { CHOSEN_PLACE, mapSearchArea } from '../../../miniapp/src/components/alerts/mapSearchArea.js';

const JINSHAN = { lat: 41.03, lng: 110.05 };
/** A map's box around `centre`: a phone shows one taller than wide. */
const mapAround = (centre: { lat: number; lng: number }, halfWidthKm: number, halfHeightKm: number) => {
  const wide = bboxOfCircle(centre, halfWidthKm);
  const tall = bboxOfCircle(centre, halfHeightKm);
  return { minLat: tall.minLat, maxLat: tall.maxLat, minLng: wide.minLng, maxLng: wide.maxLng };
};

describe('the search a map saves', () => {
  it('is the circle inside the map, half its narrow side, around the place it started from while the map is still there', () => {
    const area = mapSearchArea(mapAround({ lat: 41.04, lng: 110.05 }, 6, 11), { point: JINSHAN, name: '金山镇' });
    expect(area.placeName).toBe('金山镇');
    expect(area.centre).toEqual(JINSHAN);
    expect(area.radiusKm).toBeCloseTo(6, 1);
  });

  it('zoomed out to a province, reaches as far as the map does (the button then says a search keeps 100 km)', () => {
    const area = mapSearchArea(mapAround(JINSHAN, 300, 500), { point: JINSHAN, name: '您的位置' });
    expect(area).toMatchObject({ placeName: '您的位置', centre: JINSHAN });
    expect(area.radiusKm).toBeCloseTo(300, 0);
  });

  it('after a pan is the middle of the map, named 您选的地方, not the place the worker left', () => {
    const baotou = { lat: 40.66, lng: 109.84 };
    const area = mapSearchArea(mapAround(baotou, 5, 9), { point: JINSHAN, name: '金山镇' });
    expect(area.placeName).toBe(CHOSEN_PLACE);
    expect(distanceKm(area.centre, baotou)).toBeLessThan(0.01);
    expect(area.radiusKm).toBeCloseTo(5, 1);
  });

  it('a small pan of a zoomed-in map (over a fifth of its radius, and over 1 km) is a new place', () => {
    const start = { point: JINSHAN, name: '金山镇' };
    const east = (km: number) => ({
      lat: JINSHAN.lat,
      lng: JINSHAN.lng + km / (111.195 * Math.cos((JINSHAN.lat * Math.PI) / 180)),
    });
    expect(mapSearchArea(mapAround(east(0.9), 2, 4), start).placeName).toBe('金山镇');
    expect(mapSearchArea(mapAround(east(1.2), 2, 4), start).placeName).toBe(CHOSEN_PLACE);
    expect(mapSearchArea(mapAround(east(1.8), 10, 18), start).placeName).toBe('金山镇');
    expect(mapSearchArea(mapAround(east(2.2), 10, 18), start).placeName).toBe(CHOSEN_PLACE);
  });
});
