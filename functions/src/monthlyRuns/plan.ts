/**
 * What both monthly runs (每月岗位推送, 免申即享) plan the same way: an id that names the region
 * and month, and one shard per township, so each shard is a few thousand workers at most.
 */
import type { AppContext } from '../appContext.js';

/** A run's id: `<region>-<month>-<time>`, so its region and month read from it. */
export const newRunId = (regionCode: string, month: string, now: Date) => `${regionCode}-${month}-${now.getTime()}`;

/** The region a run was planned for. */
export const runRegion = (runId: string) => runId.split('-')[0]!;

/** The townships under a region (itself when it is a township or a village), in code order. */
export async function townshipsUnder(ctx: Pick<AppContext, 'regions'>, code: string): Promise<string[]> {
  if (code.length >= 9) return [code];
  const children = await ctx.regions.children(code);
  return (await Promise.all(children.map((child) => townshipsUnder(ctx, child.code)))).flat().sort();
}
