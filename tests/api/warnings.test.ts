/**
 * 及早预警 and its tasks: a village whose people stopped working this month, a 监测对象 among
 * them, a household left with nobody working; the daily run finds each once and gives it to the
 * officers who must act, who see the people, record a service (it counts toward "311") and close
 * it; a task left past its deadline goes up a level; villages late with their report are told.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { addDays, chinaDate, chinaMonth, monthsOfQuarter, previousMonth, quarterOf, type EmploymentInput } from '@bangfu/shared';
import { createStreamFollower } from '../../functions/src/local/streamFollower.js';
import { runWarnings } from '../../functions/src/monitoring/warningsJob.js';
import { dynamoCallsDuring, startDemoCountyApi, TEST_REGION, type TestApi } from '../support/api.js';
import { JINSHAN_OTHER_VILLAGE, XIDOUPU_VILLAGE } from '../support/people.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
beforeAll(async () => {
  api = await startDemoCountyApi();
});
afterAll(() => api?.close());

const officer = { source: 'staff' as const, userId: 'demo-staff-village-1', level: 'village' as const };
const working: EmploymentInput = { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 480_000 };
const home: EmploymentInput = { status: 'notEmployed', monthlyIncomeFen: 0, atHomeReason: 'returnedFromWork' };

describe('the daily warnings', () => {
  it('give each warning once to the officers who must act, who see the people, act and close; overdue ones go up', async () => {
    // The 26th of this month: past both reporting deadlines.
    const month = chinaMonth(new Date());
    const now = new Date(`${month}-26T02:00:00Z`);
    const village = JINSHAN_OTHER_VILLAGE;
    const monitored = await boundWorker(api, 70, { villageCode: village, groups: ['monitored'], householdId: 'H-70' });
    const [a, b] = [
      await boundWorker(api, 71, { villageCode: village, householdId: 'H-71' }),
      await boundWorker(api, 72, { villageCode: village, householdId: 'H-71' }),
    ];
    const stays = await boundWorker(api, 73, { villageCode: village, householdId: 'H-73' });
    // 西斗铺 has people recorded last month and has not reported this month; villages without records are not asked.
    const elsewhere = await boundWorker(api, 74, { villageCode: XIDOUPU_VILLAGE });
    await api.ctx.employment.record(elsewhere, previousMonth(month), working, officer);
    for (const person of [monitored, a, b, stays])
      await api.ctx.employment.record(person, previousMonth(month), working, officer);
    for (const person of [monitored, a, b]) await api.ctx.employment.record(person, month, home, officer);
    await api.ctx.employment.record(stays, month, working, officer);
    await api.ctx.reports.report(month, village, 'demo-staff-village-1');
    await api.ctx.reports.report(month, '150222102', 'demo-staff-township-1');
    const follower = createStreamFollower(api.ctx, { endpoint: inject('dynamoEndpoint'), region: TEST_REGION });
    try {
      await follower.drain();
    } finally {
      follower.stop();
    }

    const first = await runWarnings(api.ctx, '150222', now);
    // H-70 (the 监测对象 alone) and H-71 (both home now) have nobody working; H-73 still has.
    expect(first.found).toMatchObject({ employedDrop: 1, monitoredLostWork: 1, zeroEmploymentHousehold: 2 });
    expect(first.found.villageNotReported).toBe(1); // 西斗铺's village; the reported one and those without people are not
    expect(first.opened).toBe(Object.values(first.found).reduce((sum, n) => sum + n, 0));
    let again: Awaited<ReturnType<typeof runWarnings>> | undefined;
    const calls = await dynamoCallsDuring(api, async () => (again = await runWarnings(api.ctx, '150222', now)));
    expect([again!.opened, again!.escalated]).toEqual([0, 0]); // found again, the same tasks
    const taskPuts = calls.filter(
      (c) => c.command === 'PutItemCommand' && String((c.input.Item as { pk: string }).pk).startsWith('TASK#'),
    );
    expect(taskPuts).toEqual([]); // known from one read, not refused writes

    const township = await api.loginAs('demo-staff-township-1');
    // The run counted the month's 零就业家庭 (H-70 and H-71) for 务工监测, in the village and the township.
    for (const region of [village, '150222102']) {
      const figures = await api.call('GET', `/api/v1/monitoring/figures?regionCode=${region}&from=${month}&to=${month}`, {
        token: township,
      });
      expect(figures.body.months[0].zeroEmploymentHouseholds).toEqual({ count: 2, countedOn: chinaDate(now) });
    }
    const list = await api.call('GET', '/api/v1/tasks?regionCode=150222102&limit=100', { token: township });
    const about = list.body.tasks.filter((t: { regionCode: string }) => t.regionCode === village);
    expect(about.map((t: { cause: string }) => t.cause).sort()).toEqual([
      'employedDrop',
      'monitoredLostWork',
      'zeroEmploymentHousehold',
      'zeroEmploymentHousehold',
    ]);
    expect(list.body.tasks.filter((t: { cause: string }) => t.cause === 'villageNotReported')).toEqual([]); // 金山镇's reported
    const county = await api.loginAs('demo-staff-county');
    const late = (await api.call('GET', '/api/v1/tasks?regionCode=150222&limit=100', { token: county })).body.tasks.filter(
      (t: { cause: string }) => t.cause === 'villageNotReported',
    );
    expect(late.map((t: { subject: string; level: string }) => [t.subject, t.level])).toEqual([[XIDOUPU_VILLAGE, 'township']]);
    const drop = about.find((t: { cause: string }) => t.cause === 'employedDrop');
    expect(drop).toMatchObject({
      level: 'township',
      figures: [
        { label: '上月在岗', value: 4 },
        { label: '本月在岗', value: 1 },
        { label: '预警线', value: '下降超过 10%' },
      ],
      deadline: addDays(`${month}-26`, 7),
    });
    const household = about.find((t: { subject: string }) => t.subject === 'H-71');
    expect([...household.workerIds].sort()).toEqual([a.workerId, b.workerId].sort());

    const lost = about.find((t: { cause: string }) => t.cause === 'monitoredLostWork');
    const opened = await api.call('GET', `/api/v1/tasks/${lost.taskId}`, { token: township });
    expect(opened.body.people).toEqual([
      { workerId: monitored.workerId, name: '测试70', villageCode: village, phone: expect.any(String) },
    ]);
    const trail = await api.ctx.audit.page(monitored.workerId, { limit: 5 });
    expect(trail.entries[0]).toMatchObject({ action: 'read', reason: expect.stringContaining('预警任务') });

    const early = await api.call('POST', `/api/v1/tasks/${lost.taskId}/close`, { token: township });
    expect(early.body.error.field).toBe('params.taskId'); // nothing done yet
    const acted = await api.call('POST', `/api/v1/tasks/${lost.taskId}/actions`, {
      token: township,
      body: { kind: 'careerGuidance', note: '电话联系，介绍了镇上帮扶车间的活' },
    });
    expect(acted.body.task.actions).toEqual([
      expect.objectContaining({ kind: 'careerGuidance', byOffice: expect.stringContaining('金山镇') }),
    ]);
    const services = await api.call('GET', `/api/v1/registry/workers/${monitored.workerId}/services`, { token: township });
    expect(services.body.counts.careerGuidance).toBe(1);
    const closed = await api.call('POST', `/api/v1/tasks/${lost.taskId}/close`, { token: township });
    expect(closed.body.task).toMatchObject({ status: 'closed', closedBy: 'demo-staff-township-1' });
    const done = await api.call('GET', '/api/v1/tasks?regionCode=150222102&status=closed', { token: township });
    expect(done.body.tasks.map((t: { taskId: string }) => t.taskId)).toEqual([lost.taskId]);
    const stale = await api.call('POST', `/api/v1/tasks/${lost.taskId}/actions`, {
      token: township,
      body: { kind: 'homeVisit', note: '又去了一次' },
    });
    expect(stale.status).toBe(409);

    // The quarter's report: the township's and its villages' months, the tasks, the payments; the download audited.
    const xlsx = await fetch(`${api.url}/api/v1/monitoring/quarterly-report?regionCode=150222102&quarter=${quarterOf(month)}`, {
      headers: { authorization: `Bearer ${county}` },
    });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const figures = workbook.getWorksheet('务工情况')!;
    const header = (figures.getRow(1).values as unknown[]).slice(1);
    const rowOf = (code: string, m: string) =>
      figures.getRows(2, figures.rowCount - 1)!.find((r) => r.getCell(2).value === code && r.getCell(3).value === m)!;
    const villageNow = rowOf(village, month);
    expect(villageNow.getCell(header.indexOf('在岗务工') + 1).value).toBe(1);
    expect(villageNow.getCell(header.indexOf('零就业家庭（户）') + 1).value).toBe(2);
    // A month the daily run did not count is left empty, not 0.
    const uncounted = monthsOfQuarter(quarterOf(month)).find((m) => m !== month)!;
    expect(rowOf(village, uncounted).getCell(header.indexOf('零就业家庭（户）') + 1).value).toBeNull();
    const taskRows = workbook
      .getWorksheet('预警任务')!
      .getRows(2, 7)!
      .map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(3).value]);
    expect(taskRows).toContainEqual(['监测对象没有工作了', 1, 1]);
    expect(workbook.getWorksheet('补贴发放')!.getRow(1).getCell(1).value).toBe('补贴');
    const { Items: exports = [] } = await api.ctx.table.db.send(
      new QueryCommand({
        TableName: api.ctx.table.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'AUDIT#EXPORT#150222102' },
      }),
    );
    expect(exports.map((e) => e.what)).toContain(`quarterlyReport ${quarterOf(month)}`);

    // A week and a day later nobody has acted on the household: it goes to the township, due in another week.
    const later = new Date(now.getTime() + 8 * 86_400_000);
    const third = await runWarnings(api.ctx, '150222', later);
    expect(third.escalated).toBeGreaterThanOrEqual(2);
    const moved = (await api.call('GET', `/api/v1/tasks/${household.taskId}`, { token: township })).body.task;
    expect(moved).toMatchObject({ level: 'township', escalations: 1, deadline: addDays(addDays(`${month}-26`, 8), 7) });
    expect((await api.call('GET', `/api/v1/tasks/${lost.taskId}`, { token: township })).body.task.escalations).toBe(0); // closed stays
  });
});

describe('我有困难', () => {
  it('becomes the village officer’s task; the worker follows what is done, and telling it again adds to it', async () => {
    const worker = await boundWorker(api, 80, { villageCode: JINSHAN_OTHER_VILLAGE });
    const other = await boundWorker(api, 81, { villageCode: JINSHAN_OTHER_VILLAGE });
    const tell = (token: string, body: Record<string, unknown>) => api.call('POST', '/api/v1/me/difficulties', { token, body });
    const report = {
      kind: 'unpaidWages',
      since: previousMonth(chinaMonth(new Date())),
      detail: '工地老板欠了两个月工资',
      contactTime: 'evening',
    };

    const bad = await tell(worker.token, { ...report, detail: '欠' });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'body.detail']);
    expect((await api.call('GET', '/api/v1/me/difficulties', { token: worker.token })).body.difficulties).toEqual([]);

    const told = await tell(worker.token, report);
    expect(told.status).toBe(201);
    expect(told.body).toMatchObject({ created: true, difficulty: { kind: 'unpaidWages', status: 'open', steps: [] } });
    const again = await tell(worker.token, { ...report, detail: '老板电话也打不通了' });
    expect(again.body.created).toBe(false);
    expect(again.body.difficulty.taskId).toBe(told.body.difficulty.taskId);

    const village = await api.loginAs('demo-staff-village-1'); // 小三分子村 is not theirs: the township's officer takes it
    const township = await api.loginAs('demo-staff-township-1');
    const tasks = (await api.call('GET', `/api/v1/tasks?regionCode=${JINSHAN_OTHER_VILLAGE}`, { token: township })).body.tasks;
    const task = tasks.find((t: { taskId: string }) => t.taskId === told.body.difficulty.taskId);
    expect(task).toMatchObject({
      cause: 'difficulty',
      level: 'village',
      reportedBy: worker.workerId,
      text: '群众报告：工资没拿到',
    });
    expect(task.figures).toEqual(
      expect.arrayContaining([
        { label: '情况', value: '工地老板欠了两个月工资' },
        { label: '方便的时间', value: '晚上' },
        { label: '又说', value: '老板电话也打不通了' },
      ]),
    );
    expect((await api.call('GET', `/api/v1/tasks/${task.taskId}`, { token: village })).status).toBe(403);

    await api.call('POST', `/api/v1/tasks/${task.taskId}/actions`, {
      token: township,
      body: { kind: 'referral', note: '转给县劳动监察大队，已登记' },
    });
    const mine = (await api.call('GET', '/api/v1/me/difficulties', { token: worker.token })).body.difficulties;
    expect(mine).toEqual([
      expect.objectContaining({
        status: 'open',
        steps: [{ what: '转给相关部门', office: '金山镇乡镇经办人员', at: expect.any(String) }],
      }),
    ]);
    expect(JSON.stringify(mine)).not.toContain('劳动监察大队'); // the officers' notes are theirs
    expect((await api.call('GET', '/api/v1/me/difficulties', { token: other.token })).body.difficulties).toEqual([]);
  });
});
