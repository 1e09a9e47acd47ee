/**
 * 不履职取酬 across two programmes, over DynamoDB Local: a full-time public-welfare post holder whose
 * month on a 以工代赈 wage sheet and on the post together come to more days than the month has is
 * flagged on the township's month, naming the project and the days, whether they live in the
 * post's township or another, and the post month waits for an officer's look; a line the person
 * disputed does not count, and a part-time holder is not flagged (they may work elsewhere the
 * same day).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysInMonth, type Claim } from '@bangfu/shared';
import { dynamoCallsDuring, startDemoCountyApi, type TestApi } from '../support/api.js';
import { month, postAgreement, reliefProjectInput, welfarePostInput } from '../support/programmes.js';
import { XIDOUPU_VILLAGE } from '../support/people.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
beforeAll(async () => {
  api = await startDemoCountyApi();
});
afterAll(() => api?.close());

const phone = (n: number) => `worker-phone-${String(n).padStart(6, '0')}`;

type Person = Awaited<ReturnType<typeof boundWorker>>;
type Flag = { flagId: string; kind: string; workerId: string; evidence: string[] };

describe('a public-welfare post month beside a 以工代赈 wage sheet', () => {
  let township: string;
  let village: string;
  let contractor: string;
  let sweeping: string;
  let roads: string;
  let projectId: string;
  const people: Record<'both' | 'elsewhere' | 'disputes' | 'partTime', Person> = {} as never;

  const flagsOfMonth = async (): Promise<Flag[]> => {
    const sheet = await api.call('GET', `/api/v1/welfare-posts/months/${month}?regionCode=150222102&limit=100`, {
      token: township,
    });
    expect(sheet.status, JSON.stringify(sheet.body)).toBe(200);
    return (sheet.body.flags as Flag[]).filter((f) => f.kind === 'reliefWorkDays');
  };
  const answerWages = (person: Person, body: Record<string, unknown>) =>
    api.call('POST', `/api/v1/me/relief-work/${projectId}/wages/${month}`, { token: person.token, body });

  beforeAll(async () => {
    township = await api.loginAs('demo-staff-township-1');
    village = await api.loginAs('demo-staff-village-1');
    contractor = await api.loginAs('demo-employer-3');
    const county = await api.loginAs('demo-staff-county');
    people.both = await boundWorker(api, 170, { groups: ['povertyAlleviated'], labourClass: 'half', householdId: 'H-170' });
    // Of 西斗铺镇, on a 金山镇 post: their relief lines are listed where they live, not where the post is.
    people.elsewhere = await boundWorker(api, 173, {
      villageCode: XIDOUPU_VILLAGE,
      groups: ['povertyAlleviated'],
      labourClass: 'half',
      householdId: 'H-173',
    });
    people.disputes = await boundWorker(api, 171, { groups: ['povertyAlleviated'], labourClass: 'half', householdId: 'H-171' });
    people.partTime = await boundWorker(api, 172, { groups: ['monitored'], labourClass: 'weak', householdId: 'H-172' });

    const create = async (title: string, fullTime: boolean) => {
      const made = await api.call('POST', '/api/v1/welfare-posts', { token: township, body: welfarePostInput(title, fullTime) });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return made.body.post.postId as string;
    };
    sweeping = await create('小三分子村保洁员', true);
    roads = await create('小三分子村护路员', false);
    for (const [postId, person] of [
      [sweeping, people.both],
      [sweeping, people.elsewhere],
      [sweeping, people.disputes],
      [roads, people.partTime],
    ] as const) {
      const hired = await api.call('POST', `/api/v1/welfare-posts/${postId}/holders`, {
        token: person === people.elsewhere ? county : township, // the county takes on someone of another township
        body: { workerId: person.workerId, ...postAgreement },
      });
      expect(hired.status, JSON.stringify(hired.body)).toBe(201);
    }

    // No relocation site: nobody on the roster needs a reason.
    const project = await api.call('POST', '/api/v1/relief-projects', {
      token: county,
      body: { ...reliefProjectInput, relocationSite: 'none' },
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    projectId = project.body.project.projectId;
    for (const person of Object.values(people)) {
      const added = await api.call('POST', `/api/v1/relief-projects/${projectId}/roster`, {
        token: contractor,
        body: { workerId: person.workerId, trade: '普工' },
      });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
    }
  });

  it('flags a full-time holder whose post days and relief days are more than the month has, and holds the post month', async () => {
    const postDays = 20;
    const reliefDays = daysInMonth(month) - postDays + 1; // one day too many
    const wages = await api.call('PUT', `/api/v1/relief-projects/${projectId}/wages/${month}`, {
      token: contractor,
      body: {
        lines: Object.values(people).map((person) => ({
          workerId: person.workerId,
          days: reliefDays,
          payFen: reliefDays * 15_000,
        })),
      },
    });
    expect(wages.status, JSON.stringify(wages.body)).toBe(200);
    // Nothing to compare yet: no post month recorded.
    expect(await flagsOfMonth()).toEqual([]);

    for (const [postId, holders] of [
      [sweeping, [people.both, people.elsewhere, people.disputes]],
      [roads, [people.partTime]],
    ] as const) {
      const recorded = await api.call('PUT', `/api/v1/welfare-posts/${postId}/attendance/${month}`, {
        token: village,
        body: {
          daysRequired: 22,
          lines: holders.map((person) => ({ workerId: person.workerId, daysWorked: postDays })),
          device: 'supervisor-phone-0001',
        },
      });
      expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    }

    let entered: Flag[] = [];
    const calls = await dynamoCallsDuring(api, async () => {
      entered = await flagsOfMonth();
    });
    // Its cost, whatever the number of people: the session; the month and the three before; the
    // posts and the people's month records; the relief lines where the holders live (金山镇 and
    // 西斗铺镇); the projects' names.
    const count = (command: string) => calls.filter((c) => c.command === `${command}Command`).length;
    expect([count('GetItem'), count('Query'), count('BatchGetItem'), calls.length]).toEqual([1, 6, 3, 10]);
    expect(calls.filter((c) => String(c.input.IndexName ?? '') === 'gsi1').length).toBe(2);
    expect(entered.map((f) => f.workerId).sort()).toEqual(
      [people.both.workerId, people.elsewhere.workerId, people.disputes.workerId].sort(),
    );
    expect(entered.find((f) => f.workerId === people.both.workerId)!.evidence).toEqual([
      `${month} 在「小三分子村保洁员」（全日制岗位）出勤 ${postDays} 天`,
      `同月在以工代赈项目「小三分子村农田灌溉渠道改造」务工 ${reliefDays} 天（待本人确认）`,
      `合计 ${daysInMonth(month) + 1} 天，比这个月的 ${daysInMonth(month)} 天还多：总有几天两边都记了，请核实哪边属实`,
    ]);

    // Confirmed, the line still counts; disputed (the person says the days are wrong), it does not.
    expect((await answerWages(people.both, { version: 1, answer: 'confirm', device: phone(170) })).status).toBe(200);
    const disputed = await answerWages(people.disputes, {
      version: 1,
      answer: 'dispute',
      note: '我只去了三天',
      device: phone(171),
    });
    expect(disputed.status, JSON.stringify(disputed.body)).toBe(200);
    const answered = await flagsOfMonth();
    expect(answered.map((f) => f.workerId).sort()).toEqual([people.both.workerId, people.elsewhere.workerId].sort());
    const bothFlag = answered.find((f) => f.workerId === people.both.workerId)!;
    expect(bothFlag.evidence[1]).toContain('（本人已确认）');

    // The holder's post month becomes a claim that waits for a township officer's look.
    const confirmed = await api.call('POST', `/api/v1/me/welfare-post/attendance/${month}`, {
      token: people.both.token,
      body: { version: 1, answer: 'confirm', device: phone(170) },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const [claim] = (await api.ctx.claims.ofWorker(people.both.workerId)).filter(
      (c: Claim) => c.subsidy === 'public_welfare_post',
    );
    const approve = () =>
      api.call('POST', `/api/v1/claims/${claim!.claimId}/decision`, {
        token: township,
        body: { version: claim!.version, decision: 'approve' },
      });
    const held = await approve();
    expect([held.status, held.body.error.message.zh]).toEqual([409, expect.stringContaining('同月另在以工代赈务工')]);
    const cleared = await api.call('POST', `/api/v1/welfare-posts/${sweeping}/flags`, {
      token: township,
      body: { flagId: bothFlag.flagId, month, reason: '核实：以工代赈的天数是周末和晚上补的工' },
    });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect((await approve()).status).toBe(200);
  });
});
