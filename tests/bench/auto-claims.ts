/**
 * Benchmark: the monthly 免申即享 for a province, on the engine the state machine runs — plan,
 * one shard per township, finish — over DynamoDB Local, with the real repositories, rules
 * and claims. The province is synthetic and seeded: 12 cities, 100 counties, 1,000 townships,
 * 10,000 villages, and BENCH_WORKERS workers (1,000,000 by default) spread over the villages,
 * each a real registry record (ID number sealed) with the months a village officer records:
 * 65% employed this month and last (across provinces, cities or counties, or within the county),
 * the groups of file 000 (脱贫人口, 监测对象…) in plausible shares.
 *
 * With BENCH_PUSH_POSITIONS set, the month's job push (每月岗位推送) then runs over the same
 * province and that many open positions (around the villages, of every occupation), on the
 * state machine's steps too (each shard reads the run's frozen positions, as its Lambda does),
 * so the two monthly runs are measured side by side.
 *
 * What it prints for each run: wall time, this process's CPU, the DynamoDB calls and the
 * capacity units as AWS bills them (ReturnConsumedCapacity on every call, db/capacityMeter.ts), the median and
 * slowest shard; then what a month costs on AWS at the list prices below (Lambda by GB-second
 * of the shards' time, DynamoDB on demand by request unit, Step Functions by state transition).
 *
 * The run is checked, not only timed: every worker evaluated exactly once, the run's record
 * equal to its shards' sums, and a second plan over a few townships makes no claim.
 *
 *   npx tsx tests/bench/auto-claims.ts
 *   BENCH_WORKERS=100000 BENCH_PUSH_POSITIONS=10000 npx tsx tests/bench/auto-claims.ts
 */
import { cpus } from 'node:os';
import {
  chinaMonth,
  OCCUPATIONS,
  standardStep,
  workerInputSchema,
  type Employer,
  type LocalDocument,
  type Region,
  type WorkerInput,
} from '@bangfu/shared';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchPut } from '../../functions/src/db/batchWrite.js';
import { inPool } from '../../functions/src/db/inPool.js';
import { keys } from '../../functions/src/db/tableSchema.js';
import { readConfig } from '../../functions/src/config.js';
import { createAppContext } from '../../functions/src/context.js';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { ensureTable } from '../../functions/src/local/table.js';
import { regionItem } from '../../functions/src/regions/regionRepository.js';
import { newWorkerItem } from '../../functions/src/registry/workerRepository.js';
import { recordedDocumentItems } from '../../functions/src/subsidies/parameterRepository.js';
import {
  planPushRun,
  PUSH_PHASES,
  pushShardsOf,
  runPushShardFromSnapshot,
  sumShardReports,
  type PushShardReport,
} from '../../functions/src/matching/pushJob.js';
import { newPosition, putNewPositions, type PositionRecord } from '../../functions/src/positions/positionRepository.js';
import { loadAppSecrets } from '../../functions/src/secrets.js';
import {
  autoClaimsShardsOf,
  finishAutoClaimsRun,
  planAutoClaimsRun,
  runAndRecordAutoClaimsShard,
  type AutoClaimsReport,
} from '../../functions/src/subsidies/autoClaims.js';
import { idNumber } from '../support/people.js';
import { positionInput } from '../support/positions.js';
import { prng } from '../support/prng.js';
import { freePort } from '../support/ports.js';
import { benchEnv } from './benchEnv.js';
import { countCalls, fmt, newTally, PRICE, provinceRegions, type Tally } from './benchProvince.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1_000_000);
/** Shards run at once in this process: enough to keep one core busy; DynamoDB Local has the other. */
const SHARDS_AT_ONCE = Number(process.env.BENCH_SHARDS_AT_ONCE ?? 6);
const SEED = 20_261_205;

/** DynamoDB's answer time within a region, for the Lambdas' time on AWS. */
const DYNAMO_MS_ON_AWS = 6;
const PUSH_POSITIONS = Number(process.env.BENCH_PUSH_POSITIONS ?? 0);

const month = chinaMonth(new Date());
const [year, monthNumber] = month.split('-').map(Number) as [number, number];
const lastMonth = chinaMonth(new Date(Date.UTC(year, monthNumber - 2, 15)));
// ---------------------------------------------------------------------------------------
// The synthetic province

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['秀兰', '建国', '桂英', '志强', '玉梅', '海军', '丽娟', '福生', '春花', '永胜'];
const PLACES = ['acrossProvince', 'acrossCity', 'acrossCounty', 'withinCounty'] as const;

