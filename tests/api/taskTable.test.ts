/**
 * The township task table of file 001's attachment, live over DynamoDB Local: a township's shares
 * from the months its people were recorded (稳定就业 6 个月以上 as a run of six), its wage beside
 * last year's, its people trained this year, its workshops — each against the document's targets
 * until the county's admin sets the year's own, and only the admin of that county may.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EmploymentInput } from '@bangfu/shared';
import { createStreamFollower, type StreamFollower } from '../../functions/src/local/streamFollower.js';
import { dynamoCallsDuring, startDemoCountyApi, TEST_REGION, type TestApi } from '../support/api.js';
import { JINSHAN_OTHER_VILLAGE } from '../support/people.js';
import { boundWorker, demoWorkshop } from '../support/positions.js';

let api: TestApi;
let follower: StreamFollower;
beforeAll(async () => {
  api = await startDemoCountyApi();
  follower = createStreamFollower(api.ctx, { endpoint: inject('dynamoEndpoint'), region: TEST_REGION });
});
afterAll(async () => {
  follower?.stop();
  await api?.close();
});

const JINSHAN = '150222102';
const MONTH = '2026-09';
const officer = { source: 'staff' as const, userId: 'demo-staff-village-1', level: 'village' as const };
const working = (fen: number): EmploymentInput => ({
  status: 'employed',
  place: 'withinCounty',
  form: 'enterprise',
  monthlyIncomeFen: fen,
});
const atHome = (reason: 'idle' | 'illness'): EmploymentInput => ({
  status: 'notEmployed',
  monthlyIncomeFen: 0,
  atHomeReason: reason,
});
const SIX_MONTHS = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];

type Row = {
  regionCode: string;
  rates: { measure: string; numerator: number; denominator: number; percent?: number; targetPercent: number; met?: boolean }[];
  wage: { averageFen?: number; lastYearAverageFen?: number; met?: boolean };
  counts: { measure: string; count: number; target?: number; met?: boolean }[];
};
const rate = (row: Row, measure: string) => row.rates.find((r) => r.measure === measure)!;
const count = (row: Row, measure: string) => row.counts.find((c) => c.measure === measure)!;

async function table(who: string | { token: string }, regionCode: string, month = MONTH) {
  return api.call('GET', `/api/v1/monitoring/task-table?regionCode=${regionCode}&month=${month}`, {
    token: typeof who === 'string' ? await api.loginAs(who) : who.token,
  });
}

describe('the township task table', () => {
  beforeAll(async () => {
    // Six people of 金山镇: three employed six months running, one since this month, one idle, one ill.
    const people = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) =>
        boundWorker(api, 80 + i, { villageCode: JINSHAN_OTHER_VILLAGE, labourClass: i === 5 ? 'weak' : 'full' }),
      ),
    );
    for (const person of people.slice(0, 3)) {
      for (const month of SIX_MONTHS) await api.ctx.employment.record(person, month, working(300_000), officer);
    }
    await api.ctx.employment.record(people[3]!, '2026-08', atHome('idle'), officer);
    await api.ctx.employment.record(people[3]!, MONTH, working(300_000), officer);
    await api.ctx.employment.record(people[4]!, MONTH, atHome('idle'), officer);
    await api.ctx.employment.record(people[5]!, MONTH, atHome('illness'), officer);
    // Last September one of them earned more: the month's average wage is below last year's.
    await api.ctx.employment.record(people[0]!, '2025-09', working(350_000), officer);
    // Two courses this year (counted once) and one last year.
    const item = (await api.ctx.workers.getItem(people[0]!.workerId, true))!;
    await api.ctx.workers.update(people[0]!.workerId, {
      version: item.version,
      trainings: [
        { name: '电焊', endedOn: '2026-03-01' },
        { name: '中式烹调', endedOn: '2026-08-01' },
        { name: '育婴员', endedOn: '2025-05-01' },
      ],
    });
    await follower.drain();
  });

  it('shows a township officer their township against the document’s 95% / 60% / 75%, met or not', async () => {
    const { status, body } = await table('demo-staff-township-1', JINSHAN);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.targetsVersion).toBeUndefined();
    expect(body.total).toBeUndefined();
    expect(body.rows.map((r: Row) => r.regionCode)).toEqual([JINSHAN]);
    const row: Row = body.rows[0];
    // 4 of the 5 able and willing work (the ill one is not willing): short of 95%.
    expect(rate(row, 'ableAndWillingEmployed')).toEqual({
      measure: 'ableAndWillingEmployed',
      numerator: 4,
      denominator: 5,
      percent: 80,
      targetPercent: 95,
      met: false,
    });
    expect(rate(row, 'employedShare')).toMatchObject({ numerator: 4, denominator: 6, percent: 66.7, met: true });
    // Three of the four have worked six months running: exactly 75% meets 75%.
    expect(rate(row, 'stableShare')).toMatchObject({ numerator: 3, denominator: 4, percent: 75, targetPercent: 75, met: true });
    expect(row.wage).toEqual({ averageFen: 300_000, lastYearAverageFen: 350_000, met: false });
    expect(count(row, 'trainedPeople')).toEqual({ measure: 'trainedPeople', count: 1 });
    expect(count(row, 'workshops').count).toBeGreaterThanOrEqual(1); // 金山镇服装加工帮扶车间, recognised
    // In July the run was five months: nobody was yet stable.
    const july = (await table('demo-staff-township-1', JINSHAN, '2026-07')).body.rows[0] as Row;
    expect(rate(july, 'stableShare')).toMatchObject({ numerator: 0, denominator: 3, met: false });
  });

  it('shows the county every township with the county’s line, from a handful of reads', async () => {
    let response: Awaited<ReturnType<typeof table>> | undefined;
    const token = await api.loginAs('demo-staff-county');
    const calls = await dynamoCallsDuring(api, async () => {
      response = await table({ token }, '150222');
    });
    const { body } = response!;
    const townships = await api.ctx.regions.children('150222');
    expect(body.rows.map((r: Row) => r.regionCode)).toEqual(townships.map((t) => t.code));
    const jinshan = body.rows.find((r: Row) => r.regionCode === JINSHAN);
    expect(body.total.rates).toEqual(jinshan.rates); // nobody else in the county was recorded
    const empty = body.rows.find((r: Row) => r.regionCode !== JINSHAN);
    expect(rate(empty, 'ableAndWillingEmployed')).toEqual({
      measure: 'ableAndWillingEmployed',
      numerator: 0,
      denominator: 0,
      targetPercent: 95,
    });
    // The session's check, the targets; the townships, the workshops and bases; every region-month at once.
    const byCommand = (name: string) => calls.filter((c) => c.command === name).length;
    expect(byCommand('GetItemCommand')).toBe(2);
    expect(byCommand('QueryCommand')).toBe(2);
    expect(byCommand('BatchGetItemCommand')).toBe(Math.ceil(((townships.length + 1) * 10) / 100));
    expect(calls.length).toBe(4 + byCommand('BatchGetItemCommand'));
  });

  it('lets the county’s admin set the year’s targets, on the version read, for its own townships only', async () => {
    const admin = await api.loginAs('demo-admin');
    const targets = {
      ableAndWillingEmployedPercent: 80,
      employedSharePercent: 60,
      stableSharePercent: 80,
      townships: { [JINSHAN]: { trainedPeople: 2, workshops: 1 } },
    };
    const put = (body: unknown, year = 2026) =>
      api.call('PUT', `/api/v1/monitoring/targets/150222/${year}`, { token: admin, body });
    const set = await put(targets);
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.version).toBe(1);

    const row: Row = (await table('demo-staff-township-1', JINSHAN)).body.rows[0];
    expect(rate(row, 'ableAndWillingEmployed')).toMatchObject({ targetPercent: 80, met: true });
    expect(rate(row, 'stableShare')).toMatchObject({ targetPercent: 80, met: false });
    expect(count(row, 'trainedPeople')).toEqual({ measure: 'trainedPeople', count: 1, target: 2, met: false });
    expect(count(row, 'workshops')).toMatchObject({ target: 1, met: true });
    expect(count(row, 'bases').target).toBeUndefined();

    // Written again without the version read (another admin's tab): refused, the first kept.
    const stale = await put({ ...targets, stableSharePercent: 50 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.field).toBe('body.version');
    // A township of another county is not this county's to set.
    const foreign = await put({ ...targets, version: 1, townships: { '150221100': { trainedPeople: 5 } } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe('body.townships.150221100');
    const bad = await put({ ...targets, version: 1, stableSharePercent: 120 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.stableSharePercent');
    expect((await table('demo-staff-county', '150222')).body.targetsVersion).toBe(1);
    // The county's staff read the table but do not set it.
    const staff = await api.loginAs('demo-staff-county');
    expect((await api.call('PUT', '/api/v1/monitoring/targets/150222/2026', { token: staff, body: targets })).status).toBe(403);
    // Next year's targets leave this year's table as it is.
    expect((await put(targets, 2027)).status).toBe(200);
    expect((await table('demo-staff-county', '150222')).body.targetsVersion).toBe(1);
  });

  it('counts a workshop while it stands recognised, and no longer once it exits', async () => {
    const before = count((await table('demo-staff-township-1', JINSHAN)).body.rows[0], 'workshops').count;
    const { employer } = await demoWorkshop(api);
    await api.ctx.employers.setWorkshop(employer.employerId, employer.version, {
      recognition: 'exited',
      decidedOn: '2026-09-15',
      assistedEmployees: 0,
    });
    expect(count((await table('demo-staff-township-1', JINSHAN)).body.rows[0], 'workshops').count).toBe(before - 1);
  });
});
