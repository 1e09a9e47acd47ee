/**
 * Exact fast top-k of 人岗匹配: the same answer as `rankPositions` (the scorer over every
 * position), found by scoring only the positions that could make the top k. Pure, no I/O:
 * built once per run (the monthly push, a batch of recommendations) over the open
 * positions, then asked once per worker.
 *
 * Build:
 * - positions no worker can be offered today are dropped once (the scorer's
 *   worker-independent filters: out of season, headcount full, past validity);
 * - the rest are grouped by what the worker-dependent hard filters read of a position
 *   apart from where it is: (suits half labour, suits weak labour, form, requires a
 *   certificate). A group passes the labour-class and job-type filters for a worker as a
 *   whole or fails them as a whole, and a worker holding no certificate skips every
 *   group requiring one;
 * - each group is indexed for the whole province ("global") and per region bucket
 *   (province = 2 digits, city 4, county 6 of the position's region code), each as a
 *   k-d tree of tight lat/lng boxes with leaves of a few positions. Every node also keeps
 *   what bounds its positions' soft factors: the occupations in it (a bit set), the
 *   employer kinds and relocation shares in it (bit sets), the highest monthly pay and
 *   whether there is piece work, the best recency, whether any provides accommodation.
 *
 * Query (best-first branch and bound, as k-nearest-neighbour search in an R-tree, with
 * the score in place of the distance): the trees the worker's travel scope can reach go
 * into one heap ordered by an upper bound of the score of anything under a node, highest
 * first; nodes are expanded in that order, leaves scored with the real scorer
 * (`scoreOnly`), the k best kept (score descending, then positionId). Travel scope `any`
 * searches the global trees; `province`, `city` and `county` the worker's own bucket
 * without a radius plus the global trees within the local radius (skipping positions of
 * the worker's own bucket, found there already); `local` the global trees within the
 * local radius. The search stops when the best bound left is below the k-th score.
 *
 * A node's bound is the scorer's own sum (`weightedTotal`, the same floating-point
 * additions) of, per factor, the best any position under it can reach for this worker:
 * distance: `distanceScore` of a lower bound of the distance from home to the node's box
 * (the decay never rises with distance) — at the same time, never above the scorer's own
 * `bestScoreAtDistance(worker, that distance)`, which is checked too; skill: the best
 * `skillScore` of the worker's skills over the node's occupations; pay: `payScore` of the
 * highest monthly pay in the node (the score never falls as pay rises), or of piece work;
 * accommodation: `accommodationScore` at the node's distance, with accommodation if any
 * position has it; recency: the best of the node's positions (it does not depend on the
 * worker); employer kind and priority: the best `employerKindScore` / `priorityScore` over
 * one position of each (employer kind, public welfare) and each relocation share in the
 * node — the only fields of a position those two read. Each term is ≥ the factor of every
 * position under the node, float products and sums by positive weights are monotone, so
 * the bound is ≥ every such position's score; a margin of 1e-12 covers Math.exp.
 *
 * Why it is exact: a position is left unscored only if (a) it fails a hard filter for
 * every worker (dropped at build), or for this worker (its group's labour class, form or
 * certificate; its box lies beyond the local radius and it is outside the worker's region
 * — the distance bound of a box is the exact spherical minimum, lowered by a hair against
 * rounding, so never above the scorer's haversine), so `rankPositions` refuses it too;
 * or (b) the search stopped with every node left having a bound strictly below the k-th
 * best score: all their positions score below it and could not enter the top k, not even
 * on a tie (ties go to the lower positionId, so an equal bound is still searched: the
 * test is <, never ≤). The kept positions are scored again with `scoreMatch` for the
 * answer, so scores, factors and reasons are the scorer's very own, in `compareMatches`
 * order. The unit tests compare with rankPositions on random data for every scope; the
 * benchmark on 1,000 workers of a synthetic province.
 */
