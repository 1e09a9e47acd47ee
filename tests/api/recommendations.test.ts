/**
 * Recommendations on the demo county: the night's list, the list merged with what the epochs' log
 * says was written near home since, and a search near home that proves its screen, each equal to
 * scoring every public position; an open reads the list as the positions are now; the hard filters
 * hold, "not interested" is remembered, the candidate list for an employer shows no ID numbers, and
 * the "311" figures add up from pushes, staff services and what followed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, chinaMonth, LOCAL_RADIUS_KM, matchWorkerOf, rankPositions } from '@bangfu/shared';
import { runPushLocally } from '../../functions/src/local/pushThreads.js';
import { runListsLocally } from '../../functions/src/matching/dailyLists.js';
import { LIVE_QUERIES } from '../../functions/src/matching/recommender.js';
import { MAX_LOGGED_CHANGES } from '../../functions/src/positions/positionsEpoch.js';
import { readProvincePositions } from '../../functions/src/matching/positionSnapshot.js';
import { toWorker } from '../../functions/src/registry/workerRepository.js';
import { newPosition, putNewPositions } from '../../functions/src/positions/positionRepository.js';
import { dynamoCallsDuring, startDemoCountyApi, type TestApi } from '../support/api.js';
import { boundWorker, demoWorkshop, positionInput } from '../support/positions.js';

let api: TestApi;

beforeAll(async () => {
  api = await startDemoCountyApi();
});
afterAll(() => api?.close());

interface Shown {
  position: { positionId: string; suitsHalfLabour: boolean; distanceKm: number };
  score: number;
  reason: string;
  pushed: boolean;
}
interface Recommendations {
  homeIsVillageCentre: boolean;
  recommendations: Shown[];
  live: { fromCache: boolean; computedAt: string; complete: boolean };
}
const recommendations = async (token: string) => {
  const { status, body } = await api.call('GET', '/api/v1/me/recommendations', { token });
  expect(status).toBe(200);
  return body as Recommendations;
};
const ids = (list: Recommendations) => list.recommendations.map((r) => r.position.positionId);

/** The reference: score every public position of the province, no early stop, no index. */
async function expectBestTen(workerId: string, shown: Shown[]) {
  const record = toWorker((await api.ctx.workers.getItem(workerId))!);
  const centre = (await api.ctx.regions.get(record.villageCode))!.center!;
  const all = await readProvincePositions(api.ctx, record.villageCode);
  const expected = rankPositions(matchWorkerOf(record, centre), all, 10, { today: chinaDate(new Date()) });
  expect(shown.map((r) => r.position.positionId)).toEqual(expected.map((m) => m.positionId));
  expect(shown.map((r) => r.score)).toEqual(expected.map((m) => m.score));
}
const rankTonight = () => runListsLocally(api.ctx, { regionCode: '150222' });

/** An open from the list: the session and the record; the list with the epochs; pushes, dismissals, applications; the positions now. */
const SEVEN = [
  'BatchGetItemCommand',
  'BatchGetItemCommand',
  'GetItemCommand',
  'GetItemCommand',
  'QueryCommand',
  'QueryCommand',
  'QueryCommand',
];

/** A new open position of the demo workshop at the worker's village centre, not yet written. */
async function inVillage(workerId: string, input: Parameters<typeof positionInput>[0]) {
  const { employer } = await demoWorkshop(api);
  const record = toWorker((await api.ctx.workers.getItem(workerId))!);
  const village = (await api.ctx.regions.get(record.villageCode))!.center!;
  return { position: newPosition(employer, positionInput({ location: village, ...input }), 'open'), employerVerified: true };
}

/** The demo workshop opens a position at the worker's village centre. */
async function openInVillage(workerId: string, input: Parameters<typeof positionInput>[0]) {
  const record = await inVillage(workerId, input);
  await api.ctx.positions.create(record);
  return record.position;
}

