/**
 * `npm start`'s year of month records for the demo county: every seeded person but the two the
 * walkthroughs start from gets thirteen months, the figures follow them through the stream,
 * and they match what the records add up to.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chinaMonth, previousMonth } from '@bangfu/shared';
import { createStreamFollower } from '../../functions/src/local/streamFollower.js';
import { seedDemoHistory } from '../../functions/src/local/seed/demoHistory.js';
import { startDemoCountyApi, TEST_REGION, type TestApi } from '../support/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startDemoCountyApi();
});
afterAll(() => api?.close());

describe('the demo county’s year of month records', () => {
  it('gives every person but demo-worker-1 and -2 thirteen months, counted in the figures as the records add up', async () => {
    const month = chinaMonth(new Date());
    const history = await seedDemoHistory(api.ctx);
    expect(history.months).toBe(13);
    expect(history.records).toBe(history.workers * 13);
    const first = (await api.ctx.users.get('demo-worker-1'))!;
    expect(first.workerId ? await api.ctx.employment.timeline(first.workerId) : []).toEqual([]);

    const follower = createStreamFollower(api.ctx, { endpoint: inject('dynamoEndpoint'), region: TEST_REGION });
    try {
      await follower.drain();
    } finally {
      follower.stop();
    }
    const [county] = await api.ctx.figures.months('150222', month, month);
    expect(county!.figures.recorded).toBe(history.workers);
    expect(county!.figures.employed).toBeGreaterThan(history.workers / 2);
    for (const m of [month, previousMonth(month)]) expect(await api.ctx.figures.reconcile('150222', m)).toEqual([]);
    // The registry's employment filter reads the newest month too.
    const { items } = await api.ctx.workers.page({ regionCode: '150222', limit: 500, employed: true });
    expect(items.length).toBe(county!.figures.employed);
  });
});
