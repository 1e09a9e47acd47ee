/**
 * The table's stream consumer (a Lambda on the DynamoDB stream, infra/): each batch of changed
 * month records moves the regions' monthly figures, each change once (monitoring/). A batch that
 * fails is retried whole by Lambda; what was applied of it is known by its changes' ids.
 */
import { readConfig } from '../config.js';
import { createAppContext } from '../context.js';
import { createLogger } from '../logger.js';
import { monthChangesOf, type TableStreamRecord } from '../monitoring/streamChanges.js';
import { loadJobSecrets } from '../secrets.js';

const config = readConfig();
const logger = createLogger(config);
const ready = loadJobSecrets(config).then((secrets) => createAppContext(config, secrets, { devLogin: false }));

export const handler = async (event: { Records: TableStreamRecord[] }) => {
  const changes = monthChangesOf(event.Records);
  if (!changes.length) return { applied: 0, already: 0 };
  const report = await (await ready).figures.applyChanges(changes);
  if (report.already) logger.info('month figures: changes delivered again, applied once', { ...report });
  return report;
};
