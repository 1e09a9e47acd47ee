/**
 * 亲情服务: a worker invites a family member, who accepts on their own account; the link works
 * only once the worker agrees on theirs; the family member acts in the worker's name with a
 * short session that names them, and everything they do is stored and listed as 由 X 代办; the
 * worker ends it and the acting session is refused at once. And the refusals: the wrong side,
 * used and lapsed codes, minors, chains, what acting never reaches, other roles, guessing, races.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth, type Claim, type User } from '@bangfu/shared';
import { keys } from '../../functions/src/db/tableSchema.js';
import { dynamoCallsDuring, startDemoCountyApi, withSlowDynamo, type TestApi } from '../support/api.js';
import { workerWithDues } from '../support/claims.js';
import { idNumber } from '../support/people.js';
import { boundWorker, demoWorkshop, positionInput, putPositions } from '../support/positions.js';

let api: TestApi;
/** The budgets' clock: a test that spends a route's hourly budget moves it on for the next. */
let hoursOn = 0;
let positionId: string;

beforeAll(async () => {
  api = await startDemoCountyApi({ now: () => Date.now() + hoursOn * 3600_000 });
  const { employer } = await demoWorkshop(api);
  const [record] = await putPositions(api.ctx, employer, [positionInput({ title: '亲情服务测试岗' })]);
  positionId = record!.position.positionId;
});
afterAll(() => api?.close());

/** A worker account of someone not in the registry (a child working in the city): their own WeChat login. */
async function unboundAccount(name: string): Promise<{ userId: string; token: string }> {
  const user: User = {
    userId: `test-family-${randomUUID()}`,
    role: 'worker',
    displayName: name,
    careMode: false,
    createdAt: new Date().toISOString(),
    version: 1,
  };
  await api.ctx.users.create(user);
  return { userId: user.userId, token: await api.loginAs(user.userId) };
}

const invite = (token: string) => api.call('POST', '/api/v1/me/family/invitations', { token });
const accept = (token: string, code: string, name = '李小明', relation = 'child') =>
  api.call('POST', '/api/v1/me/family/accept', { token, body: { code, name, relation, adult: true } });
const confirm = (token: string, linkId: string) => api.call('POST', `/api/v1/me/family/${linkId}/confirm`, { token });
const act = (token: string, linkId: string) => api.call('POST', `/api/v1/me/family/${linkId}/act`, { token });
const end = (token: string, linkId: string) => api.call('DELETE', `/api/v1/me/family/${linkId}`, { token });

/** Worker and helper linked and agreed: the link's id. */
async function linked(workerToken: string, helperToken: string, name = '李小明'): Promise<string> {
  const { body } = await invite(workerToken);
  const accepted = await accept(helperToken, body.code, name);
  expect(accepted.status).toBe(201);
  expect((await confirm(workerToken, accepted.body.link.linkId)).status).toBe(200);
  return accepted.body.link.linkId;
}

