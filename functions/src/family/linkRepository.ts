/**
 * 亲情服务 in the table: invitation codes (single use, half an hour, TTL), the links between a
 * worker's account and a family member's (beside the worker's account), and each account's
 * circle — the string sets of whom its active links join it to, which hold the limits: a
 * worker's 同意 adds both ends in one transaction, refused at the limit or for a pair already
 * joined, however many confirm at once.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  familyMemberText,
  INVITATION_MINUTES,
  MAX_HELPERS,
  MAX_HELPING,
  PENDING_HOURS,
  type FamilyLink,
  type FamilyLinkStatus,
  type FamilyRelation,
  type Principal,
  type PrincipalProxy,
  type ProxyRef,
} from '@bangfu/shared';
import { familyLinkEntity } from '../db/entities.js';
import { cancellationReasons, isConditionFailed } from '../db/errors.js';
import { queryAll } from '../db/paging.js';
import { keys, TTL_ATTRIBUTE } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { Conflict, NotFound } from '../errors.js';
import type { ActingClaim } from '../auth/tokens.js';
import { auditItem } from '../registry/audit.js';
import { familyActItem, type NewAct } from './actRepository.js';

/** A link as stored: both accounts, both names, and the acting version its sessions carry. */
export interface LinkRecord extends Omit<FamilyLink, 'workerName'> {
  workerUserId: string;
  workerName: string;
  helperUserId: string;
  /** Raised by every start and stop of acting: an acting token names the version it was issued at. */
  actVersion: number;
  endedAt?: string;
  endedBy?: 'worker' | 'helper';
}

export interface Invitation {
  code: string;
  workerUserId: string;
  workerName: string;
  until: string;
  usedAt?: string;
}

export const linkNotFound = () => new NotFound('没有这个亲情服务', 'No such family link of yours.', 'params.linkId');
export const invitationNotValid = () =>
  new Conflict(
    '邀请码不对，或已经用过、已过期。请让家人重新生成邀请码。',
    'The invitation code is wrong, used or expired.',
    'body.code',
  );
export const changedMeanwhile = () =>
  new Conflict('亲情服务刚刚有了变化，请刷新后再看', 'The link changed meanwhile; reload.', 'params.linkId');

const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const addMs = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** `f_`, the base64url of the worker's account id, a dot and 128 random bits. */
export function newLinkId(workerUserId: string): string {
  return `f_${Buffer.from(workerUserId).toString('base64url')}.${randomBytes(16).toString('hex')}`;
}

/** The worker's account a link id names, or undefined for an id we never made. */
export function workerUserIdOfLink(linkId: string): string | undefined {
  const match = /^f_([A-Za-z0-9_-]{1,200})\.[0-9a-f]{32}$/.exec(linkId);
  if (!match) return undefined;
  const userId = Buffer.from(match[1]!, 'base64url').toString('utf8');
  return userId && Buffer.from(userId).toString('base64url') === match[1] ? userId : undefined;
}

function toLink(item: Record<string, unknown>): LinkRecord {
  const optional = (name: string) => (typeof item[name] === 'string' ? { [name]: item[name] as string } : {});
  return {
    linkId: String(item.linkId),
    status: item.status as FamilyLinkStatus,
    workerUserId: String(item.workerUserId),
    workerName: String(item.workerName),
    helperUserId: String(item.helperUserId),
    helperName: String(item.helperName),
    relation: item.relation as FamilyRelation,
    helperVerified: item.helperVerified === true,
    createdAt: String(item.createdAt),
    actVersion: Number(item.actVersion ?? 0),
    ...optional('pendingUntil'),
    ...optional('confirmedAt'),
    ...optional('lastActedAt'),
    ...optional('endedAt'),
    ...(item.endedBy === 'worker' || item.endedBy === 'helper' ? { endedBy: item.endedBy } : {}),
  };
}

/** The family member of a link, as the acts they do name them. */
export const helperOf = (link: LinkRecord): ProxyRef => ({
  userId: link.helperUserId,
  name: link.helperName,
  relation: link.relation,
});

