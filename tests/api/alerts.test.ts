/**
 * 岗位订阅 against the real app and DynamoDB Local: a worker saves a search; positions the
 * employer publishes go through the table's stream (the follower, as the Lambda on AWS) into
 * the inbox of each search they match, with one WeChat message per 允许 recorded, never twice
 * for one consent nor twice for one position; only the worker reaches their own searches.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { JobAlert, LatLng, PositionInput } from '@bangfu/shared';
import { fanOutPosition } from '../../functions/src/alerts/fanOut.js';
import { createStreamFollower, type StreamFollower } from '../../functions/src/local/streamFollower.js';
import { startDemoCountyApi, TEST_REGION, type TestApi } from '../support/api.js';
import { demoWorkshop, GUYANG, positionInput } from '../support/positions.js';
import { startWeChatFake, type WeChatFake } from '../support/wechatFake.js';

const TEMPLATE = 'tmpl-job-alert';
const ALERTS = '/api/v1/me/alerts';

let api: TestApi;
let wechat: WeChatFake;
let follower: StreamFollower;
let employerToken: string;

/** A worker who logged in through WeChat (so messages can reach them): their session and openid. */
async function wechatWorker(name: string) {
  const { status, body } = await api.call('POST', '/api/v1/auth/wechat', { body: { code: `${name}:1` } });
  expect(status).toBe(200);
  return { token: body.token as string, openid: `openid-of-${name}` };
}

const search = (overrides: Record<string, unknown> = {}) => ({
  label: '金山镇附近的车间',
  centre: GUYANG,
  placeName: '金山镇',
  radiusKm: 10,
  filters: { employerKind: 'assistanceWorkshop' },
  ...overrides,
});

async function saveSearch(token: string, overrides: Record<string, unknown> = {}): Promise<JobAlert> {
  const { status, body } = await api.call('POST', ALERTS, { token, body: search(overrides) });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.alert;
}

async function consent(token: string, alertId: string, templateId = TEMPLATE) {
  return api.call('POST', `${ALERTS}/${alertId}/consents`, { token, body: { templateId } });
}

