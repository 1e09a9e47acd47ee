/**
 * The daily warnings run (EventBridge, 02:00 China time, one invocation per configured region):
 * this month's warnings become tasks once, and tasks past their deadline go up a level
 * (monitoring/warningsJob.ts). Safe to run again.
 */
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import { runWarnings } from '../monitoring/warningsJob.js';
import { loadJobSecrets } from '../secrets.js';

const config = readConfig();
const logger = createLogger(config);
const ready = loadJobSecrets(config).then((secrets) => createAppContext(config, secrets, { devLogin: false }));

export const handler = async (event: { regionCode: string }) => {
  const report = await runWarnings(await ready, event.regionCode);
  logger.info('warnings run', { regionCode: event.regionCode, ...report });
  return report;
};