describe('a worker’s recommendations', () => {
  it('are the best ten of every public position in reach, with reasons, from the village centre when no home is known', async () => {
    const worker = await boundWorker(api, 1, {
      labourClass: 'full',
      skills: ['缝纫工'],
      preferences: { travelScope: 'county', jobTypes: [] },
    });
    const { homeIsVillageCentre, recommendations: shown, live } = await recommendations(worker.token);
    expect(homeIsVillageCentre).toBe(true);
    // No night's list yet: the search near home, which proves its ten the best in reach (the scorer's bound).
    expect(live).toMatchObject({ fromCache: false, complete: true });
    expect(shown).toHaveLength(10);
    for (const r of shown) expect(r.reason).toContain('按村的位置算');

    await expectBestTen(worker.workerId, shown);
  });

  it('offer a half-labour worker only positions that suit half labour', async () => {
    const worker = await boundWorker(api, 2, { labourClass: 'half', preferences: { travelScope: 'any', jobTypes: [] } });
    const { recommendations: shown } = await recommendations(worker.token);
    expect(shown.length).toBeGreaterThan(0);
    for (const r of shown) expect(r.position.suitsHalfLabour).toBe(true);
  });

  it('remember "not interested": the position never comes back; an unknown one is a 404 and a malformed id a 400', async () => {
    const worker = await boundWorker(api, 3, { labourClass: 'full', preferences: { travelScope: 'city', jobTypes: [] } });
    const [first] = (await recommendations(worker.token)).recommendations;
    const dismissed = await api.call('POST', `/api/v1/me/recommendations/${first!.position.positionId}/dismiss`, {
      token: worker.token,
    });
    expect(dismissed).toEqual({ status: 200, body: { dismissed: true } });
    const after = (await recommendations(worker.token)).recommendations.map((r) => r.position.positionId);
    expect(after).not.toContain(first!.position.positionId);
    expect(after).toHaveLength(10);

    const unknown = await api.call('POST', `/api/v1/me/recommendations/p_${crypto.randomUUID()}/dismiss`, {
      token: worker.token,
    });
    expect(unknown.status).toBe(404);
    const malformed = await api.call('POST', '/api/v1/me/recommendations/nope/dismiss', { token: worker.token });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.field).toBe('params.positionId');
  });
});

