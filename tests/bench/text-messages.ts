/**
 * Benchmark: what 短信提醒 costs its stream consumer (notices/textNotices.ts), over DynamoDB Local and
 * the fake Tencent SMS on loopback (each text a signed HTTP request, as to the real one). Stream
 * batches of 100 records as Lambda hands them — card entries, phones changed, claims paid — and
 * each batch again (a retried batch, every text already marked). Per batch: DynamoDB calls, texts
 * sent, and the process's CPU milliseconds a record; the goal is no read per record (the phones,
 * the batches' rows and the marks read 100 to a BatchGetItem), one write per text.
 *
 *   npx tsx tests/bench/text-messages.ts
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { readConfig } from '../../functions/src/config.js';
import { keys } from '../../functions/src/db/tableSchema.js';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { ensureTable } from '../../functions/src/local/table.js';
import type { TableStreamRecord } from '../../functions/src/monitoring/streamChanges.js';
import { createTextMessageSender } from '../../functions/src/notices/textMessageSender.js';
import { sendTextNotices } from '../../functions/src/notices/textNotices.js';
import { inPool } from '../../functions/src/db/inPool.js';
import { freePort } from '../support/ports.js';
import { SMS_FAKE_KEY, startSmsFake } from '../support/smsFake.js';
import { benchEnv, countDynamoCalls, startBenchApp } from './benchEnv.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const BATCH = 100;

const dynamo = await startDynamoDbLocal({ emulatorDir: await ensureEmulator(CACHE_DIR), port: await freePort() });
const sms = await startSmsFake();
try {
  const { ctx, config, server } = await startBenchApp('bench_texts', dynamo.endpoint);
  const calls = countDynamoCalls(ctx.table.db);
  try {
    await ensureTable(ctx.table.db, config.TABLE_NAME);
    const texts = createTextMessageSender(
      readConfig({
        ...benchEnv('bench_texts', dynamo.endpoint),
        SMS_SDK_APP_ID: '1400000001',
        SMS_SIGN_NAME: '帮扶就业',
        SMS_CARD_TEMPLATE_ID: '1',
        SMS_PHONE_TEMPLATE_ID: '2',
        SMS_PAID_TEMPLATE_ID: '3',
        SMS_ENDPOINT: sms.url,
      }),
      SMS_FAKE_KEY,
    );
    const now = new Date().toISOString();
    const put = (item: Record<string, unknown>) =>
      ctx.table.db.send(new PutCommand({ TableName: ctx.table.tableName, Item: item }));
    const ids = Array.from({ length: BATCH }, (_, i) => String(i).padStart(4, '0'));
    const phone = (i: string) => `1380000${i}`;
    // The records and batch rows the texts read: a worker with a phone each, a batch's row each.
    await inPool(ids, 8, async (i) => {
      await put({ ...keys.worker(`w_${i}`), type: 'worker', workerId: `w_${i}`, phone: phone(i), updatedAt: now });
      await put({
        ...keys.paymentBatchClaim('b_bench', `c_${i}`),
        row: { claimId: `c_${i}`, account: { numberMasked: `************${i}` } },
      });
    });
    const record = (eventID: string, before: Record<string, unknown> | undefined, after: Record<string, unknown>) => ({
      eventID,
      dynamodb: { ...(before ? { OldImage: marshall(before) } : {}), NewImage: marshall(after, { removeUndefinedValues: true }) },
    });
    const entry = (i: string) => ({ kind: 'bankCard', numberMasked: `************${i}`, setAt: now, setBy: 'bench' });
    const batches: Record<string, TableStreamRecord[]> = {
      'card entered': ids.map((i) =>
        record(`card-${i}`, undefined, { ...keys.payoutAccount(`w_${i}`), type: 'payoutAccount', pending: entry(i) }),
      ),
      'phone changed': ids.map((i) =>
        record(
          `phone-${i}`,
          { ...keys.worker(`w_${i}`), type: 'worker', phone: phone(i), updatedAt: now },
          { ...keys.worker(`w_${i}`), type: 'worker', phone: `1390000${i}`, updatedAt: now },
        ),
      ),
      'claim paid': ids.map((i) => {
        const claim = {
          pk: `CLAIMS#${i}`,
          sk: 'CLAIM',
          type: 'claim',
          claimId: `c_${i}`,
          name: '一次性交通补助',
          amountFen: 50_000,
          beneficiary: { kind: 'worker', workerId: `w_${i}`, name: '基准' },
          paymentBatchId: 'b_bench',
          history: [{ at: now, to: 'paid' }],
        };
        return record(`paid-${i}`, { ...claim, status: 'approved' }, { ...claim, status: 'paid' });
      }),
    };

    const rows = [];
    for (const [kind, records] of Object.entries(batches)) {
      for (const delivery of ['first', 'again']) {
        const [callsBefore, sentBefore, cpu] = [calls(), sms.texts.length, process.cpuUsage()];
        await sendTextNotices({ table: ctx.table, texts }, records);
        const used = process.cpuUsage(cpu);
        rows.push({
          batch: `${kind} (${delivery === 'first' ? 'first delivery' : 'delivered again'})`,
          records: records.length,
          'texts sent': sms.texts.length - sentBefore,
          'DynamoDB calls': calls() - callsBefore,
          'calls a record': ((calls() - callsBefore) / records.length).toFixed(2),
          'CPU ms a record': ((used.user + used.system) / 1000 / records.length).toFixed(2),
        });
      }
    }
    console.log(
      `\n短信提醒's stream consumer, batches of ${BATCH} records (DynamoDB Local, the SMS fake on loopback, this machine). ` +
        'A text is a signed request to the provider; its mark (and, for a card, what became of it on the entry) a write each.',
    );
    console.table(rows);
  } finally {
    server.closeAllConnections();
    server.close();
    ctx.table.db.destroy();
  }
} finally {
  await sms.close();
  await dynamo.stop();
}
