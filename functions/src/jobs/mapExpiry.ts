/**
 * The daily job-map sweep (EventBridge schedule, infra/): the positions whose last day has
 * passed leave the map's index and counts (positions/mapExpiry.ts). Safe to run again.
 */
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import { sweepExpiredFromMap } from '../positions/mapExpiry.js';
import { loadJobSecrets } from '../secrets.js';

const config = readConfig();
const logger = createLogger(config);
const ready = loadJobSecrets(config).then((secrets) => createAppContext(config, secrets, { devLogin: false }));

export const handler = async () => {
  const report = await sweepExpiredFromMap(await ready);
  logger.info('map expiry swept', { ...report });
  return report;
};
