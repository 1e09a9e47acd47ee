/**
 * Applications and hires: apply once, what the employer sees (never the ID number),
 * accept / reject with a reason, and the hire — the worker's month recorded with the
 * filled count, never past the headcount however many confirm at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth, type Employer, type LatLng } from '@bangfu/shared';
import { dynamoCallsDuring, startDemoCountyApi, type DynamoCall, type TestApi } from '../support/api.js';
import { boundWorker, demoWorkshop, positionInput, putPositions } from '../support/positions.js';

let api: TestApi;
let employerToken: string;
let employer: Employer;
const SPOT: LatLng = { lat: 41.2, lng: 110.3 };

beforeAll(async () => {
  api = await startDemoCountyApi();
  ({ token: employerToken, employer } = await demoWorkshop(api));
});
afterAll(() => api?.close());

async function openPosition(headcount: number, overrides = {}) {
  const [record] = await putPositions(api.ctx, employer, [positionInput({ headcount, location: SPOT, ...overrides })]);
  return record!.position.positionId;
}

const apply = (positionId: string, token: string) => api.call('POST', `/api/v1/positions/${positionId}/applications`, { token });
const hire = (positionId: string, workerId: string, body = {}) =>
  api.call('POST', `/api/v1/positions/${positionId}/applications/${workerId}/hire`, { token: employerToken, body });

describe('applying', () => {
  it('takes one application per worker and position, however often they tap', async () => {
    const positionId = await openPosition(2);
    const worker = await boundWorker(api, 1, { phone: '13904721111' });
    const results = await Promise.all([
      apply(positionId, worker.token),
      apply(positionId, worker.token),
      apply(positionId, worker.token),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.filter((r) => r.body.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.application.appliedAt)).size).toBe(1);
    expect(await api.ctx.applications.ofPosition(positionId)).toHaveLength(1);

    const mine = await api.call('GET', '/api/v1/me/applications', { token: worker.token });
    expect(mine.body.applications.map((a: { position: { positionId: string } }) => a.position.positionId)).toEqual([positionId]);
  });

  it('needs a bound account, and an open position', async () => {
    const positionId = await openPosition(1);
    const unbound = await api.loginAs('demo-worker-2'); // not bound to a record yet
    const refused = await apply(positionId, unbound);
    expect(refused.status).toBe(404);
    expect(refused.body.error.message.zh).toContain('绑定');

    const worker = await boundWorker(api, 2);
    const closed = await openPosition(1, { validFrom: '2025-01-01', validUntil: '2025-02-01' });
    expect((await apply(closed, worker.token)).status).toBe(409);
    expect(
      (await api.call('POST', `/api/v1/positions/p_00000000-0000-4000-8000-999999999999/applications`, { token: worker.token }))
        .status,
    ).toBe(404);
    expect((await apply(positionId, employerToken)).status).toBe(403); // employers do not apply
  });

  it('shows the employer what matters, the phone only once accepted, and never the ID number', async () => {
    const positionId = await openPosition(3);
    const worker = await boundWorker(api, 3, { phone: '13904723333', home: { lat: 41.21, lng: 110.3 }, labourClass: 'weak' });
    await apply(positionId, worker.token);
    const list = () => api.call('GET', `/api/v1/positions/${positionId}/applications`, { token: employerToken });
    const before = await list();
    expect(before.status).toBe(200);
    const [applicant] = before.body.applicants;
    expect(applicant).toMatchObject({
      workerId: worker.workerId,
      name: '测试3',
      labourClass: 'weak',
      assisted: true,
      skills: ['sewing_worker'],
    });
    expect(applicant.distanceKm).toBeCloseTo(1.1, 1);
    expect(applicant.phone).toBeUndefined();
    expect(JSON.stringify(before.body)).not.toMatch(/idNumber|150222\d{12}/);

    const other = await api.loginAs('demo-employer-2');
    expect((await api.call('GET', `/api/v1/positions/${positionId}/applications`, { token: other })).status).toBe(403);

    const decide = (body: unknown) =>
      api.call('POST', `/api/v1/positions/${positionId}/applications/${worker.workerId}/decision`, {
        token: employerToken,
        body,
      });
    const noReason = await decide({ decision: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('body.reason');
    const accepted = await decide({ decision: 'accept' });
    expect(accepted.body.application.status).toBe('accepted');
    // The answer is the applicant's card as listed, now with the phone to arrange the meeting.
    expect(accepted.body.applicant).toMatchObject({ workerId: worker.workerId, phone: '13904723333' });
    expect(accepted.body.applicant.application).toEqual(accepted.body.application);
    expect((await decide({ decision: 'accept' })).status).toBe(409); // accepted already
    expect((await list()).body.applicants[0].phone).toBe('13904723333');
  });

  it('tells the worker why, when rejected', async () => {
    const positionId = await openPosition(3);
    const worker = await boundWorker(api, 4);
    await apply(positionId, worker.token);
    await api.call('POST', `/api/v1/positions/${positionId}/applications/${worker.workerId}/decision`, {
      token: employerToken,
      body: { decision: 'reject', reason: '这个岗位需要会开叉车' },
    });
    const mine = await api.call('GET', '/api/v1/me/applications', { token: worker.token });
    expect(mine.body.applications[0].application).toMatchObject({ status: 'rejected', reason: '这个岗位需要会开叉车' });
    expect((await hire(positionId, worker.workerId)).status).toBe(409); // a rejected application is not hired
  });
});

describe('confirming a hire', () => {
  it('records the worker’s month as employed by the employer, and counts the hire', async () => {
    const positionId = await openPosition(2, { pay: { unit: 'day', minFen: 18_000, maxFen: 22_000 }, regionCode: '150222102' });
    const worker = await boundWorker(api, 5);
    await apply(positionId, worker.token);
    const filledOnMap = async () =>
      (await api.call('GET', `/api/v1/positions/nearby?lat=${SPOT.lat}&lng=${SPOT.lng}&radiusKm=1&limit=50`)).body.positions.find(
        (p: { positionId: string }) => p.positionId === positionId,
      )?.filled;
    expect(await filledOnMap()).toBe(0); // the map's read is now held by this process (mapReads.ts)
    const hired = await hire(positionId, worker.workerId);
    expect(hired.status).toBe(200);
    expect(hired.body.application.status).toBe('hired');
    expect(hired.body.position.filled).toBe(1);
    expect(await filledOnMap()).toBe(1); // the hire made that read stale
    const [month] = await api.ctx.employment.timeline(worker.workerId);
    expect(month).toMatchObject({
      month: chinaMonth(new Date()),
      status: 'employed',
      place: 'withinCounty',
      form: 'assistanceWorkshop', // demo-employer-1 is a 帮扶车间
      employerName: employer.name,
      positionId,
      monthlyIncomeFen: 18_000 * 22, // a day wage × 22 days, the bottom of the range
      source: 'employerHire',
      recordedBy: 'demo-employer-1',
    });
    expect((await hire(positionId, worker.workerId)).status).toBe(409); // hired already: nothing changes
    expect((await api.ctx.positions.get(positionId))?.position.filled).toBe(1);
  });

  it('asks for the agreed income of piece work', async () => {
    const positionId = await openPosition(2, { pay: { unit: 'piece', minFen: 200, maxFen: 400, pieceNote: '每件' } });
    const worker = await boundWorker(api, 6);
    await apply(positionId, worker.token);
    const missing = await hire(positionId, worker.workerId);
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('body.monthlyIncomeFen');
    expect((await api.ctx.positions.get(positionId))?.position.filled).toBe(0);
    expect((await hire(positionId, worker.workerId, { monthlyIncomeFen: 320_000 })).status).toBe(200);
    expect((await api.ctx.employment.timeline(worker.workerId))[0]?.monthlyIncomeFen).toBe(320_000);
  });

  it('hires exactly the headcount when 20 confirmations race for 5 openings, and the full position leaves the map', async () => {
    const positionId = await openPosition(5, { location: { lat: 41.3, lng: 110.5 } });
    const workers = [];
    for (let n = 0; n < 20; n++) workers.push(await boundWorker(api, 100 + n));
    for (const worker of workers) await apply(positionId, worker.token);

    const results = await Promise.all(workers.map((worker) => hire(positionId, worker.workerId)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409)).toHaveLength(15);

    const { position } = (await api.ctx.positions.get(positionId))!;
    expect(position).toMatchObject({ filled: 5, headcount: 5, status: 'filled' });
    const applications = await api.ctx.applications.ofPosition(positionId);
    expect(applications.filter((a) => a.status === 'hired')).toHaveLength(5);
    const employed = await Promise.all(workers.map((w) => api.ctx.employment.timeline(w.workerId)));
    expect(employed.filter((months) => months.length === 1)).toHaveLength(5); // the 15 refused have no month written

    const near = await api.call('GET', `/api/v1/positions/nearby?lat=41.3&lng=110.5&radiusKm=1`);
    expect(near.body.positions.map((p: { positionId: string }) => p.positionId)).not.toContain(positionId);
  });
});

describe('the lists of applications', () => {
  /** Every page of a list route, with the DynamoDB calls each page took. */
  async function pages(path: string, token: string, field: string) {
    const shown: { items: any[]; calls: DynamoCall[] }[] = [];
    let cursor: string | undefined;
    do {
      let page!: { status: number; body: any };
      const calls = await dynamoCallsDuring(api, async () => {
        page = await api.call('GET', `${path}?limit=20${cursor ? `&cursor=${cursor}` : ''}`, { token });
      });
      expect(page.status).toBe(200);
      shown.push({ items: page.body[field], calls });
      cursor = page.body.nextCursor;
    } while (cursor);
    return shown;
  }
  const commands = (calls: DynamoCall[]) => calls.map((call) => call.command.replace(/Item?Command$|Command$/, ''));

  it('gives a worker theirs newest first, a page at a time, each page in three calls however long', async () => {
    const worker = await boundWorker(api, 7);
    const records = await putPositions(
      api.ctx,
      employer,
      Array.from({ length: 45 }, (_, i) => positionInput({ title: `缝纫工${i}`, location: SPOT })),
    );
    for (const record of records) expect((await apply(record.position.positionId, worker.token)).status).toBe(200);

    const shown = await pages('/api/v1/me/applications', worker.token, 'applications');
    expect(shown.map((page) => page.items.length)).toEqual([20, 20, 5]);
    const newestFirst = await api.ctx.applications.positionIdsOfWorker(worker.workerId);
    expect(shown.flatMap((page) => page.items.map((item: any) => item.position.positionId))).toEqual(newestFirst);
    // The session, the page, its positions in one batch: never one read per application.
    for (const page of shown) expect(commands(page.calls)).toEqual(['Get', 'Query', 'BatchGet']);

    const bad = await api.call('GET', '/api/v1/me/applications?cursor=not-a-cursor', { token: worker.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('query.cursor');
  });

  it('tells the job page whether this worker applied to it, in one read', async () => {
    const worker = await boundWorker(api, 8);
    const positionId = await openPosition(2);
    const mineFor = () => api.call('GET', `/api/v1/me/applications/${positionId}`, { token: worker.token });
    expect((await mineFor()).body).toEqual({ application: null });
    await apply(positionId, worker.token);
    const calls = await dynamoCallsDuring(api, async () =>
      expect((await mineFor()).body.application).toMatchObject({ positionId, workerId: worker.workerId, status: 'applied' }),
    );
    expect(commands(calls)).toEqual(['Get', 'Get']); // the session, the application
  });

  it('gives the employer the applicants first come first, a page at a time, the people of a page in one batch', async () => {
    const positionId = await openPosition(30);
    const order: string[] = [];
    for (let n = 0; n < 25; n++) {
      const worker = await boundWorker(api, 200 + n);
      await apply(positionId, worker.token);
      order.push(worker.workerId);
    }
    const shown = await pages(`/api/v1/positions/${positionId}/applications`, employerToken, 'applicants');
    expect(shown.map((page) => page.items.length)).toEqual([20, 5]);
    expect(shown.flatMap((page) => page.items.map((item: any) => item.workerId))).toEqual(order);
    for (const page of shown) {
      // The session, the position, its applications, the page's people in one batch; their village once, if not known yet.
      const isRegion = (call: DynamoCall) => JSON.stringify(call.input.Key ?? '').includes('REGION#');
      expect(commands(page.calls.filter((call) => !isRegion(call)))).toEqual(['Get', 'Get', 'Query', 'BatchGet']);
      expect(page.calls.filter(isRegion).length).toBeLessThanOrEqual(1);
    }
  });
});
