/** The real-name registry: one record per person, scope, masking and audit, binding. */
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn, chinaDate } from '@bangfu/shared';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { idNumber, JINSHAN_OTHER_VILLAGE, JINSHAN_VILLAGE, workerInput, XIDOUPU_VILLAGE } from '../support/people.js';
import { startWeChatFake, type WeChatFake } from '../support/wechatFake.js';

let api: TestApi;
let wechat: WeChatFake;
let township: string; // 金山镇 staff
let county: string;

beforeAll(async () => {
  wechat = await startWeChatFake();
  api = await startTestApi({ wechatApiBase: wechat.url });
  await seedDemoCounty(api.ctx);
  township = await api.loginAs('demo-staff-township-1');
  county = await api.loginAs('demo-staff-county');
});
afterAll(async () => {
  await api.close();
  await wechat.close();
});

const create = (token: string, overrides: Record<string, unknown> = {}) =>
  api.call('POST', '/api/v1/registry/workers', { token, body: workerInput(overrides) });

async function wechatAccount(name: string): Promise<string> {
  const { body } = await api.call('POST', '/api/v1/auth/wechat', { body: { code: `${name}:1` } });
  return body.token;
}

describe('creating records', () => {
  it('derives age and sex, normalises skills, masks the number and stores it only sealed', async () => {
    const id = idNumber('150222', '19680715', 11, 'male');
    const { status, body } = await create(township, { idNumber: id, name: '李建军', skills: ['电焊工', '瓦工'] });
    expect(status).toBe(201);
    expect(body.worker).toMatchObject({
      name: '李建军',
      age: ageOn('1968-07-15', chinaDate(new Date())),
      sex: 'male',
      idNumberMasked: `1502${'*'.repeat(12)}${id.slice(-2)}`,
      skills: ['welder', 'bricklayer'],
      version: 1,
    });
    expect(JSON.stringify(body)).not.toContain(id);
    const { Items = [] } = await api.ctx.table.db.send(new ScanCommand({ TableName: api.tableName }));
    expect(JSON.stringify(Items)).not.toContain(id);
    expect(JSON.stringify(Items)).not.toContain(id.slice(6, 14)); // not even the birth-date digits in the clear
  });

  it('refuses a second record for the same person, whoever enters it, and writes nothing', async () => {
    const id = idNumber('150222', '19800101', 12, 'female');
    expect((await create(township, { idNumber: id })).status).toBe(201);
    const again = await create(county, { idNumber: id, name: '另一个名字', villageCode: XIDOUPU_VILLAGE });
    expect(again.status).toBe(409);
    expect(again.body.error.field).toBe('body.idNumber');
    const list = await api.call('GET', '/api/v1/registry/workers?regionCode=150222&q=另一个名字', { token: county });
    expect(list.body.workers).toEqual([]);
  });

  it('makes exactly one record when two staff enter the same person at once', async () => {
    const id = idNumber('150222', '19900202', 13, 'male');
    const results = await Promise.all([
      create(township, { idNumber: id }),
      create(county, { idNumber: id }),
      create(county, { idNumber: id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('answers bad input with the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ idNumber: '150222197503080011' }, 'body.idNumber', '校验位'],
      [{ idNumber: idNumber('150222', '19750230', 1) }, 'body.idNumber', '出生日期'],
      [{ phone: '0472-1234567' }, 'body.phone', '手机号'],
      [{ villageCode: '150222102999' }, 'body.villageCode', '没有这个村'],
      [{ labourClass: 'strong' }, 'body.labourClass', ''],
      [{ skills: ['宇航员'] }, 'body.skills.0', '不认识的技能'],
      [{ preferences: { travelScope: 'any', expectedMonthlyWageFen: 4500.5 } }, 'body.preferences.expectedMonthlyWageFen', ''],
    ];
    for (const [change, field, words] of cases) {
      const { status, body } = await create(township, { ...change, name: '坏数据' });
      expect(status, field).toBe(400);
      expect(body.error.field).toBe(field);
      expect(body.error.message.zh).toContain(words);
    }
    const list = await api.call('GET', '/api/v1/registry/workers?regionCode=150222&q=坏数据', { token: county });
    expect(list.body.workers).toEqual([]);
  });

  it('refuses a village outside the officer’s township with 403', async () => {
    const { status, body } = await create(township, {
      idNumber: idNumber('150222', '19700101', 14),
      villageCode: XIDOUPU_VILLAGE,
    });
    expect(status).toBe(403);
    expect(body.error.field).toBe('body.villageCode');
  });
});

describe('listing and search within scope', () => {
  beforeAll(async () => {
    await create(township, {
      idNumber: idNumber('150222', '19710101', 21),
      name: '赵凤英',
      villageCode: JINSHAN_OTHER_VILLAGE,
      labourClass: 'weak',
      groups: ['monitored'],
    });
    await create(county, {
      idNumber: idNumber('150222', '19720101', 22),
      name: '赵永胜',
      villageCode: XIDOUPU_VILLAGE,
      labourClass: 'full',
      groups: [],
    });
  });

  it('shows each level only its own region', async () => {
    const village = await api.loginAs('demo-staff-village-1'); // 小三分子村
    const seen = async (token: string, region: string) =>
      (await api.call('GET', `/api/v1/registry/workers?regionCode=${region}&limit=100`, { token })).body.workers.map(
        (w: { name: string }) => w.name,
      );
    expect(await seen(county, '150222')).toEqual(expect.arrayContaining(['赵凤英', '赵永胜', '李建军']));
    expect(await seen(township, '150222102')).toEqual(expect.arrayContaining(['赵凤英', '李建军']));
    expect(await seen(township, '150222102')).not.toContain('赵永胜');
    expect(await seen(village, JINSHAN_VILLAGE)).toContain('李建军');
    expect(await seen(village, JINSHAN_VILLAGE)).not.toContain('赵凤英');
    for (const [token, region] of [
      [village, JINSHAN_OTHER_VILLAGE],
      [township, '150222103'],
      [township, '150222'],
    ] as const) {
      expect((await api.call('GET', `/api/v1/registry/workers?regionCode=${region}`, { token })).status).toBe(403);
    }
  });

  it('lets city staff and a county admin see the county, and nobody else’s', async () => {
    await api.ctx.users.create({
      userId: 'city-officer',
      role: 'staff',
      staffLevel: 'city',
      regionCode: '1502',
      displayName: '包头市人社局',
      careMode: false,
      createdAt: new Date().toISOString(),
      version: 1,
    });
    await api.ctx.users.create({
      userId: 'other-county',
      role: 'staff',
      staffLevel: 'county',
      regionCode: '150223',
      displayName: '达茂旗人社局',
      careMode: false,
      createdAt: new Date().toISOString(),
      version: 1,
    });
    const city = await api.loginAs('city-officer');
    const admin = await api.loginAs('demo-admin');
    const other = await api.loginAs('other-county');
    expect((await api.call('GET', '/api/v1/registry/workers?regionCode=150222', { token: city })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/registry/workers?regionCode=150222', { token: admin })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/registry/workers?regionCode=150222', { token: other })).status).toBe(403);
    const worker = await api.loginAs('demo-worker-1');
    expect((await api.call('GET', '/api/v1/registry/workers?regionCode=150222', { token: worker })).status).toBe(403);
  });

  it('filters by group and labour class, and finds by name or the last four ID characters', async () => {
    const get = async (query: string) =>
      (await api.call('GET', `/api/v1/registry/workers?regionCode=150222&limit=100&${query}`, { token: county })).body
        .workers as {
        name: string;
        labourClass: string;
        groups: string[];
      }[];
    const weak = await get('labourClass=weak');
    expect(weak.map((w) => w.name)).toContain('赵凤英');
    expect(weak.every((w) => w.labourClass === 'weak')).toBe(true);
    const monitored = await get('group=monitored');
    expect(monitored.map((w) => w.name)).toContain('赵凤英');
    expect(monitored.every((w) => w.groups.includes('monitored'))).toBe(true);
    const zhao = await get(`q=${encodeURIComponent('赵')}`);
    expect(zhao.map((w) => w.name)).toEqual(expect.arrayContaining(['赵凤英', '赵永胜']));
    expect(zhao.every((w) => w.name.includes('赵'))).toBe(true);
    const last4 = idNumber('150222', '19720101', 22).slice(-4);
    expect((await get(`q=${last4}`)).map((w) => w.name)).toEqual(['赵永胜']);
    expect(
      (await api.call('GET', '/api/v1/registry/workers?regionCode=150222&labourClass=strong', { token: county })).body.error
        .field,
    ).toBe('query.labourClass');
  });
});

describe('personal data: masked reads, audited reveal', () => {
  let workerId: string;
  const id = idNumber('150222', '19660606', 31, 'female');

  beforeAll(async () => {
    workerId = (await create(township, { idNumber: id, name: '孙美玲' })).body.worker.workerId;
  });

  it('audits every full read with who, which record and why', async () => {
    const { status, body } = await api.call('GET', `/api/v1/registry/workers/${workerId}?purpose=monthlyUpdate`, {
      token: township,
    });
    expect(status).toBe(200);
    expect(body.worker.idNumberMasked).toBe(`1502${'*'.repeat(12)}${id.slice(-2)}`);
    const trail = await api.call('GET', `/api/v1/registry/workers/${workerId}/audit`, { token: county });
    expect(trail.body.entries[0]).toMatchObject({
      workerId,
      actorId: 'demo-staff-township-1',
      action: 'read',
      reason: 'monthlyUpdate',
    });
  });

  it('gives the whole trail a page at a time, newest first, none twice and none left out', async () => {
    for (let i = 0; i < 12; i++) {
      const read = await api.call('GET', `/api/v1/registry/workers/${workerId}?purpose=service`, { token: township });
      expect(read.status).toBe(200);
    }
    const whole = (await api.call('GET', `/api/v1/registry/workers/${workerId}/audit?limit=100`, { token: county })).body
      .entries as { at: string }[];
    expect(whole.length).toBeGreaterThanOrEqual(13);
    const paged: { at: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call(
        'GET',
        `/api/v1/registry/workers/${workerId}/audit?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token: county },
      );
      expect(page.status).toBe(200);
      expect(page.body.entries.length).toBeLessThanOrEqual(5);
      paged.push(...page.body.entries);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole);
    expect(paged.map((e) => e.at)).toEqual([...paged.map((e) => e.at)].sort().reverse());
    const forged = await api.call('GET', `/api/v1/registry/workers/${workerId}/audit?cursor=bm90LWEtY3Vyc29y`, { token: county });
    expect(forged.status).toBe(400);
    expect(forged.body.error.field).toBe('query.cursor');
  });

  it('lists only a summary: the full record comes from the audited read alone', async () => {
    const { body } = await api.call(
      'GET',
      `/api/v1/registry/workers?regionCode=${JINSHAN_VILLAGE}&q=${encodeURIComponent('孙美玲')}`,
      { token: township },
    );
    const summary = body.workers[0];
    expect(summary).toMatchObject({
      workerId,
      name: '孙美玲',
      idNumberMasked: expect.stringMatching(/^1502\*{12}/),
      bound: false,
    });
    for (const field of ['phone', 'householdId', 'skills', 'preferences', 'certificates', 'trainings', 'home'])
      expect(summary).not.toHaveProperty(field);
  });

  it('requires a purpose, and writes no audit entry for a refused read', async () => {
    expect((await api.call('GET', `/api/v1/registry/workers/${workerId}`, { token: township })).body.error.field).toBe(
      'query.purpose',
    );
    const before = (await api.call('GET', `/api/v1/registry/workers/${workerId}/audit`, { token: county })).body.entries.length;
    const other = await api.loginAs('demo-staff-township-2');
    expect((await api.call('GET', `/api/v1/registry/workers/${workerId}?purpose=service`, { token: other })).status).toBe(403);
    const after = (await api.call('GET', `/api/v1/registry/workers/${workerId}/audit`, { token: county })).body.entries.length;
    expect(after).toBe(before);
  });

  it('reveals the full number once per request, recording the reason first', async () => {
    const short = await api.call('POST', `/api/v1/registry/workers/${workerId}/reveal`, {
      token: township,
      body: { reason: '看看' },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('body.reason');
    const { status, body } = await api.call('POST', `/api/v1/registry/workers/${workerId}/reveal`, {
      token: township,
      body: { reason: '核对社保卡信息' },
    });
    expect(status).toBe(200);
    expect(body.idNumber).toBe(id);
    const trail = await api.call('GET', `/api/v1/registry/workers/${workerId}/audit`, { token: county });
    expect(trail.body.entries[0]).toMatchObject({ action: 'reveal', reason: '核对社保卡信息', actorId: 'demo-staff-township-1' });
  });
});

describe('binding a WeChat account to its record', () => {
  const id = idNumber('150222', '19770707', 41, 'male');
  let workerId: string;

  beforeAll(async () => {
    workerId = (await create(township, { idNumber: id, name: '巴特尔' })).body.worker.workerId;
  });

  it('gives the same answer for an unknown number and for a wrong name', async () => {
    const token = await wechatAccount('stranger');
    const unknown = await api.call('POST', '/api/v1/me/worker/bind', {
      token,
      body: { name: '巴特尔', idNumber: idNumber('150222', '19770707', 99) },
    });
    const wrongName = await api.call('POST', '/api/v1/me/worker/bind', { token, body: { name: '巴特', idNumber: id } });
    expect(unknown.status).toBe(422);
    expect(wrongName.status).toBe(422);
    const { requestId: _a, ...a } = unknown.body.error;
    const { requestId: _b, ...b } = wrongName.body.error;
    expect(a).toEqual(b);
  });

  it('lets exactly one of two accounts racing for the same record win', async () => {
    const [first, second] = await Promise.all([wechatAccount('racer-a'), wechatAccount('racer-b')]);
    const results = await Promise.all(
      [first, second].map((token) =>
        api.call('POST', '/api/v1/me/worker/bind', { token, body: { name: '巴特尔', idNumber: id.toLowerCase() } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body;
    expect(winner.user).toMatchObject({ workerId, regionCode: JINSHAN_VILLAGE, displayName: '巴特尔' });
    expect(winner.worker.boundUserId).toBe(winner.user.userId);
    const mine = await api.call('GET', '/api/v1/me/worker', { token: results[0]!.status === 200 ? first : second });
    expect(mine.body.worker.workerId).toBe(workerId);
  });

  it('binds one account to one record only, even when it races for two', async () => {
    const ids = [idNumber('150222', '19810101', 42), idNumber('150222', '19810101', 43)];
    for (const [i, n] of ids.entries()) await create(township, { idNumber: n, name: `双胞胎${i}` });
    const token = await wechatAccount('greedy');
    const results = await Promise.all(
      ids.map((n, i) => api.call('POST', '/api/v1/me/worker/bind', { token, body: { name: `双胞胎${i}`, idNumber: n } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('is undone by staff with a recorded reason, after which another account can bind', async () => {
    const unbound = await api.call('POST', `/api/v1/registry/workers/${workerId}/unbind`, {
      token: township,
      body: { reason: '本人换了手机和微信号' },
    });
    expect(unbound.status).toBe(200);
    expect(unbound.body.worker.boundUserId).toBeUndefined();
    const trail = await api.call('GET', `/api/v1/registry/workers/${workerId}/audit`, { token: county });
    expect(trail.body.entries[0]).toMatchObject({ action: 'unbind', reason: '本人换了手机和微信号' });
    const token = await wechatAccount('new-phone');
    expect((await api.call('POST', '/api/v1/me/worker/bind', { token, body: { name: '巴特尔', idNumber: id } })).status).toBe(
      200,
    );
    const { Item } = await api.ctx.table.db.send(
      new GetCommand({ TableName: api.tableName, Key: { pk: `WORKER#${workerId}`, sk: 'PROFILE' } }),
    );
    expect(Item?.version).toBe(4); // bound, unbound, bound again
  });

  it('is for workers only', async () => {
    expect(
      (await api.call('POST', '/api/v1/me/worker/bind', { token: township, body: { name: '巴特尔', idNumber: id } })).status,
    ).toBe(403);
  });
});

describe('changing a record', () => {
  let workerId: string;
  const id = idNumber('150222', '19850505', 61, 'female');

  beforeAll(async () => {
    workerId = (await create(township, { idNumber: id, name: '韩春花', labourClass: 'full', atHomeReason: 'idle' })).body.worker
      .workerId;
  });

  it('applies staff changes on the version read, clears a fact with null, refuses a stale version', async () => {
    const changed = await api.call('PATCH', `/api/v1/registry/workers/${workerId}`, {
      token: township,
      body: { version: 1, labourClass: 'half', atHomeReason: null, skills: ['护工'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.worker).toMatchObject({ labourClass: 'half', skills: ['elder_carer'], version: 2 });
    expect(changed.body.worker.atHomeReason).toBeUndefined();
    const stale = await api.call('PATCH', `/api/v1/registry/workers/${workerId}`, {
      token: township,
      body: { version: 1, labourClass: 'weak' },
    });
    expect(stale.status).toBe(409);
    const refused = await api.call('PATCH', `/api/v1/registry/workers/${workerId}`, {
      token: township,
      body: { version: 2, birthDate: '1990-01-01' },
    });
    expect(refused.body.error.field).toBe('body.birthDate');
  });

  it('lets a worker change their own preferences but nothing else', async () => {
    const token = await wechatAccount('hanchunhua');
    const bound = await api.call('POST', '/api/v1/me/worker/bind', { token, body: { name: '韩春花', idNumber: id } });
    const version = bound.body.worker.version;
    const mine = await api.call('PATCH', '/api/v1/me/worker', {
      token,
      body: { version, preferences: { travelScope: 'city', expectedMonthlyWageFen: 450_000, jobTypes: ['fullTime'] } },
    });
    expect(mine.status).toBe(200);
    expect(mine.body.worker.preferences).toEqual({
      travelScope: 'city',
      expectedMonthlyWageFen: 450_000,
      jobTypes: ['fullTime'],
    });
    const notMine = await api.call('PATCH', '/api/v1/me/worker', { token, body: { version: version + 1, labourClass: 'full' } });
    expect(notMine.status).toBe(400);
    expect(notMine.body.error.field).toBe('body.labourClass');
  });

  it('records the exit from the registry, after which nobody can bind the record', async () => {
    const exitId = idNumber('150222', '19550505', 62);
    const created = await create(township, { idNumber: exitId, name: '任占全' });
    const exited = await api.call('PATCH', `/api/v1/registry/workers/${created.body.worker.workerId}`, {
      token: township,
      body: { version: 1, registryExitDate: '2026-10-31' },
    });
    expect(exited.body.worker.registryExitDate).toBe('2026-10-31');
    const token = await wechatAccount('renzhanquan');
    const bind = await api.call('POST', '/api/v1/me/worker/bind', { token, body: { name: '任占全', idNumber: exitId } });
    expect(bind.status).toBe(409);
    expect(bind.body.error.message.zh).toContain('退出');
  });
});
