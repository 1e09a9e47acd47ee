/** The subsidy calculator over the real app: results with their reasons, and every kind of bad input refused with its field. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth, type Claim } from '@bangfu/shared';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import { workerWithDues } from '../support/claims.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
let token: string;

beforeAll(async () => {
  api = await startDemoCountyApi();
  token = await api.loginAs('demo-staff-county');
});
afterAll(() => api?.close());

const evaluate = (body: unknown, as = token) => api.call('POST', '/api/v1/subsidies/evaluate', { token: as, body });
const agency = (months: number) => ({
  agency: { transfers: [{ workerId: 'w1', place: 'acrossProvince', monthsEmployedThisYear: months, firstTransfer: true }] },
});
/** An agency that placed one worker in another province, 8 months employed: its transfer service in `period`. */
const evaluateAgency = (period: string) =>
  evaluate({ regionCode: '150222', period, facts: agency(8), subsidies: ['agency_transfer_service'] });

describe('POST /api/v1/subsidies/evaluate', () => {
  it('answers each subsidy with its amount in fen, the reasons and the document', async () => {
    const { status, body } = await evaluateAgency('2026-09');
    expect(status).toBe(200);
    const [result] = body.results;
    expect(result).toMatchObject({
      subsidy: 'agency_transfer_service',
      eligible: true,
      amountFen: 80_000,
      periodKey: '2026:w1',
      claimed: false,
    });
    // Baotou's plan was 2023's; in 2026 its demo continuation (延续执行) grants it, and says so.
    expect(result.reference).toMatchObject({ policy: 'ld-demo-1502-continued', section: expect.stringContaining('文件 004') });
    expect(result.reference.document).toContain('演示数据');
    expect(body.policies).toEqual([{ policy: 'ld-demo-1502-continued', document: result.reference.document }]);
    expect(result.trace.some((t: { kind: string; value?: number }) => t.kind === 'parameter' && t.value === 80_000)).toBe(true);
    // In 2023 the plan itself.
    const [in2023] = (await evaluateAgency('2023-06')).body.results;
    expect(in2023).toMatchObject({
      amountFen: 80_000,
      reference: { policy: '004', document: expect.stringContaining('文件 004') },
    });
  });

  it('refuses bad input with the field and 400', async () => {
    const next2 = (() => {
      const [y, m] = chinaMonth(new Date()).split('-').map(Number) as [number, number];
      const t = y * 12 + (m - 1) + 2;
      return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
    })();
    const cases: [Record<string, unknown>, string][] = [
      [{ regionCode: '150222', period: '2026-13', facts: {} }, 'body.period'],
      [{ regionCode: '150222', period: next2, facts: {} }, 'body.period'],
      [{ regionCode: '999999', period: '2026-09', facts: {} }, 'body.regionCode'],
      [{ regionCode: '150222', period: '2026-09', facts: {}, subsidies: ['free_money'] }, 'body.subsidies.0'],
      [{ regionCode: '150222', period: '2026-09', facts: agency(-1) }, 'body.facts.agency.transfers.0.monthsEmployedThisYear'],
      [
        {
          regionCode: '150222',
          period: '2026-09',
          facts: { pastClaims: [{ subsidy: 'training', periodKey: 'x', amountFen: -5 }] },
        },
        'body.facts.pastClaims.0.amountFen',
      ],
      [{ regionCode: '150222', period: '2026-09', facts: { salary: 1 } }, 'body.facts.salary'],
    ];
    for (const [request, field] of cases) {
      const { status, body } = await evaluate(request);
      expect(status, field).toBe(400);
      expect(body.error.field).toBe(field);
    }
  });

  it('leaves out what no document grants there and then, and says a missing local standard rather than computing zero', async () => {
    // 2022: Baotou's plan (2023) was not yet in force: the subsidy is not in the catalogue at all.
    const before = await evaluateAgency('2022-06');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ results: [], unavailable: [], policies: [] });
    // 于都县 is granted 雨露计划 (Jiangxi's file 003, continued) but has not published its amount.
    const { status, body } = await evaluate({
      regionCode: '360731',
      period: '2026-09',
      subsidies: ['yulu_education'],
      facts: {
        person: {
          birthDate: '1980-01-01',
          sex: 'female',
          groups: ['povertyAlleviated'],
          labourClass: 'full',
          homeRegionCode: '360731100201',
        },
        vocationalStudent: { schoolKind: 'technicalSchool', enrolledOn: '2025-09-01', semester: '2026-autumn' },
      },
    });
    expect(status).toBe(200);
    expect(body.results).toEqual([]);
    expect(body.unavailable).toEqual([
      expect.objectContaining({ subsidy: 'yulu_education', reason: expect.stringContaining('当地标准还没有公布') }),
    ]);
    expect(body.unavailable[0].reference.section).toContain('文件 003');
  });

  it('needs a session', async () => {
    expect(
      (await api.call('POST', '/api/v1/subsidies/evaluate', { body: { regionCode: '150222', period: '2026-09', facts: {} } }))
        .status,
    ).toBe(401);
  });
});

