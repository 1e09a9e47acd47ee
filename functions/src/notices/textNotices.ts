/**
 * 短信提醒 off the table's stream (the textMessages Lambda on AWS, the stream follower locally): a
 * card entered for a worker is texted to the phone on their record, a phone changed on a record is
 * texted to the number it replaced, and a worker's subsidy paid is texted with the card it went to
 * (shared/src/notices/textMessages.ts says what each says). From the stream, not the officer's request: every path that writes a card or a phone
 * (an officer, the worker, an import) is caught by one test on the item before and after, and
 * nobody waits for the provider.
 *
 * The stream delivers at least once, and a failing batch is delivered again: each stream record's
 * text is marked sent (or refused) once the provider answered, and a redelivery finds the mark. A
 * text the provider took but whose mark was lost (the function stopped between) is sent twice.
 *
 * What became of a card's text (sent, refused, or no phone to send it to) is kept on the entry, for
 * the officer who confirms the card: a person who was not told is to be seen in person.
 *
 * Cost per batch: one BatchGetItem of the marks, one of the records whose card was entered or claim
 * paid (their phones) and of the batches' rows of the claims (the cards), then a PutItem per text
 * and an UpdateItem per card entered.
 */
import {
  cardEnteredText,
  claimPaidText,
  maskPhone,
  phoneChangedText,
  type CardEntry,
  type CardText,
  type PaidClaim,
  type TextMessage,
  type TextTemplate,
} from '@bangfu/shared';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { batchGet } from '../db/batchGet.js';
import { isConditionFailed } from '../db/errors.js';
import { inPool } from '../db/inPool.js';
import { keys, TTL_ATTRIBUTE } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import type { TableStreamRecord } from '../monitoring/streamChanges.js';
import type { Reservation } from '../subsidies/paymentRepository.js';
import type { TextMessageSender } from './textMessageSender.js';

/** The item types whose changes may be texted: the worker's card entry, the worker's record, a claim. */
export const TEXTED_ITEM_TYPES = ['payoutAccount', 'worker', 'claim'] as const;

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

/** A batch with nothing to text (or texts not configured). */
export const emptyTextReport = (): TextReport => ({ sent: {}, refused: {}, already: 0 });

type Image = Record<string, unknown>;

/** A card entry of a worker's account item ("pending", waiting for the second officer). */
const pendingOf = (image: Image | undefined) => image?.pending as CardEntry | undefined;

/** A new card entry of a batch: whose, which (its setAt), and the text about it, if the record has a phone. */
interface EnteredCard {
  workerId: string;
  setAt: string;
  text?: TextMessage;
}

/**
 * The texts a batch of stream records calls for that are sent here (`sends`), each under its
 * stream record's id, and the cards entered. What the texts need that the images do not carry —
 * the records' phones, the cards a batch paid claims to — is read in one BatchGetItem.
 */
async function textsOf(table: TableRef, records: readonly TableStreamRecord[], sends: TextMessageSender['sends']) {
  const texts = new Map<string, TextMessage>();
  const entries: { eventId: string; workerId: string; before?: CardEntry; after: CardEntry }[] = [];
  const paid: { eventId: string; workerId: string; before?: Image; after: Image & PaidClaim }[] = [];
  for (const record of records) {
    const { NewImage, OldImage } = record.dynamodb ?? {};
    const eventId = record.eventID;
    const after: Image | undefined = NewImage && unmarshall(NewImage as never);
    const before: Image | undefined = OldImage && unmarshall(OldImage as never);
    if (!eventId || !after) continue;
    const workerId = after.type === 'payoutAccount' ? keys.payoutAccountWorker(after as { pk: unknown; sk: unknown }) : undefined;
    if (after.type === 'worker' && sends('phoneChanged')) {
      const text = phoneChangedText(before as { phone?: string }, after as { phone?: string; updatedAt: string });
      if (text) texts.set(eventId, text);
    } else if (workerId && sends('cardEntered')) {
      const entered = pendingOf(after);
      if (entered && entered.setAt !== pendingOf(before)?.setAt) {
        entries.push({ eventId, workerId, before: pendingOf(before), after: entered });
      }
    } else if (after.type === 'claim' && sends('claimPaid') && after.status === 'paid' && before?.status !== 'paid') {
      const claim = after as Image & PaidClaim & { beneficiary: { workerId?: string } };
      if (claim.beneficiary.workerId) paid.push({ eventId, workerId: claim.beneficiary.workerId, before, after: claim });
    }
  }
  const cards = new Map<string, EnteredCard>();
  if (entries.length === 0 && paid.length === 0) return { texts, cards };
  const workerIds = [...new Set([...entries, ...paid].map((entry) => entry.workerId))];
  const rows = paid.map(({ after }) => keys.paymentBatchClaim(String(after.paymentBatchId), String(after.claimId)));
  const read = await batchGet(table, [...workerIds.map((id) => keys.worker(id)), ...rows]);
  const phoneOf = new Map(
    read.filter((item) => item.type === 'worker').map((w) => [String(w.workerId), w.phone as string | undefined]),
  );
  // A batch's row seals the card it paid to: its last four are what the person can check.
  const paidTo = new Map(
    read.flatMap((item) => {
      const row = item.row as Reservation | undefined;
      return row ? [[row.claimId, row.account.numberMasked.slice(-4)] as const] : [];
    }),
  );
  for (const { eventId, workerId, before, after } of entries) {
    const text = cardEnteredText(before, after, phoneOf.get(workerId) ?? undefined);
    if (text) texts.set(eventId, text);
    cards.set(eventId, { workerId, setAt: after.setAt, ...(text ? { text } : {}) });
  }
  for (const { eventId, workerId, before, after } of paid) {
    const text = claimPaidText(
      before as Pick<PaidClaim, 'status'>,
      after,
      phoneOf.get(workerId) ?? undefined,
      paidTo.get(String(after.claimId)),
    );
    if (text) texts.set(eventId, text);
  }
  return { texts, cards };
}

/**
 * Keeps what became of a card's text on the entry while it waits, for the officer who confirms it:
 * once (a redelivery finds it kept), and not on an entry replaced or confirmed meanwhile.
 */
async function keepOnEntry({ db, tableName }: TableRef, card: EnteredCard, texted: CardText): Promise<void> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.payoutAccount(card.workerId),
        UpdateExpression: 'SET pending.texted = :texted',
        ConditionExpression: 'pending.setAt = :setAt AND attribute_not_exists(pending.texted)',
        ExpressionAttributeValues: { ':texted': texted, ':setAt': card.setAt },
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}

/** Sends the texts a batch of stream records calls for, each once; throws (for the batch to be delivered again) when one may go later. */
export async function sendTextNotices(
  deps: { table: TableRef; texts: TextMessageSender },
  records: readonly TableStreamRecord[],
  now = new Date(),
): Promise<TextReport> {
  const report = emptyTextReport();
  const { texts, cards } = await textsOf(deps.table, records, deps.texts.sends);
  // A card entered for a record with no phone: nobody to text, which the confirming officer is told.
  const unphoned = [...cards.values()].filter((card) => !card.text);
  await inPool(unphoned, AT_ONCE, (card) => keepOnEntry(deps.table, card, { outcome: 'noPhone', at: now.toISOString() }));
  const due = [...texts];
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
      const card = cards.get(eventId);
      if (card) {
        await keepOnEntry(deps.table, card, {
          outcome: answer.outcome,
          at: now.toISOString(),
          to: maskPhone(text.phone),
        });
      }
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
