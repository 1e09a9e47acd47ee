/**
 * The monthly reconciliation of the figures (EventBridge, on the 1st at 03:00 China time, one
 * invocation per configured region): the two months before, county by county, put right from
 * the month records (monitoring/reconcile.ts). Safe to run again; regions that were off are logged.
 */
import { chinaMonth } from '@bangfu/shared';
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import { monthsToReconcile, reconcileFigures } from '../monitoring/reconcile.js';
import { loadJobSecrets } from '../secrets.js';

const config = readConfig();
const logger = createLogger(config);
const ready = loadJobSecrets(config).then((secrets) => createAppContext(config, secrets, { devLogin: false }));

export const handler = async (event: { regionCode: string }) => {
  const report = await reconcileFigures(await ready, event.regionCode, monthsToReconcile(chinaMonth(new Date())));
  if (report.putRight.length) logger.warn('monthly figures were off and are put right', { ...report });
  else logger.info('monthly figures reconciled', { ...report });
  return report;
};