describe('the kept list', () => {
  it('is ranked each night, read on opening in seven DynamoDB calls with every position as it is now, and a job opened near home since leads at once', async () => {
    const worker = await boundWorker(api, 5, {
      labourClass: 'full',
      skills: ['缝纫工'],
      preferences: { travelScope: 'county', jobTypes: [] },
    });
    const night = await rankTonight();
    expect(night.listed).toBeGreaterThan(0);
    expect(night.listed).toBeLessThanOrEqual(night.workers);

    let first: Recommendations | undefined;
    const calls = await dynamoCallsDuring(api, async () => {
      first = await recommendations(worker.token);
    });
    expect(first!.live).toMatchObject({ fromCache: true, complete: true });
    await expectBestTen(worker.workerId, first!.recommendations);
    expect(calls.map((c) => c.command).sort()).toEqual([...SEVEN].sort());

    const [top, second] = ids(first!);
    expect((await api.call('POST', `/api/v1/positions/${top}/applications`, { token: worker.token })).status).toBe(200);
    const afterApplying = await recommendations(worker.token);
    expect(afterApplying.live).toEqual(first!.live);
    expect(ids(afterApplying)).toEqual(ids(first!).slice(1).concat(ids(afterApplying).at(-1)!));

    // The second closes: read as it is now, it is gone from the very next open.
    const closing = (await api.ctx.positions.get(second!))!;
    await api.ctx.positions.save({ ...closing, position: { ...closing.position, status: 'closed' } }, closing.position.version);
    const afterClosing = await recommendations(worker.token);
    expect(ids(afterClosing)).not.toContain(second);
    expect(ids(afterClosing)).not.toContain(top);
    expect(afterClosing.recommendations).toHaveLength(10);

    // A well-paid sewing job opens in the worker's own village: the epochs' log names it, it is read
    // with the list, and it leads; no search.
    const opened = await openInVillage(worker.workerId, { pay: { unit: 'month', minFen: 900_000, maxFen: 1_000_000 } });
    let fresh: Recommendations | undefined;
    const merging = await dynamoCallsDuring(api, async () => {
      fresh = await recommendations(worker.token);
    });
    expect(fresh!.live).toMatchObject({ fromCache: true, complete: true });
    expect(fresh!.live.computedAt > first!.live.computedAt).toBe(true);
    expect(ids(fresh!)[0]).toBe(opened.positionId);
    // The seven, the log of the one cell that moved, and the merged list kept.
    expect(merging.map((c) => c.command).sort()).toEqual([...SEVEN, 'QueryCommand', 'PutItemCommand'].sort());
    // Kept: the next open is the seven again.
    const again = await dynamoCallsDuring(api, async () => {
      expect(ids(await recommendations(worker.token))).toEqual(ids(fresh!));
    });
    expect(again.map((c) => c.command).sort()).toEqual([...SEVEN].sort());
  });

  it('merged with what was written near home since the night equals scoring every position again', async () => {
    const worker = await boundWorker(api, 8, { labourClass: 'full', preferences: { travelScope: 'county', jobTypes: [] } });
    await rankTonight();
    const night = await recommendations(worker.token);
    const [top] = ids(night);
    // The night's best closes, and a job opens in the village paying a little less than the usual.
    const closing = (await api.ctx.positions.get(top!))!;
    await api.ctx.positions.save({ ...closing, position: { ...closing.position, status: 'closed' } }, closing.position.version);
    const opened = await openInVillage(worker.workerId, {
      title: '包装工',
      pay: { unit: 'month', minFen: 250_000, maxFen: 300_000 },
    });
    const merged = await recommendations(worker.token);
    expect(merged.live).toMatchObject({ fromCache: true, complete: true });
    expect(ids(merged)).not.toContain(top);
    await expectBestTen(worker.workerId, merged.recommendations);
    expect(ids(merged)).toContain(opened.positionId);
  });

  it('is searched near home when more positions were written there since than the log is read for (an import)', async () => {
    const worker = await boundWorker(api, 9, { labourClass: 'full', preferences: { travelScope: 'county', jobTypes: [] } });
    await rankTonight();
    expect((await recommendations(worker.token)).live.fromCache).toBe(true);
    const imported = await Promise.all(
      Array.from({ length: MAX_LOGGED_CHANGES + 1 }, (_, i) =>
        inVillage(worker.workerId, { title: `缝纫工${i}`, pay: { unit: 'month', minFen: 900_000, maxFen: 1_000_000 } }),
      ),
    );
    await putNewPositions(api.ctx.table, imported);
    let searched: Recommendations | undefined;
    const calls = await dynamoCallsDuring(api, async () => {
      searched = await recommendations(worker.token);
    });
    expect(searched!.live.fromCache).toBe(false);
    expect(imported.map((r) => r.position.positionId)).toContain(ids(searched!)[0]);
    // No Query of the log, which could not have answered: what the worker has seen and the search.
    const queried = calls.filter((c) => c.command === 'QueryCommand').map((c) => JSON.stringify(c.input));
    expect(queried.filter((input) => input.includes('POSEPOCH#'))).toEqual([]);
    expect(queried.length).toBeLessThanOrEqual(3 + LIVE_QUERIES);
    expect((await recommendations(worker.token)).live.fromCache).toBe(true);
  });

  it('is searched near home again once applications and dismissals have used it up, and never offers what was dismissed', async () => {
    const worker = await boundWorker(api, 7, { labourClass: 'full', preferences: { travelScope: 'city', jobTypes: [] } });
    await rankTonight();
    const dismissed = new Set<string>();
    const sources: boolean[] = [];
    for (let round = 0; round < 4; round++) {
      const shown = await recommendations(worker.token);
      sources.push(shown.live.fromCache);
      expect(shown.recommendations).toHaveLength(10);
      for (const id of ids(shown)) {
        expect(dismissed.has(id)).toBe(false);
        dismissed.add(id);
        const answer = await api.call('POST', `/api/v1/me/recommendations/${id}/dismiss`, { token: worker.token });
        expect(answer.status).toBe(200);
      }
    }
    // The night's 30 serve three screens; the fourth needs a search.
    expect(sources).toEqual([true, true, true, false]);
  });

  it('without a night’s list is a search near home within its budget, searched again when what the worker wants changes', async () => {
    const worker = await boundWorker(api, 6, { labourClass: 'full', preferences: { travelScope: 'county', jobTypes: [] } });
    let first: Recommendations | undefined;
    const calls = await dynamoCallsDuring(api, async () => {
      first = await recommendations(worker.token);
    });
    expect(first!.live.fromCache).toBe(false);
    // What the worker has seen (three) and the disc around home (LIVE_QUERIES at most).
    expect(calls.filter((c) => c.command === 'QueryCommand').length).toBeLessThanOrEqual(3 + LIVE_QUERIES);
    expect((await recommendations(worker.token)).live.fromCache).toBe(true);
    const record = (await api.ctx.workers.getItem(worker.workerId))!;
    await api.ctx.workers.update(worker.workerId, {
      version: Number(record.version),
      preferences: { travelScope: 'local', jobTypes: [] },
    });
    const changed = await recommendations(worker.token);
    expect(changed.live.fromCache).toBe(false);
    for (const r of changed.recommendations) expect(r.position.distanceKm).toBeLessThanOrEqual(LOCAL_RADIUS_KM);
  });
});

