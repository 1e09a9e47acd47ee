/**
 * The monthly reconciliation of the figures (EventBridge, on the 1st at 03:00 China time, one
 * invocation per configured region): the two months before, county by county, put right from
 * the month records (monitoring/reconcile.ts). Safe to run again; regions that were off are logged.
 * Invoked by hand with `backfill: true`, it gives a county's older month records what the figures
 * read (monitoring/backfill.ts).
 */
import { chinaMonth } from '@bangfu/shared';
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import { backfillMonthRecords } from '../monitoring/backfill.js';
import { monthsToReconcile, reconcileFigures } from '../monitoring/reconcile.js';
import { loadJobSecrets } from '../secrets.js';

const config = readConfig();
const logger = createLogger(config);
const ready = loadJobSecrets(config).then((secrets) => createAppContext(config, secrets, { devLogin: false }));

export const handler = async (event: { regionCode: string; backfill?: boolean }) => {
  if (event.backfill) {
    // Invoked by hand once for a county that starts using the figures (monitoring/backfill.ts).
    const backfilled = await backfillMonthRecords(await ready, event.regionCode);
    logger.info('month records backfilled', { regionCode: event.regionCode, ...backfilled });
    return backfilled;
  }
  const report = await reconcileFigures(await ready, event.regionCode, monthsToReconcile(chinaMonth(new Date())));
  if (report.putRight.length) logger.warn('monthly figures were off and are put right', { ...report });
  else logger.info('monthly figures reconciled', { ...report });
  return report;
};
