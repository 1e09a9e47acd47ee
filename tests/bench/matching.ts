/**
 * Benchmark: 人岗匹配 for a whole province. Top-10 positions for 1,000,000 workers over
 * 100,000 positions with the position index (createPositionIndex), in worker threads, side
 * by side in the same run with the brute force reference (rankPositions: every position
 * scored) on a sample; then the month's capacity-constrained push (planPush) over the
 * same data.
 *
 * The province is synthetic and deterministic (seeded PRNG), in Inner Mongolia's real
 * geography (GCJ-02-ish): 12 cities (盟市, 4-digit codes) at their real seats, 102 counties
 * (旗县, 6 digits), about 1,000 townships (9) and 10,000 villages (12). Positions gather at
 * county towns (30%), in industrial parks (25%, dense), at township seats (25%) and in
 * villages (20%: 帮扶车间, 合作社 and 乡村公益性岗位); every occupation of the dictionary,
 * seasonal work with its months, required certificates, relocation-site projects keeping
 * jobs for relocated people, some positions full and some past their closing date. Workers
 * live in the villages: labour class 70% full, 15% half, 10% weak, 5% none; travel scope
 * local 30%, county 30%, city 20%, province 10%, any 10%; skills from the dictionary, some
 * certificates, expected wages, the priority groups.
 *
 * Each worker is generated from its own id (random access), so the threads split the
 * workers by id range and each builds its own index from the same seed: nothing but the
 * results crosses between threads. Exactness: on a sample of workers the index's top-10
 * must equal rankPositions' exactly (ids, order, scores); and the threads' answers for the
 * sample must equal the main thread's. The per-worker speed ratio is measured on that same
 * sample in the same run.
 *
 *   npx tsx tests/bench/matching.ts
 *   BENCH_WORKERS=50000 BENCH_POSITIONS=100000 BENCH_SAMPLE=1000 BENCH_THREADS=2 npx tsx tests/bench/matching.ts
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  createPositionIndex,
  isPushPriority,
  OCCUPATIONS,
  parsePushConfig,
  planPush,
  type MatchContext,
  type MatchPosition,
  type MatchWorker,
  type PositionIndex,
  type PushWorker,
  type WorkerGroup,
  JOB_TYPES,
  type JobType,
} from '@bangfu/shared';
import { rankPositions, scoreMatch, type OkMatch } from '../../shared/src/matching/scorer.js';
import { prng } from '../support/prng.js';

const WORKERS = Number(process.env.BENCH_WORKERS ?? 1_000_000);
const POSITIONS = Number(process.env.BENCH_POSITIONS ?? 100_000);
const SAMPLE = Math.min(WORKERS, Number(process.env.BENCH_SAMPLE ?? 1_000));
const THREADS = Number(process.env.BENCH_THREADS ?? Math.max(1, Math.min(2, availableParallelism())));
const K = 10;
const PUSH = { k: 5, n: 3 };
const GOAL_SECONDS = 120;
const GOAL_RATIO = 100;
/** Pushes whose reason is written (and score checked) after planning. */
const REASON_SAMPLE = 10_000;
const SEED = 20_261_122;
const CTX: MatchContext = { today: '2026-11-15' };
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

// ---------------------------------------------------------------------------------------
// Synthetic province

type Rng = ReturnType<typeof prng>;

