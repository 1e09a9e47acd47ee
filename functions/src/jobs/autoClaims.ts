/**
 * The monthly 免申即享 state machine's steps (infra/): `handler` plans a run over a region
 * (the month, one shard per township), `shard` evaluates one township's workers and makes
 * the claims due, `finish` answers the run's record with its shards' figures. Each is safe
 * to run again: no claim is made twice and no shard's figures are added twice.
 */
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import { loadJobSecrets } from '../secrets.js';
import {
  finishAutoClaimsRun,
  planAutoClaimsRun,
  runAndRecordAutoClaimsShard,
  type AutoClaimsPlan,
  type AutoClaimsShard,
} from '../subsidies/autoClaims.js';

const config = readConfig();
const logger = createLogger(config);
const ready = loadJobSecrets(config).then((secrets) => createAppContext(config, secrets, { devLogin: false }));

export const handler = async (event: { regionCode: string; period?: string }): Promise<AutoClaimsPlan> => {
  const plan = await planAutoClaimsRun(await ready, event);
  logger.info('auto-claims planned', { runId: plan.runId, period: plan.period, shards: plan.townships.length });
  return plan;
};

export const shard = async (event: AutoClaimsShard) => {
  const report = await runAndRecordAutoClaimsShard(await ready, event);
  logger.info('auto-claims shard done', { runId: event.runId, ...report });
  return report;
};

export const finish = async (event: { plan: Pick<AutoClaimsPlan, 'regionCode' | 'runId'> }) => {
  const run = await finishAutoClaimsRun(await ready, event.plan);
  logger.info('auto-claims done', { ...run });
  return run;
};
