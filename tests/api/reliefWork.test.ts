/**
 * 以工代赈 over DynamoDB Local: a project recorded by the county with its contractor; the roster
 * from the registry, the relocation-site 10% answered for; the contractor's wage sheet at least the
 * county's standard, all lines or none; each person's confirmation or dispute (a dispute warns the
 * county at once, the person sees it); payments of confirmed lines only; the XLSX for the bank and
 * 备案; wages confirmed and left unpaid raised by the daily run. Every refusal changes nothing.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, type ReliefWageLine } from '@bangfu/shared';
import { runWarnings } from '../../functions/src/monitoring/warningsJob.js';
import { arrearsTaskId } from '../../functions/src/reliefWork/arrearsWarning.js';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import { JINSHAN_VILLAGE } from '../support/people.js';
import { month, reliefProjectInput as projectInput } from '../support/programmes.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
beforeAll(async () => {
  api = await startDemoCountyApi();
});
afterAll(() => api?.close());

const WORKSHOP = 'e_00000000-0000-4000-8000-000000000001';

type Person = Awaited<ReturnType<typeof boundWorker>>;

describe('以工代赈', () => {
  let county: string;
  let contractor: string;
  let projectId: string;
  const people: Record<string, Person> = {};
  const path = (rest = '') => `/api/v1/relief-projects/${projectId}${rest}`;
  const phone = (n: number) => `relief-phone-${String(n).padStart(6, '0')}`;
  const answer = (person: Person, body: Record<string, unknown>) =>
    api.call('POST', `/api/v1/me/relief-work/${projectId}/wages/${month}`, { token: person.token, body });
  const lineOf = async (person: Person): Promise<ReliefWageLine | undefined> =>
    api.ctx.reliefProjects.line(projectId, month, person.workerId);

  beforeAll(async () => {
    county = await api.loginAs('demo-staff-county');
    contractor = await api.loginAs('demo-employer-3');
    people.relocated = await boundWorker(api, 140, {
      groups: ['relocated', 'povertyAlleviated'],
      labourClass: 'full',
      householdId: 'H-140',
    });
    people.returned = await boundWorker(api, 141, { groups: ['povertyAlleviated'], labourClass: 'full', householdId: 'H-141' });
    people.other = await boundWorker(api, 142, { groups: [], labourClass: 'full', householdId: 'H-142' });
  });

  it('is recorded by township or county staff with a 以工代赈 contractor, and read by its contractor alone among employers', async () => {
    const village = await api.loginAs('demo-staff-village-1');
    expect((await api.call('POST', '/api/v1/relief-projects', { token: village, body: projectInput })).status).toBe(403);
    const workshop = await api.call('POST', '/api/v1/relief-projects', {
      token: county,
      body: { ...projectInput, contractorEmployerId: WORKSHOP },
    });
    expect([workshop.status, workshop.body.error.field]).toEqual([400, 'body.contractorEmployerId']);
    const tooMany = await api.call('POST', '/api/v1/relief-projects', {
      token: county,
      body: { ...projectInput, labourDemand: [{ trade: '普工', count: 11 }] },
    });
    expect([tooMany.status, tooMany.body.error.field]).toEqual([400, 'body.labourDemand']);

    const created = await api.call('POST', '/api/v1/relief-projects', { token: county, body: projectInput });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.project).toMatchObject({
      contractorName: '西斗铺镇以工代赈农田水利项目部',
      rosterCount: 0,
      relocation: {
        applies: true,
        required: 1,
        onRoster: 0,
        short: 1,
        text: '至少 1 个岗位安排搬迁群众，已安排 0 人，还差 1 人',
      },
    });
    projectId = created.body.project.projectId;

    expect((await api.call('GET', path(), { token: contractor })).status).toBe(200);
    const mine = await api.call('GET', '/api/v1/me/relief-projects', { token: contractor });
    expect(mine.body.projects.map((p: { projectId: string }) => p.projectId)).toContain(projectId);
    const other = await api.loginAs('demo-employer-1');
    expect((await api.call('GET', path(), { token: other })).status).toBe(403);
    expect((await api.call('GET', path(), { token: await api.loginAs('demo-staff-township-2') })).status).toBe(403);
    const listed = await api.call('GET', '/api/v1/relief-projects?regionCode=150222102', { token: county });
    expect(listed.body.projects.map((p: { projectId: string }) => p.projectId)).toEqual([projectId]);
  });

  it('offers relocated people first while the 10% is short, and asks the contractor why before anyone else', async () => {
    const candidates = await api.call('GET', path('/candidates?limit=50'), { token: contractor });
    expect(candidates.status).toBe(200);
    const ids = candidates.body.candidates.map((c: { workerId: string }) => c.workerId);
    expect(candidates.body.candidates[0]).toMatchObject({ relocated: true, tier: 1 });
    expect(ids.indexOf(people.relocated!.workerId)).toBeLessThan(ids.indexOf(people.returned!.workerId));
    expect(ids.indexOf(people.returned!.workerId)).toBeLessThan(ids.indexOf(people.other!.workerId));
    // The contractor's look is on each person's trail.
    const trail = await api.ctx.audit.page(people.other!.workerId, { limit: 20 });
    expect(trail.entries.map((e: { action: string }) => e.action)).toContain('list');

    const unanswered = await api.call('POST', path('/roster'), {
      token: contractor,
      body: { workerId: people.returned!.workerId, trade: '普工' },
    });
    expect([unanswered.status, unanswered.body.error.field]).toEqual([409, 'body.relocationAnswer']);
    expect(unanswered.body.error.message.zh).toContain('至少 1 个岗位应安排搬迁群众');
    expect(await api.ctx.reliefProjects.roster(projectId)).toEqual([]);

    const answered = await api.call('POST', path('/roster'), {
      token: contractor,
      body: { workerId: people.returned!.workerId, trade: '普工', relocationAnswer: '安置点的搬迁群众下月才能到岗' },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    expect(answered.body.entry.relocationAnswer).toBe('安置点的搬迁群众下月才能到岗');
    const relocated = await api.call('POST', path('/roster'), {
      token: contractor,
      body: { workerId: people.relocated!.workerId, trade: '瓦工' },
    });
    expect(relocated.body.project.relocation).toMatchObject({ onRoster: 1, short: 0 });
    // Met: nobody needs a reason now.
    const other = await api.call('POST', path('/roster'), {
      token: county,
      body: { workerId: people.other!.workerId, trade: '普工' },
    });
    expect(other.status).toBe(201);
    const again = await api.call('POST', path('/roster'), {
      token: county,
      body: { workerId: people.other!.workerId, trade: '普工' },
    });
    expect([again.status, again.body.error.field]).toEqual([409, 'body.workerId']);
    expect((await api.call('GET', path(), { token: county })).body.project).toMatchObject({
      rosterCount: 3,
      relocatedOnRoster: 1,
    });
  });

  it('takes the contractor’s month at the standard at least, all lines or none, and shows each person only their own line', async () => {
    const lines = [
      { workerId: people.relocated!.workerId, days: 20, payFen: 300_000 },
      { workerId: people.returned!.workerId, days: 10, payFen: 149_999 },
    ];
    const below = await api.call('PUT', path(`/wages/${month}`), { token: contractor, body: { lines } });
    expect([below.status, below.body.error.field]).toEqual([400, 'body.lines.1.payFen']);
    expect(below.body.error.message.zh).toContain('10 天至少应发 1500 元');
    expect(await api.ctx.reliefProjects.sheet(projectId, month)).toEqual([]);
    expect((await api.call('PUT', path(`/wages/${month}`), { token: county, body: { lines } })).status).toBe(403);

    const sheet = await api.call('PUT', path(`/wages/${month}`), {
      token: contractor,
      body: {
        lines: [lines[0], { ...lines[1], payFen: 150_000 }, { workerId: people.other!.workerId, days: 5, payFen: 75_000 }],
      },
    });
    expect(sheet.status, JSON.stringify(sheet.body)).toBe(200);
    expect(sheet.body.totals).toMatchObject({ workers: 3, days: 35, payFen: 525_000 });

    const own = await api.call('GET', '/api/v1/me/relief-work', { token: people.relocated!.token });
    expect(own.body.lines).toEqual([
      expect.objectContaining({
        projectId,
        contractorName: '西斗铺镇以工代赈农田水利项目部',
        days: 20,
        payFen: 300_000,
        status: 'entered',
        warned: false,
      }),
    ]);
    expect(JSON.stringify(own.body)).not.toContain(people.returned!.name);
  });

  it('lands one of two answers sent at once; a dispute warns the county at once and the person sees it', async () => {
    const [confirm, dispute] = await Promise.all([
      answer(people.other!, { version: 1, answer: 'confirm', device: phone(142) }),
      answer(people.other!, { version: 1, answer: 'dispute', note: '我干了6天', device: phone(142) }),
    ]);
    expect([confirm.status, dispute.status].sort()).toEqual([200, 409]);
    expect((await lineOf(people.other!))!.version).toBe(2);

    const confirmed = await answer(people.relocated!, { version: 1, answer: 'confirm', device: phone(140) });
    expect(confirmed.body.line).toMatchObject({ status: 'confirmed', version: 2 });
    const disputed = await answer(people.returned!, { version: 1, answer: 'dispute', note: '实际干了12天', device: phone(141) });
    expect(disputed.status, JSON.stringify(disputed.body)).toBe(200);
    expect(disputed.body.line).toMatchObject({ status: 'disputed', warned: true, disputeNote: '实际干了12天' });
    const task = await api.ctx.tasks.get(arrearsTaskId(projectId, month));
    expect(task).toMatchObject({ cause: 'wageArrears', level: 'county', regionCode: JINSHAN_VILLAGE, status: 'open' });
    expect(task!.text).toContain('施工单位：西斗铺镇以工代赈农田水利项目部');
    expect(task!.figures).toContainEqual({
      label: `${people.returned!.name}（有异议）`,
      value: expect.stringContaining('实际干了12天'),
    });
    const countyTasks = await api.call('GET', '/api/v1/tasks?regionCode=150222&status=open&limit=100', { token: county });
    expect(countyTasks.body.tasks.map((t: { taskId: string }) => t.taskId)).toContain(task!.taskId);

    const sheet = await api.call('GET', path(`/wages/${month}`), { token: county });
    expect(sheet.body.warned).toBe(true);
    expect(sheet.body.arrears.map((f: { kind: string; workerId: string }) => [f.kind, f.workerId])).toContainEqual([
      'disputed',
      people.returned!.workerId,
    ]);
  });

  it('pays confirmed lines only, all or none, lets the contractor correct a disputed one, and writes the XLSX', async () => {
    const disputedToo = await api.call('POST', path(`/wages/${month}/payments`), {
      token: contractor,
      body: { workerIds: [people.relocated!.workerId, people.returned!.workerId], paidOn: chinaDate(new Date()) },
    });
    expect([disputedToo.status, disputedToo.body.error.field]).toEqual([409, 'body.workerIds.1']);
    expect((await lineOf(people.relocated!))!.status).toBe('confirmed');
    const paid = await api.call('POST', path(`/wages/${month}/payments`), {
      token: contractor,
      body: { workerIds: [people.relocated!.workerId], paidOn: chinaDate(new Date()), reference: 'YH20261205001' },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.totals).toMatchObject({ paid: 1 });
    const twice = await api.call('POST', path(`/wages/${month}/payments`), {
      token: contractor,
      body: { workerIds: [people.relocated!.workerId], paidOn: chinaDate(new Date()) },
    });
    expect(twice.status).toBe(409);

    const corrected = await api.call('PUT', path(`/wages/${month}`), {
      token: contractor,
      body: { lines: [{ workerId: people.returned!.workerId, days: 12, payFen: 180_000 }] },
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(await lineOf(people.returned!)).toMatchObject({ status: 'entered', days: 12, version: 3 });
    const paidOver = await api.call('PUT', path(`/wages/${month}`), {
      token: contractor,
      body: { lines: [{ workerId: people.relocated!.workerId, days: 21, payFen: 315_000 }] },
    });
    expect([paidOver.status, paidOver.body.error.field]).toEqual([409, 'body.lines.0.workerId']);

    const response = await fetch(`${api.url}${path(`/wages/${month}/file`)}`, { headers: { authorization: `Bearer ${county}` } });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows = workbook.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
    const values = rows.map((row) => row.slice(1));
    expect(values[0]![0]).toContain('报 固阳县发展和改革委员会 备案');
    expect(values[1]).toEqual(['序号', '姓名', '务工天数', '劳务报酬（元）', '本人确认', '发放情况']);
    const relocatedRow = values.find((row) => row[1] === people.relocated!.name)!;
    expect(relocatedRow.slice(2, 4)).toEqual([20, 3000]);
    expect(relocatedRow[5]).toContain('流水号 YH20261205001');
    expect(values.at(-1)![0]).toBe('合计');
  });

  it('asks the person whether the money came once it is recorded paid; 没收到 warns the county, and only then can it be said', async () => {
    // Not paid yet (the contractor corrected the line): there is nothing to have received.
    const early = await answer(people.returned!, {
      version: (await lineOf(people.returned!))!.version,
      answer: 'notReceived',
      device: phone(141),
    });
    expect([early.status, early.body.error.field]).toEqual([409, 'body.answer']);

    const paid = (await lineOf(people.relocated!))!;
    const body = { version: paid.version, answer: 'notReceived', device: phone(140) };
    const [said, again] = [await answer(people.relocated!, body), await answer(people.relocated!, body)];
    expect(said.status, JSON.stringify(said.body)).toBe(200);
    expect(said.body.line).toMatchObject({ status: 'paid', received: false, warned: true });
    expect(again.status).toBe(200); // the same tap twice: the first answer, not a 409
    expect(await lineOf(people.relocated!)).toMatchObject({ version: paid.version + 1, receipt: { received: false } });

    const task = await api.ctx.tasks.get(arrearsTaskId(projectId, month));
    expect(task!.figures).toContainEqual({
      label: `${people.relocated!.name}（登记已发放，本人说没收到）`,
      value: expect.stringMatching(/施工单位登记 \d{4}-\d{2}-\d{2} 已发放，本人 \d{4}-\d{2}-\d{2} 说没有收到$/),
    });
    const sheet = await api.call('GET', path(`/wages/${month}`), { token: county });
    expect(sheet.body.arrears.map((f: { kind: string; workerId: string }) => [f.kind, f.workerId])).toContainEqual([
      'notReceived',
      people.relocated!.workerId,
    ]);
    const line = sheet.body.lines.find((l: { workerId: string }) => l.workerId === people.relocated!.workerId);
    expect(line.receipt).toEqual({ at: expect.any(String), received: false });
    expect(JSON.stringify(sheet.body)).not.toContain(phone(140));
  });

  it('lets a person leave the roster, counting their place and the share back, and be taken on anew', async () => {
    const leave = (person: Person, token = contractor) => api.call('POST', path(`/roster/${person.workerId}/leave`), { token });
    const left = await leave(people.relocated!);
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect(left.body.entry).toMatchObject({ status: 'left', leftRoster: { by: 'demo-employer-3' } });
    expect(left.body.project).toMatchObject({ rosterCount: 2, relocatedOnRoster: 0, relocation: { short: 1 } });
    expect((await leave(people.relocated!)).status).toBe(409);
    expect((await leave(people.relocated!, await api.loginAs('demo-employer-1'))).status).toBe(403);
    // Their paid line stays on the month's sheet.
    expect((await lineOf(people.relocated!))!.status).toBe('paid');
    const back = await api.call('POST', path('/roster'), {
      token: contractor,
      body: { workerId: people.relocated!.workerId, trade: '瓦工' },
    });
    expect(back.status, JSON.stringify(back.body)).toBe(201);
    expect(back.body.project).toMatchObject({ rosterCount: 3, relocatedOnRoster: 1 });
  });

  it('raises wages confirmed and left unpaid past the county’s days in the daily run, on the month’s task', async () => {
    // The other person's line confirmed (the race above may have left it disputed: entered again, then confirmed).
    let other = (await lineOf(people.other!))!;
    if (other.status === 'disputed') {
      await api.call('PUT', path(`/wages/${month}`), {
        token: contractor,
        body: { lines: [{ workerId: people.other!.workerId, days: 6, payFen: 90_000 }] },
      });
      other = (await answer(people.other!, { version: other.version + 1, answer: 'confirm', device: phone(142) })).body.line;
    }
    expect(other.status).toBe('confirmed');
    const unpaidLabel = `${people.other!.name}（确认后未发放）`;
    expect((await api.ctx.tasks.get(arrearsTaskId(projectId, month)))!.figures.map((f) => f.label)).not.toContain(unpaidLabel);

    const later = new Date(Date.now() + 20 * 86_400_000);
    const report = await runWarnings(api.ctx, '150222', later);
    expect(report.found.wageArrears).toBe(1);
    const task = await api.ctx.tasks.get(arrearsTaskId(projectId, month));
    expect(task!.figures.map((f) => f.label)).toContain(unpaidLabel);
    const again = await runWarnings(api.ctx, '150222', later);
    expect(again.opened).toBe(0);
    expect((await api.ctx.tasks.get(arrearsTaskId(projectId, month)))!.figures).toHaveLength(task!.figures.length);
  });
});
