/**
 * 及早预警 and its tasks: a village whose people stopped working this month, a 监测对象 among
 * them, a household left with nobody working; the daily run finds each once and gives it to the
 * officers who must act, who see the people, record a service (it counts toward "311") and close
 * it; a task left past its deadline goes up a level; villages late with their report are told.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, chinaMonth, previousMonth, type EmploymentInput } from '@bangfu/shared';
import { createStreamFollower } from '../../functions/src/local/streamFollower.js';
import { runWarnings } from '../../functions/src/monitoring/warningsJob.js';
import { startDemoCountyApi, TEST_REGION, type TestApi } from '../support/api.js';
import { JINSHAN_OTHER_VILLAGE } from '../support/people.js';
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
    expect(first.found.villageNotReported).toBeGreaterThan(0); // the county's other villages
    expect(first.opened).toBe(Object.values(first.found).reduce((sum, n) => sum + n, 0));
    const again = await runWarnings(api.ctx, '150222', now);
    expect([again.opened, again.escalated]).toEqual([0, 0]); // found again, the same tasks

    const township = await api.loginAs('demo-staff-township-1');
    const list = await api.call('GET', '/api/v1/tasks?regionCode=150222102&limit=100', { token: township });
    const about = list.body.tasks.filter((t: { regionCode: string }) => t.regionCode === village);
    expect(about.map((t: { cause: string }) => t.cause).sort()).toEqual([
      'employedDrop',
      'monitoredLostWork',
      'zeroEmploymentHousehold',
      'zeroEmploymentHousehold',
    ]);
    const late = list.body.tasks.filter((t: { cause: string }) => t.cause === 'villageNotReported');
    expect(late.length).toBeGreaterThan(0);
    expect(late.map((t: { subject: string }) => t.subject)).not.toContain(village);
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

    // A week and a day later nobody has acted on the household: it goes to the township, due in another week.
    const later = new Date(now.getTime() + 8 * 86_400_000);
    const third = await runWarnings(api.ctx, '150222', later);
    expect(third.escalated).toBeGreaterThanOrEqual(2);
    const moved = (await api.call('GET', `/api/v1/tasks/${household.taskId}`, { token: township })).body.task;
    expect(moved).toMatchObject({ level: 'township', escalations: 1, deadline: addDays(addDays(`${month}-26`, 8), 7) });
    expect((await api.call('GET', `/api/v1/tasks/${lost.taskId}`, { token: township })).body.task.escalations).toBe(0); // closed stays
  });
});
