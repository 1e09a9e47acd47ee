/**
 * The daily recommendation lists' state machine (infra/): `handler` plans a run — reads the
 * position epochs, freezes the region's open positions, lists the township shards — and
 * `finish` stamps the run done once every shard has added its figures.
 */
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import { planListsRun, type ListsPlanResult } from '../matching/dailyLists.js';
import { loadJobSecrets } from '../secrets.js';

const config = readConfig();
const logger = createLogger(config);
const ready = loadJobSecrets(config).then((secrets) => createAppContext(config, secrets, { devLogin: false }));

export const handler = async (event: { regionCode: string }): Promise<ListsPlanResult> => {
  const plan = await planListsRun(await ready, event);
  logger.info('lists planned', { runId: plan.runId, positions: plan.positions, shards: plan.townships.length });
  return plan;
};

export const finish = async (event: { plan: ListsPlanResult }) => {
  const run = await (await ready).runs.finish('lists', event.plan.regionCode, event.plan.runId);
  logger.info('lists done', { ...run });
  return run;
};