describe('the whole of it', () => {
  it('invite → accept → 同意 → act: applies and claims as the worker, recorded 由 X 代办; ended, the session is refused at once', async () => {
    const worker = await workerWithDues(api, 1);
    const helper = await unboundAccount('李小明');

    const invitation = await invite(worker.token);
    expect(invitation.status).toBe(201);
    expect(invitation.body.code).toMatch(/^\d{8}$/);
    expect(Date.parse(invitation.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(Date.parse(invitation.body.expiresAt) - Date.now()).toBeLessThanOrEqual(30 * 60_000);

    // Typed as it is read out: with a space.
    const code = `${invitation.body.code.slice(0, 4)} ${invitation.body.code.slice(4)}`;
    const accepted = await accept(helper.token, code);
    expect(accepted.status).toBe(201);
    const { link } = accepted.body;
    expect(link).toMatchObject({ status: 'pending', helperName: '李小明', relation: 'child', helperVerified: false });
    // Whom the code belongs to is not told before they agree (a guessed code learns nothing).
    expect(link.workerName).toBeUndefined();

    // Nothing works before the worker agrees, and only the worker can agree.
    expect((await act(helper.token, link.linkId)).status).toBe(409);
    const helperConfirms = await confirm(helper.token, link.linkId);
    expect(helperConfirms.status).toBe(403);
    expect(helperConfirms.body.error.message.zh).toContain('被帮的人自己');
    const pending = (await api.call('GET', '/api/v1/me/family', { token: worker.token })).body;
    expect(pending.helpers).toEqual([expect.objectContaining({ linkId: link.linkId, status: 'pending', helperName: '李小明' })]);

    expect((await confirm(worker.token, link.linkId)).body.link.status).toBe('active');
    const helping = (await api.call('GET', '/api/v1/me/family', { token: helper.token })).body.helping;
    expect(helping).toEqual([expect.objectContaining({ linkId: link.linkId, status: 'active', workerName: '测试1' })]);

    const acting = await act(helper.token, link.linkId);
    expect(acting.status).toBe(200);
    expect(acting.body.user.userId).toBe(worker.userId);
    const expiresIn = Date.parse(acting.body.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(29 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(30 * 60_000);
    const asWorker = acting.body.token as string;

    // Sees the worker's record, the ID masked; applies and claims in the worker's name.
    const record = await api.call('GET', '/api/v1/me/worker', { token: asWorker });
    expect(record.status).toBe(200);
    expect(record.body.worker.workerId).toBe(worker.workerId);
    expect(record.body.worker.idNumberMasked).toContain('*');
    expect(JSON.stringify(record.body)).not.toContain(idNumber('150222', '19800101', 301));

    const proxy = { userId: helper.userId, name: '李小明', relation: 'child' };
    const applied = await api.call('POST', `/api/v1/positions/${positionId}/applications`, { token: asWorker });
    expect(applied.status).toBe(200);
    expect(applied.body.application).toMatchObject({ workerId: worker.workerId, userId: worker.userId, proxy });

    const due = (await api.call('GET', '/api/v1/me/subsidies', { token: asWorker })).body.results.filter(
      (r: { eligible: boolean }) => r.eligible,
    );
    expect(due.length).toBeGreaterThan(0);
    const claimed = await api.call('POST', '/api/v1/me/subsidies/claims', {
      token: asWorker,
      body: { idempotencyKey: randomUUID() },
    });
    expect(claimed.status).toBe(200);
    expect(claimed.body.created).toBe(due.length);
    for (const claim of claimed.body.claims as Claim[]) {
      expect(claim).toMatchObject({ source: 'worker', createdBy: worker.userId, proxy });
    }

    // The worker sees every act as 由 李小明 代办: on the application, the claims and the acts list.
    const mine = await api.call('GET', '/api/v1/me/applications', { token: worker.token });
    expect(mine.body.applications[0].application.proxy).toEqual(proxy);
    const claims = await api.call('GET', '/api/v1/me/claims', { token: worker.token });
    expect(claims.body.claims.map((c: Claim) => c.proxy)).toEqual(due.map(() => proxy));
    const acts = (await api.call('GET', '/api/v1/me/family/acts', { token: worker.token })).body.acts;
    expect(acts.map((a: { kind: string }) => a.kind)).toEqual([...due.map(() => 'claimed'), 'applied', 'acting', 'linked']);
    expect(acts.every((a: { helper: unknown }) => JSON.stringify(a.helper) === JSON.stringify(proxy))).toBe(true);
    expect(acts.find((a: { kind: string }) => a.kind === 'applied').what).toContain('亲情服务测试岗');
    // And in 个人信息使用记录: a family member began seeing their record.
    const uses = (await api.call('GET', '/api/v1/me/data-uses', { token: worker.token })).body.entries;
    expect(uses[0]).toMatchObject({ action: 'familyActing', who: '家人 李小明（子女）' });
    // The employer sees the applicant, not who in the family helped.
    const { token: employer } = await demoWorkshop(api);
    const applicants = await api.call('GET', `/api/v1/positions/${positionId}/applications`, { token: employer });
    const card = applicants.body.applicants.find((a: { workerId: string }) => a.workerId === worker.workerId);
    expect(card.application.proxy).toBeUndefined();

    // The worker ends it: the acting session is refused from the very next request; what was done stays.
    expect((await end(worker.token, link.linkId)).status).toBe(200);
    const after = await api.call('GET', '/api/v1/me/claims', { token: asWorker });
    expect(after.status).toBe(401);
    expect(after.body.error.message.zh).toContain('帮家人办事已经结束了');
    expect((await act(helper.token, link.linkId)).status).toBe(409);
    expect((await api.call('GET', '/api/v1/me/family', { token: helper.token })).body.helping).toEqual([]);
    const kept = (await api.call('GET', '/api/v1/me/family/acts', { token: worker.token })).body.acts;
    expect(kept[0]).toMatchObject({ kind: 'ended', what: '您结束了TA的亲情服务' });
    expect(kept).toHaveLength(acts.length + 1);
    expect((await api.call('GET', '/api/v1/me/claims', { token: worker.token })).body.claims[0].proxy).toEqual(proxy);
    // The helper's own account is untouched.
    expect((await api.call('GET', '/api/v1/me', { token: helper.token })).body.user.userId).toBe(helper.userId);
  });

  it('a family member who is in the registry is named as the registry has them', async () => {
    const worker = await boundWorker(api, 2);
    const helper = await boundWorker(api, 3);
    const { body } = await invite(worker.token);
    const accepted = await accept(helper.token, body.code, '随便写的名字', 'sibling');
    expect(accepted.body.link).toMatchObject({ helperName: '测试3', helperVerified: true, relation: 'sibling' });
  });
});

describe('while acting', () => {
  let worker: Awaited<ReturnType<typeof boundWorker>>;
  let helper: { userId: string; token: string };
  let linkId: string;
  let asWorker: string;

  beforeAll(async () => {
    worker = await boundWorker(api, 10);
    helper = await unboundAccount('王芳');
    linkId = await linked(worker.token, helper.token, '王芳');
    asWorker = (await act(helper.token, linkId)).body.token;
  });

  it('never reaches the links, the binding, the account, consents, codes or the worker’s own reports', async () => {
    const refused: [string, string, unknown?][] = [
      ['GET', '/api/v1/me/family'],
      ['POST', '/api/v1/me/family/invitations'],
      ['POST', `/api/v1/me/family/${linkId}/confirm`],
      ['DELETE', `/api/v1/me/family/${linkId}`],
      ['POST', `/api/v1/me/family/${linkId}/stop`],
      ['GET', '/api/v1/me/family/acts'],
      ['POST', '/api/v1/me/worker/bind', { name: '测试10', idNumber: idNumber('150222', '19800101', 310) }],
      ['PATCH', '/api/v1/me/worker', { version: 1, phone: '13900000000' }],
      ['PATCH', '/api/v1/me', { version: 1, displayName: '改名' }],
      ['POST', '/api/v1/auth/logout'],
      ['PUT', '/api/v1/me/circumstances', { kind: 'socialInsurance', value: true }],
      ['PUT', `/api/v1/me/employment/${chinaMonth(new Date())}`, { status: 'notEmployed' }],
      ['POST', '/api/v1/me/code'],
      ['GET', '/api/v1/me/code/requests'],
      ['GET', '/api/v1/me/data-uses'],
      ['POST', '/api/v1/me/difficulties', { kind: 'lostJob' }],
    ];
    for (const [method, path, body] of refused) {
      const answer = await api.call(method, path, { token: asWorker, ...(body ? { body } : {}) });
      expect([path, answer.status]).toEqual([path, 403]);
      expect(answer.body.error.message.zh).toContain('帮家人办事时不能做这件事');
    }
    // Nothing changed: still linked, still bound, still the same name, the session still works.
    expect((await api.call('GET', '/api/v1/me', { token: asWorker })).body.user).toMatchObject({
      displayName: '测试10',
      workerId: worker.workerId,
    });
    expect((await api.call('GET', '/api/v1/me/family', { token: worker.token })).body.helpers[0].status).toBe('active');
  });

  it('cannot chain: acting for someone, they cannot act for anyone else', async () => {
    // The worker also helps a third person; the acting session cannot reach that link.
    const third = await boundWorker(api, 11);
    const theirLink = await linked(third.token, worker.token, '测试10');
    expect((await act(asWorker, theirLink)).status).toBe(403);
    expect((await act(worker.token, theirLink)).status).toBe(200); // the worker themself can
  });

  it('public pages still answer (the job map), and every acting start ends the sessions before it', async () => {
    expect((await api.call('GET', `/api/v1/positions/${positionId}`, { token: asWorker })).status).toBe(200);
    const second = (await act(helper.token, linkId)).body.token;
    expect((await api.call('GET', '/api/v1/me/claims', { token: asWorker })).status).toBe(401);
    expect((await api.call('GET', '/api/v1/me/claims', { token: second })).status).toBe(200);
    asWorker = second;
  });

  it('costs one GetItem more than the worker’s own request (the link), and the worker’s own requests nothing more', async () => {
    const own = await dynamoCallsDuring(api, async () =>
      expect((await api.call('GET', '/api/v1/me/applications', { token: worker.token })).status).toBe(200),
    );
    const proxied = await dynamoCallsDuring(api, async () =>
      expect((await api.call('GET', '/api/v1/me/applications', { token: asWorker })).status).toBe(200),
    );
    const names = (calls: typeof own) => calls.map((c) => c.command).sort();
    expect(names(proxied)).toEqual([...names(own), 'GetItemCommand'].sort());
    const linkRead = proxied.find((c) => (c.input.Key as { sk?: string } | undefined)?.sk === keys.familyLink('', linkId).sk);
    expect(linkRead?.input.ConsistentRead).toBe(true); // an ending holds from the next request
    expect(own.some((c) => String((c.input.Key as { sk?: string } | undefined)?.sk).startsWith('FAMILY'))).toBe(false);
  });

  it('stopping (退出) ends the session; the helper leaving ends the link for both', async () => {
    expect((await api.call('POST', `/api/v1/me/family/${linkId}/stop`, { token: helper.token })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/me/claims', { token: asWorker })).status).toBe(401);

    const again = (await act(helper.token, linkId)).body.token;
    expect((await end(helper.token, linkId)).status).toBe(200);
    expect((await api.call('GET', '/api/v1/me/claims', { token: again })).status).toBe(401);
    expect((await api.call('GET', '/api/v1/me/family', { token: worker.token })).body.helpers).toEqual([]);
    const acts = (await api.call('GET', '/api/v1/me/family/acts', { token: worker.token })).body.acts;
    expect(acts[0]).toMatchObject({ kind: 'ended', what: 'TA 不再帮您办事了', helper: { name: '王芳' } });
  });

  it('ends with the helper’s logout, and with the worker’s', async () => {
    const w = await boundWorker(api, 12);
    const h = await unboundAccount('赵强');
    const link = await linked(w.token, h.token, '赵强');
    const first = (await act(h.token, link)).body.token;
    expect((await api.call('POST', '/api/v1/auth/logout', { token: h.token })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/me/claims', { token: first })).status).toBe(401);

    const helperAgain = await api.loginAs(h.userId);
    const second = (await act(helperAgain, link)).body.token;
    expect((await api.call('GET', '/api/v1/me/claims', { token: second })).status).toBe(200);
    expect((await api.call('POST', '/api/v1/auth/logout', { token: w.token })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/me/claims', { token: second })).status).toBe(401);
  });
});

describe('refusals', () => {
  it('a used code, a lapsed code, one’s own code, a minor, and a second link to the same person', async () => {
    const worker = await boundWorker(api, 20);
    const first = await unboundAccount('甲');
    const second = await unboundAccount('乙');
    const { body } = await invite(worker.token);

    const own = await accept(worker.token, body.code);
    expect(own.status).toBe(409);
    expect(own.body.error.field).toBe('body.code');

    expect((await accept(first.token, body.code)).status).toBe(201);
    const used = await accept(second.token, body.code);
    expect(used.status).toBe(409);
    expect(used.body.error.message.zh).toContain('已经用过');

    const lapsed = await api.ctx.familyLinks.invite(
      { userId: worker.userId, name: '测试20' },
      new Date(Date.now() - 31 * 60_000),
    );
    expect((await accept(second.token, lapsed.code)).status).toBe(409);

    const again = await invite(worker.token);
    expect((await accept(first.token, again.body.code)).body.error.message.zh).toContain('您已经在帮TA办事了');

    const minor = await boundWorker(api, 21, { idNumber: idNumber('150222', '20120101', 321) });
    const refused = await accept(minor.token, again.body.code);
    expect(refused.status).toBe(403);
    expect(refused.body.error.field).toBe('body.adult');
    // Not declaring adulthood is refused before anything is read.
    const undeclared = await api.call('POST', '/api/v1/me/family/accept', {
      token: second.token,
      body: { code: again.body.code, name: '乙某', relation: 'child', adult: false },
    });
    expect(undeclared.status).toBe(400);
    expect(undeclared.body.error.field).toBe('body.adult');
    // The code is still good for the right person.
    expect((await accept(second.token, again.body.code)).status).toBe(201);
  });

  it('an unbound worker cannot invite; someone else’s link looks absent', async () => {
    const unbound = await unboundAccount('丙');
    expect((await invite(unbound.token)).status).toBe(404);

    const worker = await boundWorker(api, 22);
    const helper = await unboundAccount('丁');
    const stranger = await unboundAccount('戊');
    const { body } = await invite(worker.token);
    const { linkId } = (await accept(helper.token, body.code)).body.link;
    expect((await confirm(stranger.token, linkId)).status).toBe(404);
    expect((await end(stranger.token, linkId)).status).toBe(404);
    expect((await act(stranger.token, linkId)).status).toBe(404);
    // A link id naming another account than the one it was made for is not found either.
    const forged = `f_${Buffer.from(stranger.userId).toString('base64url')}.${linkId.split('.')[1]}`;
    expect((await confirm(stranger.token, forged)).status).toBe(404);
    // The worker declining (不同意) ends it.
    expect((await end(worker.token, linkId)).status).toBe(200);
    expect((await confirm(worker.token, linkId)).status).toBe(409);
  });

  it('employers, staff and the anonymous cannot use any of it', async () => {
    const callers = await Promise.all(['demo-employer-1', 'demo-staff-township-1', 'demo-admin'].map((id) => api.loginAs(id)));
    for (const token of callers) {
      expect((await invite(token)).status).toBe(403);
      expect((await accept(token, '12345678')).status).toBe(403);
      expect((await api.call('GET', '/api/v1/me/family', { token })).status).toBe(403);
    }
    expect((await invite('')).status).toBe(401);
    expect((await api.call('GET', '/api/v1/me/family/acts')).status).toBe(401);
  });

  it('limits: two family members per worker, three people per family member', async () => {
    const worker = await boundWorker(api, 30);
    await linked(worker.token, (await unboundAccount('一')).token, '张一');
    await linked(worker.token, (await unboundAccount('二')).token, '张二');
    expect((await invite(worker.token)).status).toBe(409);

    const busy = await unboundAccount('忙');
    for (const n of [31, 32, 33]) await linked((await boundWorker(api, n)).token, busy.token, '刘忙');
    const fourth = await boundWorker(api, 34);
    const refused = await accept(busy.token, (await invite(fourth.token)).body.code);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message.zh).toContain('3 个人');
  });

  it('guessing codes is held to ten tries an hour per account', async () => {
    hoursOn += 1; // a fresh hour for this account's and this address's budgets
    const guesser = await unboundAccount('猜');
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push((await accept(guesser.token, String(10_000_000 + i))).status);
    expect(answers.slice(0, 10).every((status) => status === 409)).toBe(true);
    expect(answers[10]).toBe(429);
  });
});

describe('races', () => {
  it('two accepting one code at once make one link', async () => {
    hoursOn += 1;
    const worker = await boundWorker(api, 40);
    const helpers = await Promise.all([unboundAccount('快'), unboundAccount('慢')]);
    const { body } = await invite(worker.token);
    const answers = await Promise.all(helpers.map((h) => accept(h.token, body.code)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect((await api.call('GET', '/api/v1/me/family', { token: worker.token })).body.helpers).toHaveLength(1);
  });

  it('three agreed at once where two may be: two links become active', async () => {
    const worker = await boundWorker(api, 41);
    // Three pending links, made past the check at accepting (as racing accepts could).
    const pending = await Promise.all(
      ['甲', '乙', '丙'].map(async (name) => {
        const helper = await unboundAccount(name);
        const invitation = await api.ctx.familyLinks.invite({ userId: worker.userId, name: '测试41' });
        return api.ctx.familyLinks.accept(invitation, { userId: helper.userId, name, verified: false, relation: 'child' });
      }),
    );
    const answers = await Promise.all(pending.map((link) => confirm(worker.token, link.linkId)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 409]);
    const { helpers } = (await api.call('GET', '/api/v1/me/family', { token: worker.token })).body;
    expect(helpers.filter((l: { status: string }) => l.status === 'active')).toHaveLength(2);
  });

  it('two acting starts at once give one session, and one entry on the acts list', async () => {
    const worker = await boundWorker(api, 43);
    const helper = await unboundAccount('周');
    const linkId = await linked(worker.token, helper.token, '周平');
    // Both starts read the link before either writes: at once, not one after the other (which is
    // two sessions in turn, the first ended).
    const answers = await withSlowDynamo(api, 100, () => Promise.all([1, 2].map(() => act(helper.token, linkId))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const session = answers.find((a) => a.status === 200)!.body.token;
    expect((await api.call('GET', '/api/v1/me/claims', { token: session })).status).toBe(200);
    const acts = (await api.call('GET', '/api/v1/me/family/acts', { token: worker.token })).body.acts;
    expect(acts.map((a: { kind: string }) => a.kind)).toEqual(['acting', 'linked']);
  });

  it('a claim made twice at once while acting is one claim, one entry on the acts list', async () => {
    const worker = await workerWithDues(api, 42);
    const helper = await unboundAccount('孙');
    const linkId = await linked(worker.token, helper.token, '孙丽');
    const asWorker = (await act(helper.token, linkId)).body.token;
    const key = randomUUID();
    const answers = await Promise.all(
      [1, 2].map(() => api.call('POST', '/api/v1/me/subsidies/claims', { token: asWorker, body: { idempotencyKey: key } })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const claims = await api.ctx.claims.ofWorker(worker.workerId);
    const acts = (await api.call('GET', '/api/v1/me/family/acts', { token: worker.token })).body.acts;
    expect(acts.filter((a: { kind: string }) => a.kind === 'claimed')).toHaveLength(claims.length);
  });

  it('不感兴趣 said for the worker, then again (a retry), is one dismissal by the family member and one entry on the acts list', async () => {
    const worker = await boundWorker(api, 61);
    const helper = await unboundAccount('周');
    const linkId = await linked(worker.token, helper.token, '周丽');
    const asWorker = (await act(helper.token, linkId)).body.token;
    const path = `/api/v1/me/recommendations/${positionId}/dismiss`;
    for (let i = 0; i < 2; i++) expect((await api.call('POST', path, { token: asWorker })).status).toBe(200);
    // The worker saying it again changes nothing either: the first stands.
    expect((await api.call('POST', path, { token: worker.token })).status).toBe(200);
    const { Item } = await api.ctx.table.db.send(
      new GetCommand({ TableName: api.ctx.table.tableName, Key: keys.dismissal(worker.workerId, positionId) }),
    );
    expect(Item?.proxy).toMatchObject({ userId: helper.userId, name: '周丽' });
    const acts = (await api.call('GET', '/api/v1/me/family/acts', { token: worker.token })).body.acts;
    expect(acts.map((a: { kind: string }) => a.kind)).toEqual(['dismissed', 'acting', 'linked']);
    expect(acts[0]).toMatchObject({ at: Item?.at, what: '亲情服务测试岗（金山镇服装加工帮扶车间）' });
  });
});
