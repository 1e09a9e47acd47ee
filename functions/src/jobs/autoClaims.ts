/**
 * The monthly 免申即享 Lambda (EventBridge schedule, infra/): evaluates every worker of
 * the configured regions (AUTO_CLAIM_REGIONS, comma-separated county codes) and makes
 * the claims that are due, awaiting staff review. Safe to run again: nothing is made twice.
 */
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import { loadJobSecrets } from '../secrets.js';
import { runAutoClaims, type AutoClaimsReport } from '../subsidies/autoClaims.js';

const config = readConfig();
const logger = createLogger(config);
const ready = loadJobSecrets(config).then((secrets) => createAppContext(config, secrets, { devLogin: false }));

export const handler = async (): Promise<AutoClaimsReport[]> => {
  const ctx = await ready;
  const regions = (process.env.AUTO_CLAIM_REGIONS ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  const reports: AutoClaimsReport[] = [];
  for (const region of regions) {
    const report = await runAutoClaims(ctx, region);
    logger.info('auto-claims done', { ...report });
    reports.push(report);
  }
  return reports;
};
