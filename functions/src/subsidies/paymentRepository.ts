/**
 * Payout accounts and payment batches.
 *
 * An account number is sealed like an ID number (the ID vault's envelope) and kept with
 * its mask; only the bank's file and the checks of `account` ever open it. A first account
 * is in force at once; a change waits, beside the account in force, until a second person
 * confirms it.
 *
 * A batch is a small state machine under the key its caller chose: `reserving` — each
 * approved claim is reserved into it in one transaction (the claim marked with the batch,
 * its row of the bank's file written, the batch still reserving), so two batches never
 * share a claim; `filed` — the reserved set, hence the file, is fixed; `done` — every
 * reserved claim is paid. A crash anywhere leaves a state the same key resumes from.
 */
import {
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  addDays,
  bankReturnText,
  beneficiaryKey,
  maskAccount,
  type BankReturnMark,
  type BankReturnReason,
  type ReturnFileMark,
  paymentBatchSchema,
  storedPayoutAccountSchema,
  type AccountPeople,
  type BeneficiaryRef,
  type CardAnswer,
  type CardText,
  type Claim,
  type PaymentBatch,
  type PaymentBatchSummary,
  type PayoutAccount,
} from '@bangfu/shared';
import { cancellationReasons, isConditionFailed } from '../db/errors.js';
import { paymentBatchEntity } from '../db/entities.js';
import { queryAll, queryPage } from '../db/paging.js';
import { batchGet } from '../db/batchGet.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { Conflict, Forbidden, NotFound } from '../errors.js';
import type { IdVault, SealedId } from '../registry/idVault.js';

const accountKey = (owner: BeneficiaryRef) =>
  owner.kind === 'worker' ? keys.payoutAccount(owner.workerId) : keys.employerPayoutAccount(owner.employerId);

/** An account as stored: the number sealed, its mask beside it. */
export interface SealedAccount {
  kind: PayoutAccount['kind'];
  bankName?: string;
  numberSealed: SealedId;
  numberMasked: string;
  setBy: string;
  setAt: string;
  /** What the worker said of their card (是我的卡 / 不是我的卡), and when. */
  ownerAnswer?: { answer: CardAnswer; at: string };
  /** The bank sent back money paid to it (银行退回): nothing more is paid to it. */
  bankReturn?: BankReturnMark;
  /** What became of the text telling the worker of it (短信提醒), kept while it waits. */
  texted?: CardText;
}

/** The stored item: the account in force, the change waiting, the last change the worker withdrew. */
export interface AccountEntries {
  current?: SealedAccount;
  pending?: SealedAccount;
  confirmedBy?: string;
  withdrawn?: SealedAccount;
  /** WeChat 允许 the worker gave for 收款卡变更提醒, each letting one message through (一次性订阅). */
  cardNotices?: number;
}

/** 允许 kept at most: WeChat keeps no more than a handful of one-time consents per template either. */
export const CARD_NOTICES_KEPT = 5;

/** The account in force (who entered and who confirmed it) and the change waiting for a second person. */
export interface PayoutRecord extends AccountPeople {
  current: SealedAccount;
  pending?: SealedAccount;
}

/** What an account looks like to people: the kind, the bank and the mask. */
export const accountView = (account: SealedAccount) => ({
  kind: account.kind,
  ...(account.bankName ? { bankName: account.bankName } : {}),
  numberMasked: account.numberMasked,
});

export type BatchState = 'reserving' | 'filed' | 'done';

export interface BatchHeader {
  batchId: string;
  regionCode: string;
  createdBy: string;
  createdAt: string;
  state: BatchState;
  skipped: PaymentBatch['skipped'];
  /** Set when the batch is done: its rows and their total (a list shows them without reading the rows). */
  count?: number;
  totalFen?: number;
  /** Added to by each 银行退回 recorded, in the same transaction. */
  returnedCount?: number;
  returnedFen?: number;
  /** The bank's return file last read into the batch (银行回盘). */
  returnFile?: ReturnFileMark;
}