import { todayOf } from './dates.js';
import { accommodationScore, distanceScore, employerKindScore, fillFactorScores, monthlyPayFen, payScore, priorityScore, weightedTotal } from './factors.js';
import { skillScore } from './skills.js';
import { inSeasonWindow, labourAllows } from './filters.js';
import { compareMatches, scoreMatch, scoreOnly, type OkMatch } from './scorer.js';
import { FACTORS, type MatchContext, type MatchPosition, type MatchWorker } from './types.js';
import type { JobType } from '../registry/labels.js';
import { LOCAL_RADIUS_KM } from './weights.js';

/** Positions per leaf: small enough to skip most of a town's jobs, big enough to keep the heap short. */
const LEAF_SIZE = 2;
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/** Over float rounding in Math.exp, as the scorer's own bound. */
const BOUND_MARGIN = 1e-12;

const F_DISTANCE = FACTORS.indexOf('distance');
const F_SKILL = FACTORS.indexOf('skill');
const F_PAY = FACTORS.indexOf('pay');
const F_ACCOMMODATION = FACTORS.indexOf('accommodation');
const F_RECENCY = FACTORS.indexOf('recency');
const F_EMPLOYER_KIND = FACTORS.indexOf('employerKind');
const F_PRIORITY = FACTORS.indexOf('priority');

export interface PositionIndexStats {
  /** Positions given to the build. */
  positions: number;
  /** Dropped at build: nobody can be offered them today. */
  droppedSeason: number;
  droppedHeadcount: number;
  droppedValidity: number;
  /** Indexed. */
  indexed: number;
  trees: number;
  nodes: number;
  /** Since the build: workers asked, positions scored, tree nodes taken off the heap. */
  queries: number;
  scored: number;
  nodesVisited: number;
}

export interface PositionIndex {
  /** The worker's k best positions: the same positions, order and scores as rankPositions. */
  top(worker: MatchWorker, k: number): OkMatch[];
  readonly stats: PositionIndexStats;
}

/** The part of a position the worker-dependent, place-independent hard filters read. */
interface Group {
  form: JobType;
  needsCertificate: boolean;
  /** A position of the group, for labourAllows (which reads suitsHalfLabour, suitsWeakLabour). */
  sample: MatchPosition;
}

interface Tree {
  group: number;
  root: number;
}

/**
 * Small integer ids of the distinct values of a trait, with one position having each (to
 * ask the scorer what that value is worth to a worker); ids beyond `bits` share the last
 * one, which then stands for "the best there is".
 */
class Traits {
  readonly ids = new Map<string, number>();
  readonly samples: MatchPosition[] = [];
  constructor(readonly bits: number) {}
  id(key: string, position: MatchPosition): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = Math.min(this.samples.length, this.bits - 1);
      this.ids.set(key, id);
      if (this.samples.length < this.bits) this.samples.push(position);
    }
    return id;
  }
  /** Whether the last id is shared (its sample does not stand for all). */
  get overflow(): boolean {
    return this.ids.size > this.bits;
  }
}

/**
 * A worker's score per trait id, as levels: the distinct scores, best first, each with the
 * bit set of the ids scoring at least that. best(mask) is the score of the first level the
 * mask meets.
 */
class Levels {
  values = new Float64Array(0);
  lo = new Int32Array(0);
  hi = new Int32Array(0);
  count = 0;
  /** scores[i]: what trait id i is worth (ids 0..63). */
  set(scores: Float64Array, length: number) {
    if (this.values.length < length) {
      this.values = new Float64Array(length);
      this.lo = new Int32Array(length);
      this.hi = new Int32Array(length);
    }
    // Distinct scores, best first (a handful: insertion sort).
    let count = 0;
    for (let i = 0; i < length; i++) {
      const s = scores[i]!;
      let at = 0;
      while (at < count && this.values[at]! > s) at++;
      if (at < count && this.values[at] === s) continue;
      for (let j = count; j > at; j--) this.values[j] = this.values[j - 1]!;
      this.values[at] = s;
      count++;
    }
    for (let l = 0; l < count; l++) {
      let lo = 0;
      let hi = 0;
      for (let i = 0; i < length; i++) {
        if (scores[i]! < this.values[l]!) continue;
        if (i < 32) lo |= 1 << i;
        else hi |= 1 << (i - 32);
      }
      this.lo[l] = lo;
      this.hi[l] = hi;
    }
    this.count = count;
  }
  best(lo: number, hi: number): number {
    for (let l = 0; l < this.count; l++) if ((lo & this.lo[l]!) !== 0 || (hi & this.hi[l]!) !== 0) return this.values[l]!;
    return 0;
  }
}

