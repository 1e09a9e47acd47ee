/**
 * 短信提醒 off the table's stream (the textMessages Lambda on AWS, the stream follower locally): a
 * card entered for a worker is texted to the phone on their record, and a phone changed on a
 * record is texted to the number it replaced (shared/src/notices/textMessages.ts says what each
 * says). From the stream, not the officer's request: every path that writes a card or a phone
 * (an officer, the worker, an import) is caught by one test on the item before and after, and
 * nobody waits for the provider.
 *
 * The stream delivers at least once, and a failing batch is delivered again: each stream record's
 * text is marked sent (or refused) once the provider answered, and a redelivery finds the mark. A
 * text the provider took but whose mark was lost (the function stopped between) is sent twice.
 *
 * Cost per batch: one BatchGetItem of the marks, one of the records whose card was entered (their
 * phones), then a PutItem per text.
 */
import { cardEnteredText, phoneChangedText, type CardEntry, type TextMessage, type TextTemplate } from '@bangfu/shared';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { batchGet } from '../db/batchGet.js';
import { inPool } from '../db/inPool.js';
import { keys, TTL_ATTRIBUTE } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import type { TableStreamRecord } from '../monitoring/streamChanges.js';
import type { TextMessageSender } from './textMessageSender.js';

/** The item types whose changes may be texted: the worker's card entry and the worker's record. */
export const TEXTED_ITEM_TYPES = ['payoutAccount', 'worker'] as const;

/** Longer than the stream keeps a record (24 hours), so any redelivery finds its mark. */
const MARK_DAYS = 2;
/** Texts sent at once. */
const AT_ONCE = 4;

export interface TextReport {
  sent: Partial<Record<TextTemplate, number>>;
  /** By the provider's code: numbers it will not text. */
  refused: Record<string, number>;
  /** Marked in an earlier delivery. */
  already: number;
}

type Image = Record<string, unknown>;
const WORKER_PREFIX = 'WORKER#';

/** A card entry of a worker's account item ("pending", waiting for the second officer). */
const pendingOf = (image: Image | undefined) => image?.pending as CardEntry | undefined;

/**
 * The texts a batch of stream records calls for that are sent here (`sends`), each under its
 * stream record's id; the phones of the cards' records read in one BatchGetItem.
 */
async function textsOf(
  table: TableRef,
  records: readonly TableStreamRecord[],
  sends: TextMessageSender['sends'],
): Promise<Map<string, TextMessage>> {
  const texts = new Map<string, TextMessage>();
  const cards: { eventId: string; workerId: string; before?: CardEntry; after: CardEntry }[] = [];
  for (const record of records) {
    const { NewImage, OldImage } = record.dynamodb ?? {};
    const eventId = record.eventID;
    const after: Image | undefined = NewImage && unmarshall(NewImage as never);
    const before: Image | undefined = OldImage && unmarshall(OldImage as never);
    if (!eventId || !after) continue;
    if (after.type === 'worker' && sends('phoneChanged')) {
      const text = phoneChangedText(before as { phone?: string }, after as { phone?: string; updatedAt: string });
      if (text) texts.set(eventId, text);
    } else if (after.type === 'payoutAccount' && String(after.pk).startsWith(WORKER_PREFIX) && sends('cardEntered')) {
      const entered = pendingOf(after);
      if (entered && entered.setAt !== pendingOf(before)?.setAt) {
        cards.push({
          eventId,
          workerId: String(after.pk).slice(WORKER_PREFIX.length),
          before: pendingOf(before),
          after: entered,
        });
      }
    }
  }
  if (cards.length > 0) {
    const workers = await batchGet(
      table,
      [...new Set(cards.map((card) => card.workerId))].map((id) => keys.worker(id)),
    );
    const phoneOf = new Map(workers.map((worker) => [String(worker.workerId), worker.phone as string | undefined]));
    for (const card of cards) {
      const text = cardEnteredText(card.before, card.after, phoneOf.get(card.workerId) ?? undefined);
      if (text) texts.set(card.eventId, text);
    }
  }
  return texts;
}

/** Sends the texts a batch of stream records calls for, each once; throws (for the batch to be delivered again) when one may go later. */
export async function sendTextNotices(
  deps: { table: TableRef; texts: TextMessageSender },
  records: readonly TableStreamRecord[],
  now = new Date(),
): Promise<TextReport> {
  const report: TextReport = { sent: {}, refused: {}, already: 0 };
  const due = [...(await textsOf(deps.table, records, deps.texts.sends))];
  if (due.length === 0) return report;
  const marked = new Set(
    (
      await batchGet(
        deps.table,
        due.map(([eventId]) => keys.textSent(eventId)),
      )
    ).map((mark) => String(mark.eventId)),
  );
  report.already = marked.size;
  await inPool(
    due.filter(([eventId]) => !marked.has(eventId)),
    AT_ONCE,
    async ([eventId, text]) => {
      const answer = await deps.texts.send(text);
      if (answer.outcome === 'sent') report.sent[text.template] = (report.sent[text.template] ?? 0) + 1;
      else report.refused[answer.code] = (report.refused[answer.code] ?? 0) + 1;
      // The mark says what became of it, never to whom: the phone stays on the record.
      await deps.table.db.send(
        new PutCommand({
          TableName: deps.table.tableName,
          Item: {
            ...keys.textSent(eventId),
            type: 'textSent',
            eventId,
            template: text.template,
            ...answer,
            at: now.toISOString(),
            [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + MARK_DAYS * 86_400,
          },
        }),
      );
    },
  );
  return report;
}
