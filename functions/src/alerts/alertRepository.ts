/**
 * 岗位订阅 in the table. A saved search lives in its account's partition, so an id from another
 * account is simply not found there. Beside it, one copy per geohash cell its circle touches,
 * listed on gsi3 under that cell (db/entities.ts): a published position reads two such lists
 * and no worker's record. Each create, edit and delete writes the search, its copies and the
 * account's count of searches in one transaction, so the copies never disagree with the search
 * for long enough to matter: a copy names the version it was made from, and a delivery holds
 * only while the search is still at that version.
 *
 * Nothing is deleted (no function may DeleteItem): a deleted search is marked and expires by
 * TTL; a copy the search no longer covers leaves its list at once and expires too.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  alertCells,
  alertCellsOfPoint,
  jobAlertSchema,
  MAX_ALERT_CONSENTS,
  MAX_ALERTS,
  positionFiltersBodySchema,
  type InboxItem,
  type JobAlert,
  type JobAlertInput,
  type JobAlertUpdate,
  type LatLng,
  type PositionFilters,
} from '@bangfu/shared';
import { cancellationReasons, isConditionFailed } from '../db/errors.js';
import { jobAlertCellEntity } from '../db/entities.js';
import { queryAll, queryPage } from '../db/paging.js';
import { keys, TTL_ATTRIBUTE } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { Conflict, NotFound, VersionConflict } from '../errors.js';

export const alertNotFound = () =>
  new NotFound('没有这个订阅，可能已经删掉了', 'No such saved search of yours.', 'params.alertId');
const staleAlert = () =>
  new VersionConflict(
    '订阅刚被改过，请刷新后再试',
    'The saved search was changed meanwhile; reload and try again.',
    'body.version',
  );

/** A saved search's copy under one cell: what a published position is matched against, without reading the search. */
export interface AlertCopy {
  userId: string;
  alertId: string;
  /** The search's version the copy was made from: a delivery holds only while the search is still at it. */
  alertVersion: number;
  /** When that version was saved: a position published before it is not news to it (a stream read again). */
  since: string;
  label: string;
  centre: LatLng;
  placeName: string;
  radiusKm: number;
  filters: PositionFilters;
}

/** An inbox item as stored (whether it is unread is worked out as it is read). */
export type StoredInboxItem = Omit<InboxItem, 'unread'>;

/** A delivery: new to the inbox now, there before (never twice), or refused by the search (changed, or no consent left). */
export type DeliveryOutcome = 'delivered' | 'already' | 'refused';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** How long a deleted search or a retired copy stays before DynamoDB removes it (TTL). */
const GONE_DAYS = 1;
/** Inbox items are kept this long: a job posted three months ago is no news. */
const INBOX_DAYS = 90;
/** "Came before" is remembered longer than any position stays open, so a reopened one never comes again. */
const SEEN_DAYS = 400;
/** Before any read: every item is unread. */
const NEVER_READ = '1970-01-01T00:00:00.000Z';
/** The unread count stops here (a badge shows 99+). */
const UNREAD_COUNTED = 100;
/** Transactions that met another writer of the same search (a consent, a second delivery) are tried again. */
const CONFLICT_ATTEMPTS = 5;

const epochSecondsAfter = (now: Date, days: number) => Math.floor(now.getTime() / 1000) + days * 86_400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function toAlert(item: Record<string, unknown>): JobAlert {
  return jobAlertSchema.parse({ ...item, consents: item.consents ?? 0 });
}

function toCopy(item: Record<string, unknown>): AlertCopy {
  return {
    userId: String(item.userId),
    alertId: String(item.alertId),
    alertVersion: Number(item.alertVersion),
    since: String(item.since),
    label: String(item.label),
    centre: item.centre as LatLng,
    placeName: String(item.placeName),
    radiusKm: Number(item.radiusKm),
    filters: positionFiltersBodySchema.parse(item.filters ?? {}),
  };
}

