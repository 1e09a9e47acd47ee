/**
 * What both monthly runs (每月岗位推送, 免申即享) plan the same way: an id that names the region
 * and month, and one shard per township, so each shard is a few thousand workers at most.
 */
import type { AppContext } from '../appContext.js';

/** A run's id: `<region>-<month>-<time>`, so its region and month read from it. */
export const newRunId = (regionCode: string, month: string, now: Date) => `${regionCode}-${month}-${now.getTime()}`;

/** The region a run was planned for. */
export const runRegion = (runId: string) => runId.split('-')[0]!;

/** The regions of a level under a region (itself when it is of that level or finer), in code order. */
async function regionsUnder(ctx: Pick<AppContext, 'regions'>, code: string, length: 6 | 9): Promise<string[]> {
  if (code.length >= length) return [code];
  const children = await ctx.regions.children(code);
  return (await Promise.all(children.map((child) => regionsUnder(ctx, child.code, length)))).flat().sort();
}

/** The townships under a region (itself when it is a township or a village), in code order. */
export const townshipsUnder = (ctx: Pick<AppContext, 'regions'>, code: string) => regionsUnder(ctx, code, 9);

/** The counties under a region (itself when it is a county), in code order. */
export const countiesUnder = (ctx: Pick<AppContext, 'regions'>, code: string) => regionsUnder(ctx, code, 6);
