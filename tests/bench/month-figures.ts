/**
 * Benchmark: 务工规模 and 务工收入 for a province (#14's figures). The synthetic province of
 * auto-claims.ts (100 counties, 1,000 townships, 10,000 villages) with BENCH_WORKERS people
 * (3,000 by default: DynamoDB Local takes about three minutes for their 36,000 records through the consumer) and twelve months of records each, written as the registry writes them
 * (each with its subject, so the table's stream carries them). Then, measured:
 *
 * 1. keeping the figures live: the stream read to its end by the same consumer as the Lambda
 *    (the local follower, 100 records a read): time, CPU, and the write units it adds per record;
 * 2. building them from scratch: every county's twelve months recomputed from the records (the
 *    reconciliation), which must find nothing off — the live figures equal the records' sums;
 * 3. reading a region's year: the province's twelve months in one Query;
 * 4. a million people (BENCH_SCALE_PEOPLE) × twelve months, more than DynamoDB Local holds in a
 *    run: every region-month built from nothing by the figures' own arithmetic (monthFigures,
 *    regionsOf, addFigures) over records generated as the above, then written whole into the
 *    table and the province's year read back in one Query. What reading 12,000,000 records would
 *    cost on AWS is the read units per record measured in 2, times the records.
 *
 *   npx tsx tests/bench/month-figures.ts
 *   BENCH_WORKERS=100000 BENCH_SCALE_PEOPLE=2000000 npx tsx tests/bench/month-figures.ts
 */
import {
  addFigures,
  chinaMonth,
  employedRunAfter,
  monthFigures,
  previousMonth,
  regionsOf,
  type EmploymentInput,
  type EmploymentRecord,
  type MonthFigures,
} from '@bangfu/shared';
import { batchPut } from '../../functions/src/db/batchWrite.js';
import { readConfig } from '../../functions/src/config.js';
import { createAppContext } from '../../functions/src/context.js';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { createStreamFollower } from '../../functions/src/local/streamFollower.js';
import { ensureTable } from '../../functions/src/local/table.js';
import { keys } from '../../functions/src/db/tableSchema.js';
import { regionItem } from '../../functions/src/regions/regionRepository.js';
import { loadAppSecrets } from '../../functions/src/secrets.js';
import { freePort } from '../support/ports.js';
import { prng } from '../support/prng.js';
import { benchEnv } from './benchEnv.js';
import { countCalls, fmt, newTally, PRICE, provinceRegions, type Tally } from './benchProvince.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const WORKERS = Number(process.env.BENCH_WORKERS ?? 3_000);
const SCALE_PEOPLE = Number(process.env.BENCH_SCALE_PEOPLE ?? 1_000_000);
const MONTHS = 12;
const PLACES = ['acrossProvince', 'acrossCity', 'acrossCounty', 'withinCounty'] as const;

const months: string[] = [chinaMonth(new Date())];
while (months.length < MONTHS) months.unshift(previousMonth(months[0]!));

/** A person's month: working (65%) somewhere for a wage, or at home. */
function monthOf(random: () => number): EmploymentInput {
  if (random() < 0.65) {
    return {
      status: 'employed',
      place: PLACES[Math.floor(random() * PLACES.length)]!,
      form: random() < 0.2 ? 'assistanceWorkshop' : 'enterprise',
      monthlyIncomeFen: 250_000 + Math.floor(random() * 400_000),
    };
  }
  return { status: 'notEmployed', monthlyIncomeFen: 0, atHomeReason: random() < 0.3 ? 'returnedFromWork' : 'idle' };
}

async function measured<T>(tally: Tally, setTally: (t: Tally | undefined) => void, work: () => Promise<T>) {
  setTally(tally);
  const started = Date.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  setTally(undefined);
  return { result, seconds: (Date.now() - started) / 1000, cpuMs: (used.user + used.system) / 1000 };
}

const callsOf = (tally: Tally) => Object.values(tally.calls).reduce((a, b) => a + b, 0);
const callList = (tally: Tally) =>
  Object.entries(tally.calls)
    .map(([name, n]) => `${name} ${fmt(n)}`)
    .join(', ');

/**
 * Every region-month of SCALE_PEOPLE people's twelve months, from nothing: the people are made
 * one at a time (not held), their months' figures added into their village's, township's,
 * county's, city's and province's, as the reconciliation adds them.
 */
