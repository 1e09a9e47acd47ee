/**
 * Exact fast top-k of 人岗匹配: the same answer as `rankPositions` (the scorer over every
 * position), found by scoring only the positions that could make the top k. Pure, no I/O:
 * built once per run (the monthly push, a batch of recommendations) over the open
 * positions, then asked once per worker (one query at a time: it reuses its buffers).
 *
 * Build:
 * - positions no worker can be offered today are dropped once (the scorer's own
 *   worker-independent filters: out of season, headcount full, past validity);
 * - the rest are grouped by what the labour-class and job-type filters read of a position:
 *   (suits half labour, suits weak labour, form). A group passes those filters for a worker
 *   as a whole or fails them as a whole (a bit set of open groups per worker);
 * - per county (6 digits of the region code), a tree per group, and for each labour class
 *   wishing for any kind of work (most workers) one "merged" tree of exactly the groups
 *   open to it: k-d trees of tight lat/lng boxes, four children per node, one position per
 *   leaf. A county node sits over its trees; k-d trees of county nodes make the whole
 *   index, each province (2 digits) and each city (4). Every node keeps what bounds its
 *   positions' soft factors: the occupations, employer kinds and relocation shares under
 *   it (bit sets), the highest monthly pay and whether there is piece work, the best
 *   recency, whether any provides accommodation, the groups.
 *
 * Query (best-first branch and bound, as k-nearest-neighbour search in an R-tree, with an
 * upper bound of the score in place of the distance): one heap of nodes, highest bound
 * first; a node's children are offered as it is taken off, leaves are scored with the real
 * scorer (`scoreOnly`) and the k best kept (score descending, then positionId). Travel
 * scope `any` starts at the whole index; `province`, `city`, `county` at the worker's own
 * region without a radius, plus the whole index within the local radius skipping the own
 * region's county nodes (found already); `local` the whole index within the local radius.
 * It stops when the best bound left is below the k-th score.
 *
 * A node's bound is the scorer's own sum (`weightedTotal`) of, per factor, the best any
 * position under it can reach for this worker: distance, `distanceScore` of a lower bound
 * of the distance from home to the node's box (the decay never rises with distance);
 * skill, the best `skillScore` of the worker's skills over the node's occupations; pay,
 * `payScore` of the highest monthly pay (the score never falls as pay rises) or of piece
 * work; accommodation, `accommodationScore` at the node's distance, with accommodation if
 * any position has it; recency, the best under the node (it does not depend on the
 * worker); employer kind and priority, the best `employerKindScore` / `priorityScore` over
 * one position of each (employer kind, public welfare) and each relocation share under the
 * node, the only fields of a position those two read. Each term is at least that factor
 * of every position under the node and at most the scorer's own best
 * (`bestScoreAtDistance` takes every factor but distance at its best anywhere), so the
 * bound refines bestScoreAtDistance; float products and sums by positive weights are
 * monotone, so it is ≥ every such position's score; a margin of 1e-12 covers Math.exp.
 *
 * Why it is exact: a position is left unscored only if (a) it fails a hard filter for
 * every worker (dropped at build) or for this worker (its group's labour class or form;
 * a certificate required of a worker holding none; its box lies beyond the local radius
 * and it is outside the worker's region — the distance bound of a box is never above the
 * scorer's haversine), so `rankPositions` refuses it too; or (b) the search stopped with
 * every node left bounding strictly below the k-th best score: their positions score
 * below it and cannot enter the top k, not even on a tie (ties go to the lower
 * positionId, so an equal bound is still searched: the test is <, never ≤). The kept
 * positions are scored again with `scoreMatch` for the answer, so scores, factors and
 * reasons are the scorer's very own, in `compareMatches` order. A position whose region
 * code is shorter than a county's (not a valid code) is scored for every worker. The unit
 * tests compare with rankPositions on random data for every scope and k; the benchmark on
 * a sample of a synthetic province.
 */
