/**
 * The seeded world a fuzz runs in: the demo county, demo-worker-1 bound to its record
 * and holding a claim, a payment batch, a real token for every kind of caller (and
 * forged ones), and pools of the real ids, regions, months and cursors to draw from.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { chinaDate } from '@bangfu/shared';
import { demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { TEST_SIGNING_KEY, type TestApi } from './api.js';
import type { Caller, FuzzWorld } from './fuzzRequests.js';
import { JINSHAN_OTHER_VILLAGE, JINSHAN_VILLAGE, XIDOUPU_VILLAGE } from './people.js';

const LOGINS: [name: string, userId: string, role: string][] = [
  ['worker (bound)', 'demo-worker-1', 'worker'],
  ['worker (unbound)', 'demo-worker-2', 'worker'],
  ['employer', 'demo-employer-1', 'employer'],
  ['village staff', 'demo-staff-village-1', 'staff'],
  ['township staff', 'demo-staff-township-1', 'staff'],
  ['other township staff', 'demo-staff-township-2', 'staff'],
  ['county staff', 'demo-staff-county', 'staff'],
  ['county finance', 'demo-staff-county-finance', 'staff'],
  ['admin', 'demo-admin', 'admin'],
];

export async function buildFuzzWorld(api: TestApi): Promise<FuzzWorld> {
  // The seed's puts are unconditional, so a batch that timed out on a busy machine is simply sent again.
  for (let attempt = 1; ; attempt++) {
    try {
      await seedDemoCounty(api.ctx);
      break;
    } catch (error) {
      if (attempt === 3 || (error as Error).name !== 'TimeoutError') throw error;
    }
  }
  const tokens = Object.fromEntries(
    await Promise.all(LOGINS.map(async ([name, userId]) => [name, await api.loginAs(userId)] as const)),
  );
  const ok = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await api.call(method, path, { token, ...(body !== undefined ? { body } : {}) });
    if (response.status >= 300)
      throw new Error(`fuzz world: ${method} ${path} answered ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  const worker = (await api.ctx.users.get('demo-worker-1'))!;
  await ok('POST', '/api/v1/me/worker/bind', tokens['worker (bound)']!, { name: worker.displayName, idNumber: demoIdNumber(1) });
  const county = tokens['county staff']!;
  const workers = await ok('GET', '/api/v1/registry/workers?regionCode=150222&limit=5', county);
  const positions = await ok('GET', '/api/v1/positions?regionCode=150222&limit=5', county);
  const employers = await ok('GET', '/api/v1/employers?regionCode=150222&limit=5', county);
  const users = await ok('GET', '/api/v1/users?regionCode=150222&limit=5', county);
  const claims = await ok('POST', '/api/v1/me/subsidies/claims', tokens['worker (bound)']!, { idempotencyKey: randomUUID() });
  // The finance officer (发放) pays, so the bank-file route is fuzzed on a real, finished batch.
  const batch = await ok('POST', '/api/v1/claims/payments', tokens['county finance']!, {
    regionCode: '150222',
    idempotencyKey: randomUUID(),
  });
  const parameters = await ok('GET', '/api/v1/regions/150222/parameters', county);

  const month = chinaDate(new Date()).slice(0, 7);
  const regions = [
    '150222',
    '150222102',
    JINSHAN_VILLAGE,
    JINSHAN_OTHER_VILLAGE,
    '150222103',
    XIDOUPU_VILLAGE,
    '15',
    '1502',
    '11',
    '110101',
  ];
  const workerIds = [worker.workerId!, ...workers.workers.map((w: any) => w.workerId)];
  const pools = {
    workerId: workerIds,
    positionId: positions.positions.map((p: any) => p.positionId),
    employerId: employers.employers.map((e: any) => e.employerId),
    userId: ['demo-worker-1', 'demo-admin', ...users.users.map((u: any) => u.userId)],
    claimId: claims.claims.map((c: any) => c.claimId),
    batchId: [batch.batch.batchId],
    key: parameters.parameters.map((p: any) => p.key),
    code: regions,
    regionCode: regions,
    villageCode: regions.filter((r) => r.length === 12),
    homeRegionCode: regions,
    month: [month, '2026-01', '2025-12'],
    period: [month],
    idNumber: [demoIdNumber(1), demoIdNumber(2), demoIdNumber(3)],
    cursor: [workers.nextCursor, positions.nextCursor, employers.nextCursor, users.nextCursor].filter(Boolean),
  };

  // Forged tokens: garbage, a real token with its claims rewritten, one signed with another key, one long expired.
  const [header, , signature] = tokens['worker (bound)']!.split('.');
  const rewritten = Buffer.from(
    JSON.stringify({ sub: 'demo-admin', role: 'admin', rc: '150222', iss: 'bangfu', aud: 'bangfu-api' }),
  ).toString('base64url');
  const signed = (key: string, expiresAt: number) =>
    new SignJWT({ role: 'admin', rc: '150222' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('demo-admin')
      .setIssuer('bangfu')
      .setAudience('bangfu-api')
      .setExpirationTime(expiresAt)
      .sign(new TextEncoder().encode(key));
  const callers: Caller[] = [
    { name: 'anonymous' },
    ...LOGINS.map(([name, userId, role]) => ({ name, role, userId, authorization: `Bearer ${tokens[name]}` })),
    { name: 'garbage token', authorization: 'Bearer abc.def.ghi' },
    { name: 'not a bearer', authorization: 'Basic ZGVtby1hZG1pbjp4' },
    { name: 'rewritten token', authorization: `Bearer ${header}.${rewritten}.${signature}` },
    {
      name: 'token of another key',
      authorization: `Bearer ${await signed('another-key-that-is-long-enough-0123456789', Math.floor(Date.now() / 1000) + 3600)}`,
    },
    { name: 'expired token', authorization: `Bearer ${await signed(TEST_SIGNING_KEY, Math.floor(Date.now() / 1000) - 3600)}` },
    { name: 'unsigned token', authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${rewritten}.` },
  ];
  return { callers, pools };
}

/**
 * Logs a real account in again when its session was refused (a fuzzed logout or 结束会话 ends
 * it), so the rest of the run is not all 401. Returns whether it did: what that wrote is not
 * the next request's.
 */
export async function renewSession(api: TestApi, caller: Caller, status: number): Promise<boolean> {
  if (status !== 401 || !caller.userId) return false;
  caller.authorization = `Bearer ${await api.loginAs(caller.userId)}`;
  return true;
}
