/**
 * GCJ-02 ("Mars coordinates"), the system WeChat's map and getLocation({type:
 * 'gcj02'}) use in mainland China, and WGS-84 (GPS, most open data). They
 * differ by a few hundred metres; the API speaks GCJ-02 and converts at the edges.
 * The transform is the widely published one; its inverse is found by iteration.
 */
import type { LatLng } from './distance.js';

const A = 6378245.0;
const EE = 0.006693421622965943;

/** Mainland China's rough box: outside it GCJ-02 equals WGS-84, and no position lies. */
export const CHINA_BOX = { minLat: 0.8293, maxLat: 55.8271, minLng: 72.004, maxLng: 137.8347 };

/** Outside CHINA_BOX. */
export function outsideChina({ lat, lng }: LatLng): boolean {
  return lng < CHINA_BOX.minLng || lng > CHINA_BOX.maxLng || lat < CHINA_BOX.minLat || lat > CHINA_BOX.maxLat;
}

function transformLat(x: number, y: number): number {
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  ret += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  ret += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  ret += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  ret += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return ret;
}

export function wgs84ToGcj02(point: LatLng): LatLng {
  if (outsideChina(point)) return { ...point };
  const dLat0 = transformLat(point.lng - 105, point.lat - 35);
  const dLng0 = transformLng(point.lng - 105, point.lat - 35);
  const radLat = (point.lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (dLat0 * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (dLng0 * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: point.lat + dLat, lng: point.lng + dLng };
}

/** Inverse by fixed-point iteration: converges to well under a centimetre in a few steps. */
export function gcj02ToWgs84(point: LatLng): LatLng {
  if (outsideChina(point)) return { ...point };
  let guess = { ...point };
  for (let i = 0; i < 10; i++) {
    const forward = wgs84ToGcj02(guess);
    const dLat = forward.lat - point.lat;
    const dLng = forward.lng - point.lng;
    guess = { lat: guess.lat - dLat, lng: guess.lng - dLng };
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLng) < 1e-9) break;
  }
  return guess;
}