/** A batch is named by the key its payer chose (a retry with the key resumes it): `b_<key>`. */
export const batchIdOf = (idempotencyKey: string) => `b_${idempotencyKey}`;
const keyOfBatch = (batchId: string) => batchId.slice('b_'.length);

/** A batch as a list shows it; the key to resume an unfinished one only for its own payer. */
export function batchSummary(batch: BatchHeader, viewer: string): PaymentBatchSummary {
  const done = batch.state === 'done';
  return {
    batchId: batch.batchId,
    regionCode: batch.regionCode,
    createdBy: batch.createdBy,
    createdAt: batch.createdAt,
    state: done ? 'done' : 'unfinished',
    count: batch.count ?? 0,
    totalFen: batch.totalFen ?? 0,
    returnedCount: batch.returnedCount ?? 0,
    returnedFen: batch.returnedFen ?? 0,
    ...(batch.returnFile ? { returnFile: batch.returnFile } : {}),
    ...(!done && batch.createdBy === viewer ? { resumeKey: keyOfBatch(batch.batchId) } : {}),
  };
}

/** A claim reserved into a batch: its row of the bank's file, fixed when it was reserved. */
export interface Reservation {
  claimId: string;
  name: string;
  amountFen: number;
  subsidyName: string;
  account: SealedAccount;
  workerId?: string;
  idNumberMasked?: string;
  /** The bank sent this payment back: who recorded it, when, why and under which of the bank's references. */
  returned?: RowReturn;
}

export interface RowReturn {
  at: string;
  by: string;
  reason: BankReturnReason;
  note?: string;
  bankReference: string;
}

const replaced = () =>
  new Conflict('账户刚被别人改过，请刷新后看清再确认', 'The entry was replaced since it was read.', 'body.setAt');