describe('GET /api/v1/me/subsidies', () => {
  it('evaluates every worker subsidy from what the registry holds, asking nothing it knows', async () => {
    const month = chinaMonth(new Date());
    const worker = await boundWorker(api, 900, {
      groups: ['povertyAlleviated'],
      trainings: [{ name: '电焊工培训', occupation: '电焊工', startedOn: '2025-03-01', endedOn: '2025-03-20', days: 15 }],
      certificates: [{ name: '焊工四级证书', occupation: '焊工', level: '4', obtainedOn: '2025-04-01' }],
    });
    await api.ctx.employment.record(
      worker,
      month,
      { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 520_000 },
      { source: 'staff', userId: 'demo-staff-county' },
    );

    const { status, body } = await api.call('GET', '/api/v1/me/subsidies', { token: worker.token });
    expect(status).toBe(200);
    expect(body.period).toBe(month);
    const by = (id: string) => body.results.filter((r: { subsidy: string }) => r.subsidy === id);
    // Only the worker's own subsidies, each at least once.
    expect(new Set(body.results.map((r: { beneficiary: string }) => r.beneficiary))).toEqual(new Set(['worker']));

    const [transport] = by('transport_once');
    expect(transport.eligible).toBe(true);
    const rate = transport.trace.find((t: { kind: string }) => t.kind === 'parameter');
    expect(transport.amountFen).toBe(rate.value);

    const [training] = by('training');
    expect(training).toMatchObject({ eligible: true, item: '培训「电焊工培训」' });
    expect(training.amountFen).toBeGreaterThan(0);
    const [certificate] = by('skill_certificate');
    expect(certificate.eligible).toBe(true);

    // Nothing the registry holds is asked for again.
    const asked = body.results.flatMap((r: { missing: string[] }) => r.missing);
    for (const known of ['person', 'employment', 'trainings', 'certificates']) expect(asked).not.toContain(known);
  });

  it('needs a bound account', async () => {
    const unbound = await api.loginAs('demo-worker-2');
    expect((await api.call('GET', '/api/v1/me/subsidies', { token: unbound })).status).toBe(404);
    expect((await api.call('GET', '/api/v1/me/subsidies', { token })).status).toBe(403);
  });
});

describe('claiming (申领全部)', () => {
  const claimAll = (workerToken: string, body: Record<string, unknown> = {}) =>
    api.call('POST', '/api/v1/me/subsidies/claims', {
      token: workerToken,
      body: { idempotencyKey: crypto.randomUUID(), ...body },
    });

  it('makes one claim per subsidy due when ten 申领全部 race, keeping the trace on each', async () => {
    const worker = await workerWithDues(api, 910);
    const due = (await api.call('GET', '/api/v1/me/subsidies', { token: worker.token })).body.results.filter(
      (r: { eligible: boolean }) => r.eligible,
    );
    expect(due.length).toBeGreaterThanOrEqual(3); // transport, training, training living, certificate…

    const key = crypto.randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => claimAll(worker.token, { idempotencyKey: key })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.reduce((sum, a) => sum + a.body.created, 0)).toBe(due.length);

    const claims = await api.ctx.claims.ofWorker(worker.workerId);
    expect(claims).toHaveLength(due.length);
    expect(new Set(claims.map((c) => `${c.subsidy}#${c.periodKey}`)).size).toBe(due.length);
    for (const claim of claims) {
      const result = due.find(
        (r: { subsidy: string; periodKey: string }) => r.subsidy === claim.subsidy && r.periodKey === claim.periodKey,
      );
      expect(claim).toMatchObject({
        status: 'submitted',
        source: 'worker',
        amountFen: result.amountFen,
        createdBy: worker.userId,
      });
      expect(claim.trace.some((t) => t.kind === 'parameter')).toBe(true);
    }

    // Now they show as claimed, and claiming again creates nothing.
    const after = (await api.call('GET', '/api/v1/me/subsidies', { token: worker.token })).body.results;
    expect(after.filter((r: { claimed: boolean }) => r.claimed)).toHaveLength(due.length);
    const again = await claimAll(worker.token);
    expect(again.body.created).toBe(0);
    expect(again.body.claims).toHaveLength(due.length);
    const standing = (await api.call('GET', '/api/v1/me/subsidies', { token: worker.token })).body;
    expect(standing.claims.map((c: Claim) => c.claimId).sort()).toEqual(claims.map((c) => c.claimId).sort());

    // 申领进度 a page at a time: newest first, none twice, and on the first page what they all come to.
    const pages: Claim[][] = [];
    let summary: unknown;
    let cursor: string | undefined;
    do {
      const { status, body } = await api.call('GET', `/api/v1/me/claims?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        token: worker.token,
      });
      expect(status).toBe(200);
      if (cursor === undefined) summary = body.summary;
      else expect(body.summary).toBeUndefined();
      pages.push(body.claims);
      cursor = body.nextCursor;
    } while (cursor);
    const listed = pages.flat();
    expect(pages[0]).toHaveLength(2);
    expect(listed.map((c) => c.claimId).sort()).toEqual(claims.map((c) => c.claimId).sort());
    const order = listed.map((c) => `${c.createdAt}#${c.claimId}`);
    expect(order).toEqual([...order].sort().reverse());
    expect(summary).toEqual({ all: due.length, inProgress: due.length, paidFen: 0, owedFen: 0 });
  });

  it('refuses a subsidy that is not due with the reasons, 409, and claims nothing', async () => {
    const worker = await workerWithDues(api, 920);
    const refused = await claimAll(worker.token, { subsidies: ['transport_once', 'job_seeking_once'] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.field).toBe('body.subsidies');
    expect(refused.body.error.message.zh).toContain('一次性求职创业补贴');
    expect(await api.ctx.claims.ofWorker(worker.workerId)).toEqual([]);

    const bad = await api.call('POST', '/api/v1/me/subsidies/claims', { token: worker.token, body: { idempotencyKey: 'again' } });
    expect(bad.body.error.field).toBe('body.idempotencyKey');
    const unknown = await claimAll(worker.token, { subsidies: ['free_money'] });
    expect(unknown.body.error.field).toBe('body.subsidies.0');
  });
});
