/**
 * A person's circumstances with their source: an officer's record decides money and is named
 * beside the fact in the trace; the worker's own report is kept and said, never paid on, until an
 * officer records it; a report never overwrites an officer's record; bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
let officer: string;
let otherVillage: string;

beforeAll(async () => {
  api = await startDemoCountyApi();
  officer = await api.loginAs('demo-staff-village-1');
  otherVillage = await api.loginAs('demo-staff-village-jx-1');
});
afterAll(() => api?.close());

type Result = { subsidy: string; eligible: boolean; amountFen: number; trace: { text: string; key?: string; source?: string }[] };
const yuluOf = async (token: string) =>
  ((await api.call('GET', '/api/v1/me/subsidies', { token })).body.results as Result[]).find(
    (r) => r.subsidy === 'yulu_education',
  )!;
const student = { schoolKind: 'technicalSchool', enrolledOn: '2025-09-01' };
/** The record's version now (binding changed it since it was made). */
const versionOf = async (token: string) => (await api.call('GET', '/api/v1/me/worker', { token })).body.worker.version as number;

describe('circumstances with their source', () => {
  it('pays on an officer’s record, says who made it, and waits on the worker’s own report', async () => {
    const worker = await boundWorker(api, 201, { householdId: 'H-CIRC-201', groups: ['povertyAlleviated'] });
    // The worker reports their child at a 技工院校: kept, said, not paid on.
    const reported = await api.call('PUT', '/api/v1/me/circumstances', {
      token: worker.token,
      body: { kind: 'vocationalStudent', version: await versionOf(worker.token), value: student },
    });
    expect(reported.status).toBe(200);
    expect(reported.body.worker.circumstances.vocationalStudent.stamp).toMatchObject({
      source: 'self',
      recordedBy: worker.userId,
    });
    const waiting = await yuluOf(worker.token);
    expect(waiting).toMatchObject({ eligible: false, amountFen: 0 });
    expect(waiting.trace.map((t) => t.text).join('\n')).toContain('本人已申报，工作人员核实后才算数');

    // The village officer records it: now it decides money, and the trace names who stands behind it.
    const recorded = await api.call('PUT', `/api/v1/registry/workers/${worker.workerId}/circumstances`, {
      token: officer,
      body: { kind: 'vocationalStudent', version: reported.body.worker.version, value: student },
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.worker.circumstances.vocationalStudent.stamp).toMatchObject({
      source: 'staff',
      recordedBy: 'demo-staff-village-1',
      recordedByLevel: 'village',
    });
    // The worker sees who stands behind it (村, the date), not the officer's account.
    const own = (await api.call('GET', '/api/v1/me/worker', { token: worker.token })).body.worker.circumstances.vocationalStudent;
    expect(own.stamp).toEqual({
      source: 'staff',
      recordedByLevel: 'village',
      recordedAt: recorded.body.worker.circumstances.vocationalStudent.stamp.recordedAt,
    });
    const paid = await yuluOf(worker.token);
    expect(paid).toMatchObject({ eligible: true, amountFen: 150_000 });
    expect(paid.trace.find((t) => t.key === 'vocationalStudent')!.source).toMatch(/^村信息员 \d{4}-\d{2}-\d{2} 登记$/);

    // The worker's report cannot replace or clear what the officer recorded.
    const overwrite = await api.call('PUT', '/api/v1/me/circumstances', {
      token: worker.token,
      body: { kind: 'vocationalStudent', version: recorded.body.worker.version, value: null },
    });
    expect(overwrite.status).toBe(409);
    expect(overwrite.body.error.message.zh).toContain('村里已经登记了');
    expect((await yuluOf(worker.token)).eligible).toBe(true);
  });

  it('records and clears one circumstance at a time, keeping the others', async () => {
    const worker = await boundWorker(api, 202, { householdId: 'H-CIRC-202' });
    const set = async (kind: string, value: unknown, version: number) =>
      (
        await api.call('PUT', `/api/v1/registry/workers/${worker.workerId}/circumstances`, {
          token: officer,
          body: { kind, version, value },
        })
      ).body.worker as { version: number; circumstances: Record<string, { value: unknown }> };
    const first = await set('insured', { from: '2020-01', until: '2021-06' }, await versionOf(worker.token));
    const second = await set('minimumLiving', { from: '2026-01' }, first.version);
    expect(Object.keys(second.circumstances).sort()).toEqual(['insured', 'minimumLiving']);
    const cleared = await set('insured', null, second.version);
    expect(Object.keys(cleared.circumstances)).toEqual(['minimumLiving']);
  });

  it('refuses bad values, stale versions and other villages’ officers, changing nothing', async () => {
    const worker = await boundWorker(api, 203, { householdId: 'H-CIRC-203' });
    const version = await versionOf(worker.token);
    const put = (body: unknown, token = officer) =>
      api.call('PUT', `/api/v1/registry/workers/${worker.workerId}/circumstances`, { token, body });
    const badDate = await put({
      kind: 'vocationalStudent',
      version,
      value: { ...student, enrolledOn: '2025-13-01' },
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.field).toBe('body.value.enrolledOn');
    const backwards = await put({ kind: 'insured', version, value: { from: '2026-05', until: '2026-01' } });
    expect(backwards.body.error.field).toBe('body.value.until');
    const unknownKind = await put({ kind: 'richRelative', version, value: {} });
    expect(unknownKind.body.error.field).toBe('body.kind');
    expect((await put({ kind: 'insured', version: version + 5, value: { from: '2026-01' } })).status).toBe(409);
    expect([403, 404]).toContain((await put({ kind: 'insured', version, value: { from: '2026-01' } }, otherVillage)).status);
    const { body } = await api.call('GET', '/api/v1/me/worker', { token: worker.token });
    expect(body.worker.circumstances).toBeUndefined();
    expect(body.worker.version).toBe(version);
  });
});
