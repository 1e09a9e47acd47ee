/**
 * 回盘未读, for the daily warnings: a county's finished batches whose bank's return file nobody
 * read into them past the region's days (shared/src/subsidies/returnFile.ts decides). One Query of
 * the county's batches paid in the window, whatever their number.
 */
import { chasedPaymentDays, returnFileUnreadWarning, type Warning } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';

export async function countyUnreadReturnFiles(
  ctx: Pick<AppContext, 'payments'>,
  countyCode: string,
  today: string,
  dueDays: number,
): Promise<Warning[]> {
  const { from, to } = chasedPaymentDays(today, dueDays);
  if (from > to) return [];
  const batches = await ctx.payments.startedBetween(countyCode, from, to);
  return batches.flatMap((batch) => returnFileUnreadWarning(batch, today, dueDays) ?? []);
}
