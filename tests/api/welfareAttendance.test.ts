/**
 * 在岗领补 over DynamoDB Local: the village records a post's month, the holder confirms their line
 * (it becomes the claim, with the attendance behind it) or says it is wrong; a confirmed line is
 * never changed; two answers at once land once; the month's integrity flags (一户多岗, a confirmation
 * from the supervisor's phone) stop the approval until a township officer clears them with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAgreement, nextMonth, previousMonth, type Claim } from '@bangfu/shared';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import { JINSHAN_VILLAGE, XIDOUPU_VILLAGE } from '../support/people.js';
import { month, postAgreement as agreement, welfarePostInput as postInput, year } from '../support/programmes.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
beforeAll(async () => {
  api = await startDemoCountyApi();
});
afterAll(() => api?.close());

const SUPERVISOR_PHONE = 'supervisor-phone-0001';
const phoneOf = (n: number) => `worker-phone-${String(n).padStart(6, '0')}`;

type Person = Awaited<ReturnType<typeof boundWorker>>;

describe('在岗领补', () => {
  let township: string;
  let village: string;
  let sweeping: string; // 全日制 保洁
  let roads: string; // 非全日制, for the second post of a household
  const people: Record<string, Person> = {};

  const record = (postId: string, body: unknown, token = village, at = month) =>
    api.call('PUT', `/api/v1/welfare-posts/${postId}/attendance/${at}`, { token, body });
  const mine = (person: Person) => api.call('GET', '/api/v1/me/welfare-post', { token: person.token });
  const answer = (person: Person, body: Record<string, unknown>) =>
    api.call('POST', `/api/v1/me/welfare-post/attendance/${month}`, { token: person.token, body });
  const claimsOf = async (person: Person) =>
    (await api.ctx.claims.ofWorker(person.workerId)).filter((c: Claim) => c.subsidy === 'public_welfare_post');

  beforeAll(async () => {
    township = await api.loginAs('demo-staff-township-1');
    village = await api.loginAs('demo-staff-village-1');
    people.a = await boundWorker(api, 120, { groups: ['povertyAlleviated'], labourClass: 'weak', householdId: 'H-A' });
    people.b = await boundWorker(api, 121, { groups: ['monitored'], labourClass: 'half', householdId: 'H-B' });
    people.c = await boundWorker(api, 122, { groups: ['povertyAlleviated'], labourClass: 'half', householdId: 'H-A' });
    people.outsider = await boundWorker(api, 123, { groups: [], householdId: 'H-D' });
    const create = async (title: string, fullTime: boolean) => {
      const made = await api.call('POST', '/api/v1/welfare-posts', { token: township, body: postInput(title, fullTime) });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return made.body.post.postId as string;
    };
    sweeping = await create('小三分子村保洁员', true);
    roads = await create('小三分子村护路员', false);
    for (const [postId, person] of [
      [sweeping, people.a],
      [sweeping, people.b],
      [roads, people.c],
    ] as const) {
      const hired = await api.call('POST', `/api/v1/welfare-posts/${postId}/holders`, {
        token: township,
        body: { workerId: person!.workerId, ...agreement },
      });
      expect(hired.status, JSON.stringify(hired.body)).toBe(201);
    }
  });

  it('refuses a month that would not fit, all lines or none, and only to the post’s region', async () => {
    const lines = [
      { workerId: people.a!.workerId, daysWorked: 20 },
      { workerId: people.outsider!.workerId, daysWorked: 22 },
    ];
    const notOnPost = await record(sweeping, { daysRequired: 22, lines, device: SUPERVISOR_PHONE });
    expect([notOnPost.status, notOnPost.body.error.field]).toEqual([400, 'body.lines.1.workerId']);
    const tooMany = await record(sweeping, { daysRequired: 32, lines: lines.slice(0, 1), device: SUPERVISOR_PHONE });
    expect([tooMany.status, tooMany.body.error.field]).toEqual([400, 'body.daysRequired']);
    const twice = await record(sweeping, { daysRequired: 22, lines: [lines[0], lines[0]], device: SUPERVISOR_PHONE });
    expect([twice.status, twice.body.error.field]).toEqual([400, 'body.lines']);
    const later = await record(
      sweeping,
      { daysRequired: 22, lines: lines.slice(0, 1), device: SUPERVISOR_PHONE },
      village,
      nextMonth(month),
    );
    expect([later.status, later.body.error.field]).toEqual([400, 'params.month']);
    const otherTownship = await api.loginAs('demo-staff-township-2');
    expect(
      (await record(sweeping, { daysRequired: 22, lines: lines.slice(0, 1), device: SUPERVISOR_PHONE }, otherTownship)).status,
    ).toBe(403);
    expect(await api.ctx.attendance.ofPost(JINSHAN_VILLAGE, sweeping, month)).toEqual([]);
  });

  it('is recorded by the village and shown to each holder as their own line, without anyone else’s phone or account', async () => {
    const recorded = await record(sweeping, {
      daysRequired: 22,
      lines: [
        { workerId: people.a!.workerId, daysWorked: 20 },
        { workerId: people.b!.workerId, daysWorked: 22 },
      ],
      device: SUPERVISOR_PHONE,
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body.lines.map((l: { status: string }) => l.status)).toEqual(['recorded', 'recorded']);
    expect(JSON.stringify(recorded.body)).not.toContain(SUPERVISOR_PHONE);

    const own = await mine(people.a!);
    expect(own.status).toBe(200);
    expect(own.body.post).toMatchObject({ postId: sweeping, onPost: true, fullTime: true });
    expect(own.body.lines).toEqual([
      expect.objectContaining({ month, daysWorked: 20, daysRequired: 22, status: 'recorded', version: 1 }),
    ]);
    const text = JSON.stringify(own.body);
    for (const secret of [SUPERVISOR_PHONE, 'demo-staff-village-1', people.b!.workerId, people.b!.name]) {
      expect(text).not.toContain(secret);
    }
    const trail = await api.ctx.audit.page(people.a!.workerId, { limit: 20 });
    expect(trail.entries.map((e: { action: string }) => e.action)).toContain('welfarePostAttendance');
  });

  it('becomes the claim once confirmed — the amount by the days, the attendance and who vouched in its trace — once however often tapped', async () => {
    const body = { version: 1, answer: 'confirm', device: phoneOf(120) };
    const [first, second] = await Promise.all([answer(people.a!, body), answer(people.a!, body)]);
    expect([first.status, second.status], JSON.stringify([first.body, second.body])).toEqual([200, 200]);
    // 800 元 a month for a full-time post, 20 of 22 days: rounded down to the fen.
    expect(first.body.claim).toMatchObject({ amountFen: Math.floor((80_000 * 20) / 22), status: 'submitted' });
    expect(second.body.claim.claimId).toBe(first.body.claim.claimId);
    expect(first.body.line).toMatchObject({ status: 'confirmed', version: 2 });
    const [claim] = await claimsOf(people.a!);
    expect(await claimsOf(people.a!)).toHaveLength(1);
    const attendance = claim!.trace.find((t) => t.key === 'publicWelfarePost.attendance');
    expect(attendance).toMatchObject({ text: `${month} 出勤 20 天，应出勤 22 天` });
    expect(attendance!.source).toMatch(/^村信息员 \d{4}-\d{2}-\d{2} 记录，本人 \d{4}-\d{2}-\d{2} 在小程序确认$/);
  });

  it('lands one of a confirmation and a dispute sent at once, and never changes a confirmed line', async () => {
    const [confirm, dispute] = await Promise.all([
      answer(people.b!, { version: 1, answer: 'confirm', device: phoneOf(121) }),
      answer(people.b!, { version: 1, answer: 'dispute', note: '我这个月病了一周', device: phoneOf(121) }),
    ]);
    expect([confirm.status, dispute.status].sort()).toEqual([200, 409]);
    const line = (await api.ctx.attendance.ofPost(JINSHAN_VILLAGE, sweeping, month)).find(
      (l) => l.workerId === people.b!.workerId,
    )!;
    expect(line.version).toBe(2);
    expect(await claimsOf(people.b!)).toHaveLength(confirm.status === 200 ? 1 : 0);
    const noNote = await answer(people.b!, { version: 2, answer: 'dispute', device: phoneOf(121) });
    expect([noNote.status, noNote.body.error.field]).toEqual([400, 'body.note']);

    // A's line is confirmed: the whole month is refused, B's line left as it was.
    const over = await record(sweeping, {
      daysRequired: 22,
      lines: [
        { workerId: people.a!.workerId, daysWorked: 22 },
        { workerId: people.b!.workerId, daysWorked: 21 },
      ],
      device: SUPERVISOR_PHONE,
    });
    expect([over.status, over.body.error.field]).toEqual([409, 'body.lines.0.workerId']);
    const after = (await api.ctx.attendance.ofPost(JINSHAN_VILLAGE, sweeping, month)).find(
      (l) => l.workerId === people.b!.workerId,
    )!;
    expect(after).toEqual(line);
  });

  it('flags two posts in one household and a confirmation from the supervisor’s phone, and holds the approval until a township officer clears them', async () => {
    expect(
      (
        await record(roads, {
          daysRequired: 10,
          lines: [{ workerId: people.c!.workerId, daysWorked: 10 }],
          device: SUPERVISOR_PHONE,
        })
      ).status,
    ).toBe(200);
    // C's line confirmed on the phone the village recorded it on (冒名顶替).
    const confirmed = await answer(people.c!, { version: 1, answer: 'confirm', device: SUPERVISOR_PHONE });
    expect(confirmed.body.claim).toMatchObject({ amountFen: 40_000 });

    const sheet = await api.call('GET', `/api/v1/welfare-posts/months/${month}?regionCode=150222102&limit=100`, {
      token: township,
    });
    expect(sheet.status).toBe(200);
    type Flag = { flagId: string; kind: string; workerId: string; evidence: string[]; cleared?: unknown };
    const flags = sheet.body.flags as Flag[];
    const of = (person: Person) =>
      flags
        .filter((f) => f.workerId === person.workerId)
        .map((f) => f.kind)
        .sort();
    expect(of(people.a!)).toEqual(['householdTwoPosts']);
    expect(of(people.c!)).toEqual(['householdTwoPosts', 'sharedPhone']);
    expect(of(people.b!)).toEqual([]);
    const household = flags.find((f) => f.workerId === people.a!.workerId)!;
    expect(household.evidence).toEqual([`同一户（户编号 H-A）的 ${people.c!.name} 也在「小三分子村护路员」岗位上`]);
    expect(flags.find((f) => f.kind === 'sharedPhone')!.evidence).toEqual(['确认所用的手机，就是记录考勤用的那部手机']);
    expect(JSON.stringify(sheet.body)).not.toContain(SUPERVISOR_PHONE);

    const [claim] = await claimsOf(people.a!);
    const approve = () =>
      api.call('POST', `/api/v1/claims/${claim!.claimId}/decision`, {
        token: township,
        body: { version: claim!.version, decision: 'approve' },
      });
    const held = await approve();
    expect([held.status, held.body.error.message.zh]).toEqual([409, expect.stringContaining('一户多岗')]);

    const clear = (token: string, reason: string) =>
      api.call('POST', `/api/v1/welfare-posts/${sweeping}/flags`, {
        token,
        body: { flagId: household.flagId, month, reason },
      });
    expect((await clear(village, '已入户核实，分户生活')).status).toBe(403);
    expect((await clear(await api.loginAs('demo-staff-township-2'), '已入户核实，分户生活')).status).toBe(403);
    const short = await clear(township, '核实');
    expect([short.status, short.body.error.field]).toEqual([400, 'body.reason']);
    const wrongPost = await api.call('POST', `/api/v1/welfare-posts/${roads}/flags`, {
      token: township,
      body: { flagId: household.flagId, month, reason: '已入户核实，分户生活' },
    });
    expect([wrongPost.status, wrongPost.body.error.field]).toEqual([400, 'body.flagId']);
    const cleared = await clear(township, '已入户核实，两人分户生活，户籍未分');
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body.flag.cleared).toMatchObject({
      by: 'demo-staff-township-1',
      reason: '已入户核实，两人分户生活，户籍未分',
    });
    expect((await clear(township, '再核实一次看看')).status).toBe(409);
    const trail = await api.ctx.audit.page(people.a!.workerId, { limit: 20 });
    expect(trail.entries.map((e: { action: string }) => e.action)).toContain('welfarePostFlagCleared');

    const approved = await approve();
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.claim.status).toBe('approved');
    // C's month still waits on its own two flags.
    const [cClaim] = await claimsOf(people.c!);
    const cHeld = await api.call('POST', `/api/v1/claims/${cClaim!.claimId}/decision`, {
      token: township,
      body: { version: cClaim!.version, decision: 'approve' },
    });
    expect(cHeld.status).toBe(409);
  });

  it('gives the village a task when a holder says their month is wrong, and takes the month recorded again', async () => {
    people.d = await boundWorker(api, 124, { groups: ['monitored'], labourClass: 'weak', householdId: 'H-D2' });
    const hired = await api.call('POST', `/api/v1/welfare-posts/${roads}/holders`, {
      token: township,
      body: { workerId: people.d.workerId, ...agreement },
    });
    expect(hired.status, JSON.stringify(hired.body)).toBe(201);
    const days = (n: number) => ({
      daysRequired: 10,
      lines: [{ workerId: people.d!.workerId, daysWorked: n }],
      device: SUPERVISOR_PHONE,
    });
    expect((await record(roads, days(6))).status).toBe(200);
    const disputed = await answer(people.d, { version: 1, answer: 'dispute', note: '我干满了10天', device: phoneOf(124) });
    expect(disputed.body.line).toMatchObject({ status: 'disputed', disputeNote: '我干满了10天' });
    expect(await claimsOf(people.d)).toEqual([]);

    const tasks = await api.call('GET', `/api/v1/tasks?regionCode=${JINSHAN_VILLAGE}&status=open&limit=100`, { token: village });
    const task = (tasks.body.tasks as { cause: string; text: string; figures: { label: string; value: string }[] }[]).find(
      // B's dispute may have won the race above and opened its own task: D's is the one naming D.
      (t) => t.cause === 'attendanceDisputed' && t.text.includes(people.d!.name),
    );
    expect(task?.text).toBe(`公益性岗位「小三分子村护路员」${people.d.name} 说 ${month} 的考勤不对，请核对后重新记考勤`);
    expect(task?.figures).toEqual([
      { label: '记录的出勤', value: '6 天（应出勤 10 天）' },
      { label: '本人说', value: '我干满了10天' },
    ]);

    // Recorded again, the month is the holder's to confirm, and it becomes the claim.
    expect((await record(roads, days(10))).status).toBe(200);
    const confirmed = await answer(people.d, { version: 3, answer: 'confirm', device: phoneOf(124) });
    expect(confirmed.body.claim).toMatchObject({ amountFen: 40_000 });
  });

  it('shows a village officer only their village’s lines, and nobody another township’s month', async () => {
    const villageSheet = await api.call('GET', `/api/v1/welfare-posts/months/${month}?regionCode=${JINSHAN_VILLAGE}`, {
      token: village,
    });
    expect(villageSheet.status).toBe(200);
    expect(villageSheet.body.lines.every((l: { villageCode: string }) => l.villageCode === JINSHAN_VILLAGE)).toBe(true);
    const paged = await api.call('GET', `/api/v1/welfare-posts/months/${month}?regionCode=150222102&limit=2`, {
      token: township,
    });
    expect(paged.body.lines).toHaveLength(2);
    const rest = await api.call(
      'GET',
      `/api/v1/welfare-posts/months/${month}?regionCode=150222102&limit=2&cursor=${paged.body.nextCursor}`,
      { token: township },
    );
    expect(rest.body.lines).toHaveLength(2); // a, b, c and d's lines, two a page
    const other = await api.loginAs('demo-staff-township-2');
    expect((await api.call('GET', `/api/v1/welfare-posts/months/${month}?regionCode=150222102`, { token: other })).status).toBe(
      403,
    );
    const county = await api.loginAs('demo-staff-county');
    const whole = await api.call('GET', `/api/v1/welfare-posts/months/${month}?regionCode=150222`, { token: county });
    expect([whole.status, whole.body.error.field]).toEqual([400, 'query.regionCode']);
  });

  it('holds the approval of a holder from another township on the flags of the post’s township, where the month is kept', async () => {
    // The county takes on someone of 西斗铺镇 for a 金山镇 post; the township sheet that keeps the
    // month is the post's (金山镇), the claim is reviewed where the holder lives (西斗铺镇).
    const county = await api.loginAs('demo-staff-county');
    const post = await api.call('POST', '/api/v1/welfare-posts', { token: county, body: postInput('小三分子村护林员', true) });
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    const postId = post.body.post.postId as string;
    const from = await boundWorker(api, 140, { villageCode: XIDOUPU_VILLAGE, groups: ['povertyAlleviated'], householdId: 'H-X' });
    const hired = await api.call('POST', `/api/v1/welfare-posts/${postId}/holders`, {
      token: county,
      body: { workerId: from.workerId, ...agreement },
    });
    expect(hired.status, JSON.stringify(hired.body)).toBe(201);
    const recorded = await record(
      postId,
      { daysRequired: 22, lines: [{ workerId: from.workerId, daysWorked: 22 }], device: SUPERVISOR_PHONE },
      county,
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    // Confirmed on the phone the month was recorded on: a flag on 金山镇's sheet.
    const confirmed = await answer(from, { version: 1, answer: 'confirm', device: SUPERVISOR_PHONE });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const claim = (await api.ctx.claims.get(confirmed.body.claim.claimId))!;
    expect(claim).toMatchObject({
      regionCode: XIDOUPU_VILLAGE,
      postVillageCode: JINSHAN_VILLAGE,
      vouchedBy: expect.arrayContaining(['demo-staff-county']),
    });
    // The county recorded the days, so it may not approve the month it vouched for (四眼原则).
    const own = await api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, {
      token: county,
      body: { version: claim.version, decision: 'approve' },
    });
    expect([own.status, own.body.error?.message.zh]).toEqual([403, expect.stringContaining('您登记或核实')]);

    const held = await api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, {
      token: await api.loginAs('demo-staff-township-2'), // 西斗铺镇's officer, whose claim it is to review
      body: { version: claim.version, decision: 'approve' },
    });
    expect([held.status, held.body.error?.message.zh]).toEqual([409, expect.stringContaining('诚信提示')]);
  });

  it('flags a month that requires a single day, so one day pays it whole, and holds its approval', async () => {
    const post = await api.call('POST', '/api/v1/welfare-posts', { token: township, body: postInput('小三分子村护渠员', true) });
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    const postId = post.body.post.postId as string;
    const holder = await boundWorker(api, 125, { groups: ['povertyAlleviated'], householdId: 'H-E' });
    const hired = await api.call('POST', `/api/v1/welfare-posts/${postId}/holders`, {
      token: township,
      body: { workerId: holder.workerId, ...agreement },
    });
    expect(hired.status, JSON.stringify(hired.body)).toBe(201);
    const one = { daysRequired: 1, lines: [{ workerId: holder.workerId, daysWorked: 1 }], device: SUPERVISOR_PHONE };
    expect((await record(postId, one)).status).toBe(200);
    const confirmed = await answer(holder, { version: 1, answer: 'confirm', device: phoneOf(125) });
    expect(confirmed.body.claim).toMatchObject({ amountFen: 80_000 }); // the whole month's 800 元, for one day

    const sheet = await api.call('GET', `/api/v1/welfare-posts/months/${month}?regionCode=150222102&limit=100`, {
      token: township,
    });
    const flag = (sheet.body.flags as { kind: string; workerId: string; evidence: string[] }[]).find(
      (f) => f.workerId === holder.workerId,
    );
    expect(flag).toMatchObject({ kind: 'fewDaysRequired' });
    expect(flag!.evidence[1]).toMatch(/^\d{4}-\d{2} 有 \d+ 个工作日（周一到周五），全日制岗位应出勤一般不少于 \d+ 天$/);
    const claim = (await api.ctx.claims.get(confirmed.body.claim.claimId))!;
    const held = await api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, {
      token: township,
      body: { version: claim.version, decision: 'approve' },
    });
    expect([held.status, held.body.error?.message.zh]).toEqual([409, expect.stringContaining('应出勤天数偏少')]);
  });
});

describe('a post’s past months: 补签 and 补记 are the county’s', () => {
  it('refuses the township an agreement signed back past last month and the village a month older than last; the county makes both', async () => {
    const [county, township, village] = (await Promise.all(
      ['demo-staff-county', 'demo-staff-township-1', 'demo-staff-village-1'].map((id) => api.loginAs(id)),
    )) as [string, string, string];
    const term = { termStartsOn: `${year - 1}-01-01`, termEndsOn: `${year + 1}-12-31` };
    const made = await api.call('POST', '/api/v1/welfare-posts', {
      token: township,
      body: { ...postInput('小三分子村护林员', true), ...term },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const postId = made.body.post.postId as string;
    const person = await boundWorker(api, 141, { groups: ['povertyAlleviated'], householdId: 'H-F' });
    const lastMonth = previousMonth(month);
    const threeBack = previousMonth(previousMonth(lastMonth));
    const backdated = { workerId: person.workerId, ...defaultAgreement(term, `${threeBack}-01`, 12) };
    const hire = (token: string) => api.call('POST', `/api/v1/welfare-posts/${postId}/holders`, { token, body: backdated });

    const refused = await hire(township);
    expect([refused.status, refused.body.error.field]).toEqual([400, 'body.startsOn']);
    expect(refused.body.error.message.zh).toBe(`协议最早从 ${lastMonth}-01 开始；更早开始的，要由旗县区经办人员补签`);
    expect(await api.ctx.welfarePosts.holders(postId)).toEqual([]);
    const signed = await hire(county);
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);

    const days = (token: string, at: string) =>
      api.call('PUT', `/api/v1/welfare-posts/${postId}/attendance/${at}`, {
        token,
        body: { daysRequired: 20, lines: [{ workerId: person.workerId, daysWorked: 18 }], device: SUPERVISOR_PHONE },
      });
    const late = await days(village, threeBack);
    expect([late.status, late.body.error.field]).toEqual([400, 'body.lines.0.daysWorked']);
    expect(late.body.error.message.zh).toBe(`${threeBack} 的考勤最晚在下个月记，已过了时间；要补记的，请旗县区经办人员来记`);
    expect(await api.ctx.attendance.ofPost(JINSHAN_VILLAGE, postId, threeBack)).toEqual([]);
    expect((await days(county, threeBack)).status).toBe(200);
    expect((await days(village, lastMonth)).status).toBe(200);
  });
});
