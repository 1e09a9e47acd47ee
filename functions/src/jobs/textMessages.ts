/**
 * 短信提醒's stream consumer (a Lambda on the table's stream, given only worker records, card
 * entries and claims, infra/): the texts their changes call for, each once (notices/textNotices.ts). Its own
 * small context (the table and the SMS client), not the API's: it reads nothing else. With no
 * template configured it reads no key and sends nothing.
 */
import { readConfig } from '../config.js';
import { tableOf } from '../db/client.js';
import { createLogger } from '../logger.js';
import type { TableStreamRecord } from '../monitoring/streamChanges.js';
import { configuredTextSender } from '../notices/textMessageSender.js';
import { emptyTextReport, sendTextNotices, type TextReport } from '../notices/textNotices.js';

const config = readConfig();
const logger = createLogger(config);
const table = tableOf(config);
const ready = configuredTextSender(config);

export const handler = async (event: { Records: TableStreamRecord[] }): Promise<TextReport> => {
  const texts = await ready;
  if (!texts) return emptyTextReport();
  const report = await sendTextNotices({ table, texts }, event.Records);
  if (Object.keys(report.refused).length > 0) logger.warn('texts the provider refused', { ...report });
  else if (Object.keys(report.sent).length > 0) logger.info('texts sent', { ...report });
  return report;
};