/** Great-circle distance between two points given in radians (the scorer's formula). */
function haversineRad(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const sLat = Math.sin((lat2 - lat1) / 2);
  const sLng = Math.sin((lng2 - lng1) / 2);
  const h = sLat * sLat + Math.cos(lat1) * Math.cos(lat2) * sLng * sLng;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A lower bound of the great-circle distance (km) from a point to anything in a lat/lng
 * box, both in degrees. Inside the box's longitudes the nearest point is straight north
 * or south. Outside them the nearest point is on the nearer edge meridian (moving along
 * a parallel towards the point only brings it closer); along a meridian the distance is
 * unimodal, least at the foot of the perpendicular, atan(tan φ / cos Δλ), clamped into the
 * box's latitudes. Lowered a hair against rounding.
 */
export function boxDistanceLowerBoundKm(
  lat: number,
  lng: number,
  minLat: number,
  maxLat: number,
  minLng: number,
  maxLng: number,
): number {
  let km: number;
  if (lng >= minLng && lng <= maxLng) {
    if (lat < minLat) km = (minLat - lat) * RAD * EARTH_RADIUS_KM;
    else if (lat > maxLat) km = (lat - maxLat) * RAD * EARTH_RADIUS_KM;
    else return 0;
  } else {
    const edge = lng < minLng ? minLng : maxLng;
    const dLng = Math.abs(edge - lng) * RAD;
    if (dLng >= Math.PI / 2) return 0; // not in one province; no bound needed
    const phi = lat * RAD;
    let foot = Math.atan(Math.tan(phi) / Math.cos(dLng));
    const lo = minLat * RAD;
    const hi = maxLat * RAD;
    if (foot < lo) foot = lo;
    else if (foot > hi) foot = hi;
    km = haversineRad(phi, lng * RAD, foot, edge * RAD);
  }
  return Math.max(0, km * (1 - 1e-9) - 1e-6);
}

/** A binary min-heap of (bound, node, mode), in parallel typed arrays, reused across queries. */
class NodeHeap {
  key = new Float64Array(256);
  node = new Int32Array(256);
  mode = new Int8Array(256);
  size = 0;

  clear() {
    this.size = 0;
  }

  push(key: number, node: number, mode: number) {
    if (this.size === this.key.length) {
      const grow = <T extends Float64Array | Int32Array | Int8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.key = grow(this.key, (n) => new Float64Array(n));
      this.node = grow(this.node, (n) => new Int32Array(n));
      this.mode = grow(this.mode, (n) => new Int8Array(n));
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.key[parent]! <= key) break;
      this.key[i] = this.key[parent]!;
      this.node[i] = this.node[parent]!;
      this.mode[i] = this.mode[parent]!;
      i = parent;
    }
    this.key[i] = key;
    this.node[i] = node;
    this.mode[i] = mode;
  }

  /** Removes the top (read it first from key[0], node[0], mode[0]). */
  pop() {
    const last = --this.size;
    if (last === 0) return;
    const key = this.key[last]!;
    const node = this.node[last]!;
    const mode = this.mode[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.key[child + 1]! < this.key[child]!) child++;
      if (this.key[child]! >= key) break;
      this.key[i] = this.key[child]!;
      this.node[i] = this.node[child]!;
      this.mode[i] = this.mode[child]!;
      i = child;
    }
    this.key[i] = key;
    this.node[i] = node;
    this.mode[i] = mode;
  }
}

// Heap modes: how a tree is searched for this worker.
/** The worker's own region (or the whole index for `any`): no radius. */
const UNLIMITED = 0;
/** Only within the local radius. */
const NEAR = 1;

const PREFIX_OF_SCOPE = { province: 2, city: 4, county: 6 } as const;
/** Bit sets: occupations in two 32-bit words, employer kinds and relocation shares in one. */
const OCCUPATION_BITS = 64;
const KIND_BITS = 32;
const SHARE_BITS = 32;

