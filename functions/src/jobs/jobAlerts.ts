/**
 * 岗位订阅's stream consumer (a Lambda on the table's stream, given only position items, infra/):
 * each position that joined the job map goes to the inboxes of the saved searches it matches,
 * with a WeChat message while a consent is left (alerts/fanOut.ts). A batch that fails is
 * retried whole by Lambda; what was delivered of it is known by each account's "came before" mark.
 */
import { fanOutPublished } from '../alerts/fanOut.js';
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import type { TableStreamRecord } from '../monitoring/streamChanges.js';
import { loadJobSecrets } from '../secrets.js';

const config = readConfig();
const logger = createLogger(config);
const ready = loadJobSecrets(config).then((secrets) => createAppContext(config, secrets, { devLogin: false }));

export const handler = async (event: { Records: TableStreamRecord[] }) => {
  const report = await fanOutPublished(await ready, event.Records);
  if (report.accounts) logger.info('job alerts: published positions delivered', { ...report });
  return report;
};
