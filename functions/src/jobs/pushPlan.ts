/**
 * The monthly push state machine's first and last steps (infra/): `handler` plans a run —
 * checks k and N, freezes the province's open positions, lists the township shards — and
 * `finish` stamps the run done once both phases' shards have added their figures.
 */
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import { planPushRun, type PushPlanResult } from '../matching/pushJob.js';
import { loadJobSecrets } from '../secrets.js';

const config = readConfig();
const logger = createLogger(config);
const ready = loadJobSecrets(config).then((secrets) => createAppContext(config, secrets, { devLogin: false }));

export const handler = async (event: { regionCode: string; month?: string; config?: unknown }): Promise<PushPlanResult> => {
  const plan = await planPushRun(await ready, event);
  logger.info('push planned', { runId: plan.runId, positions: plan.positions, shards: plan.townships.length });
  return plan;
};

export const finish = async (event: { plan: PushPlanResult }) => {
  const run = await (await ready).runs.finish('push', event.plan.regionCode, event.plan.runId);
  logger.info('push done', { ...run });
  return run;
};