/** A seed per item, so item i is the same whoever generates it (splitmix-style mixing). */
function mix(seed: number, i: number): number {
  let h = (seed ^ Math.imul(i + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const KM_LAT = 1 / 111.195;
const offset = (lat: number, lng: number, northKm: number, eastKm: number) => ({
  lat: lat + northKm * KM_LAT,
  lng: lng + (eastKm * KM_LAT) / Math.cos((lat * Math.PI) / 180),
});

/** The 12 cities (盟市) at their seats; spread: how far their counties lie (km). */
const CITIES = [
  { code: '1501', lat: 40.84, lng: 111.75, counties: 9, spread: 90 }, // 呼和浩特
  { code: '1502', lat: 40.66, lng: 109.84, counties: 9, spread: 120 }, // 包头
  { code: '1503', lat: 39.66, lng: 106.82, counties: 3, spread: 25 }, // 乌海
  { code: '1504', lat: 42.26, lng: 118.89, counties: 12, spread: 180 }, // 赤峰
  { code: '1505', lat: 43.65, lng: 122.24, counties: 8, spread: 150 }, // 通辽
  { code: '1506', lat: 39.61, lng: 109.78, counties: 9, spread: 160 }, // 鄂尔多斯
  { code: '1507', lat: 49.21, lng: 119.77, counties: 13, spread: 260 }, // 呼伦贝尔
  { code: '1508', lat: 40.74, lng: 107.39, counties: 7, spread: 130 }, // 巴彦淖尔
  { code: '1509', lat: 41.0, lng: 113.13, counties: 11, spread: 130 }, // 乌兰察布
  { code: '1522', lat: 46.08, lng: 122.07, counties: 6, spread: 140 }, // 兴安
  { code: '1525', lat: 43.93, lng: 116.09, counties: 12, spread: 250 }, // 锡林郭勒
  { code: '1529', lat: 38.85, lng: 105.73, counties: 3, spread: 250 }, // 阿拉善
] as const;

interface Place {
  code: string;
  lat: number;
  lng: number;
}
interface Geography {
  counties: (Place & { parks: Place[] })[];
  townships: Place[];
  villages: Place[];
  /** Cumulative population weight of the villages, for picking a worker's village. */
  villageWeight: Float64Array;
  countyWeight: Float64Array;
}

export function geography(seed = SEED): Geography {
  const r = prng(mix(seed, 1));
  const counties: Geography['counties'] = [];
  const townships: Place[] = [];
  const villages: Place[] = [];
  const weights: number[] = [];
  const countyWeights: number[] = [];
  for (const city of CITIES) {
    for (let c = 0; c < city.counties; c++) {
      // The first county is the city's own district, at the seat.
      const d = c === 0 ? 0 : city.spread * Math.sqrt(r.next());
      const a = r.next() * 2 * Math.PI;
      const centre = offset(city.lat, city.lng, d * Math.sin(a), d * Math.cos(a));
      const code = `${city.code}${pad(c + 2)}`;
      const parks = Array.from({ length: r.int(1, 3) }, (_, i) => {
        const pd = 4 + r.next() * 12;
        const pa = r.next() * 2 * Math.PI;
        return { code, ...offset(centre.lat, centre.lng, pd * Math.sin(pa), pd * Math.cos(pa)), park: i };
      });
      counties.push({ code, ...centre, parks });
      let countyWeight = 0;
      const townshipCount = r.int(7, 13);
      for (let t = 0; t < townshipCount; t++) {
        const td = t === 0 ? 0 : 5 + 35 * Math.sqrt(r.next());
        const ta = r.next() * 2 * Math.PI;
        const tc = offset(centre.lat, centre.lng, td * Math.sin(ta), td * Math.cos(ta));
        const township = { code: `${code}${100 + t}`, ...tc };
        townships.push(township);
        const villageCount = r.int(5, 15);
        for (let v = 0; v < villageCount; v++) {
          const vd = 1 + 7 * Math.sqrt(r.next());
          const va = r.next() * 2 * Math.PI;
          villages.push({ code: `${township.code}${200 + v}`, ...offset(tc.lat, tc.lng, vd * Math.sin(va), vd * Math.cos(va)) });
          const w = 0.3 + r.next() * 1.4;
          weights.push(w);
          countyWeight += w;
        }
      }
      countyWeights.push(countyWeight);
    }
  }
  const cumulative = (ws: number[]) => {
    const out = new Float64Array(ws.length);
    let sum = 0;
    ws.forEach((w, i) => (out[i] = sum += w));
    return out;
  };
  return { counties, townships, villages, villageWeight: cumulative(weights), countyWeight: cumulative(countyWeights) };
}

function pickWeighted(cumulative: Float64Array, u: number): number {
  const target = u * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const CODES = OCCUPATIONS.map((o) => o.code);
const GENERAL = ['factory_operator', 'construction_labourer', 'cleaner', 'loader'];
const VILLAGE_WORK = [
  'cleaner',
  'forest_ranger',
  'road_maintainer',
  'landscaper',
  'handicraft_worker',
  'sewing_worker',
  'crop_grower',
  'livestock_keeper',
  'greenhouse_grower',
  'food_processor',
];
const PARK_WORK = [
  'factory_operator',
  'assembly_worker',
  'welder',
  'electrician',
  'forklift_driver',
  'loader',
  'warehouse_keeper',
  'food_processor',
  'sewing_worker',
  'security_guard',
];
/** Certificates a position may require, by occupation, as employers write them. */
const CERTIFICATE_OF: Readonly<Record<string, string>> = {
  electrician: '电工证',
  welder: '焊工证',
  forklift_driver: '叉车证',
  excavator_operator: '挖掘机证',
  truck_driver: '货车司机从业资格证',
  elder_carer: '养老护理员证',
  cook: '中式烹调师证',
};
const SEASONS = [
  [3, 4, 5],
  [4, 5, 6],
  [7, 8, 9],
  [8, 9, 10],
  [9, 10],
  [11, 12, 1],
  [12, 1, 2],
  [5, 6, 7, 8, 9],
];
const TODAY_MS = Date.parse(`${CTX.today}T00:00:00Z`);
const dayOffset = (days: number) => new Date(TODAY_MS + days * 86_400_000).toISOString().slice(0, 10);

export function positions(count = POSITIONS, seed = SEED, geo = geography(seed)): MatchPosition[] {
  const r = prng(mix(seed, 2));
  const out: MatchPosition[] = [];
  for (let i = 0; i < count; i++) {
    const where = r.weighted([
      ['countyTown', 30],
      ['park', 25],
      ['township', 25],
      ['village', 20],
    ] as const);
    let location: { lat: number; lng: number };
    let regionCode: string;
    let occupation: string;
    let employerKind: MatchPosition['employerKind'];
    let publicWelfare = false;
    const county = geo.counties[pickWeighted(geo.countyWeight, r.next())]!;
    if (where === 'countyTown') {
      location = offset(county.lat, county.lng, r.gauss() * 2.5, r.gauss() * 2.5);
      regionCode = county.code;
      occupation = r.chance(0.35) ? r.pick(GENERAL) : r.pick(CODES);
      employerKind = r.weighted([
        ['enterprise', 60],
        ['hrAgency', 10],
        ['assistanceBase', 10],
        ['workForRelief', 8],
        ['cooperative', 7],
        ['assistanceWorkshop', 5],
      ] as const);
    } else if (where === 'park') {
      const park = r.pick(county.parks);
      location = offset(park.lat, park.lng, r.gauss() * 0.7, r.gauss() * 0.7);
      regionCode = county.code;
      occupation = r.chance(0.8) ? r.pick(PARK_WORK) : r.pick(CODES);
      employerKind = r.weighted([
        ['enterprise', 80],
        ['assistanceBase', 12],
        ['hrAgency', 8],
      ] as const);
    } else if (where === 'township') {
      const t = geo.townships[r.int(0, geo.townships.length - 1)]!;
      location = offset(t.lat, t.lng, r.gauss() * 1.2, r.gauss() * 1.2);
      regionCode = t.code;
      occupation = r.chance(0.3) ? r.pick(GENERAL) : r.pick(CODES);
      employerKind = r.weighted([
        ['enterprise', 40],
        ['cooperative', 20],
        ['assistanceWorkshop', 20],
        ['workForRelief', 10],
        ['publicWelfare', 10],
      ] as const);
      publicWelfare = employerKind === 'publicWelfare';
    } else {
      const v = geo.villages[pickWeighted(geo.villageWeight, r.next())]!;
      location = offset(v.lat, v.lng, r.gauss() * 0.3, r.gauss() * 0.3);
      regionCode = v.code;
      occupation = r.pick(VILLAGE_WORK);
      employerKind = r.weighted([
        ['publicWelfare', 45],
        ['assistanceWorkshop', 30],
        ['cooperative', 25],
      ] as const);
      publicWelfare = employerKind === 'publicWelfare';
    }
    const form = publicWelfare
      ? r.weighted([
          ['fullTime', 60],
          ['partTime', 40],
        ] as const)
      : r.weighted([
          ['fullTime', 60],
          ['partTime', 10],
          ['seasonal', 20],
          ['gig', 10],
        ] as const);
    const light = publicWelfare || r.chance(0.3);
    const suitsHalfLabour = light ? r.chance(0.85) : r.chance(0.15);
    const suitsWeakLabour = suitsHalfLabour && (publicWelfare ? r.chance(0.6) : r.chance(0.25));
    const unit = publicWelfare
      ? 'month'
      : r.weighted([
          ['month', 65],
          ['day', 25],
          ['piece', 10],
        ] as const);
    const min = unit === 'month' ? r.int(20, 70) * 10_000 : unit === 'day' ? r.int(10, 30) * 1_000 : r.int(1, 20) * 100;
    const pay = { unit, minFen: min, maxFen: min + (r.chance(0.5) ? 0 : Math.round(min * r.next() * 0.5)) };
    const headcount = r.weighted([
      [r.int(1, 3), 50],
      [r.int(4, 10), 30],
      [r.int(11, 50), 20],
    ] as const);
    const full = r.chance(0.06);
    const created = -r.int(0, 150);
    const expired = r.chance(0.07);
    const certificate = CERTIFICATE_OF[occupation];
    const position: MatchPosition = {
      positionId: `p${pad(i, 6)}`,
      title: `${occupation} ${i}`,
      employerKind,
      occupation,
      regionCode,
      location,
      crossProvinceTransfer: where === 'countyTown' && employerKind === 'hrAgency' && r.chance(0.3),
      form,
      intensity: light ? 'light' : r.pick(['medium', 'heavy'] as const),
      suitsHalfLabour,
      suitsWeakLabour,
      accommodation: r.chance(where === 'village' ? 0.05 : 0.45),
      pay,
      headcount,
      filled: full ? headcount : r.int(0, headcount - 1),
      validFrom: dayOffset(created),
      validUntil: expired ? dayOffset(-r.int(1, 60)) : dayOffset(r.int(5, 180)),
      requiredCertificates: certificate && r.chance(0.6) ? [certificate] : [],
      publicWelfare,
      createdAt: `${dayOffset(created)}T0${r.int(0, 9)}:30:00+08:00`,
    };
    if (form === 'seasonal') position.seasonMonths = r.pick(SEASONS);
    if (where !== 'park' && r.chance(0.06)) position.relocationReservedShare = r.pick([0.1, 0.2, 0.3, 0.5]);
    out.push(position);
  }
  return out;
}

const GROUP_ODDS: readonly (readonly [WorkerGroup, number])[] = [
  ['monitored', 0.08],
  ['zeroEmploymentHousehold', 0.01],
  ['relocated', 0.06],
  ['disabled', 0.04],
  ['veteran', 0.02],
  ['collegeGraduate', 0.02],
  ['employmentDifficulty', 0.04],
];

/** Worker i (0-based): the same whoever asks. */
export function workerAt(i: number, geo: Geography, seed = SEED): MatchWorker {
  const r: Rng = prng(mix(seed, i + 1_000));
  const village = geo.villages[pickWeighted(geo.villageWeight, r.next())]!;
  const homeIsVillageCentre = r.chance(0.35);
  const home = homeIsVillageCentre
    ? { lat: village.lat, lng: village.lng }
    : offset(village.lat, village.lng, r.gauss() * 0.6, r.gauss() * 0.6);
  const skills = new Set<string>();
  for (
    let s = r.weighted([
      [0, 25],
      [1, 45],
      [2, 25],
      [3, 5],
    ] as const);
    s > 0;
    s--
  )
    skills.add(r.chance(0.3) ? r.pick(GENERAL) : r.pick(CODES));
  const certificates: string[] = [];
  for (const s of skills) {
    const c = CERTIFICATE_OF[s];
    if (c && r.chance(0.4)) certificates.push(r.chance(0.5) ? c : `中级${c}`);
  }
  const groups = new Set<WorkerGroup>();
  const main = r.weighted([
    ['povertyAlleviated', 55],
    ['ruralLowIncome', 15],
    [undefined, 30],
  ] as const);
  if (main) groups.add(main);
  for (const [group, p] of GROUP_ODDS) if (r.chance(p)) groups.add(group);
  const jobTypes = r.weighted<readonly JobType[]>([
    [[], 55],
    [[r.pick(JOB_TYPES)], 30],
    [
      r.pick<readonly JobType[]>([
        ['fullTime', 'seasonal'],
        ['partTime', 'gig'],
        ['fullTime', 'partTime'],
      ]),
      15,
    ],
  ]);
  const worker: MatchWorker = {
    workerId: `w${pad(i, 7)}`,
    villageCode: village.code,
    home,
    homeIsVillageCentre,
    labourClass: r.weighted([
      ['full', 70],
      ['half', 15],
      ['weak', 10],
      ['none', 5],
    ] as const),
    travelScope: r.weighted([
      ['local', 30],
      ['county', 30],
      ['city', 20],
      ['province', 10],
      ['any', 10],
    ] as const),
    jobTypes: [...jobTypes],
    skills: [...skills],
    certificates,
    groups: [...groups],
  };
  if (r.chance(0.5)) worker.expectedMonthlyWageFen = r.int(25, 70) * 10_000;
  return worker;
}

// ---------------------------------------------------------------------------------------
// One shard: the top-k of workers [from, to) with an index. Reusable by the monthly job.

export interface ShardResult {
  from: number;
  to: number;
  k: number;
  /** For worker from + j, its i-th best: the position's index in the position list (−1: none), and score. */
  positionIndex: Int32Array;
  score: Float64Array;
  /** Per worker: 1 able to work (labour class not none), 2 in a priority group of the push, 4 relocated. */
  flags: Uint8Array;
  buildMs: number;
  generateMs: number;
  topMs: number;
  scored: number;
  heapUsed: number;
}

export function computeShard(
  index: PositionIndex,
  positionNumber: ReadonlyMap<string, number>,
  workerOf: (i: number) => MatchWorker,
  from: number,
  to: number,
  k: number,
): Omit<ShardResult, 'buildMs' | 'heapUsed'> {
  const positionIndex = new Int32Array((to - from) * k).fill(-1);
  const score = new Float64Array((to - from) * k);
  const flags = new Uint8Array(to - from);
  let generateNs = 0n;
  let topNs = 0n;
  const scoredBefore = index.stats.scored;
  for (let i = from; i < to; i++) {
    const t0 = process.hrtime.bigint();
    const worker = workerOf(i);
    const t1 = process.hrtime.bigint();
    const top = index.top(worker, k);
    topNs += process.hrtime.bigint() - t1;
    generateNs += t1 - t0;
    flags[i - from] =
      (worker.labourClass === 'none' ? 0 : 1) |
      (isPushPriority(worker.groups) ? 2 : 0) |
      (worker.groups.includes('relocated') ? 4 : 0);
    const base = (i - from) * k;
    top.forEach((m, j) => {
      positionIndex[base + j] = positionNumber.get(m.positionId)!;
      score[base + j] = m.score;
    });
  }
  return {
    from,
    to,
    k,
    positionIndex,
    score,
    flags,
    generateMs: Number(generateNs) / 1e6,
    topMs: Number(topNs) / 1e6,
    scored: index.stats.scored - scoredBefore,
  };
}

function threadMain() {
  const { from, to, k } = workerData as { from: number; to: number; k: number };
  const started = performance.now();
  const geo = geography();
  const all = positions(POSITIONS, SEED, geo);
  const index = createPositionIndex(all, CTX);
  const buildMs = performance.now() - started;
  const numbers = new Map(all.map((p, i) => [p.positionId, i]));
  const result = computeShard(index, numbers, (i) => workerAt(i, geo), from, to, k);
  const message: ShardResult = { ...result, buildMs, heapUsed: process.memoryUsage().heapUsed };
  parentPort!.postMessage(message, [
    message.positionIndex.buffer as ArrayBuffer,
    message.score.buffer as ArrayBuffer,
    message.flags.buffer as ArrayBuffer,
  ]);
}

function runThread(from: number, to: number): Promise<ShardResult> {
  // tsx's loader does not follow into worker threads: register it there first.
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Promise((resolve, reject) => {
    const thread = new Worker(code, { eval: true, workerData: { from, to, k: K, bench: true }, env: process.env });
    thread.once('message', (m: ShardResult) => {
      resolve(m);
      void thread.terminate();
    });
    thread.once('error', reject);
  });
}

// ---------------------------------------------------------------------------------------

const sameMatches = (a: readonly OkMatch[], b: readonly OkMatch[]) =>
  a.length === b.length &&
  a.every((m, i) => m.positionId === b[i]!.positionId && m.score === b[i]!.score && m.reason === b[i]!.reason);

async function main() {
  console.log(
    `人岗匹配: top-${K} for ${WORKERS} workers over ${POSITIONS} positions, ${THREADS} threads; exactness and speed against rankPositions on ${SAMPLE} sampled workers; push k = ${PUSH.k}, N = ${PUSH.n}`,
  );
  const genStarted = performance.now();
  const geo = geography();
  const all = positions(POSITIONS, SEED, geo);
  const genMs = performance.now() - genStarted;
  const buildStarted = performance.now();
  const index = createPositionIndex(all, CTX);
  const buildMs = performance.now() - buildStarted;
  const s = index.stats;
  console.log(
    `  province: ${CITIES.length} cities, ${geo.counties.length} counties, ${geo.townships.length} townships, ${geo.villages.length} villages; positions generated in ${(genMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `  index: ${s.indexed} of ${s.positions} positions (dropped: ${s.droppedSeason} out of season, ${s.droppedHeadcount} full, ${s.droppedValidity} closed), ${s.trees} trees, ${s.nodes} nodes, built in ${buildMs.toFixed(0)} ms`,
  );

  // --- All workers, in threads.
  const wallStarted = performance.now();
  const shards: Promise<ShardResult>[] = [];
  for (let t = 0; t < THREADS; t++) {
    shards.push(runThread(Math.floor((t * WORKERS) / THREADS), Math.floor(((t + 1) * WORKERS) / THREADS)));
  }
  const results = await Promise.all(shards);
  const wallSeconds = (performance.now() - wallStarted) / 1000;
  const processMaxRss = process.resourceUsage().maxRSS * 1024;
  const totalScored = results.reduce((sum, r) => sum + r.scored, 0);
  const topSeconds = results.reduce((sum, r) => sum + r.topMs, 0) / 1000;
  const withMatches = results.reduce((sum, r) => {
    let n = 0;
    for (let j = 0; j < r.to - r.from; j++) if (r.positionIndex[j * K]! >= 0) n++;
    return sum + n;
  }, 0);
  console.log(`  all ${WORKERS} workers in ${wallSeconds.toFixed(1)} s wall`);
  for (const r of results) {
    console.log(
      `    thread ${r.from}–${r.to - 1}: index built in ${(r.buildMs / 1000).toFixed(1)} s (incl. generating positions), workers generated in ${(r.generateMs / 1000).toFixed(1)} s, top-${K} in ${(r.topMs / 1000).toFixed(1)} s, ${(r.scored / (r.to - r.from)).toFixed(0)} positions scored per worker, heap ${mb(r.heapUsed)} MB`,
    );
  }
  const shardOf = (i: number) => results.find((r) => i >= r.from && i < r.to)!;

  // --- The sample: index vs brute force, in this thread, same workers.
  const sample: MatchWorker[] = [];
  for (let j = 0; j < SAMPLE; j++) sample.push(workerAt(Math.floor((j * WORKERS) / SAMPLE), geo));
  const sampleIds = Array.from({ length: SAMPLE }, (_, j) => Math.floor((j * WORKERS) / SAMPLE));
  // Warm the main thread's index up first (the threads' is warm after a few thousand workers).
  for (let j = 0; j < 2_000; j++) index.top(workerAt(WORKERS + j, geo), K);
  const scoredBefore = index.stats.scored;
  let t = performance.now();
  const fast = sample.map((w) => index.top(w, K));
  const indexMs = performance.now() - t;
  const sampleScored = index.stats.scored - scoredBefore;
  t = performance.now();
  const brute = sample.map((w) => rankPositions(w, all, K, CTX));
  const bruteMs = performance.now() - t;
  let mismatches = 0;
  let threadMismatches = 0;
  const examples: string[] = [];
  for (let j = 0; j < SAMPLE; j++) {
    if (!sameMatches(fast[j]!, brute[j]!)) {
      mismatches++;
      if (examples.length < 5) {
        examples.push(
          `${sample[j]!.workerId} (${sample[j]!.travelScope}, ${sample[j]!.labourClass}): index [${fast[j]!.map((m) => `${m.positionId} ${m.score}`).join(', ')}] brute force [${brute[j]!.map((m) => `${m.positionId} ${m.score}`).join(', ')}]`,
        );
      }
    }
    const r = shardOf(sampleIds[j]!);
    const base = (sampleIds[j]! - r.from) * K;
    const fromThread = brute[j]!.every(
      (m, i) => all[r.positionIndex[base + i]!]?.positionId === m.positionId && r.score[base + i] === m.score,
    );
    const count = Array.from(r.positionIndex.subarray(base, base + K)).filter((p) => p >= 0).length;
    if (!fromThread || count !== brute[j]!.length) threadMismatches++;
  }
  const indexPerWorker = indexMs / SAMPLE;
  const brutePerWorker = bruteMs / SAMPLE;
  const ratio = brutePerWorker / indexPerWorker;

  // --- The month's push: every willing unemployed worker (in this synthetic registry, every
  // worker able to work: labour class not 无劳动能力), with their top-10 from the threads.
  const pushConfig = parsePushConfig(PUSH);
  const memBeforePush = process.memoryUsage().rss;
  t = performance.now();
  const pushWorkers: PushWorker[] = [];
  let willing = 0;
  for (const r of results) {
    for (let i = r.from; i < r.to; i++) {
      const flags = r.flags[i - r.from]!;
      if ((flags & 1) === 0) continue;
      willing++;
      const base = (i - r.from) * K;
      const ranked = [];
      for (let j = 0; j < K; j++) {
        const p = r.positionIndex[base + j]!;
        if (p < 0) break;
        // Reasons are written for the pushes only (below): 10 M strings would not fit the job's memory.
        ranked.push({ positionId: all[p]!.positionId, score: r.score[base + j]!, reason: '' });
      }
      pushWorkers.push({ workerId: `w${pad(i, 7)}`, priority: (flags & 2) !== 0, relocated: (flags & 4) !== 0, ranked });
    }
  }
  const open = new Map<string, { openHeadcount: number; relocationReservedShare?: number }>();
  for (const p of all) {
    if (p.filled >= p.headcount) continue;
    open.set(p.positionId, {
      openHeadcount: p.headcount - p.filled,
      ...(p.relocationReservedShare !== undefined ? { relocationReservedShare: p.relocationReservedShare } : {}),
    });
  }
  const prepareMs = performance.now() - t;
  t = performance.now();
  const plan = planPush({ workers: pushWorkers, positions: open, existing: [], config: pushConfig });
  const planMs = performance.now() - t;
  t = performance.now();
  // The reasons of a sample of the pushes (every one's score checked against the scorer on the way).
  const byId = new Map(all.map((p) => [p.positionId, p]));
  const reasonStep = Math.max(1, Math.ceil(plan.pushes.length / REASON_SAMPLE));
  let reasonsWritten = 0;
  for (let j = 0; j < plan.pushes.length; j += reasonStep) {
    const push = plan.pushes[j]!;
    const m = scoreMatch(workerAt(Number(push.workerId.slice(1)), geo), byId.get(push.positionId)!, CTX);
    if (!m.ok || m.score !== push.score) throw new Error(`push ${push.workerId} → ${push.positionId} does not score as ranked`);
    push.reason = m.reason;
    reasonsWritten++;
  }
  const reasonMs = performance.now() - t;
  const pushRss = process.memoryUsage().rss;
  // Capacity, checked independently of planPush's own figure.
  const perPosition = new Map<string, number>();
  for (const p of plan.pushes) perPosition.set(p.positionId, (perPosition.get(p.positionId) ?? 0) + 1);
  let maxRatio = 0;
  for (const [id, c] of perPosition) maxRatio = Math.max(maxRatio, c / open.get(id)!.openHeadcount);
  const priorityWorkers = pushWorkers.filter((w) => w.priority);
  const reachedIds = new Set(plan.pushes.map((p) => p.workerId));
  const priorityReached = priorityWorkers.filter((w) => reachedIds.has(w.workerId)).length;
  const withRanked = pushWorkers.filter((w) => w.ranked.length > 0).length;
  const again = planPush({ workers: pushWorkers, positions: open, existing: plan.pushes, config: pushConfig }).pushes.length;

  // --- Figures.
  const indexRate = WORKERS / wallSeconds;
  console.log(`\nTop-${K} positions per worker: ${POSITIONS} positions, ${WORKERS} workers (${SAMPLE} sampled for brute force)`);
  console.log(
    'method                          workers      time         per worker   workers/s   positions scored/worker   exact',
  );
  const line = (name: string, n: number, seconds: string, perWorker: number, rate: string, scored: string, exact: string) =>
    console.log(
      [
        name.padEnd(30),
        String(n).padStart(8),
        seconds.padStart(11),
        `${perWorker.toFixed(3)} ms`.padStart(13),
        rate.padStart(11),
        scored.padStart(25),
        exact.padStart(7),
      ].join(' '),
    );
  line(
    `index, ${THREADS} threads (all)`,
    WORKERS,
    `${wallSeconds.toFixed(1)} s`,
    (wallSeconds * 1000 * THREADS) / WORKERS,
    indexRate.toFixed(0),
    (totalScored / WORKERS).toFixed(0),
    `${threadMismatches === 0 ? 'yes' : 'NO'}`,
  );
  line(
    'index, 1 thread (sample)',
    SAMPLE,
    `${(indexMs / 1000).toFixed(2)} s`,
    indexPerWorker,
    (1000 / indexPerWorker).toFixed(0),
    (sampleScored / SAMPLE).toFixed(0),
    mismatches === 0 ? 'yes' : 'NO',
  );
  line(
    'rankPositions brute (sample)',
    SAMPLE,
    `${(bruteMs / 1000).toFixed(2)} s`,
    brutePerWorker,
    (1000 / brutePerWorker).toFixed(0),
    String(POSITIONS),
    'ref',
  );
  console.log(
    `  threads' time in top-${K} alone: ${topSeconds.toFixed(1)} s of thread time; workers with at least one match: ${withMatches} (${((100 * withMatches) / WORKERS).toFixed(1)}%)`,
  );
  console.log(
    `  peak RSS of the process (threads share it; includes the main thread's index and sample): ${mb(processMaxRss)} MB; each thread's heap at its end is listed above`,
  );
  console.log(
    `  Speed per worker: index ${indexPerWorker.toFixed(3)} ms vs brute force ${brutePerWorker.toFixed(1)} ms: ${ratio.toFixed(0)}× faster.`,
  );
  console.log(
    `  Mismatches index vs rankPositions (ids, order, scores, reasons): ${mismatches} of ${SAMPLE}; threads vs rankPositions: ${threadMismatches} of ${SAMPLE}.`,
  );
  for (const e of examples) console.log(`    ${e}`);

  console.log(
    `\nPush (k = ${pushConfig.k} per open headcount, N = ${pushConfig.n} per worker): willing unemployed = labour class not 无劳动能力 (the synthetic registry has no employment status)`,
  );
  console.log(
    '  workers   with matches   priority   pushes    reached   priority reached   open positions   max pushes/open headcount   time',
  );
  console.log(
    [
      String(willing).padStart(9),
      String(withRanked).padStart(14),
      String(priorityWorkers.length).padStart(10),
      String(plan.pushes.length).padStart(8),
      String(plan.stats.workersReached).padStart(10),
      String(priorityReached).padStart(18),
      String(open.size).padStart(16),
      `${plan.stats.maxPushesPerOpenHeadcount.toFixed(2)} (checked ${maxRatio.toFixed(2)})`.padStart(27),
      `${(planMs / 1000).toFixed(2)} s`.padStart(8),
    ].join(' '),
  );
  console.log(
    `  planPush ${(planMs / 1000).toFixed(2)} s (+ ${(prepareMs / 1000).toFixed(1)} s gathering the ranked lists; RSS ${mb(memBeforePush)} → ${mb(pushRss)} MB); re-run with everything pushed: ${again} new pushes.`,
  );
  console.log(
    `  reasons: ${reasonsWritten} of the ${plan.pushes.length} pushes written and their scores checked against scoreMatch in ${(reasonMs / 1000).toFixed(1)} s (about ${(((reasonMs / reasonsWritten) * plan.pushes.length) / 1000).toFixed(0)} s for all, in this thread).`,
  );

  const ok =
    mismatches === 0 &&
    threadMismatches === 0 &&
    maxRatio <= pushConfig.k &&
    plan.stats.maxPushesPerOpenHeadcount <= pushConfig.k &&
    again === 0;
  console.log(
    `\nGoals: ${WORKERS} workers in ≤ ${GOAL_SECONDS} s (${wallSeconds.toFixed(1)} s: ${wallSeconds <= GOAL_SECONDS ? 'met' : 'NOT met'}); ≥ ${GOAL_RATIO}× faster per worker (${ratio.toFixed(0)}×: ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'}); 0 mismatches (${mismatches + threadMismatches === 0 ? 'met' : 'NOT met'}); pushes per open headcount ≤ ${pushConfig.k} (${maxRatio.toFixed(2)}: ${maxRatio <= pushConfig.k ? 'met' : 'NOT met'}); re-run adds nothing (${again === 0 ? 'met' : 'NOT met'}).`,
  );
  if (!ok) process.exitCode = 1;
}

if (!isMainThread && (workerData as { bench?: boolean } | null)?.bench) threadMain();
else if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
