/** Every failure answer of the foundation: the status, the stable code and the field that failed. */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { startTestApi, TEST_SIGNING_KEY, type TestApi } from '../support/api.js';

let api: TestApi;
let worker: string;

beforeAll(async () => {
  api = await startTestApi({ bodyLimit: '2kb' });
  await seedDemoCounty(api.ctx);
  worker = await api.loginAs('demo-worker-1');
});
afterAll(() => api.close());

describe('bad input → 400 with the field named, nothing changed', () => {
  it('rejects malformed JSON', async () => {
    const { status, body } = await api.call('PATCH', '/api/v1/me', { token: worker, rawBody: '{"version": 1,' });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BAD_REQUEST', field: 'body' });
    expect(body.error.message.zh).toMatch(/JSON/);
    expect(body.error.requestId).toBeTruthy();
  });

  it('rejects unknown fields, naming the unknown one', async () => {
    const { status, body } = await api.call('PATCH', '/api/v1/me', { token: worker, body: { version: 1, role: 'admin' } });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.role' });
    const { body: me } = await api.call('GET', '/api/v1/me', { token: worker });
    expect(me.user).toMatchObject({ role: 'worker', version: 1 });
  });

  it('rejects wrong types, naming the field', async () => {
    const { status, body } = await api.call('PATCH', '/api/v1/me', { token: worker, body: { version: 1, careMode: 'yes' } });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.careMode' });
    expect(body.error.message.en).toContain('body.careMode');
  });

  it('rejects a missing required field', async () => {
    const { status, body } = await api.call('PATCH', '/api/v1/me', { token: worker, body: { careMode: true } });
    expect(status).toBe(400);
    expect(body.error.field).toBe('body.version');
    expect(body.error.message.zh).toContain('必须填写');
  });

  it('rejects a body declared in a charset other than UTF-8, naming the header, and changes nothing', async () => {
    const { status, body } = await api.call('PATCH', '/api/v1/me', {
      token: worker,
      rawBody: JSON.stringify({ version: 1, displayName: '张三' }),
      headers: { 'content-type': 'application/json; charset=UTF-16LE' },
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BAD_REQUEST', field: 'headers.content-type' });
    expect(body.error.message.zh).toContain('UTF-8');
    const { body: me } = await api.call('GET', '/api/v1/me', { token: worker });
    expect(me.user.version).toBe(1);
  });

  it('rejects oversized bodies with 413', async () => {
    const { status, body } = await api.call('PATCH', '/api/v1/me', {
      token: worker,
      body: { version: 1, displayName: 'x'.repeat(4096) },
    });
    expect(status).toBe(413);
    expect(body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'body' });
  });

  it('rejects a bad query value, naming it', async () => {
    const staff = await api.loginAs('demo-staff-county');
    const { status, body } = await api.call('GET', '/api/v1/users?regionCode=15a&limit=5', { token: staff });
    expect(status).toBe(400);
    expect(body.error.field).toBe('query.regionCode');
  });

  it('answers 404 in the error shape for an unknown API route', async () => {
    const { status, body } = await api.call('GET', '/api/v1/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });
});

describe('authentication → 401', () => {
  it('refuses a protected route without a token', async () => {
    const { status, body } = await api.call('GET', '/api/v1/me');
    expect(status).toBe(401);
    expect(body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another key', async () => {
    const forged = await new SignJWT({ role: 'admin', rc: '15' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('demo-admin')
      .setIssuer('bangfu')
      .setAudience('bangfu-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-server-key-but-long-enough-0123456789'));
    const { status } = await api.call('GET', '/api/v1/me', { token: forged });
    expect(status).toBe(401);
  });

  it('refuses an expired token', async () => {
    const expired = await new SignJWT({ role: 'worker' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('demo-worker-1')
      .setIssuer('bangfu')
      .setAudience('bangfu-api')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(TEST_SIGNING_KEY));
    const { status, body } = await api.call('GET', '/api/v1/me', { token: expired });
    expect(status).toBe(401);
    expect(body.error.message.en).toMatch(/expired/);
  });

  it('refuses a token with alg none or a malformed header', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"demo-admin","role":"admin"}').toString('base64url')}.`;
    expect((await api.call('GET', '/api/v1/me', { token: unsigned })).status).toBe(401);
    expect((await api.call('GET', '/api/v1/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });
});

describe('authorisation → 403', () => {
  it('refuses a worker on a staff route', async () => {
    const { status, body } = await api.call('GET', '/api/v1/users?regionCode=150222', { token: worker });
    expect(status).toBe(403);
    expect(body.error.code).toBe('FORBIDDEN');
  });

  it('refuses staff of township X asking for township Y, naming the field', async () => {
    const jinshan = await api.loginAs('demo-staff-township-1'); // 金山镇 150222102
    const { status, body } = await api.call('GET', '/api/v1/users?regionCode=150222103', { token: jinshan });
    expect(status).toBe(403);
    expect(body.error.field).toBe('query.regionCode');
    expect(body.error.message.zh).toContain('管辖范围');
  });
});

describe('how an answer is framed (http/sendJson.ts)', () => {
  const framing = async (method: string, path: string, token?: string) => {
    const response = await fetch(api.url + path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { response, bytes };
  };

  it('says JSON in UTF-8 and counts the bytes, not the characters, of a Chinese answer and of an error', async () => {
    for (const [path, status] of [
      ['/api/v1/me', 200],
      ['/api/v1/users?regionCode=150222', 403],
    ] as const) {
      const { response, bytes } = await framing('GET', path, worker);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
      const text = bytes.toString('utf8');
      expect(text.length).toBeLessThan(bytes.length); // the answer holds Chinese: characters ≠ bytes
      expect(JSON.parse(text)).toBeTruthy();
    }
  });

  it('answers HEAD with the same headers and no body', async () => {
    const get = await framing('GET', '/api/v1/me', worker);
    const head = await framing('HEAD', '/api/v1/me', worker);
    expect(head.response.status).toBe(200);
    expect(head.bytes.length).toBe(0);
    expect(head.response.headers.get('content-length')).toBe(String(get.bytes.length));
    expect(head.response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});