/** Worker i: its registry input and the months recorded for it. */
function person(i: number, village: string, random: ReturnType<typeof prng>['next']) {
  const groups: WorkerInput['groups'] = [];
  const g = random();
  if (g < 0.6) groups.push('povertyAlleviated');
  else if (g < 0.7) groups.push('monitored');
  else if (g < 0.75) groups.push('relocated');
  const birthYear = 1966 + Math.floor(random() * 40);
  const input = workerInputSchema.parse({
    name: `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10) % 10]}`,
    idNumber: idNumber(village.slice(0, 6), `${birthYear}0${1 + (i % 9)}1${i % 10}`, i % 500, i % 2 ? 'male' : 'female'),
    householdId: `H-${village}-${Math.floor(i / 3)}`,
    villageCode: village,
    groups,
    labourClass: random() < 0.8 ? 'full' : 'half',
    skills: [],
    registryEntryDate: '2022-03-01',
  });
  const employed = random() < 0.65;
  const place = PLACES[Math.floor(random() * PLACES.length)]!;
  const income = 250_000 + Math.floor(random() * 400_000);
  return { input, employed, place, income };
}

/**
 * The province's own standard for 一次性交通补贴 (file 000 leaves the amount to local governments),
 * recorded by one admin and confirmed by another (四眼), as a real province's would be: outside
 * the demo counties no amount exists until someone sets it, and without it the run makes nothing.
 */
function provinceStandardItems(): Record<string, unknown>[] {
  const at = '2026-01-01T00:00:00.000Z';
  const document: LocalDocument = {
    documentId: 'ld-bench-15-standards',
    regionCode: '15',
    title: '基准省就业帮扶补贴标准',
    issuer: '基准省人力资源和社会保障厅',
    date: '2021-01-01',
    inForce: { from: '2021-01-01' },
    continues: [],
    demo: true,
  };
  const [key, value] = ['transportOnceFen', 50_000];
  return recordedDocumentItems(
    {
      document,
      sets: [{ key, value }],
      recordedBy: 'bench-admin-1',
      recordedAt: at,
      confirmedBy: 'bench-admin-2',
      confirmedAt: at,
    },
    [{ regionCode: '15', key, steps: [standardStep(document, value)], updatedBy: 'bench-admin-1', updatedAt: at, version: 1 }],
  );
}

// ---------------------------------------------------------------------------------------

/** What one monthly run cost here, and the shape of its state machine on AWS. */
interface RunFigures {
  name: string;
  workers: number;
  shards: number;
  wallSeconds: number;
  cpuMs: number;
  shardMs: number[];
  tally: Tally;
  /** The shard function's memory (infra/lib/bangfu-stack.ts). */
  shardGb: number;
  /** DynamoDB calls a shard keeps in flight: 免申即享 evaluates 8 workers at once, the push one. */
  inFlight: number;
  /** Distributed Maps over the shards (the push runs two phases). */
  maps: number;
}

