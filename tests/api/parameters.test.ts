/**
 * A region's own subsidy standards: staff see what holds today and where it was set;
 * the region's admin proposes dated steps for what the documents leave to local
 * governments (never what they fix), and once another admin confirms them the rules use
 * them at once (四眼: one admin alone never changes what every claim is paid).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCountyApi, type TestApi } from '../support/api.js';

let api: TestApi;
let admin: string;
let secondAdmin: string;
let county: string;

beforeAll(async () => {
  api = await startDemoCountyApi();
  [admin, secondAdmin, county] = await Promise.all([
    api.loginAs('demo-admin'),
    api.loginAs('demo-admin-2'),
    api.loginAs('demo-staff-county'),
  ]);
});
afterAll(() => api?.close());

type View = {
  key: string;
  fixedByPolicy: boolean;
  today: Record<string, unknown>;
  own?: { version: number };
  proposal?: { proposedAt: string; proposedBy: string };
};
const read = async (token = county) =>
  (await api.call('GET', '/api/v1/regions/150222/parameters', { token })).body.parameters as View[];
const put = (key: string, body: unknown, token = admin, region = '150222') =>
  api.call('PUT', `/api/v1/regions/${region}/parameters/${key}`, { token, body });
const confirm = (key: string, proposedAt: string, token = secondAdmin) =>
  api.call('POST', `/api/v1/regions/150222/parameters/${key}/confirm`, { token, body: { proposedAt } });
/** One admin proposes, the other confirms what they saw: the steps' answer. */
async function putAndConfirm(key: string, body: unknown) {
  const proposed = await put(key, body);
  expect(proposed.status).toBe(200);
  return confirm(key, proposed.body.proposal.proposedAt);
}

/** What the transport subsidy pays a 脱贫 worker of 固阳县 working in another province in November 2026. */
async function transportFen(): Promise<number | undefined> {
  const { body } = await api.call('POST', '/api/v1/subsidies/evaluate', {
    token: county,
    body: {
      regionCode: '150222',
      period: '2026-11',
      subsidies: ['transport_once'],
      facts: {
        person: {
          birthDate: '1980-01-01',
          sex: 'male',
          groups: ['povertyAlleviated'],
          labourClass: 'full',
          homeRegionCode: '150222102212',
        },
        employment: [
          { month: '2026-11', status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 500_000 },
        ],
      },
    },
  });
  return body.results[0].eligible ? body.results[0].amountFen : undefined;
}

