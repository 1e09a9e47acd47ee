/**
 * Each policy where it holds: a region's staff see the documents that govern it (theirs and
 * those above, never another province's), with dates and status, and the standards the region
 * still owes; its admin records a local document whose standards the rules use at once, citing
 * it. The catalogue a region evaluates is the documents' in force there, and the trace cites them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParameterRepository } from '../../functions/src/subsidies/parameterRepository.js';
import { startDemoCountyApi, type TestApi } from '../support/api.js';

let api: TestApi;
let guyangStaff: string;
let guyangAdmin: string;
let yuduStaff: string;
let yuduAdmin: string;
let yuduSecondAdmin: string;

beforeAll(async () => {
  api = await startDemoCountyApi();
  [guyangStaff, guyangAdmin, yuduStaff, yuduAdmin, yuduSecondAdmin] = await Promise.all([
    api.loginAs('demo-staff-county'),
    api.loginAs('demo-admin'),
    api.loginAs('demo-staff-county-jx'),
    api.loginAs('demo-admin-jx'),
    api.loginAs('demo-admin-jx-2'),
  ]);
});
afterAll(() => api?.close());

type Policy = {
  policy: string;
  status: string;
  kind: string;
  demo: boolean;
  grants: { subsidy: string }[];
  jurisdictionName: string;
};
type Listing = {
  policies: Policy[];
  owed: { key: string; subsidies: { subsidy: string }[]; reference: { document: string } }[];
  waiting: { documentId: string; recordedBy: string; sets: { key: string; value: number | null }[] }[];
};
const list = async (code: string, token: string) =>
  (await api.call('GET', `/api/v1/regions/${code}/policies`, { token })).body as Listing;
const record = (code: string, token: string, body: unknown) =>
  api.call('POST', `/api/v1/regions/${code}/policies`, { token, body });
const confirm = (code: string, token: string, documentId: string) =>
  api.call('POST', `/api/v1/regions/${code}/policies/${documentId}/confirm`, { token });

/** A 脱贫 worker who went to another province, with a child at a 技工院校 this autumn. */
const facts = (homeRegionCode: string) => ({
  person: { birthDate: '1980-01-01', sex: 'male', groups: ['povertyAlleviated'], labourClass: 'full', homeRegionCode },
  employment: [{ month: '2026-10', status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 500_000 }],
  vocationalStudent: { schoolKind: 'technicalSchool', enrolledOn: '2025-09-01', semester: '2026-autumn' },
});
const evaluate = async (regionCode: string, token: string) =>
  (
    await api.call('POST', '/api/v1/subsidies/evaluate', {
      token,
      body: { regionCode, period: '2026-11', facts: facts(regionCode) },
    })
  ).body as {
    results: {
      subsidy: string;
      amountFen: number;
      eligible: boolean;
      reference: { policy?: string; document: string };
      trace: { reference?: { policy?: string } }[];
    }[];
    unavailable: { subsidy: string; reason: string }[];
    policies: { policy: string; document: string }[];
  };

/** Every policy id a result or any of its trace lines cites. */
const cited = (results: Awaited<ReturnType<typeof evaluate>>['results']) =>
  new Set(results.flatMap((r) => [r.reference.policy, ...r.trace.map((t) => t.reference?.policy)]).filter(Boolean));

