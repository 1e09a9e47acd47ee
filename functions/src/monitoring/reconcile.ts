/**
 * The reconciliation of the monthly figures: for each county of a region, each month's kept
 * figures put right from its people's records (figureRepository.reconcile). Run on the 1st for
 * the two months before, once every late record of them is in; by hand after an alarm.
 */
import { previousMonth } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { countiesUnder } from '../monthlyRuns/plan.js';

export interface ReconcileReport {
  counties: number;
  months: string[];
  /** The regions and months whose figures were off, as `<region> <month>`. */
  putRight: string[];
}

/** The months a run on `month`'s 1st reconciles: the two before it. */
export const monthsToReconcile = (month: string) => [previousMonth(previousMonth(month)), previousMonth(month)];

export async function reconcileFigures(
  ctx: Pick<AppContext, 'regions' | 'figures'>,
  regionCode: string,
  months: readonly string[],
): Promise<ReconcileReport> {
  const counties = await countiesUnder(ctx, regionCode);
  const putRight: string[] = [];
  for (const county of counties) {
    const trained = await ctx.figures.trainedPeople(county); // read once for all the months
    for (const month of months) {
      putRight.push(...(await ctx.figures.reconcile(county, month, new Date(), trained)).map((code) => `${code} ${month}`));
    }
  }
  return { counties: counties.length, months: [...months], putRight };
}
