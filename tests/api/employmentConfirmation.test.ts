/**
 * Money only on facts someone accountable stands behind (issue #11, finding 5): a worker's own
 * report of a month is information until staff confirm it, and every month's source is named
 * in the trace the worker and the approver read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, chinaMonth } from '@bangfu/shared';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import { employedAcrossProvince } from '../support/people.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
let village: string; // the officer of 小三分子村, the test workers' village
let otherTownship: string; // 西斗铺镇's officer: not their region
const month = chinaMonth(new Date());
const acrossProvince = employedAcrossProvince('北京某建筑公司');

beforeAll(async () => {
  api = await startDemoCountyApi();
  village = await api.loginAs('demo-staff-village-1');
  otherTownship = await api.loginAs('demo-staff-township-2');
});
afterAll(() => api?.close());

type Line = { kind: string; text: string; source?: string };
const transportOf = async (token: string) =>
  (await api.call('GET', '/api/v1/me/subsidies', { token })).body.results.find(
    (r: { subsidy: string }) => r.subsidy === 'transport_once',
  );
const claimTransport = (token: string) =>
  api.call('POST', '/api/v1/me/subsidies/claims', {
    token,
    body: { idempotencyKey: crypto.randomUUID(), subsidies: ['transport_once'] },
  });
const confirm = (workerId: string, body: unknown, token = village) =>
  api.call('POST', `/api/v1/registry/workers/${workerId}/employment/${month}/confirmation`, { token, body });

describe('a month the worker reported themselves', () => {
  it('pays nothing until a village officer confirms it; then the trace names who confirmed it and when', async () => {
    const worker = await boundWorker(api, 501);
    const reported = await api.call('PUT', `/api/v1/me/employment/${month}`, { token: worker.token, body: acrossProvince });
    expect(reported.status).toBe(200);
    expect(reported.body.record).toMatchObject({ source: 'self', revision: 1 });
    expect(reported.body.record.confirmation).toBeUndefined();

    // The attack: the self-report made 500 yuan due, and it was claimed. Now it waits for staff.
    const before = await transportOf(worker.token);
    expect(before).toMatchObject({ eligible: false, amountFen: 0 });
    expect(before.missing).toContain('employment');
    expect(before.trace.map((t: Line) => t.text).join('\n')).toContain('本人申报，待核实');
    const refused = await claimTransport(worker.token);
    expect(refused.status).toBe(409);
    expect(await api.ctx.claims.ofWorker(worker.workerId)).toEqual([]);

    const confirmed = await confirm(worker.workerId, { revision: 1 });
    expect(confirmed.status).toBe(200);
    // The self-report stays what it was; the confirmation says who, at which level, when.
    expect(confirmed.body.record).toMatchObject({
      source: 'self',
      place: 'acrossProvince',
      revision: 1,
      confirmation: { by: 'demo-staff-village-1', level: 'village' },
    });
    const history = await api.call('GET', `/api/v1/registry/workers/${worker.workerId}/employment/${month}/history`, {
      token: village,
    });
    expect(history.body.revisions).toHaveLength(1);
    expect(history.body.revisions[0].confirmation.by).toBe('demo-staff-village-1');

    const after = await transportOf(worker.token);
    expect(after.eligible).toBe(true);
    const source = `本人申报，村信息员 ${chinaDate(new Date())} 核实`;
    expect(after.trace).toContainEqual(expect.objectContaining({ kind: 'fact', source }));

    // The approver sees the same source in the queue.
    expect((await claimTransport(worker.token)).status).toBe(200);
    const queue = await api.call('GET', `/api/v1/claims?regionCode=150222102&status=submitted`, {
      token: await api.loginAs('demo-staff-township-1'),
    });
    const claim = queue.body.claims.find(
      (c: { beneficiary: { workerId?: string } }) => c.beneficiary.workerId === worker.workerId,
    );
    expect(claim.trace).toContainEqual(expect.objectContaining({ kind: 'fact', source }));
  });

  it('names an officer’s own record as theirs, and a new self-report needs confirming again', async () => {
    const worker = await boundWorker(api, 502);
    const recorded = await api.call('PUT', `/api/v1/registry/workers/${worker.workerId}/employment/${month}`, {
      token: village,
      body: acrossProvince,
    });
    expect(recorded.status).toBe(200);
    const byStaff = await transportOf(worker.token);
    expect(byStaff.eligible).toBe(true);
    expect(byStaff.trace).toContainEqual(
      expect.objectContaining({ kind: 'fact', source: `村信息员 ${chinaDate(new Date())} 登记` }),
    );
    // Nothing to confirm in a record staff made.
    const nothing = await confirm(worker.workerId, { revision: 1 });
    expect(nothing.status).toBe(409);

    // The worker's own report supersedes it: information again, until confirmed.
    await api.call('PUT', `/api/v1/me/employment/${month}`, { token: worker.token, body: acrossProvince });
    expect((await transportOf(worker.token)).eligible).toBe(false);
  });

  it('refuses a confirmation on a stale revision, out of region, by the worker, or of a month never reported, changing nothing', async () => {
    const worker = await boundWorker(api, 503);
    await api.call('PUT', `/api/v1/me/employment/${month}`, { token: worker.token, body: acrossProvince });

    const stale = await confirm(worker.workerId, { revision: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.field).toBe('body.revision');
    expect((await confirm(worker.workerId, { revision: 1 }, otherTownship)).status).toBe(403);
    expect((await confirm(worker.workerId, { revision: 1 }, worker.token)).status).toBe(403);
    const bad = await confirm(worker.workerId, { revision: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.revision');
    const none = await api.call('POST', `/api/v1/registry/workers/${worker.workerId}/employment/2026-01/confirmation`, {
      token: village,
      body: { revision: 1 },
    });
    expect(none.status).toBe(404);

    const [current] = (await api.call('GET', '/api/v1/me/employment', { token: worker.token })).body.records;
    expect(current.confirmation).toBeUndefined();
    expect((await transportOf(worker.token)).eligible).toBe(false);
  });
});