/** Runs `work` with the calls counted, this process's CPU and the wall time measured. */
async function measured(setTally: (t: Tally | undefined) => void, work: () => Promise<number[]>) {
  const tally = newTally();
  setTally(tally);
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  const shardMs = await work();
  const cpu = process.cpuUsage(cpuBefore);
  setTally(undefined);
  return { tally, shardMs, wallSeconds: (Date.now() - started) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function printFigures(runs: RunFigures[]) {
  for (const r of runs) {
    const calls = Object.values(r.tally.calls).reduce((a, b) => a + b, 0);
    const sorted = [...r.shardMs].sort((a, b) => a - b);
    console.log(`\n${r.name}: ${fmt(r.workers)} workers, ${fmt(r.shards)} township shards`);
    console.log(`  wall time        ${fmt(r.wallSeconds)} s on ${cpus().length} cores beside DynamoDB Local`);
    console.log(`  node CPU         ${fmt(r.cpuMs / 1000)} s = ${fmt((r.cpuMs * 1000) / r.workers)} µs a worker`);
    console.log(
      `  per shard        median ${fmt(sorted[Math.floor(sorted.length / 2)]! / 1000, 2)} s, slowest ${fmt(sorted.at(-1)! / 1000, 2)} s`,
    );
    console.log(
      `  DynamoDB calls   ${fmt(calls)} = ${fmt(calls / r.workers, 2)} a worker: ${Object.entries(r.tally.calls)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')}`,
    );
    console.log(
      `  capacity units   read ${fmt(r.tally.readUnits)}, write ${fmt(r.tally.writeUnits)} (as billed: DynamoDB Local's, each read at least its least)`,
    );
  }
  console.log(
    `\nA month on AWS at list prices (USD): each shard a Lambda whose time is its CPU here plus ${DYNAMO_MS_ON_AWS} ms a DynamoDB call,` +
      ' over the calls it keeps in flight; on demand capacity; a Standard child execution per shard (3 transitions).',
  );
  console.log(
    '  run        Lambda GB-s  Lambda    DynamoDB  Step Functions  month     per million workers  wall at 40 shards at once',
  );
  for (const r of runs) {
    const calls = Object.values(r.tally.calls).reduce((a, b) => a + b, 0);
    const shardSeconds = (r.cpuMs / 1000 + (calls * DYNAMO_MS_ON_AWS) / r.inFlight / 1000) / r.shards / r.maps;
    const gbSeconds = shardSeconds * r.shards * r.maps * r.shardGb;
    const transitions = 4 + r.maps * (2 + r.shards * 3);
    const lambda = gbSeconds * PRICE.lambdaGbSecond + (r.shards * r.maps + 2) * PRICE.lambdaRequest;
    const dynamo = r.tally.readUnits * PRICE.dynamoReadUnit + r.tally.writeUnits * PRICE.dynamoWriteUnit;
    const steps = transitions * PRICE.stateTransition;
    const total = lambda + dynamo + steps;
    console.log(
      `  ${r.name.padEnd(10)} ${fmt(gbSeconds).padStart(11)}  $${lambda.toFixed(2).padEnd(7)} $${dynamo.toFixed(2).padEnd(7)}  $${steps.toFixed(2).padEnd(13)}  $${total.toFixed(2).padEnd(7)}  $${((total / r.workers) * 1e6).toFixed(2).padEnd(19)}  ${fmt(Math.ceil(r.shards / 40) * shardSeconds * r.maps)} s`,
    );
  }
}

async function main() {
  const dynamo = await startDynamoDbLocal({ emulatorDir: await ensureEmulator(CACHE_DIR), port: await freePort() });
  try {
    const config = readConfig(benchEnv('bench_monthly_runs', dynamo.endpoint));
    const ctx = createAppContext(config, await loadAppSecrets(config), { devLogin: false });
    await ensureTable(ctx.table.db, config.TABLE_NAME);
    let tally: Tally | undefined;
    countCalls(ctx.table.db, () => tally);
    const setTally = (t: Tally | undefined) => (tally = t);

    // Load the province.
    const random = prng(SEED).next;
    const { regions, villages, townships } = provinceRegions(random);
    const started = Date.now();
    await batchPut(ctx.table, [...regions.map(regionItem), ...provinceStandardItems()], 8);
    const CHUNK = 5_000;
    let employedWorkers = 0;
    for (let from = 0; from < WORKERS; from += CHUNK) {
      const items: Record<string, unknown>[] = [];
      for (let i = from; i < Math.min(WORKERS, from + CHUNK); i++) {
        const { input, employed, place, income } = person(i, villages[i % villages.length]!.code, random);
        const item: Record<string, unknown> = await newWorkerItem(ctx.idVault, input);
        items.push(item);
        if (!employed) continue;
        employedWorkers++;
        item.latestEmployment = { month, status: 'employed' };
        for (const m of [lastMonth, month]) {
          items.push({
            ...keys.employment(String(item.workerId), m),
            type: 'employment',
            workerId: item.workerId,
            month: m,
            status: 'employed',
            place,
            form: 'enterprise',
            monthlyIncomeFen: income,
            source: 'staff',
            recordedBy: 'bench-village-officer',
            recordedByLevel: 'village',
            recordedAt: new Date().toISOString(),
            revision: 1,
          });
        }
      }
      await batchPut(ctx.table, items, 8);
      process.stdout.write(`\r  loaded ${fmt(Math.min(WORKERS, from + CHUNK))} workers`);
    }
    console.log(
      ` (${fmt(employedWorkers)} employed, two months each) and ${fmt(regions.length)} regions in ${fmt((Date.now() - started) / 1000)} s`,
    );

    // 免申即享: plan, every township shard a few at a time, finish — what the state machine does.
    let plan: Awaited<ReturnType<typeof planAutoClaimsRun>> | undefined;
    const reports: AutoClaimsReport[] = [];
    const autoClaims = await measured(setTally, async () => {
      plan = await planAutoClaimsRun(ctx, { regionCode: '15' });
      const shardMs: number[] = [];
      await inPool(autoClaimsShardsOf(plan), SHARDS_AT_ONCE, async (shard) => {
        const t0 = performance.now();
        reports.push(await runAndRecordAutoClaimsShard(ctx, shard));
        shardMs.push(performance.now() - t0);
        if (shardMs.length % 20 === 0) process.stdout.write(`\r  免申即享 ${shardMs.length} / ${plan!.townships.length} shards`);
      });
      await finishAutoClaimsRun(ctx, plan);
      return shardMs;
    });
    console.log('');

    // Every worker evaluated once, every shard reported once; the run's sums are the shards'.
    const { Item: record } = await ctx.table.db.send(
      new GetCommand({ TableName: ctx.table.tableName, Key: keys.monthlyRun('autoClaims', '15', plan!.runId) }),
    );
    const evaluated = reports.reduce((n, r) => n + r.workers, 0);
    const created = reports.reduce((n, r) => n + r.created, 0);
    const amountFen = reports.reduce((n, r) => n + r.amountFen, 0);
    if (plan!.townships.length !== townships.length)
      throw new Error(`${plan!.townships.length} shards for ${townships.length} townships`);
    if (evaluated !== WORKERS) throw new Error(`${evaluated} workers evaluated of ${WORKERS}`);
    // A run that lacked a standard evaluates everyone and makes nothing: say so rather than time it.
    const unavailable = reports.filter((r) => Object.keys(r.unavailable).length > 0);
    if (created === 0 || unavailable.length > 0) {
      throw new Error(
        `${fmt(created)} claims; standards missing in ${unavailable.length} shards: ${JSON.stringify(unavailable[0]?.unavailable)}`,
      );
    }
    if (
      !record?.finishedAt ||
      record.workers !== evaluated ||
      record.created !== created ||
      record.shardsDone !== townships.length
    ) {
      throw new Error(`the run's record disagrees with its shards: ${JSON.stringify(record)}`);
    }
    // Again over a few townships: nothing new.
    const again = await planAutoClaimsRun(ctx, { regionCode: townships[0]!.slice(0, 6) });
    const againReports = await Promise.all(
      autoClaimsShardsOf(again)
        .slice(0, 3)
        .map((s) => runAndRecordAutoClaimsShard(ctx, s)),
    );
    if (againReports.some((r) => r.created !== 0)) throw new Error('a second run made claims');
    console.log(
      `免申即享 made ${fmt(created)} claims (${fmt(amountFen / 100)} 元); checked: every worker once, the record = the shards' sums, a second run makes none`,
    );
    const runs: RunFigures[] = [
      { name: '免申即享', workers: WORKERS, shards: townships.length, shardGb: 1, inFlight: 8, maps: 1, ...autoClaims },
    ];

    if (PUSH_POSITIONS > 0) {
      await loadPositions(ctx, villages, random);
      const push = await measured(setTally, async () => {
        // The state machine's steps: plan, each phase's shards (the priority groups' first), finish.
        const pushPlan = await planPushRun(ctx, { regionCode: '15', config: { k: 5, n: 3 } });
        const shardMs: number[] = [];
        const pushReports: PushShardReport[] = [];
        for (const phase of PUSH_PHASES) {
          await inPool(pushShardsOf(pushPlan, phase), SHARDS_AT_ONCE, async (shard) => {
            const t0 = performance.now();
            pushReports.push(await runPushShardFromSnapshot(ctx, shard));
            shardMs.push(performance.now() - t0);
            if (shardMs.length % 20 === 0)
              process.stdout.write(`\r  推送 ${shardMs.length} / ${pushPlan.townships.length * 2} shards`);
          });
        }
        await ctx.runs.finish('push', pushPlan.regionCode, pushPlan.runId);
        const total = sumShardReports(pushReports);
        console.log(
          `\n推送 pushed ${fmt(total.pushed)} positions to ${fmt(total.reached)} of ${fmt(total.workers)} willing unemployed (${fmt(total.full)} left out by capacity)`,
        );
        return shardMs;
      });
      runs.push({ name: '推送', workers: WORKERS, shards: townships.length, shardGb: 2, inFlight: 1, maps: 2, ...push });
    }
    printFigures(runs);
  } finally {
    await dynamo.stop();
  }
}

/** Open positions of verified employers, around the villages, of every occupation, a few closing soon. */
async function loadPositions(ctx: ReturnType<typeof createAppContext>, villages: Region[], random: () => number) {
  const started = Date.now();
  const records: PositionRecord[] = [];
  for (let i = 0; i < PUSH_POSITIONS; i++) {
    const village = villages[Math.floor(random() * villages.length)]!;
    const employer = { employerId: `e_bench_${i % 2_000}`, name: `基准企业${i % 2_000}`, kind: 'enterprise' } as Employer;
    const occupation = OCCUPATIONS[i % OCCUPATIONS.length]!;
    records.push({
      position: newPosition(
        employer,
        positionInput({
          title: occupation.name,
          occupation: occupation.code,
          headcount: 1 + Math.floor(random() * 8),
          location: { lat: village.center!.lat + (random() - 0.5) * 0.05, lng: village.center!.lng + (random() - 0.5) * 0.05 },
          regionCode: village.parentCode!,
        }),
        'open',
      ),
      employerVerified: true,
    });
  }
  await putNewPositions(ctx.table, records);
  console.log(`  loaded ${fmt(PUSH_POSITIONS)} positions in ${fmt((Date.now() - started) / 1000)} s`);
}

await main();
