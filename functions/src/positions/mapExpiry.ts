/**
 * The daily sweep of the job map: a position's last day passes without any write to it, so
 * nothing took it off the map's index and counts. Each morning (China time) the positions whose
 * last day was yesterday leave them; the week before is swept again, so a day or two of failed
 * runs is caught up by the next, and a repeat changes nothing.
 */
import { chinaDate } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';

const DAY_MS = 86_400_000;
/** Last days swept each run: yesterday and the six before. */
const DAYS_SWEPT = 7;

export interface MapExpiryReport {
  today: string;
  /** Positions taken off the map, by their last day (days with none left out). */
  left: Record<string, number>;
}

export async function sweepExpiredFromMap(ctx: Pick<AppContext, 'positions'>, now = new Date()): Promise<MapExpiryReport> {
  const report: MapExpiryReport = { today: chinaDate(now), left: {} };
  for (let back = 1; back <= DAYS_SWEPT; back++) {
    const lastDay = chinaDate(new Date(now.getTime() - back * DAY_MS));
    const left = await ctx.positions.leaveMapAfter(lastDay);
    if (left > 0) report.left[lastDay] = left;
  }
  return report;
}
