/**
 * The monthly job push over DynamoDB Local, on a county with only the positions and
 * workers each test puts there: capacity (k × open headcount), N per worker, priority
 * groups first, the relocation reservation, a re-run changing nothing, the refusal of a
 * bad configuration, and the WeChat notice sent through a fake server on loopback.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth, type Employer } from '@bangfu/shared';
import { batchPut } from '../../functions/src/db/batchWrite.js';
import { keys } from '../../functions/src/db/tableSchema.js';
import { planPushRun, recordShardReport } from '../../functions/src/matching/pushJob.js';
import { runPushLocally } from '../../functions/src/local/pushThreads.js';
import { employerItem } from '../../functions/src/positions/employerRepository.js';
import { regionItem } from '../../functions/src/regions/regionRepository.js';
import { userItem } from '../../functions/src/users/userRepository.js';
import { buildDemoCounty } from '../../functions/src/local/seed/demoCounty.js';
import { loadCounty } from '../../functions/src/local/seed/divisions.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { idNumber, JINSHAN_VILLAGE, workerInput } from '../support/people.js';
import { positionInput, putPositions } from '../support/positions.js';
import { startWeChatFake, type WeChatFake } from '../support/wechatFake.js';
import { workerInputSchema } from '@bangfu/shared';

let api: TestApi;
let wechat: WeChatFake;
let employer: Employer;
const month = chinaMonth(new Date());
const STAFF = { userId: 'demo-staff-county', role: 'staff' as const, regionCode: '150222' };

beforeAll(async () => {
  wechat = await startWeChatFake();
  api = await startTestApi({ wechatApiBase: wechat.url, env: { WECHAT_PUSH_TEMPLATE_ID: 'tmpl-job-push' } });
  // The county's regions, accounts and employers; no positions and no registry yet.
  const demo = buildDemoCounty(await loadCounty('150222'));
  await batchPut(api.ctx.table, [
    ...demo.regions.map(regionItem),
    ...demo.users.map(userItem),
    ...demo.employers.map(employerItem),
  ]);
  employer = demo.employers.find((e) => e.verification.status === 'verified')!;
});
afterAll(async () => {
  await api?.close();
  await wechat?.close();
});

let sequence = 0;
/** A sewing worker of 金山镇 looking for work, with no home address (placed at the village centre). */
async function seeker(overrides: Record<string, unknown> = {}) {
  const n = ++sequence;
  const input = workerInputSchema.parse(
    workerInput({
      idNumber: idNumber('150222', '19800101', 500 + n),
      name: `求职者${n}`,
      householdId: `H-push-${n}`,
      labourClass: 'full',
      groups: ['povertyAlleviated'],
      ...overrides,
    }),
  );
  return api.ctx.workers.create(input, STAFF);
}

const pushesOn = async (positionId: string) => api.ctx.matches.pushedCount(positionId, month);