/** The workshop (帮扶车间, 金山镇) posts an open position somewhere in 固阳县; its id. */
async function post(overrides: Partial<PositionInput> = {}): Promise<string> {
  const { status, body } = await api.call('POST', '/api/v1/positions', {
    token: employerToken,
    body: { ...positionInput({ title: `缝纫工${randomUUID().slice(0, 4)}`, regionCode: '150222', ...overrides }), publish: true },
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.position.positionId;
}

/** Posted and published, with the table's stream followed to its end. */
async function publish(overrides: Partial<PositionInput> = {}): Promise<string> {
  const positionId = await post(overrides);
  await follower.drain();
  return positionId;
}

async function inbox(token: string, query = '') {
  const { status, body } = await api.call('GET', `${ALERTS}/inbox${query}`, { token });
  expect(status, JSON.stringify(body)).toBe(200);
  return body as {
    items: { positionId: string; notice: string; unread: boolean; at: string; alertLabel: string; distanceKm: number }[];
    nextCursor?: string;
    unread?: number;
  };
}

async function alertsOf(token: string): Promise<JobAlert[]> {
  return (await api.call('GET', ALERTS, { token })).body.alerts;
}

const messagesFor = (positionId: string) => wechat.messages.filter((m) => m.page.endsWith(`positionId=${positionId}`));

/** A point `km` north of 固阳 (one degree of latitude is 111.2 km). */
const north = (km: number): LatLng => ({ lat: GUYANG.lat + km / 111.195, lng: GUYANG.lng });

beforeAll(async () => {
  wechat = await startWeChatFake();
  api = await startDemoCountyApi({ wechatApiBase: wechat.url, env: { WECHAT_ALERT_TEMPLATE_ID: TEMPLATE } });
  follower = createStreamFollower(api.ctx, { endpoint: inject('dynamoEndpoint'), region: TEST_REGION });
  // The seed's positions were published before any search existed: read past them now.
  await follower.drain();
  ({ token: employerToken } = await demoWorkshop(api));
}, 120_000);
afterAll(async () => {
  follower?.stop();
  await api?.close();
  await wechat?.close();
});

describe('岗位订阅: publish → inbox and WeChat', () => {
  it('sends one WeChat message per consent; with none left the match goes to the inbox only', async () => {
    const { token, openid } = await wechatWorker('alerted');
    const alert = await saveSearch(token);
    expect(alert).toMatchObject({ consents: 0, version: 1, filters: { employerKind: 'assistanceWorkshop' } });
    const listed = await api.call('GET', ALERTS, { token });
    expect(listed.body).toMatchObject({ templateId: TEMPLATE, max: 5, alerts: [{ alertId: alert.alertId }] });

    // The client asked WeChat (requestSubscribeMessage) and the worker tapped 允许 once.
    const given = await consent(token, alert.alertId);
    expect(given.status, JSON.stringify(given.body)).toBe(200);
    expect(given.body.alert).toMatchObject({ consents: 1, version: 1 });

    const first = await publish({ location: north(3) });
    const sent = messagesFor(first);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      touser: openid,
      template_id: TEMPLATE,
      page: `worker/pages/position/index?positionId=${first}`,
    });
    expect([...sent[0]!.data.thing3!.value].length).toBeLessThanOrEqual(20);
    let box = await inbox(token);
    expect(box.items).toEqual([
      expect.objectContaining({ positionId: first, notice: 'sent', unread: true, alertLabel: '金山镇附近的车间', distanceKm: 3 }),
    ]);
    expect(box.unread).toBe(1);
    expect((await alertsOf(token))[0]!.consents).toBe(0);

    // A second match with no consent left: in the inbox, no message.
    const second = await publish({ location: north(5) });
    expect(messagesFor(second)).toHaveLength(0);
    box = await inbox(token);
    expect(box.items.map((i) => [i.positionId, i.notice])).toEqual([
      [second, 'noConsent'],
      [first, 'sent'],
    ]);
    expect(box.unread).toBe(2);

    // The stream delivered again from its start (a retried batch, a new consumer): nothing twice.
    const again = createStreamFollower(api.ctx, { endpoint: inject('dynamoEndpoint'), region: TEST_REGION });
    await again.drain();
    again.stop();
    const record = (await api.ctx.positions.get(first))!;
    const report = await fanOutPosition(api.ctx, record.position);
    expect(report).toMatchObject({ already: 1, delivered: {} });
    expect(messagesFor(first)).toHaveLength(1);
    expect((await inbox(token)).items).toHaveLength(2);

    // Read up to the newest: nothing unread; a later match is unread again.
    const read = await api.call('POST', `${ALERTS}/inbox/read`, { token, body: { upTo: box.items[0]!.at } });
    expect(read.body).toMatchObject({ readUpTo: box.items[0]!.at, unread: 0 });
    expect((await inbox(token)).items.every((i) => !i.unread)).toBe(true);
    // A time to come is read only up to now; an earlier one never moves it back.
    const future = await api.call('POST', `${ALERTS}/inbox/read`, { token, body: { upTo: '2999-01-01T00:00:00.000Z' } });
    expect(Date.parse(future.body.readUpTo)).toBeLessThanOrEqual(Date.now());
    const back = await api.call('POST', `${ALERTS}/inbox/read`, { token, body: { upTo: '2020-01-01T00:00:00.000Z' } });
    expect(back.body.readUpTo).toBe(future.body.readUpTo);
    const third = await publish({ location: north(1) });
    box = await inbox(token);
    expect(box.items[0]).toMatchObject({ positionId: third, unread: true });
    expect(box.unread).toBe(1);

    // Pages, newest first.
    const page1 = await inbox(token, '?limit=2');
    expect(page1.items.map((i) => i.positionId)).toEqual([third, second]);
    const page2 = await inbox(token, `?limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items.map((i) => i.positionId)).toEqual([first]);
    expect(page2.nextCursor).toBeUndefined();
    expect(page2.unread).toBeUndefined();
  });

  it('brings nothing for a position outside the circle or failing a filter, nor once the search is moved or deleted', async () => {
    const { token } = await wechatWorker('choosy');
    const alert = await saveSearch(token, { filters: { employerKind: 'assistanceWorkshop', minMonthlyPayFen: 350_000 } });
    await consent(token, alert.alertId);
    const before = wechat.messages.length;

    await publish({ location: north(10.2) }); // just outside 10 km
    await publish({ location: north(2), pay: { unit: 'month', minFen: 200_000, maxFen: 300_000 } }); // pays too little
    expect((await inbox(token)).items).toEqual([]);
    expect(wechat.messages.length).toBe(before);

    // Moved 40 km north: the old place brings nothing, the new one does.
    const moved = await api.call('PATCH', `${ALERTS}/${alert.alertId}`, {
      token,
      body: { version: alert.version, centre: north(40), placeName: '下湿壕镇' },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.alert).toMatchObject({
      version: 2,
      consents: 1,
      placeName: '下湿壕镇',
      radiusKm: 10,
      filters: { employerKind: 'assistanceWorkshop', minMonthlyPayFen: 350_000 },
    });
    await publish({ location: north(1) });
    expect((await inbox(token)).items).toEqual([]);
    const there = await publish({ location: north(42) });
    expect((await inbox(token)).items.map((i) => [i.positionId, i.notice, i.distanceKm])).toEqual([[there, 'sent', 2]]);

    // A stale version is refused and changes nothing; deleted, the search brings nothing more.
    const stale = await api.call('PATCH', `${ALERTS}/${alert.alertId}`, { token, body: { version: 1, radiusKm: 50 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.field).toBe('body.version');
    const staleDelete = await api.call('DELETE', `${ALERTS}/${alert.alertId}?version=1`, { token });
    expect(staleDelete.status).toBe(409);
    const deleted = await api.call('DELETE', `${ALERTS}/${alert.alertId}?version=2`, { token });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(await alertsOf(token)).toEqual([]);
    await publish({ location: north(41) });
    expect((await inbox(token)).items).toHaveLength(1);
  });

  it('puts matches of an account WeChat cannot reach in the inbox only, keeping its consents', async () => {
    // demo-worker-2 logged in by the demo login: no openid.
    const token = await api.loginAs('demo-worker-2');
    const alert = await saveSearch(token, { centre: north(60), radiusKm: 5 });
    await consent(token, alert.alertId);
    const before = wechat.messages.length;
    const positionId = await publish({ location: north(61) });
    expect((await inbox(token)).items).toEqual([expect.objectContaining({ positionId, notice: 'off' })]);
    expect(wechat.messages.length).toBe(before);
    expect((await alertsOf(token))[0]!.consents).toBe(1);
  });

  it('with one consent and two positions published at once (each delivered twice), sends exactly one message', async () => {
    const { token } = await wechatWorker('racer');
    const alert = await saveSearch(token, { centre: north(80), radiusKm: 20, filters: {} });
    await consent(token, alert.alertId);
    // Posted, then delivered side by side, each twice, as two consumers would; then the stream too.
    const ids = [await post({ location: north(81) }), await post({ location: north(82) })];
    const positions = await Promise.all(ids.map(async (id) => (await api.ctx.positions.get(id))!.position));
    await Promise.all([...positions, ...positions].map((p) => fanOutPosition(api.ctx, p)));
    await follower.drain();
    const sent = ids.flatMap(messagesFor);
    expect(sent).toHaveLength(1);
    const box = await inbox(token);
    expect(box.items.map((i) => i.notice).sort()).toEqual(['noConsent', 'sent']);
    expect((await alertsOf(token))[0]!.consents).toBe(0);
  });

  it('lists positions published together newest first, as they were published', async () => {
    const token = await api.loginAs('demo-worker-3');
    await saveSearch(token, { centre: north(120), radiusKm: 10, filters: {} });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await post({ location: north(121 + i / 10) }));
    await follower.drain(); // one batch of stream records, read at one moment
    expect((await inbox(token)).items.map((i) => i.positionId)).toEqual([...ids].reverse());
  });

  it('gives each account one message per position even when two of its searches match', async () => {
    const { token } = await wechatWorker('twice');
    const near = await saveSearch(token, { label: '近的', centre: north(100), radiusKm: 5, filters: {} });
    const wide = await saveSearch(token, { label: '远的', centre: north(100), radiusKm: 60, filters: {} });
    await consent(token, near.alertId);
    await consent(token, wide.alertId);
    const positionId = await publish({ location: north(101) });
    expect(messagesFor(positionId)).toHaveLength(1);
    expect((await inbox(token)).items).toHaveLength(1);
    const consents = (await alertsOf(token)).map((a) => a.consents);
    expect(consents.sort()).toEqual([0, 1]);
  });
});

describe('岗位订阅: the worker’s own searches', () => {
  it('keeps at most 5, even when many are saved at once', async () => {
    const { token } = await wechatWorker('many');
    const results = await Promise.all(Array.from({ length: 8 }, () => api.call('POST', ALERTS, { token, body: search() })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
    const alerts = await alertsOf(token);
    expect(alerts).toHaveLength(5);
    // Deleting one makes room for one.
    await api.call('DELETE', `${ALERTS}/${alerts[0]!.alertId}?version=1`, { token });
    expect((await api.call('POST', ALERTS, { token, body: search() })).status).toBe(201);
    expect((await api.call('POST', ALERTS, { token, body: search() })).status).toBe(409);
  });

  it('names the field of bad input and saves nothing', async () => {
    const { token } = await wechatWorker('typo');
    const cases: [Record<string, unknown>, string][] = [
      [{ radiusKm: 150 }, 'body.radiusKm'],
      [{ radiusKm: 0.5 }, 'body.radiusKm'],
      [{ centre: { lat: 10, lng: 10 } }, 'body.centre.lng'],
      [{ label: '' }, 'body.label'],
      [{ filters: { employerKind: 'factory' } }, 'body.filters.employerKind'],
      [{ filters: { occupation: '不存在的工种' } }, 'body.filters.occupation'],
      [{ consents: 9 }, 'body.consents'],
    ];
    for (const [bad, field] of cases) {
      const { status, body } = await api.call('POST', ALERTS, { token, body: search(bad) });
      expect(status, field).toBe(400);
      expect(body.error.field, JSON.stringify(bad)).toBe(field);
    }
    expect(await alertsOf(token)).toEqual([]);
    const alert = await saveSearch(token);
    const patch = await api.call('PATCH', `${ALERTS}/${alert.alertId}`, { token, body: { version: 1, radiusKm: 101 } });
    expect(patch.body.error.field).toBe('body.radiusKm');
    const wrongTemplate = await consent(token, alert.alertId, 'an-old-template');
    expect(wrongTemplate.status).toBe(409);
    expect(wrongTemplate.body.error.field).toBe('body.templateId');
    const read = await api.call('POST', `${ALERTS}/inbox/read`, { token, body: { upTo: 'yesterday' } });
    expect(read.body.error.field).toBe('body.upTo');
    expect((await alertsOf(token))[0]).toMatchObject({ version: 1, consents: 0, radiusKm: 10 });
  });

  it('refuses another worker (not found), employers and staff (403), and anyone not logged in (401)', async () => {
    const owner = await wechatWorker('owner');
    const alert = await saveSearch(owner.token);
    const other = await wechatWorker('other');
    const id = alert.alertId;
    for (const [method, path, body] of [
      ['PATCH', `${ALERTS}/${id}`, { version: 1, radiusKm: 50 }],
      ['DELETE', `${ALERTS}/${id}?version=1`, undefined],
      ['POST', `${ALERTS}/${id}/consents`, { templateId: TEMPLATE }],
    ] as const) {
      const answer = await api.call(method, path, { token: other.token, ...(body ? { body } : {}) });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.error.field).toBe('params.alertId');
    }
    expect(await alertsOf(other.token)).toEqual([]);
    expect((await alertsOf(owner.token))[0]).toMatchObject({ version: 1, consents: 0, radiusKm: 10 });

    const staff = await api.loginAs('demo-staff-county');
    for (const token of [employerToken, staff]) {
      expect((await api.call('GET', ALERTS, { token })).status).toBe(403);
      expect((await api.call('GET', `${ALERTS}/inbox`, { token })).status).toBe(403);
      expect((await api.call('POST', ALERTS, { token, body: search() })).status).toBe(403);
      expect((await api.call('DELETE', `${ALERTS}/${id}?version=1`, { token })).status).toBe(403);
    }
    expect((await api.call('GET', ALERTS)).status).toBe(401);
    expect((await api.call('POST', `${ALERTS}/${id}/consents`, { body: { templateId: TEMPLATE } })).status).toBe(401);
  });
});