import { todayOf } from './dates.js';
import {
  accommodationScore,
  distanceScore,
  employerKindScore,
  fillFactorScores,
  monthlyPayFen,
  payScore,
  priorityScore,
  weightedTotal,
} from './factors.js';
import { skillScore } from './skills.js';
import { inSeasonWindow, labourAllows } from './filters.js';
import { compareMatches, scoreMatch, scoreOnly, type OkMatch } from './scorer.js';
import { FACTORS, type MatchContext, type MatchPosition, type MatchWorker } from './types.js';
import { LABOUR_CLASSES, type JobType } from '../registry/labels.js';
import { LOCAL_RADIUS_KM } from './weights.js';

/** Positions per leaf: one, so a leaf's bound is nearly its score. */
const LEAF_SIZE = 1;
/** Median splits per tree node: 2 → four children. */
const SPLITS = 2;
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
const HALF_RAD = Math.PI / 360;
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
  /** A position of the group, for labourAllows (which reads suitsHalfLabour, suitsWeakLabour). */
  sample: MatchPosition;
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

/**
 * A lower bound of the great-circle distance (km) from a point to anything in a lat/lng
 * box, all in degrees, without trigonometry in the hot loop. The chord between two points
 * on the unit sphere is c² = 4 sin²(Δφ/2) + 4 cos φ₁ cos φ₂ sin²(Δλ/2), and the arc is
 * 2 asin(c/2) ≥ c. For any point of the box |Δφ| and |Δλ| are at least the gaps to the
 * box's ranges, and cos φ₁ cos φ₂ at least `cosProduct`: the point's cosine times that of
 * the box's largest |latitude|; sin x ≥ x − x³/6. Tight near the point (where it matters:
 * the score decays within tens of km), looser across a country. Lowered a hair against
 * rounding.
 */