describe('the monthly push', () => {
  it('refuses k or N out of range before reading or writing anything', async () => {
    await expect(planPushRun(api.ctx, { regionCode: '150222', config: { k: 0, n: 3 } })).rejects.toThrow(/k/);
    await expect(planPushRun(api.ctx, { regionCode: '150222', config: { k: 5, n: 11 } })).rejects.toThrow(/n/);
    await expect(planPushRun(api.ctx, { regionCode: '150222', month: '2026-13' })).rejects.toThrow(/YYYY-MM/);
  });

  it('serves the priority groups first, never pushes past k × open headcount, gives each worker at most N, and a re-run adds nothing', async () => {
    const [only] = await putPositions(api.ctx, employer, [positionInput({ title: '缝纫工（一人）', headcount: 1 })]);
    const positionId = only!.position.positionId;
    const plain = await Promise.all([seeker(), seeker(), seeker()]);
    const monitored = await seeker({ groups: ['monitored'] }); // 防止返贫监测对象

    const first = await runPushLocally(api.ctx, { regionCode: '150222102', config: { k: 2, n: 1 } }, { threads: 0 });
    expect(first.total).toMatchObject({ workers: 4, pushed: 2, reached: 2 });
    expect(await pushesOn(positionId)).toBe(2); // k = 2 × 1 open place
    // The monitored worker first; the one other slot to one of the rest.
    expect((await api.ctx.matches.pushesOf(monitored.workerId)).map((p) => p.positionId)).toEqual([positionId]);
    const others = await Promise.all(plain.map((w) => api.ctx.matches.pushesOf(w.workerId)));
    expect(others.map((p) => p.length).sort()).toEqual([0, 0, 1]);
    const [stored] = await api.ctx.matches.pushesOf(monitored.workerId);
    expect(stored).toMatchObject({ month, positionId });
    expect(stored!.reason).toContain('按村的位置算'); // no home address on the registry
    expect(stored!.notified).toBe('noAccount'); // never logged in through WeChat

    // The run's record sums its shards; a shard reporting again (its Lambda retried) adds nothing.
    const record = async () =>
      (
        await api.ctx.table.db.send(
          new GetCommand({ TableName: api.ctx.table.tableName, Key: keys.monthlyRun('push', '150222102', first.plan.runId) }),
        )
      ).Item;
    expect(await record()).toMatchObject({ shardsDone: 2, workers: 4, pushed: 2, reached: 2, finishedAt: expect.any(String) });
    expect(await recordShardReport(api.ctx, first.plan.runId, first.reports[0]!)).toBe('alreadyRecorded');
    expect(await record()).toMatchObject({ shardsDone: 2, workers: 4, pushed: 2 });

    const again = await runPushLocally(api.ctx, { regionCode: '150222102', config: { k: 2, n: 1 } }, { threads: 0 });
    expect(again.total.pushed).toBe(0);
    expect(await pushesOn(positionId)).toBe(2);
    // The coverage counts follow: the worker's yearly summary has one recommendation this month.
    const summary = (await api.ctx.matches.summaries([monitored.workerId], month.slice(0, 4))).get(monitored.workerId)!;
    expect(summary).toMatchObject({ jobRecommendation: 1, lastRecommendedMonth: month });
  });

  it('keeps a relocation-site project’s reserved share for relocated workers', async () => {
    const [site] = await putPositions(api.ctx, employer, [
      positionInput({ title: '安置区扶贫车间', headcount: 1, relocationReservedShare: 0.5, location: { lat: 41.2, lng: 110.4 } }),
    ]);
    // k = 2: two slots, one of them kept for 易地搬迁 people; nobody relocated is looking, so one is used.
    await Promise.all([seeker(), seeker(), seeker()]);
    await runPushLocally(api.ctx, { regionCode: '150222102', config: { k: 2, n: 3 } }, { threads: 0 });
    expect(await pushesOn(site!.position.positionId)).toBe(1);
    const relocated = await seeker({ groups: ['relocated'] });
    await runPushLocally(api.ctx, { regionCode: '150222102', config: { k: 2, n: 3 } }, { threads: 0 });
    expect(await pushesOn(site!.position.positionId)).toBe(2);
    const got = (await api.ctx.matches.pushesOf(relocated.workerId)).map((p) => p.positionId);
    expect(got).toContain(site!.position.positionId);
  });

  it('tells a worker who logged in through WeChat by a subscribe message, and notes one who did not subscribe', async () => {
    const [job] = await putPositions(api.ctx, employer, [
      positionInput({ title: '电焊工', occupation: 'welder', headcount: 3, location: { lat: 40.9, lng: 109.8 } }),
    ]);
    const welder = async (openid: string) => {
      const user = await api.ctx.users.findOrCreateByOpenid('wx-test-app', openid);
      const worker = await seeker({ skills: ['电焊工'], villageCode: JINSHAN_VILLAGE });
      await api.ctx.workers.bind(user.userId, (await api.ctx.workers.getItem(worker.workerId, true))!, undefined);
      return worker;
    };
    const subscribed = await welder('openid-of-welder');
    const unsubscribed = await welder('nosub-welder');
    await runPushLocally(api.ctx, { regionCode: '150222102', config: { k: 5, n: 3 } }, { threads: 0 });

    const sent = wechat.messages.filter((m) => m.page.endsWith(job!.position.positionId));
    expect(sent.map((m) => m.touser)).toEqual(['openid-of-welder']);
    expect(sent[0]).toMatchObject({ template_id: 'tmpl-job-push', data: { thing1: { value: '电焊工' } } });
    expect([...sent[0]!.data.thing3!.value].length).toBeLessThanOrEqual(20);
    const notified = async (workerId: string) =>
      (await api.ctx.matches.pushesOf(workerId)).find((p) => p.positionId === job!.position.positionId)?.notified;
    expect(await notified(subscribed.workerId)).toBe('sent');
    expect(await notified(unsubscribed.workerId)).toBe('notSubscribed');

    // A stale access token is renewed once and the message sent.
    expect(wechat.tokens).toBe(1);
    wechat.expireToken();
    const notice = {
      openid: 'openid-of-welder',
      page: 'worker/pages/jobs/index',
      positionTitle: '电焊工',
      employerName: '单位',
      reason: '离家 3 公里',
    };
    expect(await api.ctx.subscribeMessages.sendJobPush(notice)).toBe('sent');
    expect(wechat.tokens).toBe(2);
  });

  it('runs the shards in worker threads, each on its own client, with the same rules: capacity holds and a re-run adds nothing', async () => {
    const [crowded] = await putPositions(api.ctx, employer, [
      positionInput({
        title: '库管（两人）',
        occupation: 'warehouse_keeper',
        headcount: 2,
        location: { lat: 41.05, lng: 110.1 },
      }),
    ]);
    for (let i = 0; i < 6; i++) await seeker({ skills: ['库管'] });
    const threaded = await runPushLocally(
      api.ctx,
      { regionCode: '150222', config: { k: 2, n: 3 } },
      { threads: 2, config: api.config },
    );
    expect(threaded.reports.length).toBe(threaded.plan.townships.length * 2); // every shard, both phases
    expect(threaded.total.pushed).toBeGreaterThan(0);
    expect(await pushesOn(crowded!.position.positionId)).toBe(4); // 2 × 2 open places, no more
    const again = await runPushLocally(
      api.ctx,
      { regionCode: '150222', config: { k: 2, n: 3 } },
      { threads: 2, config: api.config },
    );
    expect(again.total.pushed).toBe(0);
  }, 120_000);
});
