/**
 * One shard of the monthly push (a township's willing unemployed, one phase), run by the
 * state machine's Distributed Map. Safe to retry: a push is never made twice.
 */
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import { runPushShardFromSnapshot, type PushShard, type PushShardReport } from '../matching/pushJob.js';
import { loadJobSecrets } from '../secrets.js';

const config = readConfig();
const logger = createLogger(config);
const ready = loadJobSecrets(config).then((secrets) => createAppContext(config, secrets, { devLogin: false }));

export const handler = async (shard: PushShard): Promise<PushShardReport> => {
  const report = await runPushShardFromSnapshot(await ready, shard);
  logger.info('push shard done', { ...report });
  return report;
};
