/** Monthly employment records: supersession with history, refusals, self-reports, and the 15th / 25th reporting. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '@bangfu/shared';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import { employedAcrossProvince, idNumber, JINSHAN_VILLAGE, workerInput } from '../support/people.js';
import { startWeChatFake, type WeChatFake } from '../support/wechatFake.js';

let api: TestApi;
let wechat: WeChatFake;
let village: string; // the officer of 小三分子村
let workerId: string;
const id = idNumber('150222', '19790909', 51, 'female');
const thisMonth = chinaMonth(new Date());

const employed = employedAcrossProvince('鄂尔多斯某建筑公司');

beforeAll(async () => {
  wechat = await startWeChatFake();
  api = await startDemoCountyApi({ wechatApiBase: wechat.url });
  village = await api.loginAs('demo-staff-village-1');
  const created = await api.call('POST', '/api/v1/registry/workers', {
    token: village,
    body: workerInput({ idNumber: id, name: '田凤英' }),
  });
  workerId = created.body.worker.workerId;
});
afterAll(async () => {
  await api.close();
  await wechat.close();
});

const put = (month: string, body: unknown, token = village) =>
  api.call('PUT', `/api/v1/registry/workers/${workerId}/employment/${month}`, { token, body });

describe('monthly employment records', () => {
  it('supersedes a month with a later record and keeps the history', async () => {
    const first = await put('2026-09', { status: 'notEmployed', monthlyIncomeFen: 0, atHomeReason: 'caringForFamily' });
    expect(first.status).toBe(200);
    expect(first.body.record).toMatchObject({
      month: '2026-09',
      revision: 1,
      source: 'staff',
      recordedBy: 'demo-staff-village-1',
    });
    const second = await put('2026-09', employed);
    expect(second.body.record).toMatchObject({ revision: 2, status: 'employed', monthlyIncomeFen: 520_000 });
    await put('2026-10', employed);

    const timeline = await api.call('GET', `/api/v1/registry/workers/${workerId}/employment`, { token: village });
    expect(timeline.body.records.map((r: { month: string; revision: number }) => [r.month, r.revision])).toEqual([
      ['2026-10', 1],
      ['2026-09', 2],
    ]);
    const history = await api.call('GET', `/api/v1/registry/workers/${workerId}/employment/2026-09/history`, { token: village });
    expect(history.body.revisions.map((r: { status: string }) => r.status)).toEqual(['notEmployed', 'employed']);

    // A page at a time, newest first: the current record of each month once, never a revision.
    const newest = await api.call('GET', `/api/v1/registry/workers/${workerId}/employment?limit=1`, { token: village });
    expect(newest.body.records.map((r: { month: string }) => r.month)).toEqual(['2026-10']);
    const next = await api.call(
      'GET',
      `/api/v1/registry/workers/${workerId}/employment?limit=1&cursor=${newest.body.nextCursor}`,
      { token: village },
    );
    expect(next.body.records.map((r: { month: string; revision: number }) => [r.month, r.revision])).toEqual([['2026-09', 2]]);
    // This worker's cursor reads nothing of another worker's months.
    const other = await api.call('POST', '/api/v1/registry/workers', {
      token: village,
      body: workerInput({ idNumber: idNumber('150222', '19800101', 52, 'male'), name: '田二虎' }),
    });
    const foreign = await api.call(
      'GET',
      `/api/v1/registry/workers/${other.body.worker.workerId}/employment?cursor=${newest.body.nextCursor}`,
      { token: village },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({ code: 'INVALID_CURSOR', field: 'query.cursor' });
  });

  it('keeps every one of several simultaneous writes in the history, the last one current', async () => {
    const incomes = [100_000, 200_000, 300_000, 400_000, 500_000];
    const results = await Promise.all(incomes.map((monthlyIncomeFen) => put('2026-08', { ...employed, monthlyIncomeFen })));
    const ok = results.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of results) expect([200, 409]).toContain(r.status);
    const history = (await api.call('GET', `/api/v1/registry/workers/${workerId}/employment/2026-08/history`, { token: village }))
      .body.revisions;
    expect(history.map((r: { revision: number }) => r.revision)).toEqual(ok.map((_, i) => i + 1));
    const current = (
      await api.call('GET', `/api/v1/registry/workers/${workerId}/employment`, { token: village })
    ).body.records.find((r: { month: string }) => r.month === '2026-08');
    expect(current.revision).toBe(history.length);
    expect(current.monthlyIncomeFen).toBe(history.at(-1).monthlyIncomeFen);
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const cases: [string, unknown, string][] = [
      ['2026-07', { ...employed, monthlyIncomeFen: -1 }, 'body.monthlyIncomeFen'],
      ['2026-07', { ...employed, monthlyIncomeFen: 100_000_001 }, 'body.monthlyIncomeFen'],
      ['2026-07', { ...employed, monthlyIncomeFen: 4500.5 }, 'body.monthlyIncomeFen'],
      ['2026-07', { status: 'employed', form: 'enterprise', monthlyIncomeFen: 1 }, 'body.place'],
      ['2026-07', { status: 'notEmployed', form: 'enterprise', monthlyIncomeFen: 0 }, 'body.form'],
      ['2026-13', employed, 'params.month'],
      ['2099-01', employed, 'params.month'],
    ];
    for (const [month, body, field] of cases) {
      const { status, body: response } = await put(month, body);
      expect(status, field).toBe(400);
      expect(response.error.field).toBe(field);
    }
    expect(
      (await api.call('GET', `/api/v1/registry/workers/${workerId}/employment/2026-07/history`, { token: village })).body
        .revisions,
    ).toEqual([]);
  });

  it('refuses staff of another township', async () => {
    expect((await put('2026-06', employed, await api.loginAs('demo-staff-township-2'))).status).toBe(403);
  });

  it('lets the registry filter by employment in the latest month', async () => {
    await put(thisMonth, { status: 'notEmployed', monthlyIncomeFen: 0, atHomeReason: 'idle' });
    const names = async (employedNow: boolean) =>
      (
        await api.call('GET', `/api/v1/registry/workers?regionCode=${JINSHAN_VILLAGE}&employed=${employedNow}`, {
          token: village,
        })
      ).body.workers.map((w: { name: string }) => w.name);
    expect(await names(false)).toContain('田凤英');
    await put(thisMonth, employed);
    expect(await names(true)).toContain('田凤英');
    expect(await names(false)).not.toContain('田凤英');
    // An older month written later does not change what "latest" means.
    await put('2026-05', { status: 'notEmployed', monthlyIncomeFen: 0 });
    expect(await names(true)).toContain('田凤英');
  });

  it('takes a bound worker’s own report, marked as self-reported', async () => {
    const { body: login } = await api.call('POST', '/api/v1/auth/wechat', { body: { code: 'tian:1' } });
    expect((await api.call('PUT', '/api/v1/me/employment/2026-04', { token: login.token, body: employed })).status).toBe(404);
    await api.call('POST', '/api/v1/me/worker/bind', { token: login.token, body: { name: '田凤英', idNumber: id } });
    const mine = await api.call('PUT', '/api/v1/me/employment/2026-04', { token: login.token, body: employed });
    expect(mine.status).toBe(200);
    expect(mine.body.record).toMatchObject({ source: 'self', workerId });
    const timeline = await api.call('GET', '/api/v1/me/employment', { token: login.token });
    expect(timeline.body.records.map((r: { month: string }) => r.month)).toContain('2026-04');
  });
});

describe('monthly reporting (villages by the 15th, townships by the 25th)', () => {
  it('shows which villages and townships have not reported a month', async () => {
    const township = await api.loginAs('demo-staff-township-1');
    const before = await api.call('GET', '/api/v1/registry/reports?month=2026-09&regionCode=150222102', { token: township });
    expect(before.status).toBe(200);
    expect(before.body.deadlines).toEqual({ village: '2026-09-15', township: '2026-09-25' });
    expect(before.body.villages.length).toBeGreaterThan(5);
    expect(before.body.villages.every((v: { state: string }) => v.state === 'overdue')).toBe(true);

    const report = await api.call('POST', '/api/v1/registry/reports', {
      token: village,
      body: { month: '2026-09', regionCode: JINSHAN_VILLAGE },
    });
    expect(report.status).toBe(200);
    const again = await api.call('POST', '/api/v1/registry/reports', {
      token: village,
      body: { month: '2026-09', regionCode: JINSHAN_VILLAGE },
    });
    expect(again.body.report.reportedAt).toBe(report.body.report.reportedAt);

    const after = await api.call('GET', '/api/v1/registry/reports?month=2026-09&regionCode=150222102', { token: township });
    const mine = after.body.villages.find((v: { code: string }) => v.code === JINSHAN_VILLAGE);
    expect(mine).toMatchObject({ state: 'late', reportedBy: 'demo-staff-village-1' });
    expect(after.body.villages.filter((v: { state: string }) => v.state === 'overdue')).toHaveLength(
      after.body.villages.length - 1,
    );
    expect(after.body.townships).toEqual([expect.objectContaining({ code: '150222102', state: 'overdue' })]);

    const county = await api.call('GET', '/api/v1/registry/reports?month=2026-09&regionCode=150222', {
      token: await api.loginAs('demo-staff-county'),
    });
    expect(county.body.townships).toHaveLength(6);
  });

  it('lets a village officer report only their own village', async () => {
    const other = await api.call('POST', '/api/v1/registry/reports', {
      token: village,
      body: { month: '2026-09', regionCode: '150222102213' },
    });
    expect(other.status).toBe(403);
    const township = await api.call('POST', '/api/v1/registry/reports', {
      token: village,
      body: { month: '2026-09', regionCode: '150222102' },
    });
    expect(township.status).toBe(403);
  });
});
