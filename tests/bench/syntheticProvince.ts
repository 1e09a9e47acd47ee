/**
 * A province-sized area of synthetic positions for the benchmarks: about 1,200 × 670 km (like the
 * populated part of Inner Mongolia), positions gathered around 400 towns (80%, within a few km)
 * with the rest scattered; searches start from town centres, where people are. Seeded, so every
 * run and every benchmark draws the same province.
 */
import type { Employer, LatLng } from '@bangfu/shared';
import type { TableRef } from '../../functions/src/db/versioned.js';
import { newPosition, putNewPositions, type PositionRecord } from '../../functions/src/positions/positionRepository.js';
import { positionInput } from '../support/positions.js';

const AREA = { minLat: 39, maxLat: 45, minLng: 106, maxLng: 120 };

let seed = 42;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const gauss = () => Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random());
const km = (lat: number) => ({ lat: 1 / 111.195, lng: 1 / (111.195 * Math.cos((lat * Math.PI) / 180)) });
const uniform = (): LatLng => ({
  lat: AREA.minLat + random() * (AREA.maxLat - AREA.minLat),
  lng: AREA.minLng + random() * (AREA.maxLng - AREA.minLng),
});

export const towns = Array.from({ length: 400 }, uniform);

function place(): LatLng {
  if (random() < 0.2) return uniform();
  const town = towns[Math.floor(random() * towns.length)]!;
  const spread = 1 + random() * 4; // km
  const unit = km(town.lat);
  return { lat: town.lat + gauss() * spread * unit.lat, lng: town.lng + gauss() * spread * unit.lng };
}

/** `count` open positions of one verified employer, written as the repository stores them; what was written. */
export async function loadPositions(table: TableRef, count: number): Promise<PositionRecord[]> {
  const employer = { employerId: 'e_bench', name: '基准测试单位', kind: 'enterprise' } as Employer;
  const started = Date.now();
  const chunk = 5_000;
  const written: PositionRecord[] = [];
  for (let done = 0; done < count; done += chunk) {
    const records = Array.from({ length: Math.min(chunk, count - done) }, () => ({
      position: newPosition(employer, positionInput({ location: place(), regionCode: '150222' }), 'open'),
      employerVerified: true,
    }));
    await putNewPositions(table, records);
    written.push(...records);
    process.stdout.write(`\r  loaded ${done + records.length} positions`);
  }
  console.log(` in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return written;
}

/** `n` town centres, drawn from the same seeded sequence. */
export const townCentres = (n: number) => Array.from({ length: n }, () => towns[Math.floor(random() * towns.length)]!);
