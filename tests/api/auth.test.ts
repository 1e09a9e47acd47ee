/** WeChat login against a fake code2Session on loopback, and the local-only dev login. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { startWeChatFake, type WeChatFake } from '../support/wechatFake.js';

let wechat: WeChatFake;
let api: TestApi;

beforeAll(async () => {
  wechat = await startWeChatFake();
  api = await startTestApi({ wechatApiBase: wechat.url, devLogin: false });
});
afterAll(async () => {
  await api.close();
  await wechat.close();
});

describe('POST /api/v1/auth/wechat', () => {
  it('creates a worker account on the first login and returns the same account afterwards', async () => {
    const first = await api.call('POST', '/api/v1/auth/wechat', { body: { code: 'alice:1' } });
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ role: 'worker', careMode: false, version: 1 });
    expect(Date.parse(first.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(wechat.calls.at(-1)).toEqual({ appid: 'wx-test-app', secret: 'wx-test-secret', code: 'alice:1' });

    const again = await api.call('POST', '/api/v1/auth/wechat', { body: { code: 'alice:2' } });
    expect(again.body.user.userId).toBe(first.body.user.userId);

    const me = await api.call('GET', '/api/v1/me', { token: again.body.token });
    expect(me.body.user.userId).toBe(first.body.user.userId);
  });

  it('makes exactly one account when ten first logins of one person race', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => api.call('POST', '/api/v1/auth/wechat', { body: { code: `bob:${i}` } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => r.body.user.userId)).size).toBe(1);
  });

  it('answers 401 naming the code when WeChat rejects it', async () => {
    const { status, body } = await api.call('POST', '/api/v1/auth/wechat', { body: { code: 'bad-code' } });
    expect(status).toBe(401);
    expect(body.error).toMatchObject({ code: 'UNAUTHENTICATED', field: 'body.code' });
  });

  it('answers 502 when WeChat fails, and 400 for an empty code', async () => {
    expect((await api.call('POST', '/api/v1/auth/wechat', { body: { code: 'down-1' } })).status).toBe(502);
    const empty = await api.call('POST', '/api/v1/auth/wechat', { body: { code: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('body.code');
  });
});

describe('dev login', () => {
  it('does not exist unless the local runner enables it', async () => {
    expect((await api.call('POST', '/api/v1/auth/dev-login', { body: { userId: 'demo-admin' } })).status).toBe(404);
    expect((await api.call('GET', '/api/v1/auth/dev-users')).status).toBe(404);
  });
});