describe('a region’s subsidy standards', () => {
  it('shows what holds today, where it was set, and which the documents fix', async () => {
    const parameters = await read();
    const transport = parameters.find((p) => p.key === 'transportOnceFen')!;
    // The demo county's own (demo) document sets it; no value ships with the product.
    expect(transport).toMatchObject({ fixedByPolicy: false, today: { status: 'value', setIn: '150222', example: true } });
    const agency = parameters.find((p) => p.key === 'agencyTransferAcrossProvinceFen')!;
    expect(agency).toMatchObject({ fixedByPolicy: true, today: { status: 'value', value: 80_000, setIn: '1502' } });
    // Only the standards of what is granted here (and those outside the rules): 沅江市's job-seeking subsidy is not.
    const keys = parameters.map((p) => p.key);
    expect(keys).not.toContain('jobSeekingOnceFen');
    expect(keys).toContain('claimSecondApprovalAboveFen');
    expect((await api.call('GET', '/api/v1/regions/150221/parameters', { token: county })).status).toBe(403);
  });

  it('puts an admin’s change in force only when another admin confirms the one they saw; the rules use it at once', async () => {
    const before = await transportFen();
    const seeded = (await read()).find((p) => p.key === 'transportOnceFen')!.own!;
    expect(seeded.version).toBe(1); // the demo document's row
    const proposed = await put('transportOnceFen', { version: 1, steps: [{ from: '2026-01-01', value: 66_600 }] });
    expect(proposed.status).toBe(200);
    expect(proposed.body.proposal).toMatchObject({ steps: [{ from: '2026-01-01', value: 66_600 }], proposedBy: 'demo-admin' });
    // Nothing in force yet: staff see the change waiting, the rules pay the standard as it was.
    const waiting = (await read()).find((p) => p.key === 'transportOnceFen')!;
    expect(waiting).toMatchObject({ own: { version: 1 }, proposal: { proposedBy: 'demo-admin' } });
    expect(await transportFen()).toBe(before);
    // Not by who proposed it, nor a proposal other than the one seen.
    const own = await confirm('transportOnceFen', proposed.body.proposal.proposedAt, admin);
    expect([own.status, own.body.error.message.zh]).toEqual([403, '标准的修改要由另一位管理员确认']);
    expect((await confirm('transportOnceFen', '2026-01-01T00:00:00.000Z')).status).toBe(409);
    expect((await confirm('transportOnceFen', proposed.body.proposal.proposedAt, county)).status).toBe(403); // staff
    // Another proposal replaces the waiting one only when it names it: never one its admin did not see.
    const blind = await put('transportOnceFen', { version: 1, steps: [{ from: '2026-01-01', value: 1 }] }, secondAdmin);
    expect([blind.status, blind.body.error.field]).toEqual([409, 'body.version']);
    expect(await transportFen()).toBe(before);

    const set = await confirm('transportOnceFen', proposed.body.proposal.proposedAt);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ version: 2 });
    expect((await read()).find((p) => p.key === 'transportOnceFen')).toMatchObject({
      own: { version: 2, updatedBy: 'demo-admin', confirmedBy: 'demo-admin-2' },
    });
    expect((await read()).find((p) => p.key === 'transportOnceFen')!.proposal).toBeUndefined();
    expect((await confirm('transportOnceFen', proposed.body.proposal.proposedAt)).status).toBe(404); // confirmed once
    const transport = (await read()).find((p) => p.key === 'transportOnceFen')!;
    expect(transport.today).toMatchObject({ status: 'value', value: 66_600, setIn: '150222', example: false });
    expect(await transportFen()).toBe(66_600);
    expect(before).toBe(50_000);

    // Without the version read, or with a stale one: refused, nothing changed.
    expect((await put('transportOnceFen', { steps: [{ from: '2026-01-01', value: 1 }] })).status).toBe(409);
    expect((await put('transportOnceFen', { version: 7, steps: [{ from: '2026-01-01', value: 1 }] })).status).toBe(409);
    // Ending it locally: the subsidy is not in force, not paid as zero.
    const ended = await putAndConfirm('transportOnceFen', {
      version: 2,
      steps: [
        { from: '2026-01-01', value: 66_600 },
        { from: '2026-11-01', value: null },
      ],
    });
    expect(ended.body.version).toBe(3);
    expect(await transportFen()).toBeUndefined();
  });

  it('refuses what the documents fix, other people, other regions and bad steps', async () => {
    const fixed = await put('agencyTransferAcrossProvinceFen', { steps: [{ from: '2026-01-01', value: 1 }] });
    expect(fixed.status).toBe(403);
    expect(fixed.body.error.message.zh).toContain('文件规定');
    expect((await put('noSuchStandard', { steps: [{ from: '2026-01-01', value: 1 }] })).body.error.field).toBe('params.key');
    expect((await put('skillCertificateSkillFen', { steps: [{ from: '2026-01-01', value: 1 }] }, county)).status).toBe(403); // staff, not admin
    expect((await put('skillCertificateSkillFen', { steps: [{ from: '2026-01-01', value: 1 }] }, admin, '150221')).status).toBe(
      403,
    );
    const unordered = await put('skillCertificateSkillFen', {
      steps: [
        { from: '2026-05-01', value: 1 },
        { from: '2026-01-01', value: 2 },
      ],
    });
    expect(unordered.body.error.field).toBe('body.steps');
    const negative = await put('skillCertificateSkillFen', { steps: [{ from: '2026-01-01', value: -5 }] });
    expect(negative.body.error.field).toBe('body.steps.0.value');
    // Nothing saved: the demo document's row as it was.
    expect((await read()).find((p) => p.key === 'skillCertificateSkillFen')!.own).toMatchObject({ version: 1 });
  });

  it('takes only whole fen and whole months (12345.5 fen once broke the staff queue), changing nothing otherwise', async () => {
    const halfFen = await put('skillCertificateSkillFen', {
      steps: [
        { from: '2026-01-01', value: 100 },
        { from: '2026-06-01', value: 12345.5 },
      ],
    });
    expect(halfFen.status).toBe(400);
    expect(halfFen.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.steps.1.value' });
    expect(halfFen.body.error.message.zh).toContain('整数');
    const halfMonth = await put('startupOnceMinOperatingMonths', { version: 1, steps: [{ from: '2026-01-01', value: 6.5 }] });
    expect(halfMonth.body.error.field).toBe('body.steps.0.value');
    const params = await read();
    expect(params.find((p) => p.key === 'skillCertificateSkillFen')!.own).toMatchObject({
      version: 1,
      steps: [{ value: 30_000 }],
    });
    expect(params.find((p) => p.key === 'startupOnceMinOperatingMonths')!.own).toMatchObject({
      version: 1,
      steps: [{ value: 6 }],
    });
  });
});