function foldMillion(villageCodes: readonly string[]): Map<string, MonthFigures> {
  const random = prng(20_261_207).next;
  const sums = new Map<string, MonthFigures>();
  const regionsOfVillage = new Map(villageCodes.map((code) => [code, regionsOf(code)]));
  for (let i = 0; i < SCALE_PEOPLE; i++) {
    const villageCode = villageCodes[i % villageCodes.length]!;
    const groups = random() < 0.6 ? ['povertyAlleviated' as const] : random() < 0.25 ? ['monitored' as const] : [];
    const subject = { villageCode, labourClass: 'full' as const, groups, householdId: `H-${Math.floor(i / 3)}` };
    let monthBefore: { status: EmploymentInput['status']; employedRun: number } | undefined;
    for (const month of months) {
      const input = monthOf(random);
      const employedRun = employedRunAfter(input.status, monthBefore);
      monthBefore = { status: input.status, employedRun };
      const figures = monthFigures({ ...input, month, source: 'staff', subject, employedRun });
      for (const region of regionsOfVillage.get(villageCode)!) {
        const key = `${region}#${month}`;
        const sum = sums.get(key);
        if (sum) addFigures(sum, figures);
        else sums.set(key, { ...figures });
      }
    }
  }
  return sums;
}

async function main() {
  const dynamo = await startDynamoDbLocal({ emulatorDir: await ensureEmulator(CACHE_DIR), port: await freePort() });
  try {
    const config = readConfig(benchEnv('bench_month_figures', dynamo.endpoint));
    const ctx = createAppContext(config, await loadAppSecrets(config), { devLogin: false });
    await ensureTable(ctx.table.db, config.TABLE_NAME);
    let tally: Tally | undefined;
    countCalls(ctx.table.db, () => tally);
    const setTally = (t: Tally | undefined) => (tally = t);

    const random = prng(20_261_206).next;
    const { regions, villages } = provinceRegions(random);
    await batchPut(ctx.table, regions.map(regionItem), 8);
    const started = Date.now();
    const by = { source: 'staff' as const, userId: 'bench-village-officer', level: 'village' as const };
    const CHUNK = 2_000;
    for (let from = 0; from < WORKERS; from += CHUNK) {
      const items: Record<string, unknown>[] = [];
      for (let i = from; i < Math.min(WORKERS, from + CHUNK); i++) {
        const worker = {
          workerId: `w_bench-${i}`,
          villageCode: villages[i % villages.length]!.code,
          labourClass: 'full' as const,
          groups: random() < 0.6 ? (['povertyAlleviated'] as const) : random() < 0.25 ? (['monitored'] as const) : ([] as const),
          householdId: `H-${Math.floor(i / 3)}`,
        };
        let monthBefore: EmploymentRecord | undefined;
        for (const month of months) {
          const standing = { revision: 0, ...(monthBefore ? { monthBefore } : {}) };
          monthBefore = ctx.employment.nextRecord(
            { ...worker, groups: [...worker.groups] },
            month,
            monthOf(random),
            by,
            standing,
          );
          items.push(...ctx.employment.writeItems(monthBefore).map((write) => write.Put.Item));
        }
      }
      await batchPut(ctx.table, items, 8);
      process.stdout.write(`\r  recorded ${fmt(Math.min(WORKERS, from + CHUNK))} people × ${MONTHS} months`);
    }
    const records = WORKERS * MONTHS;
    console.log(` = ${fmt(records)} month records in ${fmt((Date.now() - started) / 1000)} s`);

    // 1. Live: the stream to its end, through the consumer (the follower's own stream reads are not in the tally).
    const follower = createStreamFollower(ctx, { endpoint: dynamo.endpoint, region: 'local' });
    // DynamoDB Local under-reports a transaction's units: count its items (each under 1 KB: 2 write units on AWS).
    let transactItems = 0;
    ctx.table.db.middlewareStack.add(
      (next) => async (args) => {
        transactItems += ((args.input as { TransactItems?: unknown[] }).TransactItems ?? []).length;
        return next(args);
      },
      { step: 'initialize', name: 'benchTransactItems' },
    );
    const liveTally = newTally();
    const live = await measured(liveTally, setTally, () => follower.drain());
    follower.stop();

    // 2. From scratch: every county's months recomputed from the records; nothing may be off.
    const counties = regions.filter((r) => r.level === 'county').map((r) => r.code);
    const scratchTally = newTally();
    const scratch = await measured(scratchTally, setTally, async () => {
      const off: string[] = [];
      for (const county of counties) {
        const trained = await ctx.figures.trainedPeople(county);
        for (const month of months) off.push(...(await ctx.figures.reconcile(county, month, new Date(), trained)));
      }
      return off;
    });

    // 3. A region's year: the province's twelve months.
    const readTally = newTally();
    const year = await measured(readTally, setTally, () => ctx.figures.months('15', months[0]!, months.at(-1)!));

    const regionMonths = (regions.length - 0) * MONTHS;
    console.log(`\nmonth figures of a province: ${fmt(WORKERS)} people × ${MONTHS} months, ${fmt(regions.length)} regions`);
    console.log(
      `  live (stream)      ${fmt(live.result)} stream records read (the consumer's own writes among them) in ${fmt(live.seconds)} s, node CPU ${fmt(live.cpuMs / 1000, 1)} s = ${fmt((live.cpuMs * 1000) / records)} µs a record`,
    );
    console.log(
      `                     ${fmt(callsOf(liveTally))} DynamoDB calls (${callList(liveTally)}) writing ${fmt(transactItems)} items = ${fmt((2 * transactItems) / records, 2)} write units a month record on AWS`,
    );
    console.log(
      `  from scratch       ${fmt(counties.length)} counties × ${MONTHS} months recomputed in ${fmt(scratch.seconds)} s, ${scratch.result.length} regions off (must be 0)`,
    );
    console.log(
      `                     ${fmt(callsOf(scratchTally))} DynamoDB calls (${callList(scratchTally)}), ${fmt(scratchTally.readUnits)} read units; writing every region-month from nothing is ${fmt(regionMonths)} ADDs more`,
    );
    console.log(
      `  a region's year    ${year.result.length} months of the province in ${fmt(callsOf(readTally))} call (${callList(readTally)}), ${fmt(year.seconds * 1000, 1)} ms, ${fmt(readTally.readUnits, 1)} read units`,
    );
    console.log(
      `\nOn AWS at list prices (USD): keeping the figures adds $${(((2 * transactItems) / records) * PRICE.dynamoWriteUnit * 1e6).toFixed(2)} of writes per million month records; ` +
        `the reconciliation reads $${((scratchTally.readUnits / WORKERS) * PRICE.dynamoReadUnit * 1e6).toFixed(2)} per million people a run.`,
    );

    // 4. A million people: every region-month from nothing, written whole, the year read back.
    const scale = await measured(newTally(), setTally, async () => foldMillion(villages.map((v) => v.code)));
    const items = [...scale.result.entries()].map(([key, figures]) => {
      const [regionCode, month] = key.split('#') as [string, string];
      return { ...keys.monthFigures(regionCode, month), regionCode, month, ...figures };
    });
    const writeTally = newTally();
    const written = await measured(writeTally, setTally, () => batchPut(ctx.table, items, 8));
    const scaleRead = newTally();
    const scaleYear = await measured(scaleRead, setTally, () => ctx.figures.months('15', months[0]!, months.at(-1)!));
    const provinceNow = scaleYear.result.at(-1)!.figures;
    const scaleRecords = SCALE_PEOPLE * MONTHS;
    console.log(`\nat ${fmt(SCALE_PEOPLE)} people × ${MONTHS} months = ${fmt(scaleRecords)} month records`);
    console.log(
      `  from scratch       the figures' arithmetic over every record in ${fmt(scale.seconds, 1)} s, node CPU ${fmt(scale.cpuMs / 1000, 1)} s = ${fmt((scale.cpuMs * 1000) / scaleRecords, 2)} µs a record, ${fmt(items.length)} region-months`,
    );
    console.log(
      `                     written whole in ${fmt(written.seconds, 1)} s (${callList(writeTally)}); the province's ${scaleYear.result.length} months read back in ${fmt(callsOf(scaleRead))} Query, ${fmt(scaleYear.seconds * 1000, 1)} ms, ${fmt(scaleRead.readUnits, 1)} read units: ${fmt(provinceNow.recorded)} recorded, ${fmt(provinceNow.employed)} employed this month`,
    );
    const readUnitsPerRecord = scratchTally.readUnits / records;
    console.log(
      `                     reading the ${fmt(scaleRecords)} records to build them on AWS: ${fmt(readUnitsPerRecord * scaleRecords)} read units ($${(readUnitsPerRecord * scaleRecords * PRICE.dynamoReadUnit).toFixed(2)}), at ${fmt(readUnitsPerRecord, 3)} a record as measured in 2`,
    );
    if (provinceNow.recorded !== SCALE_PEOPLE) throw new Error(`The province's month counts ${provinceNow.recorded} people`);
    if (scratch.result.length)
      throw new Error(`The live figures differ from the records: ${scratch.result.slice(0, 10).join(', ')}`);
  } finally {
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
