/**
 * 免申即享: the monthly run evaluates every worker of the county from the registry and
 * makes the claims that are due, awaiting review; running the month again makes none,
 * and a worker who has left the registry gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '@bangfu/shared';
import { demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import { AUTO_CLAIMS_ACTOR, runAutoClaims } from '../../functions/src/subsidies/autoClaims.js';
import { startDemoCountyApi, type TestApi } from '../support/api.js';

let api: TestApi;

beforeAll(async () => {
  api = await startDemoCountyApi();
});
afterAll(() => api?.close());

const month = chinaMonth(new Date());
const acrossProvince = { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 500_000 } as const;

async function workerOf(n: number) {
  const item = (await api.ctx.workers.findByIdNumber(demoIdNumber(n)))!;
  // The demo groups are random: make these two 脱贫人口, whom the transport subsidy is for.
  const updated = await api.ctx.workers.update(item.workerId, { version: item.version, groups: ['povertyAlleviated'] });
  return updated;
}

describe('免申即享 monthly run', () => {
  it('makes the claims due for every worker, once, and nothing for one who has left', async () => {
    const working = await workerOf(3);
    const leaving = await workerOf(4);
    for (const worker of [working, leaving]) {
      await api.ctx.employment.record(worker.workerId, month, acrossProvince, { source: 'staff', userId: 'demo-staff-county' });
    }
    // Left the registry last month: subsidies stop from the next month (file 001 item 10).
    const [y, m] = month.split('-').map(Number) as [number, number];
    const lastMonthEnd = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
    const exitRecord = (await api.ctx.workers.getItem(leaving.workerId, true))!;
    await api.ctx.workers.update(leaving.workerId, { version: exitRecord.version, registryExitDate: lastMonthEnd });

    const first = await runAutoClaims(api.ctx, '150222');
    expect(first.workers).toBeGreaterThan(100); // every demo worker of the county
    expect(first.created).toBeGreaterThanOrEqual(1);
    const claims = await api.ctx.claims.ofWorker(working.workerId);
    expect(claims.map((c) => c.subsidy)).toContain('transport_once');
    expect(claims.every((c) => c.source === 'auto' && c.createdBy === AUTO_CLAIMS_ACTOR && c.status === 'submitted')).toBe(true);
    expect(await api.ctx.claims.ofWorker(leaving.workerId)).toEqual([]);

    const again = await runAutoClaims(api.ctx, '150222');
    expect(again.created).toBe(0);
    expect(again.alreadyClaimed).toBe(first.created);
    expect(await api.ctx.claims.ofWorker(working.workerId)).toHaveLength(claims.length);
  });
});