describe('candidates for a position', () => {
  it('ranks willing workers of the county for the employer, without ID numbers; another employer’s position is a 403', async () => {
    const token = await api.loginAs('demo-employer-1');
    const own = (await api.call('GET', '/api/v1/me/positions', { token })).body.positions as { positionId: string }[];
    const { status, body } = await api.call('GET', `/api/v1/positions/${own[0]!.positionId}/candidates?limit=5`, { token });
    expect(status).toBe(200);
    expect(body.candidates.length).toBeGreaterThan(0);
    expect(body.candidates.length).toBeLessThanOrEqual(5);
    const scores = body.candidates.map((c: { score: number }) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/idNumber|1502221\d{10}[\dX]/);
    for (const c of body.candidates) {
      expect(c.nameMasked).toMatch(/^.\*+$/u);
      // Worded for the employer: the distance from the job, nothing about "your expectation".
      expect(c.reason).toMatch(/^(住处离岗位|所在村离岗位约) [\d.]+ 公里/);
      expect(c.reason).not.toContain('您');
    }

    const other = await api.loginAs('demo-employer-6');
    expect((await api.call('GET', `/api/v1/positions/${own[0]!.positionId}/candidates`, { token: other })).status).toBe(403);
    expect((await api.call('GET', `/api/v1/positions/p_${crypto.randomUUID()}/candidates`, { token })).status).toBe(404);
  });

  it('shows nobody to an employer staff have not verified, even for its own position', async () => {
    const { employers } = await api.ctx.employers.listInRegion('150222', { status: 'pending', limit: 10 });
    const pending = employers[0]!;
    const { users } = await api.ctx.users.listInRegion(pending.regionCode, { role: 'employer', limit: 100 });
    const token = await api.loginAs(users.find((u) => u.employerId === pending.employerId)!.userId);
    const own = (await api.call('GET', '/api/v1/me/positions', { token })).body.positions as { positionId: string }[];
    const refused = await api.call('GET', `/api/v1/positions/${own[0]!.positionId}/candidates`, { token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message.zh).toContain('审核');
    expect(JSON.stringify(refused.body)).not.toContain('nameMasked');
  });
});

describe('"311" and coverage', () => {
  it('adds up pushes, staff services and the applications that followed, per township, with the total the sum of the rows', async () => {
    const month = chinaMonth(new Date());
    const county = await api.loginAs('demo-staff-county');
    // One township's push (a county's takes a while on a busy 2-core machine).
    const { total } = await runPushLocally(api.ctx, { regionCode: '150222102', config: { k: 5, n: 3 } }, { threads: 0 });
    expect(total.pushed).toBeGreaterThan(0);

    // A pushed worker applies to what was pushed: counted once as an application after a recommendation.
    const worker = await boundWorker(api, 4, { labourClass: 'full', preferences: { travelScope: 'county', jobTypes: [] } });
    const second = await runPushLocally(api.ctx, { regionCode: '150222102', config: { k: 5, n: 3 } }, { threads: 0 });
    const pushes = await api.ctx.matches.pushesOf(worker.workerId);
    expect(pushes).toHaveLength(3);
    // 为你推荐: this month's pushes come first, then live matches.
    const shown = (await recommendations(worker.token)).recommendations;
    expect(shown.slice(0, 3).every((r) => r.pushed)).toBe(true);
    expect(new Set(shown.slice(0, 3).map((r) => r.position.positionId))).toEqual(new Set(pushes.map((p) => p.positionId)));
    expect(shown.slice(3).some((r) => r.pushed)).toBe(false);
    const push = pushes[0];
    const applied = await api.call('POST', `/api/v1/positions/${push!.positionId}/applications`, { token: worker.token });
    expect(applied.body.created).toBe(true);
    await api.call('POST', `/api/v1/positions/${push!.positionId}/applications`, { token: worker.token }); // again: counted once
    // Another push: its application was stored but the answer was lost (a 503 after the write), and the phone sends it
    // again: the retry finds the application and still counts it.
    await api.ctx.applications.apply(pushes[1]!.positionId, worker.workerId, worker.userId);
    const retried = await api.call('POST', `/api/v1/positions/${pushes[1]!.positionId}/applications`, { token: worker.token });
    expect(retried.body.created).toBe(false);

    const guidance = await api.call('POST', `/api/v1/registry/workers/${worker.workerId}/services`, {
      token: county,
      body: { kind: 'careerGuidance', note: '电话职业指导，讲了外出务工的补贴' },
    });
    expect(guidance.status).toBe(201);
    const bad = await api.call('POST', `/api/v1/registry/workers/${worker.workerId}/services`, {
      token: county,
      body: { kind: 'massage', note: '不是服务' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.kind');
    const services = await api.call('GET', `/api/v1/registry/workers/${worker.workerId}/services`, { token: county });
    expect(services.body.counts).toEqual({ jobRecommendation: 3, careerGuidance: 1, trainingOffer: 0 });

    const { status, body } = await api.call('GET', `/api/v1/matching/coverage?regionCode=150222&month=${month}`, {
      token: county,
    });
    expect(status).toBe(200);
    // What adds up over the rows (the rates do not): counts of people, and of what followed a push.
    const people = ['workers', 'willingUnemployed', 'reachedThisMonth', 'below311'] as const;
    const followed = ['recommendations', 'applications', 'hires'] as const;
    const rows = body.rows as Record<(typeof people)[number] | (typeof followed)[number], number>[];
    for (const key of [...people, ...followed])
      expect(
        rows.reduce((n, r) => n + r[key], 0),
        key,
      ).toBe(body.total[key]);
    expect(body.total.applications).toBe(2);
    expect(body.total.recommendations).toBe(total.pushed + second.total.pushed);
    expect(body.total.monthlyCoverage).toBeCloseTo(body.total.reachedThisMonth / body.total.willingUnemployed, 10);
    expect(body.goals).toEqual({
      monthlyCoverage: 0.5,
      successRate: 0.15,
      service311: { jobRecommendation: 3, careerGuidance: 1, trainingOffer: 1 },
    });

    const village = await api.loginAs('demo-staff-village-1');
    expect((await api.call('GET', '/api/v1/matching/coverage?regionCode=150222103', { token: village })).status).toBe(403);

    // The services list pages, newest first, with the counts on every page.
    await api.call('POST', `/api/v1/registry/workers/${worker.workerId}/services`, {
      token: county,
      body: { kind: 'trainingOffer', note: '推荐了县里的电工培训班' },
    });
    const path = `/api/v1/registry/workers/${worker.workerId}/services`;
    const first = await api.call('GET', `${path}?limit=1`, { token: county });
    expect(first.body.services.map((s: { kind: string }) => s.kind)).toEqual(['trainingOffer']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const next = await api.call('GET', `${path}?limit=5&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: county });
    expect(next.body.services.map((s: { kind: string }) => s.kind)).toEqual(['careerGuidance']);
    expect(next.body.nextCursor).toBeUndefined();
    expect(next.body.counts).toEqual({ jobRecommendation: 3, careerGuidance: 1, trainingOffer: 1 });
    expect((await api.call('GET', `${path}?limit=0`, { token: county })).body.error.field).toBe('query.limit');
  }, 120_000);
});