describe('policies as jurisdictions', () => {
  it('shows 固阳县 the documents of Inner Mongolia and Baotou only, with their status today', async () => {
    const { policies, owed } = await list('150222', guyangStaff);
    const byId = new Map(policies.map((p) => [p.policy, p]));
    expect([...byId.keys()]).not.toContain('003');
    expect([...byId.keys()]).not.toContain('001');
    expect(byId.get('000')).toMatchObject({ status: 'inForce', kind: 'shipped', jurisdictionName: '内蒙古自治区' });
    expect(byId.get('002')).toMatchObject({ status: 'ended' }); // 2022—2025
    expect(byId.get('004')).toMatchObject({ status: 'ended' }); // Baotou's 2023 plan
    expect(byId.get('ld-demo-1502-continued')).toMatchObject({ status: 'inForce', kind: 'local', demo: true });
    expect(byId.get('ld-demo-1502-continued')!.grants.map((g) => g.subsidy)).toEqual(['agency_transfer_service']);
    expect(owed).toEqual([]); // the demo county has set every standard it is granted
    expect((await api.call('GET', '/api/v1/regions/360731/policies', { token: guyangStaff })).status).toBe(403);
  });

  it('evaluates 固阳县 under its own documents and 于都县 under Jiangxi’s, each citing nothing of the other', async () => {
    const guyang = await evaluate('150222102212', guyangStaff);
    const yudu = await evaluate('360731100201', yuduStaff);
    expect(cited(guyang.results).has('003')).toBe(false);
    expect(cited(guyang.results).has('001')).toBe(false);
    expect([...cited(yudu.results)].some((id) => ['000', '002', '004', '001'].includes(id!))).toBe(false);
    expect(guyang.policies.map((p) => p.policy)).toContain('000');
    expect(yudu.policies.map((p) => p.policy)).toEqual(['ld-demo-36-continued']); // 003 ended 2025-12-31; the demo province continues it
    // The same trip to another province pays each county's own standard.
    const transport = (r: typeof guyang) => r.results.find((x) => x.subsidy === 'transport_once')!;
    expect(transport(guyang)).toMatchObject({ eligible: true, amountFen: 50_000 });
    expect(transport(yudu)).toMatchObject({ eligible: true, amountFen: 80_000 });
    // Only where a document grants them: 培训期间生活费补贴 is Jiangxi's, not Inner Mongolia's.
    expect(guyang.results.map((r) => r.subsidy)).not.toContain('training_living');
    expect(yudu.results.map((r) => r.subsidy)).toContain('training_living');
    // 于都县 has not published its 雨露计划 amount: said, never paid as zero.
    expect(yudu.results.map((r) => r.subsidy)).not.toContain('yulu_education');
    expect(yudu.unavailable).toEqual([
      expect.objectContaining({ subsidy: 'yulu_education', reason: expect.stringContaining('当地标准还没有公布') }),
    ]);
    expect(guyang.results.find((r) => r.subsidy === 'yulu_education')).toMatchObject({ eligible: true, amountFen: 150_000 });
  });

  it('lets 于都县’s admin record the document that sets what it owes, in force once another admin confirms it; the rules cite it', async () => {
    const before = await list('360731', yuduStaff);
    expect(before.owed.map((o) => o.key)).toEqual(['yuluPerSemesterFen']);
    expect(before.owed[0]!.reference.document).toContain('关于延续实施就业帮扶政策的通知');
    const policiesBefore = before.policies.length;

    const recorded = await record('360731', yuduAdmin, {
      title: '关于公布雨露计划助学补助标准的通知',
      issuer: '于都县乡村振兴局',
      number: '于乡振发〔2026〕3号',
      date: '2026-02-20',
      from: '2026-03-01',
      sets: [{ key: 'yuluPerSemesterFen', value: 120_000 }],
    });
    expect(recorded.status).toBe(200);
    const { documentId } = recorded.body.waiting;
    expect(recorded.body.waiting).toMatchObject({
      recordedBy: 'demo-admin-jx',
      sets: [{ key: 'yuluPerSemesterFen', label: expect.any(String), value: 120_000 }],
    });

    // One admin's word sets nothing (四眼): still owed, still unavailable, and waiting where staff see it.
    const waiting = await list('360731', yuduStaff);
    expect(waiting.owed.map((o) => o.key)).toEqual(['yuluPerSemesterFen']);
    expect(waiting.policies).toHaveLength(policiesBefore);
    expect(waiting.waiting.map((w) => w.documentId)).toEqual([documentId]);
    expect((await evaluate('360731100201', yuduStaff)).unavailable.map((u) => u.subsidy)).toContain('yulu_education');
    expect((await list('150222', guyangStaff)).waiting).toEqual([]); // another county's

    // Not by the admin who recorded it, nor by staff, nor another county's admin.
    const own = await confirm('360731', yuduAdmin, documentId);
    expect([own.status, own.body.error.field]).toEqual([403, 'params.documentId']);
    expect(own.body.error.message.zh).toContain('另一位管理员');
    expect((await confirm('360731', yuduStaff, documentId)).status).toBe(403);
    expect((await confirm('360731', guyangAdmin, documentId)).status).toBe(403);
    expect((await confirm('360731', yuduSecondAdmin, 'ld-00000000-0000-4000-8000-000000000000')).status).toBe(404);

    // The other admin, twice at once: one confirms, the other is told it is done.
    const both = await Promise.all([
      confirm('360731', yuduSecondAdmin, documentId),
      confirm('360731', yuduSecondAdmin, documentId),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const confirmed = both.find((r) => r.status === 200)!;
    expect(confirmed.body.policy).toMatchObject({
      policy: documentId,
      kind: 'local',
      demo: false,
      status: 'inForce',
      recordedBy: 'demo-admin-jx',
      confirmedBy: 'demo-admin-jx-2',
      sets: [{ key: 'yuluPerSemesterFen', value: 120_000 }],
    });

    const after = await list('360731', yuduStaff);
    expect([after.owed, after.waiting]).toEqual([[], []]);
    const yulu = (await evaluate('360731100201', yuduStaff)).results.find((r) => r.subsidy === 'yulu_education')!;
    expect(yulu).toMatchObject({ eligible: true, amountFen: 120_000 });
    const step = yulu.trace.find((t) => (t as { key?: string }).key === 'yuluPerSemesterFen') as Record<string, unknown>;
    expect(step).toMatchObject({
      setIn: '360731',
      example: false,
      reference: { document: expect.stringContaining('于乡振发〔2026〕3号') },
    });
  });

  it('refuses staff, other regions, other governments’ documents, fixed and bad standards, changing nothing', async () => {
    const good = { title: '关于公布就业补贴标准的通知', issuer: '于都县人社局', date: '2026-02-20', from: '2026-03-01' };
    const before = (await list('360731', yuduStaff)).policies.length;
    expect((await record('360731', yuduStaff, { ...good, sets: [{ key: 'transportOnceFen', value: 1 }] })).status).toBe(403);
    expect((await record('360731', guyangAdmin, { ...good, sets: [{ key: 'transportOnceFen', value: 1 }] })).status).toBe(403);
    // A county cannot continue its province's document: only the issuer can.
    const continuing = await record('360731', yuduAdmin, { ...good, continues: ['003'] });
    expect(continuing.status).toBe(403);
    expect(continuing.body.error.field).toBe('body.continues.0');
    const fixed = await record('360731', yuduAdmin, { ...good, sets: [{ key: 'agencyTransferAcrossProvinceFen', value: 1 }] });
    expect(fixed.body.error).toMatchObject({ field: 'body.sets.0.key' });
    expect(fixed.body.error.message.zh).toContain('文件规定');
    const unknown = await record('360731', yuduAdmin, { ...good, sets: [{ key: 'noSuchStandard', value: 1 }] });
    expect(unknown.body.error.field).toBe('body.sets.0.key');
    const halfFen = await record('360731', yuduAdmin, { ...good, sets: [{ key: 'transportOnceFen', value: 100.5 }] });
    expect(halfFen.body.error).toMatchObject({ field: 'body.sets.0.value' });
    const empty = await record('360731', yuduAdmin, good);
    expect(empty.body.error).toMatchObject({ field: 'body.sets' });
    const backwards = await record('360731', yuduAdmin, {
      ...good,
      until: '2026-01-01',
      sets: [{ key: 'transportOnceFen', value: 1 }],
    });
    expect(backwards.body.error).toMatchObject({ field: 'body.until' });
    const unchanged = await list('360731', yuduStaff);
    expect([unchanged.policies.length, unchanged.waiting.length]).toEqual([before, 0]);
    expect((await evaluate('360731100201', yuduStaff)).results.find((r) => r.subsidy === 'transport_once')!.amountFen).toBe(
      80_000,
    );
  });

  it('refuses a confirmation made on standards another instance changed meanwhile, then reads afresh and confirms', async () => {
    // The app's process keeps the standards a minute; another instance (its own repository) changes one.
    const other = createParameterRepository(api.ctx.table);
    const recorded = await record('360731', yuduAdmin, {
      title: '关于调整跨省就业一次性交通补助标准的通知',
      issuer: '于都县人社局',
      date: '2026-11-20',
      from: '2026-12-01',
      sets: [{ key: 'transportOnceFen', value: 90_000 }],
    });
    const { documentId } = recorded.body.waiting;
    await list('360731', yuduStaff); // this process now holds the standards as they are
    const before = (await other.all()).find((row) => row.regionCode === '360731' && row.key === 'transportOnceFen')!;
    const proposal = {
      regionCode: '360731',
      key: 'transportOnceFen',
      steps: [...before.steps, { from: '2026-11-01', value: 85_000 }],
      basedOn: before.version,
      proposedBy: 'demo-admin-jx',
      proposedAt: new Date().toISOString(),
    };
    await other.propose(proposal, undefined);
    await other.confirm('360731', 'transportOnceFen', proposal.proposedAt, 'demo-admin-jx-2');

    const stale = await confirm('360731', yuduSecondAdmin, documentId);
    expect([stale.status, stale.body.error.field]).toEqual([409, 'params.documentId']);
    expect(stale.body.error.message.zh).toContain('刚被别人改过');
    // Nothing was written, and the next try reads the standards afresh.
    const again = await confirm('360731', yuduSecondAdmin, documentId);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    // Both stand: the other change from November, the document's from December, on top of it.
    const now = (await createParameterRepository(api.ctx.table).all()).find(
      (row) => row.regionCode === '360731' && row.key === 'transportOnceFen',
    )!;
    expect(now).toMatchObject({ version: before.version + 2, confirmedBy: 'demo-admin-jx-2' });
    expect(now.steps.slice(-2)).toMatchObject([
      { from: '2026-11-01', value: 85_000 },
      { from: '2026-12-01', value: 90_000 },
    ]);
  });
});