export function boxDistanceLowerBoundKm(
  lat: number,
  lng: number,
  minLat: number,
  maxLat: number,
  minLng: number,
  maxLng: number,
  cosProduct = Math.cos(lat * RAD) * Math.cos(Math.max(Math.abs(minLat), Math.abs(maxLat)) * RAD),
): number {
  const dLat = lat < minLat ? minLat - lat : lat > maxLat ? lat - maxLat : 0;
  let dLng = lng < minLng ? minLng - lng : lng > maxLng ? lng - maxLng : 0;
  if (dLng >= 180) dLng = 0; // the other way round the globe: no bound from longitude
  if (dLat === 0 && dLng === 0) return 0;
  const a = dLat * HALF_RAD;
  const b = dLng * HALF_RAD;
  const sinA = a - (a * a * a) / 6;
  const sinB = Math.sqrt(cosProduct) * (b - (b * b * b) / 6);
  const km = 2 * EARTH_RADIUS_KM * Math.sqrt(sinA * sinA + sinB * sinB);
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
  }

  // --- Groups. (A required certificate is not one: a worker holding none skips those at the leaves.)
  const groups: Group[] = [];
  const groupIds = new Map<string, number>();
  const groupOf = new Int32Array(n);
  const needsCertificate = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = kept[i]!;
    needsCertificate[i] = p.requiredCertificates.length > 0 ? 1 : 0;
    const key = `${+p.suitsHalfLabour}${+p.suitsWeakLabour}${p.form}`;
    let g = groupIds.get(key);
    if (g === undefined) {
      g = groups.length;
      groupIds.set(key, g);
      groups.push({ form: p.form, sample: p });
    }
    groupOf[i] = g;
  }
  if (groups.length > 32) throw new Error('positionIndex: more than 32 filter groups'); // 2 × 2 × 4 at most
  /**
   * The groups open to a worker of each labour class wishing for any kind of work (most
   * workers): for them a county has one tree of exactly those groups ("merged"), whose top
   * nodes bound them all together; other workers search the county's trees per group.
   */
  const variants: number[] = [];
  for (const labourClass of LABOUR_CLASSES) {
    let mask = 0;
    groups.forEach((g, i) => {
      if (labourAllows({ ...probe, labourClass }, g.sample)) mask |= 1 << i;
    });
    if (mask !== 0 && !variants.includes(mask)) variants.push(mask);
  }

  // --- Nodes, in one pool: k-d trees of positions (one per county and group), a node per
  // county over its trees, and k-d trees of county nodes (the whole index, each province,
  // each city).
  const node = {
    minLat: [] as number[],
    maxLat: [] as number[],
    minLng: [] as number[],
    maxLng: [] as number[],
    childStart: [] as number[], // children[childStart..childEnd)
    childEnd: [] as number[],
    leafStart: [] as number[], // a leaf's positions: order[leafStart..leafEnd); −1: not a leaf
    leafEnd: [] as number[],
    occLo: [] as number[],
    occHi: [] as number[],
    kinds: [] as number[],
    shares: [] as number[],
    maxMonthly: [] as number[],
    piece: [] as number[],
    accommodation: [] as number[],
    maxRecency: [] as number[],
    groups: [] as number[],
    county: [] as number[], // a county node: its county's index in `counties`; else −1
  };
  const children: number[] = [];
  const orderList: number[] = [];
  const newNode = () => {
    const id = node.minLat.length;
    node.minLat.push(Infinity);
    node.maxLat.push(-Infinity);
    node.minLng.push(Infinity);
    node.maxLng.push(-Infinity);
    node.childStart.push(0);
    node.childEnd.push(0);
    node.leafStart.push(-1);
    node.leafEnd.push(-1);
    node.occLo.push(0);
    node.occHi.push(0);
    node.kinds.push(0);
    node.shares.push(0);
    node.maxMonthly.push(-Infinity);
    node.piece.push(0);
    node.accommodation.push(0);
    node.maxRecency.push(0);
    node.groups.push(0);
    node.county.push(-1);
    return id;
  };
  /** Adds what bounds `from` (a node) into `id`. */
  const absorb = (id: number, from: number) => {
    node.minLat[id] = Math.min(node.minLat[id]!, node.minLat[from]!);
    node.maxLat[id] = Math.max(node.maxLat[id]!, node.maxLat[from]!);
    node.minLng[id] = Math.min(node.minLng[id]!, node.minLng[from]!);
    node.maxLng[id] = Math.max(node.maxLng[id]!, node.maxLng[from]!);
    node.occLo[id]! |= node.occLo[from]!;
    node.occHi[id]! |= node.occHi[from]!;
    node.kinds[id]! |= node.kinds[from]!;
    node.shares[id]! |= node.shares[from]!;
    node.maxMonthly[id] = Math.max(node.maxMonthly[id]!, node.maxMonthly[from]!);
    node.piece[id]! |= node.piece[from]!;
    node.accommodation[id]! |= node.accommodation[from]!;
    node.maxRecency[id] = Math.max(node.maxRecency[id]!, node.maxRecency[from]!);
    node.groups[id]! |= node.groups[from]!;
  };
  const withChildren = (id: number, kids: readonly number[]) => {
    node.childStart[id] = children.length;
    for (const c of kids) {
      children.push(c);
      absorb(id, c);
    }
    node.childEnd[id] = children.length;
    return id;
  };
  /** A k-d tree over positions items[lo..hi). */
  const buildPositions = (items: number[], lo: number, hi: number): number => {
    if (hi - lo <= LEAF_SIZE) {
      const id = newNode();
      node.leafStart[id] = orderList.length;
      for (let j = lo; j < hi; j++) {
        const i = items[j]!;
        orderList.push(i);
        node.minLat[id] = Math.min(node.minLat[id]!, lat[i]!);
        node.maxLat[id] = Math.max(node.maxLat[id]!, lat[i]!);
        node.minLng[id] = Math.min(node.minLng[id]!, lng[i]!);
        node.maxLng[id] = Math.max(node.maxLng[id]!, lng[i]!);
        const o = occupationId[i]!;
        if (o < 32) node.occLo[id]! |= 1 << o;
        else node.occHi[id]! |= 1 << (o - 32);
        node.kinds[id]! |= 1 << kindId[i]!;
        node.shares[id]! |= 1 << shareId[i]!;
        if (monthly[i] === -Infinity) node.piece[id] = 1;
        else node.maxMonthly[id] = Math.max(node.maxMonthly[id]!, monthly[i]!);
        if (kept[i]!.accommodation) node.accommodation[id] = 1;
        node.maxRecency[id] = Math.max(node.maxRecency[id]!, recency[i]!);
        node.groups[id]! |= 1 << groupOf[i]!;
      }
      node.leafEnd[id] = orderList.length;
      return id;
    }
    // Split the longer side (in km) at the median, SPLITS times over: 2^SPLITS children.
    const ranges: [number, number][] = [[lo, hi]];
    for (let level = 0; level < SPLITS; level++) {
      for (const [from, to] of ranges.splice(0)) {
        if (to - from <= LEAF_SIZE) {
          ranges.push([from, to]);
          continue;
        }
        const mid = splitAtMedian(items, from, to);
        ranges.push([from, mid], [mid, to]);
      }
    }
    return withChildren(
      newNode(),
      ranges.map(([from, to]) => buildPositions(items, from, to)),
    );
  };
  /** Sorts items[lo..hi) along the longer side of their box (in km); the median's index. */
  const splitAtMedian = (items: number[], lo: number, hi: number): number => {
    let minLat = Infinity;
    let maxLat = -Infinity;
    let minLng = Infinity;
    let maxLng = -Infinity;
    for (let j = lo; j < hi; j++) {
      const i = items[j]!;
      minLat = Math.min(minLat, lat[i]!);
      maxLat = Math.max(maxLat, lat[i]!);
      minLng = Math.min(minLng, lng[i]!);
      maxLng = Math.max(maxLng, lng[i]!);
    }
    const coord = maxLat - minLat >= (maxLng - minLng) * Math.cos(((minLat + maxLat) / 2) * RAD) ? lat : lng;
    const part = items.slice(lo, hi).sort((a, b) => coord[a]! - coord[b]! || a - b);
    for (let j = lo; j < hi; j++) items[j] = part[j - lo]!;
    return (lo + hi) >> 1;
  };

  // Counties: every position by the first 6 digits of its region code. A code shorter than
  // that (not a valid one; the index stays exact anyway) is "loose": scored for every worker.
  const byCounty = new Map<string, number[]>();
  const loose: number[] = [];
  for (let i = 0; i < n; i++) {
    const code = kept[i]!.regionCode;
    if (code.length < 6) {
      loose.push(i);
      continue;
    }
    const county = code.slice(0, 6);
    let list = byCounty.get(county);
    if (!list) byCounty.set(county, (list = []));
    list.push(i);
  }
  const counties = [...byCounty.keys()].sort();
  /** Per county, its code's prefixes as small integers (level 2, 4, 6), for excluding one's own region. */
  const prefixIds = new Map<string, number>();
  const prefixId = (prefix: string) => {
    let id = prefixIds.get(prefix);
    if (id === undefined) prefixIds.set(prefix, (id = prefixIds.size));
    return id;
  };
  const countyNodes: number[] = [];
  /** Per variant and county, the merged tree's root (−1: none). */
  const mergedRoots: number[][] = variants.map(() => []);
  for (const [c, county] of counties.entries()) {
    const byGroup = new Map<number, number[]>();
    for (const i of byCounty.get(county)!) {
      const g = groupOf[i]!;
      let list = byGroup.get(g);
      if (!list) byGroup.set(g, (list = []));
      list.push(i);
    }
    const roots = [...byGroup].sort((a, b) => a[0] - b[0]).map(([, items]) => buildPositions(items, 0, items.length));
    stats.trees += roots.length;
    const id = withChildren(newNode(), roots);
    node.county[id] = c;
    countyNodes.push(id);
    for (const [v, mask] of variants.entries()) {
      const items = byCounty.get(county)!.filter((i) => (mask & (1 << groupOf[i]!)) !== 0);
      mergedRoots[v]!.push(items.length > 0 ? buildPositions(items, 0, items.length) : -1);
      if (items.length > 0) stats.trees++;
    }
  }
  /** A k-d tree over county nodes (by their boxes' centres); a single county is its own node. */
  const buildRegion = (items: number[]): number => {
    if (items.length === 1) return items[0]!;
    const centre = (id: number, coord: 'lat' | 'lng') =>
      coord === 'lat' ? node.minLat[id]! + node.maxLat[id]! : node.minLng[id]! + node.maxLng[id]!;
    const lats = items.map((id) => centre(id, 'lat'));
    const lngs = items.map((id) => centre(id, 'lng'));
    const coord =
      Math.max(...lats) - Math.min(...lats) >= (Math.max(...lngs) - Math.min(...lngs)) * Math.cos((lats[0]! / 2) * RAD)
        ? 'lat'
        : 'lng';
    const sorted = [...items].sort((a, b) => centre(a, coord) - centre(b, coord) || a - b);
    const mid = sorted.length >> 1;
    return withChildren(newNode(), [buildRegion(sorted.slice(0, mid)), buildRegion(sorted.slice(mid))]);
  };
  const regionRoots = { 2: new Map<string, number>(), 4: new Map<string, number>(), 6: new Map<string, number>() };
  for (const len of [2, 4] as const) {
    const members = new Map<string, number[]>();
    counties.forEach((county, c) => {
      const key = county.slice(0, len);
      let list = members.get(key);
      if (!list) members.set(key, (list = []));
      list.push(countyNodes[c]!);
    });
    for (const [key, list] of members) regionRoots[len].set(key, buildRegion(list));
  }
  counties.forEach((county, c) => regionRoots[6].set(county, countyNodes[c]!));
  const globalRoot = countyNodes.length > 0 ? buildRegion(countyNodes) : -1;

  const minLatOf = Float64Array.from(node.minLat);
  const maxLatOf = Float64Array.from(node.maxLat);
  const minLngOf = Float64Array.from(node.minLng);
  const maxLngOf = Float64Array.from(node.maxLng);
  const childStartOf = Int32Array.from(node.childStart);
  const childEndOf = Int32Array.from(node.childEnd);
  const leafStartOf = Int32Array.from(node.leafStart);
  const leafEndOf = Int32Array.from(node.leafEnd);
  const occLoOf = Int32Array.from(node.occLo);
  const occHiOf = Int32Array.from(node.occHi);
  const kindsOf = Int32Array.from(node.kinds);
  const sharesOf = Int32Array.from(node.shares);
  const maxMonthlyOf = Float64Array.from(node.maxMonthly);
  const pieceOf = Uint8Array.from(node.piece);
  const accommodationOf = Uint8Array.from(node.accommodation);
  const maxRecencyOf = Float64Array.from(node.maxRecency);
  const groupsOf = Int32Array.from(node.groups);
  const childList = Int32Array.from(children);
  const countyOf = Int32Array.from(node.county);
  const order = Int32Array.from(orderList);
  stats.nodes = minLatOf.length;
  /** Per node, the cosine of its largest |latitude| (for the distance bound). */
  const cosOf = minLatOf.map((minLat, i) => Math.cos(Math.max(Math.abs(minLat), Math.abs(maxLatOf[i]!)) * RAD));
  /** Per node and level, the county node's region prefix id; −1 for other nodes. */
  const prefixAt = {
    2: new Int32Array(stats.nodes).fill(-1),
    4: new Int32Array(stats.nodes).fill(-1),
    6: new Int32Array(stats.nodes).fill(-1),
  };
  counties.forEach((county, c) => {
    for (const len of [2, 4, 6] as const) prefixAt[len][countyNodes[c]!] = prefixId(`${len}:${county.slice(0, len)}`);
  });

  // --- Per query, reused.
  const heap = new NodeHeap();
  const skillLevels = new Levels();
  const kindLevels = new Levels();
  const shareLevels = new Levels();
  const bound = new Float64Array(FACTORS.length);
  const monthPay: MatchPosition['pay'] = { unit: 'month', minFen: 0, maxFen: 0 };
  const piecePay: MatchPosition['pay'] = { unit: 'piece', minFen: 0, maxFen: 0 };
  const traitScratch = new Float64Array(OCCUPATION_BITS);
  let bestScore = new Float64Array(16);
  let bestIndex = new Int32Array(16);

  // The query's state (one query at a time), read by the helpers below, which are made once.
  let worker = probe;
  let open = 0;
  let noCertificate = true;
  let expected: number | undefined;
  let pieceScore = 0;
  let homeLat = 0;
  let homeLng = 0;
  let cosHome = 1;
  let excluded = -1;
  let prefixOfNode = prefixAt[6];
  let k = 0;
  let count = 0;

  /** What each trait is worth to this worker; an overflowing trait id stands for any value (1). */
  const worth = (traits: Traits, levels: Levels, score: (sample: MatchPosition) => number) => {
    const length = traits.samples.length;
    for (let i = 0; i < length; i++) traitScratch[i] = traits.overflow && i === traits.bits - 1 ? 1 : score(traits.samples[i]!);
    levels.set(traitScratch, length);
  };
  const skillOf = (sample: MatchPosition) => skillScore(worker.skills, sample.occupation);
  const kindOf = (sample: MatchPosition) => employerKindScore(worker, sample);
  const priorityOf = (sample: MatchPosition) => priorityScore(worker, sample);

  /** The bound of a node, given the lower bound of its distance. */
  function nodeBound(id: number, km: number): number {
    bound[F_DISTANCE] = distanceScore(km);
    bound[F_SKILL] = skillLevels.best(occLoOf[id]!, occHiOf[id]!);
    let pay = pieceOf[id] ? pieceScore : 0;
    if (maxMonthlyOf[id] !== -Infinity) {
      monthPay.minFen = monthPay.maxFen = maxMonthlyOf[id]!;
      const month = payScore(monthPay, expected);
      if (month > pay) pay = month;
    }
    bound[F_PAY] = pay;
    bound[F_ACCOMMODATION] = accommodationScore(km, accommodationOf[id] === 1);
    bound[F_RECENCY] = maxRecencyOf[id]!;
    bound[F_EMPLOYER_KIND] = kindLevels.best(kindsOf[id]!, 0);
    bound[F_PRIORITY] = shareLevels.best(sharesOf[id]!, 0);
    return weightedTotal(bound) + BOUND_MARGIN;
  }

  /** Pushes a node unless it is out of reach; the heap's key is −bound (highest bound first). */
  function offer(id: number, mode: number): void {
    if ((groupsOf[id]! & open) === 0) return;
    if (mode === NEAR && excluded >= 0 && prefixOfNode[id] === excluded) return;
    const km = boxDistanceLowerBoundKm(
      homeLat,
      homeLng,
      minLatOf[id]!,
      maxLatOf[id]!,
      minLngOf[id]!,
      maxLngOf[id]!,
      cosHome * cosOf[id]!,
    );
    if (mode === NEAR && km > LOCAL_RADIUS_KM) return;
    const upper = nodeBound(id, km);
    // Below the k-th already: it would never be taken off before the search stops.
    if (count === k && upper < bestScore[k - 1]!) return;
    heap.push(-upper, id, mode);
  }

  /** Whether (score, i) ranks before the j-th kept (score desc, then positionId asc). */
  function before(score: number, i: number, j: number): boolean {
    return score > bestScore[j]! || (score === bestScore[j]! && kept[i]!.positionId < kept[bestIndex[j]!]!.positionId);
  }

  /** Scores a position and keeps it if it is among the k best so far. */
  function consider(i: number): void {
    if (noCertificate && needsCertificate[i] === 1) return;
    stats.scored++;
    const score = scoreOnly(worker, kept[i]!, ctx);
    if (score === undefined) return;
    if (count === k && !before(score, i, k - 1)) return;
    let at = count < k ? count++ : k - 1;
    while (at > 0 && before(score, i, at - 1)) {
      bestScore[at] = bestScore[at - 1]!;
      bestIndex[at] = bestIndex[at - 1]!;
      at--;
    }
    bestScore[at] = score;
    bestIndex[at] = i;
  }

  function top(forWorker: MatchWorker, limit: number): OkMatch[] {
    stats.queries++;
    if (!(limit >= 1) || n === 0) return [];
    worker = forWorker;
    k = limit;
    // The k best so far, best first (score and kept-index); empty before anything is
    // offered, as offer() prunes against this query's k-th only.
    count = 0;
    if (bestScore.length < k) {
      bestScore = new Float64Array(k);
      bestIndex = new Int32Array(k);
    }
    open = 0;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      // The labour-class filter, and the job-type filter (the scorer's rule: no wish means any kind of work).
      if (labourAllows(worker, group.sample) && (worker.jobTypes.length === 0 || worker.jobTypes.includes(group.form)))
        open |= 1 << g;
    }
    if (open === 0) return [];
    const merged = mergedRoots[variants.indexOf(open)];
    noCertificate = worker.certificates.length === 0;
    worth(occupations, skillLevels, skillOf);
    worth(kinds, kindLevels, kindOf);
    worth(shares, shareLevels, priorityOf);
    expected = worker.expectedMonthlyWageFen;
    pieceScore = payScore(piecePay, expected);
    homeLat = worker.home.lat;
    homeLng = worker.home.lng;
    cosHome = Math.cos(homeLat * RAD);

    // The worker's own county, city or province, searched without a radius; every other
    // county only within the local radius (its county node skipped when it is the worker's own).
    const scope = worker.travelScope;
    const len = scope === 'province' || scope === 'city' || scope === 'county' ? PREFIX_OF_SCOPE[scope] : 0;
    const ownRegion = len > 0 && worker.villageCode.length >= len ? worker.villageCode.slice(0, len) : undefined;
    excluded = ownRegion === undefined ? -1 : (prefixIds.get(`${len}:${ownRegion}`) ?? -1);
    prefixOfNode = prefixAt[len === 0 ? 6 : len];
    heap.clear();
    if (globalRoot >= 0) {
      if (scope === 'any') offer(globalRoot, UNLIMITED);
      else {
        const own = ownRegion === undefined ? undefined : regionRoots[len as 2 | 4 | 6].get(ownRegion);
        if (own !== undefined) offer(own, UNLIMITED);
        offer(globalRoot, NEAR);
      }
    }

    for (const i of loose) consider(i);
    while (heap.size > 0) {
      const nodeUpper = -heap.key[0]!;
      const id = heap.node[0]!;
      const mode = heap.mode[0]!;
      heap.pop();
      // Every node left bounds below the k-th: done (< not ≤: an equal score may still win on its id).
      if (count === k && nodeUpper < bestScore[k - 1]!) break;
      stats.nodesVisited++;
      const leafStart = leafStartOf[id]!;
      if (leafStart < 0) {
        const county = countyOf[id]!;
        if (county >= 0 && merged !== undefined) {
          if (merged[county]! >= 0) offer(merged[county]!, mode);
        } else for (let c = childStartOf[id]!; c < childEndOf[id]!; c++) offer(childList[c]!, mode);
        continue;
      }
      for (let j = leafStart; j < leafEndOf[id]!; j++) if ((open & (1 << groupOf[order[j]!]!)) !== 0) consider(order[j]!);
    }

    const result: OkMatch[] = [];
    for (let j = 0; j < count; j++) {
      const match = scoreMatch(worker, kept[bestIndex[j]!]!, ctx);
      if (match.ok) result.push(match);
    }
    worker = probe; // hold no worker between queries
    return result.sort(compareMatches);
  }

  return { top, stats };
}
