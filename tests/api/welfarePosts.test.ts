/**
 * 乡村公益性岗位 over DynamoDB Local: a township sets a post up (设岗) — not a village, not another
 * township; who is offered it first (脱贫 and 监测 with weak or half labour, the post's village
 * first; nobody at work or on a post); taking people on (以岗聘用) under agreements of at most a
 * year, the month recorded as work on the post, one post a person, the last place to one of two.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '@bangfu/shared';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import { JINSHAN_OTHER_VILLAGE, JINSHAN_VILLAGE, XIDOUPU_VILLAGE } from '../support/people.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
beforeAll(async () => {
  api = await startDemoCountyApi();
});
afterAll(() => api?.close());

const post = {
  title: '小三分子村保洁员',
  category: 'sanitation',
  villageCode: JINSHAN_VILLAGE,
  duties: '每天清扫村内主干道和公共场所，清运垃圾',
  fullTime: true,
  hoursPerWeek: 40,
  fundingSource: 'ruralRevitalisationFund',
  places: 2,
  termStartsOn: '2026-01-01',
  termEndsOn: '2027-12-31',
};
const year = { startsOn: '2026-12-01', endsOn: '2027-11-30' };

describe('乡村公益性岗位', () => {
  let token: string;
  let postId: string;
  const people: Record<string, Awaited<ReturnType<typeof boundWorker>>> = {};

  beforeAll(async () => {
    token = await api.loginAs('demo-staff-township-1');
    people.weakPoor = await boundWorker(api, 90, { groups: ['povertyAlleviated'], labourClass: 'weak' });
    people.halfMonitoredElsewhere = await boundWorker(api, 91, {
      villageCode: JINSHAN_OTHER_VILLAGE,
      groups: ['monitored'],
      labourClass: 'half',
    });
    people.fullPoor = await boundWorker(api, 92, { groups: ['povertyAlleviated'], labourClass: 'full' });
    people.other = await boundWorker(api, 93, { groups: [], labourClass: 'full' });
    people.working = await boundWorker(api, 94, { groups: ['povertyAlleviated'], labourClass: 'weak' });
    const month = chinaMonth(new Date());
    await api.ctx.employment.record(
      people.working,
      month,
      { status: 'employed', place: 'withinCounty', form: 'enterprise', monthlyIncomeFen: 300_000 },
      { source: 'staff', userId: 'demo-staff-township-1', level: 'township' },
    );
  });

  it('is set up by the township in one of its villages, with the region’s monthly standard; not by a village or another township', async () => {
    const created = await api.call('POST', '/api/v1/welfare-posts', { token, body: post });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.post).toMatchObject({ filled: 0, places: 2, monthlyStandardFen: 80_000 });
    postId = created.body.post.postId;

    const village = await api.loginAs('demo-staff-village-1');
    expect((await api.call('POST', '/api/v1/welfare-posts', { token: village, body: post })).status).toBe(403);
    const other = await api.loginAs('demo-staff-township-2');
    expect((await api.call('POST', '/api/v1/welfare-posts', { token: other, body: post })).status).toBe(403);
    const backwards = await api.call('POST', '/api/v1/welfare-posts', {
      token,
      body: { ...post, termEndsOn: '2025-12-31' },
    });
    expect([backwards.status, backwards.body.error.field]).toEqual([400, 'body.termEndsOn']);
    const none = await api.call('POST', '/api/v1/welfare-posts', { token, body: { ...post, places: 0 } });
    expect([none.status, none.body.error.field]).toEqual([400, 'body.places']);

    // Beside the demo county's own posts in 金山镇; none of another township's.
    const list = await api.call('GET', '/api/v1/welfare-posts?regionCode=150222102', { token });
    const listed = list.body.posts as { postId: string; villageCode: string }[];
    expect(listed.map((p) => p.postId)).toContain(postId);
    expect(listed.every((p) => p.villageCode.startsWith('150222102'))).toBe(true);
  });

  it('offers it first to 脱贫 and 监测 with weak or half labour, its own village first, never to one at work', async () => {
    const { status, body } = await api.call('GET', `/api/v1/welfare-posts/${postId}/candidates?limit=50`, { token });
    expect(status).toBe(200);
    const ids = body.candidates.map((c: { workerId: string }) => c.workerId);
    const at = (key: string) => ids.indexOf(people[key]!.workerId);
    expect(at('weakPoor')).toBeGreaterThanOrEqual(0);
    expect(at('weakPoor')).toBeLessThan(at('halfMonitoredElsewhere'));
    expect(at('halfMonitoredElsewhere')).toBeLessThan(at('fullPoor'));
    expect(at('fullPoor')).toBeLessThan(at('other'));
    expect(at('working')).toBe(-1);
    expect(body.candidates[at('weakPoor')]).toMatchObject({ tier: 1, reasons: ['脱贫人口', '弱劳力', '本村'] });
    expect(body.candidates[at('other')]).toMatchObject({ tier: 3, reasons: ['本村'] });
  });

  it('takes a person on for at most a year, records the month as the post, and once only', async () => {
    const tooLong = await api.call('POST', `/api/v1/welfare-posts/${postId}/holders`, {
      token,
      body: { workerId: people.weakPoor!.workerId, startsOn: '2026-12-01', endsOn: '2027-12-01' },
    });
    expect([tooLong.status, tooLong.body.error.field]).toEqual([400, 'body.endsOn']);
    const hired = await api.call('POST', `/api/v1/welfare-posts/${postId}/holders`, {
      token,
      body: { workerId: people.weakPoor!.workerId, ...year },
    });
    expect(hired.status, JSON.stringify(hired.body)).toBe(201);
    expect(hired.body.holder).toMatchObject({ status: 'onPost', ...year });
    expect(hired.body.post.filled).toBe(1);
    const [month] = await api.ctx.employment.timeline(people.weakPoor!.workerId);
    expect(month).toMatchObject({
      month: chinaMonth(new Date()),
      status: 'employed',
      form: 'publicWelfarePost',
      employerName: post.title,
      monthlyIncomeFen: 80_000,
    });
    const trail = await api.ctx.audit.page(people.weakPoor!.workerId, { limit: 10 });
    expect(trail.entries.map((e: { action: string }) => e.action)).toContain('welfarePostHire');

    const again = await api.call('POST', `/api/v1/welfare-posts/${postId}/holders`, {
      token,
      body: { workerId: people.weakPoor!.workerId, ...year },
    });
    expect([again.status, again.body.error.field]).toEqual([409, 'body.workerId']);
    const candidates = await api.call('GET', `/api/v1/welfare-posts/${postId}/candidates?limit=50`, { token });
    expect(candidates.body.candidates.map((c: { workerId: string }) => c.workerId)).not.toContain(people.weakPoor!.workerId);
    const outside = await boundWorker(api, 95, { villageCode: XIDOUPU_VILLAGE });
    const notTheirs = await api.call('POST', `/api/v1/welfare-posts/${postId}/holders`, {
      token,
      body: { workerId: outside.workerId, ...year },
    });
    expect(notTheirs.status).toBe(404);
  });

  it('gives the last place to one of two officers taking people on at once', async () => {
    const results = await Promise.all(
      [people.halfMonitoredElsewhere!, people.fullPoor!].map((person) =>
        api.call('POST', `/api/v1/welfare-posts/${postId}/holders`, { token, body: { workerId: person.workerId, ...year } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.message.zh).toContain('名额已经满了');
    const { body } = await api.call('GET', `/api/v1/welfare-posts/${postId}`, { token });
    expect(body.post.filled).toBe(2);
    expect(body.holders).toHaveLength(2);
  });

  it('lets a person leave the post with a reason and last day (有序退岗), freeing the place; they may be taken on anew', async () => {
    const worker = people.weakPoor!.workerId;
    const leave = (body: unknown) => api.call('POST', `/api/v1/welfare-posts/${postId}/holders/${worker}/leave`, { token, body });
    const early = await leave({ lastDay: '2026-11-30', reason: 'resigned' });
    expect([early.status, early.body.error.field]).toEqual([400, 'body.lastDay']);
    const left = await leave({ lastDay: '2026-12-31', reason: 'resigned' });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect(left.body.holder).toMatchObject({ status: 'ended', left: { lastDay: '2026-12-31', reason: 'resigned' } });
    expect((await leave({ lastDay: '2026-12-31', reason: 'resigned' })).status).toBe(409);
    const { body } = await api.call('GET', `/api/v1/welfare-posts/${postId}`, { token });
    expect(body.post.filled).toBe(1);
    const trail = await api.ctx.audit.page(worker, { limit: 10 });
    expect(trail.entries.map((e: { action: string }) => e.action)).toContain('welfarePostLeft');

    const again = await api.call('POST', `/api/v1/welfare-posts/${postId}/holders`, {
      token,
      body: { workerId: worker, ...year },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.post.filled).toBe(2);
  });
});
