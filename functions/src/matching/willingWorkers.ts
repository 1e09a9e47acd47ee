/**
 * A township's willing unemployed (able to work, not working, still on the registry), a page of
 * the registry at a time: who the monthly push and the daily recommendation lists are for.
 */
import { isWillingUnemployed, type Worker } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { toWorker } from '../registry/workerRepository.js';

export async function* willingUnemployedOf(
  ctx: Pick<AppContext, 'workers'>,
  regionCode: string,
  today: string,
): AsyncGenerator<Worker> {
  let cursor: string | undefined;
  do {
    const page = await ctx.workers.page({ regionCode, employed: false, limit: 100, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) {
      const worker = toWorker(item);
      if (isWillingUnemployed(worker, today)) yield worker;
    }
    cursor = page.nextCursor;
  } while (cursor);
}
