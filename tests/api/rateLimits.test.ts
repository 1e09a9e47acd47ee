/**
 * Budgets and lockouts (issue #11, finding 2): binding cannot be brute-forced from one
 * account, one client address or many accounts aimed at one person; every route that
 * guesses or moves money declares a budget; one client cannot use the whole API's throttle.
 * Requests come from distinct loopback addresses (127.0.0.x) where the client address matters.
 */
import { request } from 'node:http';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../functions/src/app.js';
import { auditEntity } from '../../functions/src/db/entities.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { idNumber, workerInput } from '../support/people.js';
import { startWeChatFake, type WeChatFake } from '../support/wechatFake.js';

let api: TestApi;
let wechat: WeChatFake;
let township: string;
let clock = Date.parse('2026-12-04T08:00:00Z');
const BIND = '/api/v1/me/worker/bind';

beforeAll(async () => {
  wechat = await startWeChatFake();
  api = await startTestApi({ wechatApiBase: wechat.url, now: () => clock });
  await seedDemoCounty(api.ctx);
  township = await api.loginAs('demo-staff-township-1');
});
afterAll(async () => {
  await api.close();
  await wechat.close();
});

/** One request from a given loopback address, so the app sees that client address. */
function callFrom(
  address: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Record<string, string | string[] | undefined> }> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      api.url + path,
      {
        method,
        localAddress: address,
        headers: {
          ...options.headers,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

let accounts = 0;
/** A new worker account with a session, made directly (logins have their own budget). */
async function newWorkerAccount(): Promise<{ token: string; userId: string }> {
  const user = await api.ctx.users.findOrCreateByOpenid('wx-test-app', `openid-rate-${++accounts}`);
  const { token } = await api.ctx.tokens.issue({ userId: user.userId, role: user.role, regionCode: user.regionCode });
  return { token, userId: user.userId };
}

async function registryRecord(name: string, id: string): Promise<string> {
  const created = await api.call('POST', '/api/v1/registry/workers', {
    token: township,
    body: workerInput({ name, idNumber: id }),
  });
  expect(created.status).toBe(201);
  return created.body.worker.workerId;
}

async function bindFailuresBy(userId: string) {
  const { Items = [] } = await api.ctx.table.db.send(
    new QueryCommand({ TableName: api.tableName, ...auditEntity.byActor(userId) }),
  );
  return Items.filter((item) => item.action === 'bindFailed');
}

const expectLockedOut = (answer: { status: number; body: any; headers: Record<string, unknown> }) => {
  expect(answer.status).toBe(429);
  expect(answer.body.error.code).toBe('TOO_MANY_ATTEMPTS');
  expect(answer.body.error.message.zh).toContain('请找村里的信息员帮您绑定');
  expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
};

describe('binding by guessing', () => {
  it('locks an account out after a few wrong guesses, so 400 guesses never reach the right number', async () => {
    // The attacker knows the name and birth date and walks the sequence numbers.
    const right = idNumber('150222', '19660301', 400, 'female');
    const workerId = await registryRecord('冯桂英', right);
    const attacker = await newWorkerAccount();
    // Forty at a time: guesses racing each other get no more than the budget either.
    const answers = [];
    for (let from = 0; from < 400; from += 40) {
      const batch = Array.from({ length: 40 }, (_, k) =>
        callFrom('127.0.0.11', 'POST', BIND, {
          token: attacker.token,
          body: { name: '冯桂英', idNumber: idNumber('150222', '19660301', from + k, 'female') },
        }),
      );
      answers.push(...(await Promise.all(batch)));
    }
    const last = await callFrom('127.0.0.11', 'POST', BIND, {
      token: attacker.token,
      body: { name: '冯桂英', idNumber: right },
    });
    expectLockedOut(last);
    // At most the account's five reach a comparison. Racing guesses charge the account, address
    // and person counters in any order, so a guess within the account's five may still be the
    // person's eleventh: fewer than five can be compared, never more.
    const compared = answers.filter((a) => a.status === 422).length;
    expect(compared).toBeGreaterThanOrEqual(1);
    expect(compared).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(400 - compared);
    expect((await api.ctx.workers.getItem(workerId, true))?.boundUserId).toBeUndefined();

    // Every compared guess is audited: who, which account, the hashed number, the address.
    const audited = await bindFailuresBy(attacker.userId);
    expect(audited).toHaveLength(compared);
    expect(audited[0]).toMatchObject({ actorId: attacker.userId, ip: '127.0.0.11' });
    expect(audited[0]!.idHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(audited)).not.toContain('19660301');
  }, 300_000);

  it('lets the owner bind once the lockout has passed, and a right answer does not use up the budget', async () => {
    const id = idNumber('150222', '19700911', 3);
    const workerId = await registryRecord('石宝山', id);
    const owner = await newWorkerAccount();
    for (let i = 0; i < 5; i++) {
      const wrong = await callFrom('127.0.0.12', 'POST', BIND, {
        token: owner.token,
        body: { name: '石宝山', idNumber: idNumber('150222', '19700911', 10 + i) },
      });
      expect(wrong.status).toBe(422);
    }
    expectLockedOut(await callFrom('127.0.0.12', 'POST', BIND, { token: owner.token, body: { name: '石宝山', idNumber: id } }));
    clock += 61 * 60 * 1000;
    const bound = await callFrom('127.0.0.12', 'POST', BIND, { token: owner.token, body: { name: '石宝山', idNumber: id } });
    expect(bound.status).toBe(200);
    expect(bound.body.worker.workerId).toBe(workerId);
    // Binding again (the app retries) is an answer that matched: it never counts as a failure.
    for (let i = 0; i < 6; i++) {
      expect(
        (await callFrom('127.0.0.12', 'POST', BIND, { token: owner.token, body: { name: '石宝山', idNumber: id } })).status,
      ).toBe(200);
    }
  });

  it('limits guesses at one ID number across many accounts and addresses', async () => {
    const id = idNumber('150222', '19581224', 7);
    await registryRecord('赵富贵', id);
    const names = ['赵富', '赵贵', '赵福贵', '赵富桂', '赵复贵', '赵付贵', '赵富归', '照富贵', '赵富龟', '赵夫贵'];
    for (const [i, name] of names.entries()) {
      const { token } = await newWorkerAccount();
      expect((await callFrom(`127.0.1.${i + 1}`, 'POST', BIND, { token, body: { name, idNumber: id } })).status).toBe(422);
    }
    const { token } = await newWorkerAccount();
    expectLockedOut(await callFrom('127.0.1.200', 'POST', BIND, { token, body: { name: '赵富贵', idNumber: id } }));
  });

  it('lets an officer of the record’s region who has seen the person lift its lockout, on the record’s audit trail', async () => {
    const id = idNumber('150222', '19600303', 9);
    const workerId = await registryRecord('钱秀英', id);
    const names = ['钱秀', '钱英', '钱秀音', '钱绣英', '钱秀鹰', '前秀英', '钱秀应', '钱袖英', '钱秀婴', '钱修英'];
    for (const [i, name] of names.entries()) {
      const { token } = await newWorkerAccount();
      expect((await callFrom(`127.0.4.${i + 1}`, 'POST', BIND, { token, body: { name, idNumber: id } })).status).toBe(422);
    }
    const owner = await newWorkerAccount();
    const bindAsOwner = () =>
      callFrom('127.0.4.200', 'POST', BIND, { token: owner.token, body: { name: '钱秀英', idNumber: id } });
    expectLockedOut(await bindAsOwner());

    const clear = (token: string) =>
      api.call('POST', `/api/v1/registry/workers/${workerId}/bind-lockout/clear`, {
        token,
        body: { reason: '本人带身份证来乡镇就业服务站核对过' },
      });
    expect((await clear(await api.loginAs('demo-staff-township-2'))).status).toBe(403); // another township
    expectLockedOut(await bindAsOwner());
    expect((await clear(township)).body).toEqual({ cleared: true });
    expect((await bindAsOwner()).status).toBe(200);
    const trail = await api.call('GET', `/api/v1/registry/workers/${workerId}/audit`, { token: township });
    expect(trail.body.entries).toContainEqual(
      expect.objectContaining({
        action: 'bindUnlocked',
        reason: '本人带身份证来乡镇就业服务站核对过',
        actorId: 'demo-staff-township-1',
      }),
    );
  });

  it('limits guesses at one person (name and birth date) across many accounts and addresses', async () => {
    const right = idNumber('150222', '19620505', 321);
    await registryRecord('高来小', right);
    for (let i = 0; i < 10; i++) {
      const { token } = await newWorkerAccount();
      const guess = { name: '高来小', idNumber: idNumber('150222', '19620505', 100 + i) };
      expect((await callFrom(`127.0.2.${i + 1}`, 'POST', BIND, { token, body: guess })).status).toBe(422);
    }
    const { token } = await newWorkerAccount();
    expectLockedOut(await callFrom('127.0.2.200', 'POST', BIND, { token, body: { name: '高来小', idNumber: right } }));
  });

  it('limits wrong guesses per client address, whatever X-Forwarded-For claims; other clients bind as usual', async () => {
    for (let i = 0; i < 20; i++) {
      const { token } = await newWorkerAccount();
      const guess = { name: `路人${i}`, idNumber: idNumber('150222', '19900101', 500 + i) };
      const answer = await callFrom('127.0.3.1', 'POST', BIND, {
        token,
        body: guess,
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      expect(answer.status).toBe(422);
    }
    const id = idNumber('150222', '19751111', 8);
    await registryRecord('邬凤兰', id);
    const neighbour = await newWorkerAccount();
    const locked = await callFrom('127.0.3.1', 'POST', BIND, {
      token: neighbour.token,
      body: { name: '邬凤兰', idNumber: id },
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expectLockedOut(locked);
    const elsewhere = await callFrom('127.0.3.2', 'POST', BIND, {
      token: neighbour.token,
      body: { name: '邬凤兰', idNumber: id },
    });
    expect(elsewhere.status).toBe(200);
  });
});

describe('budgets of the routes that guess or move money', () => {
  // What a caller could guess with (logins, binding, family invitations), what shows personal data in full or in
  // bulk (reveal, import, export, the bank file), and what claims, decides or pays public money.
  const GUARDED = [
    'post /api/v1/auth/wechat',
    'post /api/v1/me/worker/bind',
    'post /api/v1/registry/workers/:workerId/reveal',
    'post /api/v1/registry/imports',
    'get /api/v1/registry/export',
    'post /api/v1/me/subsidies/claims',
    'post /api/v1/me/employer/subsidies/claims',
    'post /api/v1/claims/:claimId/decision',
    'post /api/v1/claims/payments',
    'get /api/v1/claims/payments/:batchId/file',
    'put /api/v1/registry/workers/:workerId/payout-account',
    'put /api/v1/me/employer/payout-account',
    // 亲情服务: a code to guess, and the sessions that act in another's name.
    'post /api/v1/me/family/accept',
    'post /api/v1/me/family/invitations',
    'post /api/v1/me/family/:linkId/act',
  ];

  it('declares a budget per client address on each, and per account on those that need a login', () => {
    const routes = new Map(allRoutes(api.ctx).map((route) => [`${route.method} ${route.path}`, route]));
    for (const name of GUARDED) {
      const route = routes.get(name);
      expect(route, name).toBeDefined();
      expect(route!.rateLimit?.perIp?.limit, name).toBeGreaterThan(0);
      if (route!.access !== 'public') expect(route!.rateLimit?.perUser?.limit, name).toBeGreaterThan(0);
    }
  });

  it('refuses logins beyond the budget of one client address, and not those of another', async () => {
    const budget = allRoutes(api.ctx).find((r) => r.path === '/api/v1/auth/wechat')!.rateLimit!.perIp!.limit;
    for (let i = 0; i < budget; i++) {
      const login = await callFrom('127.0.4.1', 'POST', '/api/v1/auth/wechat', {
        body: { code: `budget-${i}:1` },
        headers: { 'x-forwarded-for': `203.0.113.${i % 250}` },
      });
      expect(login.status).toBe(200);
    }
    const over = await callFrom('127.0.4.1', 'POST', '/api/v1/auth/wechat', { body: { code: 'budget-over:1' } });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await callFrom('127.0.4.2', 'POST', '/api/v1/auth/wechat', { body: { code: 'budget-over:1' } })).status).toBe(200);
  });
});

describe('one client’s share of the API', () => {
  it('throttles a client that floods the API, not the others', async () => {
    const small = await startTestApi({ env: { CLIENT_RATE_PER_SECOND: '1', CLIENT_BURST: '5' } });
    try {
      const statuses = [];
      for (let i = 0; i < 8; i++) statuses.push((await fetch(`${small.url}/api/health`)).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const over = await fetch(`${small.url}/api/health`);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await over.json()) as any).error.code).toBe('TOO_MANY_ATTEMPTS');
      const other = await new Promise<number>((resolve, reject) => {
        request(`${small.url}/api/health`, { localAddress: '127.0.5.9' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(other).toBe(200);
    } finally {
      await small.close();
    }
  });
});