export function createPositionIndex(positions: readonly MatchPosition[], ctx: MatchContext): PositionIndex {
  const today = todayOf(ctx.today);
  const stats: PositionIndexStats = {
    positions: positions.length,
    droppedSeason: 0,
    droppedHeadcount: 0,
    droppedValidity: 0,
    indexed: 0,
    trees: 0,
    nodes: 0,
    queries: 0,
    scored: 0,
    nodesVisited: 0,
  };

  // --- Positions nobody can be offered today (the scorer's own checks).
  const kept: MatchPosition[] = [];
  for (const p of positions) {
    if (!inSeasonWindow(p, today)) stats.droppedSeason++;
    else if (p.filled >= p.headcount) stats.droppedHeadcount++;
    else if (today.iso > p.validUntil) stats.droppedValidity++;
    else kept.push(p);
  }
  stats.indexed = kept.length;
  const n = kept.length;

  // --- Per position: place, region prefixes, and the traits bounding its soft factors.
  const lat = new Float64Array(n);
  const lng = new Float64Array(n);
  const occupationId = new Int32Array(n);
  const kindId = new Int32Array(n);
  const shareId = new Int32Array(n);
  const monthly = new Float64Array(n); // −Infinity: piece work
  const recency = new Float64Array(n);
  const occupations = new Traits(OCCUPATION_BITS);
  const kinds = new Traits(KIND_BITS);
  const shares = new Traits(SHARE_BITS);
  const prefixIds = new Map<string, number>();
  const prefixId = (prefix: string) => {
    let id = prefixIds.get(prefix);
    if (id === undefined) prefixIds.set(prefix, (id = prefixIds.size));
    return id;
  };
  const prefixOf = { 2: new Int32Array(n), 4: new Int32Array(n), 6: new Int32Array(n) };
  const probe: MatchWorker = {
    workerId: '',
    villageCode: '',
    home: { lat: 0, lng: 0 },
    homeIsVillageCentre: false,
    labourClass: 'full',
    travelScope: 'any',
    jobTypes: [],
    skills: [],
    certificates: [],
    groups: [],
  };
  const factorScratch = new Float64Array(FACTORS.length);
  for (let i = 0; i < n; i++) {
    const p = kept[i]!;
    lat[i] = p.location.lat;
    lng[i] = p.location.lng;
    occupationId[i] = occupations.id(p.occupation, p);
    kindId[i] = kinds.id(`${p.employerKind}|${p.publicWelfare}`, p);
    shareId[i] = shares.id(String(p.relocationReservedShare), p);
    monthly[i] = monthlyPayFen(p.pay) ?? -Infinity;
    // Recency reads only the position and today: the scorer's own number, with any worker.
    fillFactorScores(probe, p, today, 0, factorScratch);
    recency[i] = factorScratch[F_RECENCY]!;
    // A code too short for a level has a bucket of its own there ("6:"), which no worker's is
    // (a worker's code too short has none): as the scorer's samePrefix, it matches nobody.
    const code = p.regionCode;
    for (const len of [2, 4, 6] as const) prefixOf[len][i] = prefixId(`${len}:${code.length >= len ? code.slice(0, len) : ''}`);
  }

  // --- Groups.
  const groups: Group[] = [];
  const groupIds = new Map<string, number>();
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = kept[i]!;
    const needsCertificate = p.requiredCertificates.length > 0;
    const key = `${+p.suitsHalfLabour}${+p.suitsWeakLabour}${+needsCertificate}${p.form}`;
    let g = groupIds.get(key);
    if (g === undefined) {
      g = groups.length;
      groupIds.set(key, g);
      groups.push({ form: p.form, needsCertificate, sample: p });
    }
    groupOf[i] = g;
  }

  // --- Trees: per bucket ("global" or a region prefix), one per group; nodes in a pool.
  const node = {
    minLat: [] as number[],
    maxLat: [] as number[],
    minLng: [] as number[],
    maxLng: [] as number[],
    left: [] as number[], // −1: a leaf
    right: [] as number[],
    start: [] as number[], // a leaf's positions: order[start..end)
    end: [] as number[],
    occLo: [] as number[],
    occHi: [] as number[],
    kinds: [] as number[],
    shares: [] as number[],
    maxMonthly: [] as number[],
    piece: [] as number[],
    accommodation: [] as number[],
    maxRecency: [] as number[],
  };
  const orderList: number[] = [];
  const build = (items: number[], lo: number, hi: number): number => {
    const id = node.minLat.length;
    node.minLat.push(Infinity);
    node.maxLat.push(-Infinity);
    node.minLng.push(Infinity);
    node.maxLng.push(-Infinity);
    node.left.push(-1);
    node.right.push(-1);
    node.start.push(0);
    node.end.push(0);
    let occLo = 0;
    let occHi = 0;
    let kindSet = 0;
    let shareSet = 0;
    let maxMonthly = -Infinity;
    let piece = 0;
    let accommodation = 0;
    let maxRecency = 0;
    for (let j = lo; j < hi; j++) {
      const i = items[j]!;
      node.minLat[id] = Math.min(node.minLat[id]!, lat[i]!);
      node.maxLat[id] = Math.max(node.maxLat[id]!, lat[i]!);
      node.minLng[id] = Math.min(node.minLng[id]!, lng[i]!);
      node.maxLng[id] = Math.max(node.maxLng[id]!, lng[i]!);
      const o = occupationId[i]!;
      if (o < 32) occLo |= 1 << o;
      else occHi |= 1 << (o - 32);
      kindSet |= 1 << kindId[i]!;
      shareSet |= 1 << shareId[i]!;
      if (monthly[i] === -Infinity) piece = 1;
      else maxMonthly = Math.max(maxMonthly, monthly[i]!);
      if (kept[i]!.accommodation) accommodation = 1;
      maxRecency = Math.max(maxRecency, recency[i]!);
    }
    node.occLo.push(occLo);
    node.occHi.push(occHi);
    node.kinds.push(kindSet);
    node.shares.push(shareSet);
    node.maxMonthly.push(maxMonthly);
    node.piece.push(piece);
    node.accommodation.push(accommodation);
    node.maxRecency.push(maxRecency);
    if (hi - lo <= LEAF_SIZE) {
      node.start[id] = orderList.length;
      for (let j = lo; j < hi; j++) orderList.push(items[j]!);
      node.end[id] = orderList.length;
      return id;
    }
    // Split the longer side (in km) at the median.
    const byLat = node.maxLat[id]! - node.minLat[id]! >= (node.maxLng[id]! - node.minLng[id]!) * Math.cos(((node.minLat[id]! + node.maxLat[id]!) / 2) * RAD);
    const coord = byLat ? lat : lng;
    const part = items.slice(lo, hi).sort((a, b) => coord[a]! - coord[b]! || a - b);
    for (let j = lo; j < hi; j++) items[j] = part[j - lo]!;
    const mid = (lo + hi) >> 1;
    const left = build(items, lo, mid);
    const right = build(items, mid, hi);
    node.left[id] = left;
    node.right[id] = right;
    return id;
  };

  const GLOBAL = -2;
  const buckets = new Map<number, Tree[]>(); // prefix id (or GLOBAL) → trees
  /** The buckets of each level, with the box around all their positions. */
  const levels = { 2: [] as number[], 4: [] as number[], 6: [] as number[] };
  const addBucket = (bucket: number, members: Iterable<number>) => {
    const byGroup = new Map<number, number[]>();
    for (const i of members) {
      const g = groupOf[i]!;
      let list = byGroup.get(g);
      if (!list) byGroup.set(g, (list = []));
      list.push(i);
    }
    const trees: Tree[] = [];
    for (const [group, items] of [...byGroup].sort((a, b) => a[0] - b[0])) trees.push({ group, root: build(items, 0, items.length) });
    stats.trees += trees.length;
    buckets.set(bucket, trees);
  };
  addBucket(GLOBAL, lat.keys());
  for (const len of [2, 4, 6] as const) {
    const members = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const id = prefixOf[len][i]!;
      let list = members.get(id);
      if (!list) members.set(id, (list = []));
      list.push(i);
    }
    for (const [id, list] of members) {
      addBucket(id, list);
      levels[len].push(id);
    }
  }

  const minLatOf = Float64Array.from(node.minLat);
  const maxLatOf = Float64Array.from(node.maxLat);
  const minLngOf = Float64Array.from(node.minLng);
  const maxLngOf = Float64Array.from(node.maxLng);
  const leftOf = Int32Array.from(node.left);
  const rightOf = Int32Array.from(node.right);
  const startOf = Int32Array.from(node.start);
  const endOf = Int32Array.from(node.end);
  const occLoOf = Int32Array.from(node.occLo);
  const occHiOf = Int32Array.from(node.occHi);
  const kindsOf = Int32Array.from(node.kinds);
  const sharesOf = Int32Array.from(node.shares);
  const maxMonthlyOf = Float64Array.from(node.maxMonthly);
  const pieceOf = Uint8Array.from(node.piece);
  const accommodationOf = Uint8Array.from(node.accommodation);
  const maxRecencyOf = Float64Array.from(node.maxRecency);
  const order = Int32Array.from(orderList);
  stats.nodes = minLatOf.length;
  const bucketBox = new Map<number, [number, number, number, number]>();
  for (const [bucket, trees] of buckets) {
    const box: [number, number, number, number] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const { root } of trees) {
      box[0] = Math.min(box[0], minLatOf[root]!);
      box[1] = Math.max(box[1], maxLatOf[root]!);
      box[2] = Math.min(box[2], minLngOf[root]!);
      box[3] = Math.max(box[3], maxLngOf[root]!);
    }
    bucketBox.set(bucket, box);
  }

  // --- Per query, reused.
  const heap = new NodeHeap();
  const skillLevels = new Levels();
  const kindLevels = new Levels();
  const shareLevels = new Levels();
  const bound = new Float64Array(FACTORS.length);
  const monthPay: MatchPosition['pay'] = { unit: 'month', minFen: 0, maxFen: 0 };
  const piecePay: MatchPosition['pay'] = { unit: 'piece', minFen: 0, maxFen: 0 };
  const groupOpen = new Uint8Array(groups.length);
  const traitScratch = new Float64Array(OCCUPATION_BITS);
  let bestScore = new Float64Array(16);
  let bestIndex = new Int32Array(16);

  function top(worker: MatchWorker, k: number): OkMatch[] {
    stats.queries++;
    if (!(k >= 1) || n === 0) return [];
    let anyOpen = false;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      const open =
        labourAllows(worker, group.sample) &&
        // The job-type filter (the scorer's rule: no wish means any kind of work).
        (worker.jobTypes.length === 0 || worker.jobTypes.includes(group.form)) &&
        !(group.needsCertificate && worker.certificates.length === 0);
      groupOpen[g] = open ? 1 : 0;
      anyOpen ||= open;
    }
    if (!anyOpen) return [];

    // What each trait is worth to this worker; an overflowing trait id stands for any value (1).
    const worth = (traits: Traits, levels: Levels, score: (sample: MatchPosition) => number) => {
      const length = traits.samples.length;
      for (let i = 0; i < length; i++) traitScratch[i] = traits.overflow && i === traits.bits - 1 ? 1 : score(traits.samples[i]!);
      levels.set(traitScratch, length);
    };
    worth(occupations, skillLevels, (sample) => skillScore(worker.skills, sample.occupation));
    worth(kinds, kindLevels, (sample) => employerKindScore(worker, sample));
    worth(shares, shareLevels, (sample) => priorityScore(worker, sample));
    const expected = worker.expectedMonthlyWageFen;
    const pieceScore = payScore(piecePay, expected);

    const homeLat = worker.home.lat;
    const homeLng = worker.home.lng;
    /** The bound of a node, given the lower bound of its distance. */
    const nodeBound = (id: number, km: number) => {
      bound[F_DISTANCE] = distanceScore(km);
      bound[F_SKILL] = skillLevels.best(occLoOf[id]!, occHiOf[id]!);
      let pay = pieceOf[id] ? pieceScore : 0;
      if (maxMonthlyOf[id] !== -Infinity) {
        monthPay.minFen = monthPay.maxFen = maxMonthlyOf[id]!;
        pay = Math.max(pay, payScore(monthPay, expected));
      }
      bound[F_PAY] = pay;
      bound[F_ACCOMMODATION] = accommodationScore(km, accommodationOf[id] === 1);
      bound[F_RECENCY] = maxRecencyOf[id]!;
      bound[F_EMPLOYER_KIND] = kindLevels.best(kindsOf[id]!, 0);
      bound[F_PRIORITY] = shareLevels.best(sharesOf[id]!, 0);
      return weightedTotal(bound) + BOUND_MARGIN;
    };
    heap.clear();
    /** Pushes a node unless it is out of reach; the heap's key is −bound (highest bound first). */
    const offer = (id: number, mode: number) => {
      const km = boxDistanceLowerBoundKm(homeLat, homeLng, minLatOf[id]!, maxLatOf[id]!, minLngOf[id]!, maxLngOf[id]!);
      if (mode !== UNLIMITED && km > LOCAL_RADIUS_KM) return;
      heap.push(-nodeBound(id, km), id, mode);
    };
    const seed = (bucket: number, mode: number) => {
      for (const t of buckets.get(bucket) ?? []) if (groupOpen[t.group]) offer(t.root, mode);
    };
    const scope = worker.travelScope;
    if (scope === 'any') seed(GLOBAL, UNLIMITED);
    else if (scope === 'local') seed(GLOBAL, NEAR);
    else {
      // The worker's own county, city or province without a radius; the others' within it.
      const len = PREFIX_OF_SCOPE[scope];
      const own = worker.villageCode.length >= len ? prefixIds.get(`${len}:${worker.villageCode.slice(0, len)}`) : undefined;
      for (const bucket of levels[len]) {
        if (bucket === own) seed(bucket, UNLIMITED);
        else {
          const [minLat, maxLat, minLng, maxLng] = bucketBox.get(bucket)!;
          if (boxDistanceLowerBoundKm(homeLat, homeLng, minLat, maxLat, minLng, maxLng) <= LOCAL_RADIUS_KM) seed(bucket, NEAR);
        }
      }
    }

    // The k best so far, best first: score and kept-index.
    if (bestScore.length < k) {
      bestScore = new Float64Array(k);
      bestIndex = new Int32Array(k);
    }
    let count = 0;
    /** Whether (score, i) ranks before the j-th kept (score desc, then positionId asc). */
    const before = (score: number, i: number, j: number) =>
      score > bestScore[j]! || (score === bestScore[j]! && kept[i]!.positionId < kept[bestIndex[j]!]!.positionId);

    while (heap.size > 0) {
      const nodeUpper = -heap.key[0]!;
      const id = heap.node[0]!;
      const mode = heap.mode[0]!;
      heap.pop();
      // Every node left bounds below the k-th: done (< not ≤: an equal score may still win on its id).
      if (count === k && nodeUpper < bestScore[k - 1]!) break;
      stats.nodesVisited++;
      const left = leftOf[id]!;
      if (left >= 0) {
        offer(left, mode);
        offer(rightOf[id]!, mode);
        continue;
      }
      for (let j = startOf[id]!; j < endOf[id]!; j++) {
        const i = order[j]!;
        stats.scored++;
        const score = scoreOnly(worker, kept[i]!, ctx);
        if (score === undefined) continue;
        if (count === k && !before(score, i, k - 1)) continue;
        let at = count < k ? count++ : k - 1;
        while (at > 0 && before(score, i, at - 1)) {
          bestScore[at] = bestScore[at - 1]!;
          bestIndex[at] = bestIndex[at - 1]!;
          at--;
        }
        bestScore[at] = score;
        bestIndex[at] = i;
      }
    }

    const result: OkMatch[] = [];
    for (let j = 0; j < count; j++) {
      const match = scoreMatch(worker, kept[bestIndex[j]!]!, ctx);
      if (match.ok) result.push(match);
    }
    return result.sort(compareMatches);
  }

  return { top, stats };
}