export function createPaymentRepository({ db, tableName }: TableRef, vault: IdVault) {
  async function sealed(account: PayoutAccount, by: string, at: string): Promise<SealedAccount> {
    return {
      kind: account.kind,
      ...('bankName' in account ? { bankName: account.bankName } : {}),
      numberSealed: await vault.seal(account.number),
      numberMasked: maskAccount(account.number),
      setBy: by,
      setAt: at,
    };
  }

  /** The account in force and the entry waiting for a second person, either possibly absent. */
  async function entries(owner: BeneficiaryRef): Promise<AccountEntries> {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: accountKey(owner), ConsistentRead: true }));
    return (Item ?? {}) as AccountEntries;
  }

  /** The account in force, with who entered and confirmed it and whether its worker disputes it; none while a first one waits for its second person. */
  async function record(owner: BeneficiaryRef): Promise<PayoutRecord | undefined> {
    const { current, pending, confirmedBy } = await entries(owner);
    if (!current) return undefined;
    const disputed = current.ownerAnswer?.answer === 'notMine' ? current.ownerAnswer.at : undefined;
    return {
      current,
      setBy: current.setBy,
      ...(confirmedBy ? { confirmedBy } : {}),
      ...(pending ? { pending } : {}),
      ...(disputed ? { disputedAt: disputed } : {}),
      ...(current.bankReturn ? { returned: bankReturnText(current.bankReturn) } : {}),
    };
  }

  /** Opens a sealed account: the full number, for the bank's file only. */
  async function open(account: SealedAccount): Promise<PayoutAccount> {
    const number = await vault.open(account.numberSealed);
    return storedPayoutAccountSchema.parse({
      kind: account.kind,
      number,
      ...(account.bankName ? { bankName: account.bankName } : {}),
    });
  }

  async function header(batchId: string): Promise<BatchHeader | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.paymentBatch(batchId), ConsistentRead: true }),
    );
    return Item as BatchHeader | undefined;
  }

  async function reservations(batchId: string): Promise<Reservation[]> {
    const items = await queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.paymentBatch(batchId).pk, ':prefix': keys.paymentBatchClaimPrefix() },
      ConsistentRead: true,
    });
    return items.map((item) => item.row as Reservation);
  }

  /** A finished batch as the API shows it. */
  const view = (batch: BatchHeader, rows: Reservation[]): PaymentBatch =>
    paymentBatchSchema.parse({
      batchId: batch.batchId,
      regionCode: batch.regionCode,
      createdBy: batch.createdBy,
      createdAt: batch.createdAt,
      claimIds: rows.map((r) => r.claimId),
      count: rows.length,
      totalFen: rows.reduce((sum, r) => sum + r.amountFen, 0),
      skipped: batch.skipped,
      returned: rows.flatMap(({ claimId, name, amountFen, returned }) =>
        returned
          ? [
              {
                claimId,
                name,
                amountFen,
                reason: bankReturnText(returned),
                bankReference: returned.bankReference,
                at: returned.at,
              },
            ]
          : [],
      ),
    });

  return {
    record,
    entries,
    open,

    /** The cards in force of these workers, sealed (their last four digits shown), in one BatchGetItem per hundred. */
    async cardsInForce(workerIds: readonly string[]): Promise<Map<string, SealedAccount>> {
      const workerOf = new Map(workerIds.map((workerId) => [keys.payoutAccount(workerId).pk, workerId]));
      const items = await batchGet(
        { db, tableName },
        [...workerOf.values()].map((workerId) => keys.payoutAccount(workerId)),
      );
      return new Map(
        items.flatMap((item) => {
          const { current } = item as AccountEntries;
          return current ? [[workerOf.get(String(item.pk))!, current] as const] : [];
        }),
      );
    },

    /** The account in force, opened (for checks and the bank's file; never shown whole to anyone). */
    async account(owner: BeneficiaryRef): Promise<PayoutAccount | undefined> {
      const found = await record(owner);
      return found ? open(found.current) : undefined;
    },

    /**
     * Enters an account, waiting for a second person to confirm it. A first one is in force at
     * once only when `firstInForce` (an employer entering its own account); a worker's card is
     * entered by staff for them, so even the first waits: one officer alone cannot choose where a
     * worker's money goes.
     */
    async setAccount(
      owner: BeneficiaryRef,
      account: PayoutAccount,
      by: string,
      { firstInForce }: { firstInForce: boolean },
    ): Promise<{ pending: boolean }> {
      const entry = await sealed(account, by, new Date().toISOString());
      if (firstInForce) {
        try {
          await db.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...accountKey(owner), type: 'payoutAccount', current: entry },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
          return { pending: false };
        } catch (error) {
          if (!isConditionFailed(error)) throw error;
        }
      }
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: accountKey(owner),
          UpdateExpression: 'SET pending = :entry, #type = :type',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':entry': entry, ':type': 'payoutAccount' },
        }),
      );
      return { pending: true };
    },

    /**
     * Puts the waiting entry in force, by someone other than who entered it, and only the entry
     * they saw (`seenSetAt`, from the masked view): one replaced since is refused, not confirmed blind.
     */
    async confirmChange(owner: BeneficiaryRef, by: string, seenSetAt: string): Promise<SealedAccount> {
      const change = (await entries(owner)).pending;
      if (!change) throw new NotFound('没有等待确认的账户变更', 'No account change is waiting.');
      if (change.setAt !== seenSetAt) throw replaced();
      if (change.setBy === by) {
        throw new Forbidden('账户变更要由另一位工作人员确认', 'A second person confirms an account change.');
      }
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: accountKey(owner),
            UpdateExpression: 'SET #current = :change, confirmedBy = :by, confirmedAt = :at REMOVE pending',
            ConditionExpression: 'pending.setAt = :setAt AND pending.setBy = :setBy',
            ExpressionAttributeNames: { '#current': 'current' },
            ExpressionAttributeValues: {
              ':change': change,
              ':by': by,
              ':at': new Date().toISOString(),
              ':setAt': change.setAt,
              ':setBy': change.setBy,
            },
          }),
        );
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        throw replaced();
      }
      return change;
    },

    /**
     * Keeps what the worker said of the entry they saw (`enteredAt`): 不是我的卡 withdraws a
     * waiting entry (kept as `withdrawn` for the county to look into) and marks one in force,
     * which is then paid nothing until another card is entered and confirmed. A 不是我的卡 is not
     * taken back by a later 是我的卡: the county looks into it first. Answers which entry it was, and
     * the entries as they now stand.
     */
    async answer(
      owner: BeneficiaryRef,
      enteredAt: string,
      answer: CardAnswer,
      at: string,
    ): Promise<{ entry: SealedAccount; inForce: boolean; confirmedBy?: string; changed: boolean; now: AccountEntries }> {
      const read = await entries(owner);
      const { current, pending, confirmedBy, withdrawn } = read;
      // Said again (a retry after a lost answer): as the first time, nothing written.
      if (withdrawn?.setAt === enteredAt && answer === 'notMine') {
        return { entry: withdrawn, inForce: false, changed: false, now: read };
      }
      const inForce = current?.setAt === enteredAt;
      const entry = inForce ? current : pending?.setAt === enteredAt ? pending : undefined;
      if (!entry) {
        throw new Conflict('这张卡的登记已经变了，请刷新后再看', 'That entry is no longer on file.', 'body.enteredAt');
      }
      const seen = { ...(inForce && confirmedBy ? { confirmedBy } : {}), entry, inForce, now: read };
      if (entry.ownerAnswer?.answer === 'notMine') {
        if (answer === 'notMine') return { ...seen, changed: false };
        throw new Conflict(
          '您已经说过这张卡不是您的，县里会来核实。如果说错了，请找村里的信息员重新登记',
          'The worker already disputed this card.',
          'body.answer',
        );
      }
      if (entry.ownerAnswer?.answer === answer) return { ...seen, changed: false };
      const answered = { ...entry, ownerAnswer: { answer, at } };
      const which = inForce ? 'current' : 'pending';
      const withdraw = !inForce && answer === 'notMine';
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: accountKey(owner),
            UpdateExpression: withdraw ? 'SET withdrawn = :answered REMOVE pending' : 'SET #which = :answered',
            ConditionExpression: '#which.setAt = :setAt AND #which.setBy = :setBy',
            ExpressionAttributeNames: { '#which': which },
            ExpressionAttributeValues: { ':answered': answered, ':setAt': entry.setAt, ':setBy': entry.setBy },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return { ...seen, entry: answered, changed: true, now: Attributes as AccountEntries };
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        throw new Conflict('这张卡的登记刚刚变了，请刷新后再看', 'The entry was replaced since it was read.', 'body.enteredAt');
      }
    },

    /** Keeps one more 允许 for a card notice (at most CARD_NOTICES_KEPT); answers how many are kept. */
    async allowCardNotice(workerId: string): Promise<number> {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.payoutAccount(workerId),
            UpdateExpression: 'ADD cardNotices :one SET #type = :type',
            ConditionExpression: 'attribute_not_exists(cardNotices) OR cardNotices < :kept',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':one': 1, ':kept': CARD_NOTICES_KEPT, ':type': 'payoutAccount' },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        return Number(Attributes?.cardNotices ?? 0);
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        return CARD_NOTICES_KEPT;
      }
    },

    /** Takes one 允许 for a card notice; false when none is left (no message may be sent). */
    async useCardNotice(workerId: string): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.payoutAccount(workerId),
            UpdateExpression: 'ADD cardNotices :minusOne',
            ConditionExpression: 'cardNotices > :none',
            ExpressionAttributeValues: { ':minusOne': -1, ':none': 0 },
          }),
        );
        return true;
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        return false;
      }
    },

    header,
    reservations,
    view,

    /** One claim's row of a batch (the card it was paid to, sealed), if the batch has it. */
    async reservation(batchId: string, claimId: string): Promise<Reservation | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.paymentBatchClaim(batchId, claimId), ConsistentRead: true }),
      );
      return Item?.row as Reservation | undefined;
    },

    /** A finished batch's header (what the routes about one batch are scoped by); none while unfinished. */
    async finished(batchId: string): Promise<BatchHeader | undefined> {
      const found = await header(batchId);
      return found?.state === 'done' ? found : undefined;
    },

    /** A county's or township's batches, newest first, a page at a time. */
    async inRegion(regionCode: string, page: { limit: number; cursor?: string | undefined }) {
      const { items, nextCursor } = await queryPage(
        db,
        { TableName: tableName, ...paymentBatchEntity.inRegion(regionCode), ScanIndexForward: false },
        page,
      );
      return { batches: items as unknown as BatchHeader[], ...(nextCursor ? { nextCursor } : {}) };
    },

    /** A county's batches started from one China date to another, every page (a county has a few a month). */
    async startedBetween(countyCode: string, from: string, to: string): Promise<BatchHeader[]> {
      // The dates' instants with a day either side (China is 8 hours ahead): the caller judges each by its China date.
      const items = await queryAll(db, {
        TableName: tableName,
        ...paymentBatchEntity.startedBetween(countyCode, addDays(from, -1), `${addDays(to, 1)}~`),
      });
      return items as unknown as BatchHeader[];
    },

    /** The batch under this key: made now in `reserving`, or the one a first attempt made. */
    async start(batchId: string, regionCode: string, by: string): Promise<BatchHeader> {
      const fresh: BatchHeader = {
        batchId,
        regionCode,
        createdBy: by,
        createdAt: new Date().toISOString(),
        state: 'reserving',
        skipped: [],
      };
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.paymentBatch(batchId), ...paymentBatchEntity.indexes(fresh), type: 'paymentBatch', ...fresh },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return fresh;
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        return (await header(batchId))!;
      }
    },

    /**
     * Reserves an approved claim into a reserving batch, with its file row, in one
     * transaction; false when the claim changed or another batch has it, or the batch is
     * no longer reserving (nothing is written then).
     */
    async reserve(batchId: string, claim: Claim, account: SealedAccount, person: { idNumberMasked?: string }): Promise<boolean> {
      const row: Reservation = {
        claimId: claim.claimId,
        name: claim.beneficiary.name,
        amountFen: claim.amountFen,
        subsidyName: claim.item ? `${claim.name}（${claim.item}）` : claim.name,
        account,
        ...(claim.beneficiary.kind === 'worker' ? { workerId: claim.beneficiary.workerId } : {}),
        ...(person.idNumberMasked ? { idNumberMasked: person.idNumberMasked } : {}),
      };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.claim(beneficiaryKey(claim.beneficiary), claim.subsidy, claim.periodKey),
                  UpdateExpression: 'SET paymentBatchId = :batch, #version = #version + :one',
                  ConditionExpression: '#status = :approved AND #version = :version AND attribute_not_exists(paymentBatchId)',
                  ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                  ExpressionAttributeValues: { ':batch': batchId, ':one': 1, ':approved': 'approved', ':version': claim.version },
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: { ...keys.paymentBatchClaim(batchId, claim.claimId), type: 'paymentBatchClaim', row },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                ConditionCheck: {
                  TableName: tableName,
                  Key: keys.paymentBatch(batchId),
                  ConditionExpression: '#state = :reserving',
                  ExpressionAttributeNames: { '#state': 'state' },
                  ExpressionAttributeValues: { ':reserving': 'reserving' },
                },
              },
            ],
          }),
        );
        return true;
      } catch (error) {
        if (cancellationReasons(error)) return false;
        throw error;
      }
    },

    /** Fixes the reserved set (and so the file): reserving → filed. Another attempt may have done it. */
    async file(batchId: string, skipped: PaymentBatch['skipped']): Promise<BatchHeader> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.paymentBatch(batchId),
            UpdateExpression: 'SET #state = :filed, skipped = :skipped',
            ConditionExpression: '#state = :reserving',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':filed': 'filed', ':reserving': 'reserving', ':skipped': skipped },
          }),
        );
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
      }
      return (await header(batchId))!;
    },

    /**
     * 银行退回, in one transaction: the claim (`claimUpdate`, claimRepository.returnedUpdate) back to
     * 等待发放, the batch's row marked returned, and the account the money went to marked so nothing
     * more is paid to it — when it is still the account in force (a card changed since is not the
     * one the bank refused). Conflict when the row was returned meanwhile, the claim changed, or
     * the account changed between the read and the write (nothing is written then).
     */
    async recordReturn(
      batchId: string,
      row: Reservation,
      owner: BeneficiaryRef,
      claimUpdate: NonNullable<TransactWriteCommandInput['TransactItems']>[number]['Update'],
      returned: RowReturn,
    ): Promise<{ accountMarked: boolean }> {
      const { current } = await entries(owner);
      const accountMarked = current?.setAt === row.account.setAt && current.setBy === row.account.setBy;
      const mark: BankReturnMark = {
        at: returned.at,
        reason: returned.reason,
        ...(returned.note ? { note: returned.note } : {}),
        batchId,
      };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: claimUpdate },
              {
                Update: {
                  TableName: tableName,
                  Key: keys.paymentBatchClaim(batchId, row.claimId),
                  UpdateExpression: 'SET #row.returned = :returned',
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#row.returned)',
                  ExpressionAttributeNames: { '#row': 'row' },
                  ExpressionAttributeValues: { ':returned': returned },
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: keys.paymentBatch(batchId),
                  UpdateExpression: 'ADD returnedCount :one, returnedFen :fen',
                  ConditionExpression: 'attribute_exists(pk)',
                  ExpressionAttributeValues: { ':one': 1, ':fen': row.amountFen },
                },
              },
              ...(accountMarked
                ? [
                    {
                      Update: {
                        TableName: tableName,
                        Key: accountKey(owner),
                        UpdateExpression: 'SET #current.bankReturn = :mark',
                        ConditionExpression: '#current.setAt = :setAt AND #current.setBy = :setBy',
                        ExpressionAttributeNames: { '#current': 'current' },
                        ExpressionAttributeValues: { ':mark': mark, ':setAt': row.account.setAt, ':setBy': row.account.setBy },
                      },
                    },
                  ]
                : []),
            ],
          }),
        );
      } catch (error) {
        if (!cancellationReasons(error)) throw error;
        throw new Conflict(
          '这份申领或它的收款账户刚被别人处理过，请刷新后再登记',
          'The claim, its row or its account changed since it was read.',
          'body.claimId',
        );
      }
      return { accountMarked };
    },

    /** Every reserved claim (`rows`) is paid: filed → done, with their count and total. */
    async finish(batchId: string, rows: readonly Reservation[]): Promise<BatchHeader> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.paymentBatch(batchId),
          UpdateExpression: 'SET #state = :done, #count = :count, totalFen = :total',
          ConditionExpression: '#state IN (:filed, :done)',
          ExpressionAttributeNames: { '#state': 'state', '#count': 'count' },
          ExpressionAttributeValues: {
            ':filed': 'filed',
            ':done': 'done',
            ':count': rows.length,
            ':total': rows.reduce((sum, r) => sum + r.amountFen, 0),
          },
        }),
      );
      return (await header(batchId))!;
    },

    /** The bank's return file was read and its returns recorded: kept on the batch (the last reading). */
    async markReturnFile(batchId: string, reading: ReturnFileMark): Promise<BatchHeader> {
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.paymentBatch(batchId),
          UpdateExpression: 'SET returnFile = :reading',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':reading': reading },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes as BatchHeader;
    },
  };
}

export type PaymentRepository = ReturnType<typeof createPaymentRepository>;
