/**
 * One township of the daily recommendation lists, run by the state machine's Distributed Map.
 * Safe to retry: it writes the same lists again.
 */
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import { runListsShardFromSnapshot, type ListsShard, type ListsShardReport } from '../matching/dailyLists.js';
import { loadJobSecrets } from '../secrets.js';

const config = readConfig();
const logger = createLogger(config);
const ready = loadJobSecrets(config).then((secrets) => createAppContext(config, secrets, { devLogin: false }));

export const handler = async (shard: ListsShard): Promise<ListsShardReport> => {
  const report = await runListsShardFromSnapshot(await ready, shard);
  logger.info('lists shard done', { ...report });
  return report;
};