export function createAlertRepository({ db, tableName }: TableRef) {
  /** The live search of an account, or undefined (never made, another's, or deleted). */
  async function get(userId: string, alertId: string): Promise<(JobAlert & { cells: string[] }) | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.jobAlert(userId, alertId), ConsistentRead: true }),
    );
    if (!Item || Item.deletedAt !== undefined) return undefined;
    return { ...toAlert(Item), cells: (Item.cells as string[] | undefined) ?? [] };
  }

  /** Up to when the inbox was read (the epoch before the first read). */
  async function readUpToOf(userId: string): Promise<string> {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.alertInboxRead(userId) }));
    return typeof Item?.readUpTo === 'string' ? Item.readUpTo : NEVER_READ;
  }

  /** Puts the search's copy under each of `cells`, listed there. */
  const putCopies = (userId: string, alert: JobAlert, cells: readonly string[]): TransactItem[] =>
    cells.map((cell) => ({
      Put: {
        TableName: tableName,
        Item: {
          ...keys.jobAlertCell(userId, alert.alertId, cell),
          type: 'jobAlertCell',
          userId,
          alertId: alert.alertId,
          alertVersion: alert.version,
          since: alert.updatedAt,
          cell,
          label: alert.label,
          centre: alert.centre,
          placeName: alert.placeName,
          radiusKm: alert.radiusKm,
          filters: alert.filters,
          ...jobAlertCellEntity.indexes({ cell, userId, alertId: alert.alertId }),
        },
      },
    }));

  /** Takes the copies under `cells` off their lists; they expire. */
  const retireCopies = (userId: string, alertId: string, cells: readonly string[], now: Date): TransactItem[] =>
    cells.map((cell) => ({
      Update: {
        TableName: tableName,
        Key: keys.jobAlertCell(userId, alertId, cell),
        UpdateExpression: `REMOVE ${jobAlertCellEntity.attributeNames} SET #ttl = :ttl`,
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':ttl': epochSecondsAfter(now, GONE_DAYS) },
      },
    }));

  async function transact(items: TransactItem[]): Promise<string[] | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
        return undefined;
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (
          reasons?.includes('TransactionConflict') &&
          !reasons.includes('ConditionalCheckFailed') &&
          attempt < CONFLICT_ATTEMPTS
        ) {
          await sleep(20 * 2 ** attempt * Math.random());
          continue;
        }
        if (reasons) return reasons;
        throw error;
      }
    }
  }

  return {
    get,

    /** The account's live searches, oldest first (at most MAX_ALERTS, with the deleted ones not yet expired). */
    async list(userId: string): Promise<JobAlert[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: 'attribute_not_exists(deletedAt)',
        ExpressionAttributeValues: { ':pk': keys.jobAlert(userId, '').pk, ':prefix': keys.jobAlertPrefix() },
      });
      return items.map(toAlert).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    /** Saves a new search, its copies and one more on the account's count — refused past MAX_ALERTS. */
    async create(userId: string, input: JobAlertInput, now = new Date()): Promise<JobAlert> {
      const at = now.toISOString();
      const alert: JobAlert = { alertId: `a_${randomUUID()}`, ...input, consents: 0, createdAt: at, updatedAt: at, version: 1 };
      const cells = alertCells(alert.centre, alert.radiusKm);
      const reasons = await transact([
        {
          Update: {
            TableName: tableName,
            Key: keys.jobAlertCount(userId),
            UpdateExpression: 'SET #type = :type ADD alerts :one',
            ConditionExpression: 'attribute_not_exists(alerts) OR alerts < :max',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':type': 'jobAlertCount', ':one': 1, ':max': MAX_ALERTS },
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.jobAlert(userId, alert.alertId), type: 'jobAlert', userId, ...alert, cells },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...putCopies(userId, alert, cells),
      ]);
      if (reasons?.[0] === 'ConditionalCheckFailed') {
        throw new Conflict(`最多保存 ${MAX_ALERTS} 个订阅，请先删掉一个`, `At most ${MAX_ALERTS} saved searches.`);
      }
      if (reasons) throw new Error(`saving a search was cancelled: ${reasons.join(', ')}`);
      return alert;
    },

    /** Changes a search on the version read; moved or resized, its copies move with it. Its consents stay. */
    async update(userId: string, alertId: string, change: JobAlertUpdate, now = new Date()): Promise<JobAlert> {
      const current = await get(userId, alertId);
      if (!current) throw alertNotFound();
      const { version, ...fields } = change;
      if (current.version !== version) throw staleAlert();
      const { cells: oldCells, ...before } = current;
      const next: JobAlert = { ...before, ...fields, updatedAt: now.toISOString(), version: version + 1 };
      const cells = alertCells(next.centre, next.radiusKm);
      const reasons = await transact([
        {
          Update: {
            TableName: tableName,
            Key: keys.jobAlert(userId, alertId),
            UpdateExpression:
              'SET label = :label, centre = :centre, placeName = :place, radiusKm = :radius, filters = :filters, cells = :cells, updatedAt = :now, #version = :next',
            ConditionExpression: '#version = :expected AND attribute_not_exists(deletedAt)',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: {
              ':label': next.label,
              ':centre': next.centre,
              ':place': next.placeName,
              ':radius': next.radiusKm,
              ':filters': next.filters,
              ':cells': cells,
              ':now': next.updatedAt,
              ':next': next.version,
              ':expected': version,
            },
          },
        },
        ...retireCopies(
          userId,
          alertId,
          oldCells.filter((cell) => !cells.includes(cell)),
          now,
        ),
        ...putCopies(userId, next, cells),
      ]);
      if (reasons) throw staleAlert();
      // The consents as they are now: a delivery may have used one meanwhile.
      return (await get(userId, alertId)) ?? next;
    },

    /** Deletes a search on the version read: marked, its copies off their lists, one fewer on the count. */
    async remove(userId: string, alertId: string, version: number, now = new Date()): Promise<void> {
      const current = await get(userId, alertId);
      if (!current) throw alertNotFound();
      if (current.version !== version) throw staleAlert();
      const reasons = await transact([
        {
          Update: {
            TableName: tableName,
            Key: keys.jobAlert(userId, alertId),
            UpdateExpression: 'SET deletedAt = :now, #ttl = :ttl, #version = #version + :one',
            ConditionExpression: '#version = :expected AND attribute_not_exists(deletedAt)',
            ExpressionAttributeNames: { '#version': 'version', '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: {
              ':now': now.toISOString(),
              ':ttl': epochSecondsAfter(now, GONE_DAYS),
              ':one': 1,
              ':expected': version,
            },
          },
        },
        ...retireCopies(userId, alertId, current.cells, now),
        {
          Update: {
            TableName: tableName,
            Key: keys.jobAlertCount(userId),
            UpdateExpression: 'ADD alerts :less',
            ExpressionAttributeValues: { ':less': -1 },
          },
        },
      ]);
      if (reasons) throw staleAlert();
    },

    /** One more 允许 from WeChat: one more message this search may send (not a change of the search: no new version). */
    async addConsent(userId: string, alertId: string): Promise<JobAlert> {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.jobAlert(userId, alertId),
            UpdateExpression: 'ADD consents :one',
            ConditionExpression:
              'attribute_exists(pk) AND attribute_not_exists(deletedAt) AND (attribute_not_exists(consents) OR consents < :max)',
            ExpressionAttributeValues: { ':one': 1, ':max': MAX_ALERT_CONSENTS },
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return toAlert(Attributes!);
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        if (!error.Item || error.Item.deletedAt !== undefined) throw alertNotFound();
        throw new Conflict(
          `这个订阅已经开了 ${MAX_ALERT_CONSENTS} 次微信提醒，够用了`,
          `The search holds ${MAX_ALERT_CONSENTS} consents already.`,
        );
      }
    },

    /** The copies of every search whose circle can reach `point`: one Query per cell size (two). */
    async copiesReaching(point: LatLng): Promise<AlertCopy[]> {
      const lists = await Promise.all(
        alertCellsOfPoint(point).map((cell) => queryAll(db, { TableName: tableName, ...jobAlertCellEntity.inCell(cell) })),
      );
      return lists.flat().map(toCopy);
    },

    /**
     * A matched position into the account's inbox, once ever: the "came before" mark (put once),
     * the item, and the search still at the copy's version — taking one of its consents when
     * `takeConsent` (refused when none is left). One transaction, so two deliveries at once
     * never take one consent twice nor put one position in the inbox twice.
     */
    async deliver(copy: AlertCopy, item: StoredInboxItem, takeConsent: boolean, now = new Date()): Promise<DeliveryOutcome> {
      const searchHolds = '#version = :version AND attribute_not_exists(deletedAt)';
      const reasons = await transact([
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.jobAlertSeen(copy.userId, item.positionId),
              type: 'jobAlertSeen',
              alertId: copy.alertId,
              at: item.at,
              [TTL_ATTRIBUTE]: epochSecondsAfter(now, SEEN_DAYS),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.alertInboxItem(copy.userId, item.at, item.positionId),
              type: 'alertInboxItem',
              ...item,
              [TTL_ATTRIBUTE]: epochSecondsAfter(now, INBOX_DAYS),
            },
          },
        },
        takeConsent
          ? {
              Update: {
                TableName: tableName,
                Key: keys.jobAlert(copy.userId, copy.alertId),
                UpdateExpression: 'ADD consents :less',
                ConditionExpression: `${searchHolds} AND consents >= :one`,
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':version': copy.alertVersion, ':less': -1, ':one': 1 },
              },
            }
          : {
              ConditionCheck: {
                TableName: tableName,
                Key: keys.jobAlert(copy.userId, copy.alertId),
                ConditionExpression: searchHolds,
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':version': copy.alertVersion },
              },
            },
      ]);
      if (!reasons) return 'delivered';
      if (reasons[0] === 'ConditionalCheckFailed') return 'already';
      if (reasons[2] === 'ConditionalCheckFailed') return 'refused';
      throw new Error(`a delivery was cancelled: ${reasons.join(', ')}`);
    },

    /** How the WeChat message of an inbox item went. */
    async noted(userId: string, item: Pick<StoredInboxItem, 'at' | 'positionId'>, notice: InboxItem['notice']) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.alertInboxItem(userId, item.at, item.positionId),
          UpdateExpression: 'SET notice = :notice',
          ExpressionAttributeValues: { ':notice': notice },
        }),
      );
    },

    /** A consent WeChat did not use (it did not answer) goes back to the search, unless the search is gone. */
    async giveBackConsent(userId: string, alertId: string): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.jobAlert(userId, alertId),
            UpdateExpression: 'ADD consents :one',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deletedAt)',
            ExpressionAttributeValues: { ':one': 1 },
          }),
        );
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
      }
    },

    /** A page of the inbox, newest first, each marked unread when it came after the last read. */
    async inboxPage(userId: string, page: { cursor?: string | undefined; limit: number }) {
      const [{ items, nextCursor }, readUpTo] = await Promise.all([
        queryPage(
          db,
          {
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': keys.alertInboxRead(userId).pk, ':prefix': keys.alertInboxPrefix() },
            ScanIndexForward: false,
          },
          page,
        ),
        readUpToOf(userId),
      ]);
      return {
        items: items.map((item) => toInboxItem(item, readUpTo)),
        ...(nextCursor ? { nextCursor } : {}),
        readUpTo,
      };
    },

    /** Items that came after `readUpTo`, counted up to UNREAD_COUNTED (one Query of keys, no item read out). */
    async unreadCount(userId: string, readUpTo: string): Promise<number> {
      const prefix = keys.alertInboxPrefix();
      const { Count = 0 } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :after AND :end',
          ExpressionAttributeValues: {
            ':pk': keys.alertInboxRead(userId).pk,
            // '~' sorts after every position id and every digit: items of the very time read are read.
            ':after': `${prefix}${readUpTo}#~`,
            ':end': `${prefix}~`,
          },
          Limit: UNREAD_COUNTED,
          Select: 'COUNT',
        }),
      );
      return Count;
    },

    /** Marks the inbox read up to `upTo`, never moving back; answers the time it is read up to now. */
    async markRead(userId: string, upTo: string): Promise<string> {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.alertInboxRead(userId),
            UpdateExpression: 'SET #type = :type, readUpTo = :upTo',
            ConditionExpression: 'attribute_not_exists(readUpTo) OR readUpTo < :upTo',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: { ':type': 'alertInboxRead', ':upTo': upTo },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return String(Attributes!.readUpTo);
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        return readUpToOf(userId);
      }
    },
  };
}

function toInboxItem(item: Record<string, unknown>, readUpTo: string): InboxItem {
  const at = String(item.at);
  return {
    positionId: String(item.positionId),
    title: String(item.title),
    employerName: String(item.employerName),
    distanceKm: Number(item.distanceKm),
    at,
    alertId: String(item.alertId),
    alertLabel: String(item.alertLabel),
    placeName: String(item.placeName),
    notice: item.notice as InboxItem['notice'],
    unread: at > readUpTo,
  };
}

export type AlertRepository = ReturnType<typeof createAlertRepository>;
