/**
 * What the province benchmarks share (auto-claims.ts, month-figures.ts): the synthetic province's
 * divisions, list prices, number formatting, and a tally of the DynamoDB calls and capacity units
 * (ReturnConsumedCapacity on every call) that reach DynamoDB Local.
 */
import type { Region } from '@bangfu/shared';
import type { createAppContext } from '../../functions/src/context.js';
import { unitsOfCall, type CallInput, type CallOutput } from '../../functions/src/db/capacityMeter.js';

const CITIES = 12;
const COUNTIES_PER_CITY = [9, 9, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9]; // 100 counties
const TOWNSHIPS_PER_COUNTY = 10;
const VILLAGES_PER_TOWNSHIP = 10;

/** List prices (USD, us-east-1, arm64) as a reference; the China regions price in CNY. */
export const PRICE = {
  lambdaGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  stateTransition: 0.025 / 1000,
};
export const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The province's divisions, each village with its centre (where the push places its workers) within 15 km of its county's. */
export function provinceRegions(random: () => number): { regions: Region[]; villages: Region[]; townships: string[] } {
  const regions: Region[] = [{ code: '15', name: '基准省', fullName: '基准省', level: 'province' }];
  const villages: Region[] = [];
  const townships: string[] = [];
  for (let c = 0; c < CITIES; c++) {
    const city = `15${pad(c + 1, 2)}`;
    regions.push({ code: city, name: `第${c + 1}市`, fullName: `基准省第${c + 1}市`, level: 'city', parentCode: '15' });
    for (let k = 0; k < COUNTIES_PER_CITY[c]!; k++) {
      const county = `${city}${pad(k + 21, 2)}`;
      const centre = { lat: 39 + random() * 6, lng: 106 + random() * 14 };
      regions.push({ code: county, name: `${k + 1}县`, fullName: `第${c + 1}市${k + 1}县`, level: 'county', parentCode: city });
      for (let t = 0; t < TOWNSHIPS_PER_COUNTY; t++) {
        const township = `${county}${100 + t}`;
        townships.push(township);
        regions.push({
          code: township,
          name: `${t + 1}镇`,
          fullName: `${k + 1}县${t + 1}镇`,
          level: 'township',
          parentCode: county,
        });
        for (let v = 0; v < VILLAGES_PER_TOWNSHIP; v++) {
          const village: Region = {
            code: `${township}${200 + v}`,
            name: `${v + 1}村`,
            fullName: `${t + 1}镇${v + 1}村`,
            level: 'village',
            parentCode: township,
            center: { lat: centre.lat + (random() - 0.5) * 0.27, lng: centre.lng + (random() - 0.5) * 0.36 },
          };
          villages.push(village);
          regions.push(village);
        }
      }
    }
  }
  return { regions, villages, townships };
}

// ---------------------------------------------------------------------------------------
// Counting what reaches DynamoDB

export interface Tally {
  calls: Record<string, number>;
  readUnits: number;
  writeUnits: number;
}
export const newTally = (): Tally => ({ calls: {}, readUnits: 0, writeUnits: 0 });

export function countCalls(db: ReturnType<typeof createAppContext>['table']['db'], tally: () => Tally | undefined) {
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const current = tally();
      if (!current) return next(args);
      const name = String(context.commandName).replace(/Command$/, '');
      current.calls[name] = (current.calls[name] ?? 0) + 1;
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const { readUnits, writeUnits } = unitsOfCall(
        String(context.commandName),
        args.input as CallInput,
        result.output as CallOutput,
      );
      current.readUnits += readUnits;
      current.writeUnits += writeUnits;
      return result;
    },
    { step: 'initialize', name: 'benchCalls' },
  );
}