/** Live: active, or pending and not yet lapsed (TTL deletes lapsed ones only some time after). */
export const isLive = (link: LinkRecord, now: Date) =>
  link.status === 'active' || (link.status === 'pending' && (link.pendingUntil ?? '') > now.toISOString());

export function createLinkRepository({ db, tableName }: TableRef) {
  async function get(linkId: string): Promise<LinkRecord | undefined> {
    const workerUserId = workerUserIdOfLink(linkId);
    if (!workerUserId) return undefined;
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.familyLink(workerUserId, linkId), ConsistentRead: true }),
    );
    return Item ? toLink(Item) : undefined;
  }

  const circleUpdate = (userId: string, set: 'helperIds' | 'helpingIds', member: string, add: boolean, max: number) => ({
    Update: {
      TableName: tableName,
      Key: keys.familyCircle(userId),
      UpdateExpression: `${add ? 'ADD' : 'DELETE'} #set :member`,
      ...(add ? { ConditionExpression: 'attribute_not_exists(#set) OR (size(#set) < :max AND NOT contains(#set, :id))' } : {}),
      ExpressionAttributeNames: { '#set': set },
      ExpressionAttributeValues: { ':member': new Set([member]), ...(add ? { ':max': max, ':id': member } : {}) },
    },
  });

  /** An act of the link's family member on the worker's list, written in the same transaction as what it records. */
  const actPut = (link: LinkRecord, act: NewAct) => ({
    Put: { TableName: tableName, Item: familyActItem(link.workerUserId, { linkId: link.linkId, helper: helperOf(link) }, act) },
  });

  /** The family member's live links (ended ones leave the index; few: MAX_HELPING active). */
  async function liveOfHelper(helperUserId: string, now = new Date()): Promise<LinkRecord[]> {
    const { Items = [] } = await db.send(
      new QueryCommand({ TableName: tableName, ...familyLinkEntity.ofHelper(helperUserId), ScanIndexForward: false }),
    );
    return Items.map(toLink).filter((link) => isLive(link, now));
  }

  /** Every acting session of the link ends: its acting version goes up (only its family member's doing). */
  async function stopActing(link: LinkRecord): Promise<void> {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.familyLink(link.workerUserId, link.linkId),
          UpdateExpression: 'ADD actVersion :one',
          ConditionExpression: 'helperUserId = :helper',
          ExpressionAttributeValues: { ':one': 1, ':helper': link.helperUserId },
        }),
      );
    } catch (error) {
      if (isConditionFailed(error)) throw changedMeanwhile();
      throw error;
    }
  }

  return {
    get,
    liveOfHelper,
    stopActing,

    /** A new code (eight digits, not one still in use), good for half an hour. */
    async invite(worker: { userId: string; name: string }, now = new Date()): Promise<Invitation> {
      const until = addMs(now, INVITATION_MINUTES * 60_000);
      for (;;) {
        const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
        const invitation: Invitation = { code, workerUserId: worker.userId, workerName: worker.name, until };
        try {
          await db.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...keys.familyInvitation(code),
                type: 'familyInvitation',
                ...invitation,
                [TTL_ATTRIBUTE]: epochSeconds(until),
              },
              // A code still in use is never handed out twice; a lapsed one not yet deleted may be.
              ConditionExpression: 'attribute_not_exists(pk) OR #until < :now',
              ExpressionAttributeNames: { '#until': 'until' },
              ExpressionAttributeValues: { ':now': now.toISOString() },
            }),
          );
          return invitation;
        } catch (error) {
          if (!isConditionFailed(error)) throw error;
        }
      }
    },

    /** The invitation of a code while it can still be used. */
    async invitation(code: string, now = new Date()): Promise<Invitation | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.familyInvitation(code), ConsistentRead: true }),
      );
      if (!Item || Item.usedAt !== undefined || String(Item.until) <= now.toISOString()) return undefined;
      return { code, workerUserId: String(Item.workerUserId), workerName: String(Item.workerName), until: String(Item.until) };
    },

    /**
     * The code used (once: two accepting it at once make one link) and the link made, awaiting
     * the worker's 同意 until it lapses.
     */
    async accept(
      invitation: Invitation,
      helper: { userId: string; name: string; verified: boolean; relation: FamilyRelation },
      now = new Date(),
    ): Promise<LinkRecord> {
      const pendingUntil = addMs(now, PENDING_HOURS * 3600_000);
      const link: LinkRecord = {
        linkId: newLinkId(invitation.workerUserId),
        status: 'pending',
        workerUserId: invitation.workerUserId,
        workerName: invitation.workerName,
        helperUserId: helper.userId,
        helperName: helper.name,
        relation: helper.relation,
        helperVerified: helper.verified,
        createdAt: now.toISOString(),
        pendingUntil,
        actVersion: 0,
      };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.familyInvitation(invitation.code),
                  UpdateExpression: 'SET usedAt = :now, usedBy = :helper',
                  ConditionExpression: 'workerUserId = :worker AND attribute_not_exists(usedAt) AND #until > :now',
                  ExpressionAttributeNames: { '#until': 'until' },
                  ExpressionAttributeValues: {
                    ':now': now.toISOString(),
                    ':helper': helper.userId,
                    ':worker': invitation.workerUserId,
                  },
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...keys.familyLink(link.workerUserId, link.linkId),
                    type: 'familyLink',
                    ...link,
                    ...familyLinkEntity.indexes(link),
                    // Never agreed to: gone some time after it lapses.
                    [TTL_ATTRIBUTE]: epochSeconds(pendingUntil),
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') throw invitationNotValid();
        throw error;
      }
      return link;
    },

    /** The worker's live links (few: at most MAX_HELPERS active, and those awaiting their 同意). */
    async liveOfWorker(workerUserId: string, now = new Date()): Promise<LinkRecord[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: '#status <> :ended',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':pk': keys.familyLink(workerUserId, '').pk,
          ':prefix': keys.familyLinkPrefix(),
          ':ended': 'ended',
        },
        ConsistentRead: true,
      });
      return items.map(toLink).filter((link) => isLive(link, now));
    },

    /**
     * The worker's 同意: the link active (from pending, before it lapses) and both circles joined,
     * each under its limit and not joined already, and on the worker's acts list — all or nothing.
     */
    async confirm(link: LinkRecord, now = new Date()): Promise<LinkRecord> {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.familyLink(link.workerUserId, link.linkId),
                  UpdateExpression: `SET #status = :active, confirmedAt = :now REMOVE pendingUntil, ${TTL_ATTRIBUTE}`,
                  ConditionExpression: '#status = :pending AND pendingUntil > :now',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':active': 'active', ':pending': 'pending', ':now': now.toISOString() },
                },
              },
              circleUpdate(link.workerUserId, 'helperIds', link.helperUserId, true, MAX_HELPERS),
              circleUpdate(link.helperUserId, 'helpingIds', link.workerUserId, true, MAX_HELPING),
              actPut(link, { id: `linked#${link.linkId}`, at: now.toISOString(), kind: 'linked' }),
            ],
          }),
        );
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (reasons?.[0] === 'ConditionalCheckFailed') {
          throw new Conflict('这个请求已经处理过或已过期，请让家人重新输入邀请码', 'Not awaiting agreement.', 'params.linkId');
        }
        if (reasons?.[1] === 'ConditionalCheckFailed') {
          throw new Conflict(
            `最多 ${MAX_HELPERS} 位家人帮您办事。要换人，请先结束一位。`,
            'The worker has as many helpers as allowed.',
            'params.linkId',
          );
        }
        if (reasons?.[2] === 'ConditionalCheckFailed') {
          throw new Conflict(
            `TA 已经在帮 ${MAX_HELPING} 个人办事了，不能再多。`,
            'The family member helps as many people as allowed.',
            'params.linkId',
          );
        }
        throw error;
      }
      const { pendingUntil: _, ...rest } = link;
      return { ...rest, status: 'active', confirmedAt: now.toISOString() };
    },

    /**
     * Ends a live link, from the status read: an active one leaves both circles in the same
     * write, with the ending on the worker's acts list; acting tokens of it fail from the next
     * request (they need it active).
     */
    async end(link: LinkRecord, by: 'worker' | 'helper', what: string, now = new Date()): Promise<void> {
      const ended = {
        Update: {
          TableName: tableName,
          Key: keys.familyLink(link.workerUserId, link.linkId),
          UpdateExpression: `SET #status = :ended, endedAt = :now, endedBy = :by REMOVE ${familyLinkEntity.attributeNames}, ${TTL_ATTRIBUTE}`,
          ConditionExpression: '#status = :seen',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':ended': 'ended', ':now': now.toISOString(), ':by': by, ':seen': link.status },
        },
      };
      const circles =
        link.status === 'active'
          ? [
              circleUpdate(link.workerUserId, 'helperIds', link.helperUserId, false, MAX_HELPERS),
              circleUpdate(link.helperUserId, 'helpingIds', link.workerUserId, false, MAX_HELPING),
            ]
          : [];
      try {
        const act = actPut(link, { id: `ended#${link.linkId}`, at: now.toISOString(), kind: 'ended', what });
        await db.send(new TransactWriteCommand({ TransactItems: [ended, ...circles, act] }));
      } catch (error) {
        if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') throw changedMeanwhile();
        throw error;
      }
    },

    /**
     * A new acting session of the link's family member: the link's acting version one more than the
     * one read (so the sessions before end), while it is active — with the session on the worker's
     * acts list and on their record's trail (个人信息使用记录), all in one write, before any token
     * is issued. The new version.
     */
    async startActing(link: LinkRecord, helper: Principal, workerId: string, now = new Date()): Promise<number> {
      const next = link.actVersion + 1;
      const who = `家人 ${familyMemberText(helperOf(link))}`;
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.familyLink(link.workerUserId, link.linkId),
                  UpdateExpression: 'SET actVersion = :next, lastActedAt = :now',
                  ConditionExpression: 'helperUserId = :helper AND #status = :active AND actVersion = :seen',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: {
                    ':next': next,
                    ':now': now.toISOString(),
                    ':helper': link.helperUserId,
                    ':active': 'active',
                    ':seen': link.actVersion,
                  },
                },
              },
              actPut(link, { at: now.toISOString(), kind: 'acting' }),
              {
                Put: {
                  TableName: tableName,
                  Item: { ...auditItem(helper, workerId, 'familyActing', `${who}开始帮您办事`), actorOffice: who },
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') throw changedMeanwhile();
        throw error;
      }
      return next;
    },

    /**
     * Every acting session of a family member ends (their logout, or staff ending their sessions
     * for a lost phone): acting tokens outlive neither.
     */
    async stopAllActingOf(helperUserId: string): Promise<void> {
      const links = await liveOfHelper(helperUserId);
      await Promise.all(links.filter((link) => link.status === 'active').map(stopActing));
    },

    /**
     * Who an acting token may still act as: its link active, for the same family member, at the
     * same acting version. One consistent GetItem of the fields that decide it.
     */
    async actingProxy(workerUserId: string, acting: ActingClaim): Promise<PrincipalProxy | undefined> {
      if (workerUserIdOfLink(acting.linkId) !== workerUserId) return undefined;
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.familyLink(workerUserId, acting.linkId),
          ConsistentRead: true,
          ProjectionExpression: '#status, helperUserId, helperName, #relation, actVersion',
          ExpressionAttributeNames: { '#status': 'status', '#relation': 'relation' },
        }),
      );
      if (
        Item?.status !== 'active' ||
        Item.helperUserId !== acting.helperUserId ||
        Number(Item.actVersion ?? 0) !== acting.actVersion
      ) {
        return undefined;
      }
      return {
        userId: acting.helperUserId,
        name: String(Item.helperName),
        relation: Item.relation as FamilyRelation,
        linkId: acting.linkId,
      };
    },
  };
}

export type LinkRepository = ReturnType<typeof createLinkRepository>;
