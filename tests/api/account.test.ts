/** Optimistic versioning on the account, and the staff listing inside their scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoCounty(api.ctx);
});
afterAll(() => api.close());

describe('PATCH /api/v1/me (optimistic versioning)', () => {
  it('applies a change on the current version and bumps it', async () => {
    const token = await api.loginAs('demo-worker-3');
    const { status, body } = await api.call('PATCH', '/api/v1/me', { token, body: { version: 1, careMode: true } });
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ careMode: true, version: 2 });
  });

  it('refuses a stale version with 409 and leaves the account as it was', async () => {
    const token = await api.loginAs('demo-worker-4');
    await api.call('PATCH', '/api/v1/me', { token, body: { version: 1, displayName: '新名字' } });
    const stale = await api.call('PATCH', '/api/v1/me', { token, body: { version: 1, displayName: '旧页面' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', field: 'body.version' });
    const { body } = await api.call('GET', '/api/v1/me', { token });
    expect(body.user).toMatchObject({ displayName: '新名字', version: 2 });
  });

  it('lets exactly one of several concurrent writers of the same version win', async () => {
    const token = await api.loginAs('demo-worker-5');
    const results = await Promise.all(
      ['甲', '乙', '丙', '丁', '戊'].map((displayName) =>
        api.call('PATCH', '/api/v1/me', { token, body: { version: 1, displayName } }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body.user.displayName;
    const { body } = await api.call('GET', '/api/v1/me', { token });
    expect(body.user).toMatchObject({ displayName: winner, version: 2 });
  });
});

describe('GET /api/v1/users (staff, within scope)', () => {
  it('shows a township officer only the accounts of their township, paged without gaps or repeats', async () => {
    const token = await api.loginAs('demo-staff-township-1'); // 金山镇
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ regionCode: '150222102', limit: '7', ...(cursor ? { cursor } : {}) });
      const { status, body } = await api.call('GET', `/api/v1/users?${query}`, { token });
      expect(status).toBe(200);
      expect(body.users.length).toBeLessThanOrEqual(7);
      for (const user of body.users) expect(user.regionCode.startsWith('150222102')).toBe(true);
      seen.push(...body.users.map((u: { userId: string }) => u.userId));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const county = await api.loginAs('demo-staff-county');
    const all = await api.call('GET', '/api/v1/users?regionCode=150222102&limit=100', { token: county });
    expect(seen.sort()).toEqual(all.body.users.map((u: { userId: string }) => u.userId).sort());
    expect(seen.length).toBeGreaterThan(10);
  });

  it('filters by role', async () => {
    const token = await api.loginAs('demo-staff-county');
    const { body } = await api.call('GET', '/api/v1/users?regionCode=150222&role=employer&limit=100', { token });
    // The eight named employers and four generated ones per township (6 townships).
    expect(body.users.length).toBe(8 + 4 * 6);
    expect(body.users.every((u: { role: string }) => u.role === 'employer')).toBe(true);
  });

  it('lets a village officer see their village and nothing beside it', async () => {
    const token = await api.loginAs('demo-staff-village-1');
    const { body: me } = await api.call('GET', '/api/v1/me', { token });
    const village: string = me.user.regionCode;
    expect(village).toHaveLength(12);
    expect((await api.call('GET', `/api/v1/users?regionCode=${village}`, { token })).status).toBe(200);
    expect((await api.call('GET', `/api/v1/users?regionCode=${village.slice(0, 9)}`, { token })).status).toBe(403);
  });

  it('refuses a cursor that was tampered with', async () => {
    const token = await api.loginAs('demo-staff-county');
    const { status, body } = await api.call('GET', '/api/v1/users?regionCode=150222&cursor=not-a-cursor', { token });
    expect(status).toBe(400);
    expect(body.error.field).toBe('query.cursor');
  });
});
