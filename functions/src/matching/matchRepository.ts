/**
 * What matching remembers: pushes (为你推荐), positions a worker said are not for them,
 * and the "311" services each worker got in a year with their counts.
 *
 * A push is one transaction of three items: the push itself (once per worker and
 * position, ever), the position's counter for the month (held under its capacity, and
 * the non-relocated share under capacity − reserved), and the worker's yearly summary.
 * So a re-run, a retry or two shards at once can never push twice or past capacity.
 */
import { BatchGetCommand, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { chinaMonth, isService311, type FactorScore, type ProxyRef, type Service311Kind, type ServiceKind } from '@bangfu/shared';
import { cancellationReasons, isConditionFailed } from '../db/errors.js';
import { queryAll, queryPage } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import type { NoticeOutcome } from './subscribeMessage.js';

/** "311": job recommendations, career guidance, training offers (file 001 item 11). */

export interface StoredPush {
  workerId: string;
  positionId: string;
  month: string;
  score: number;
  reason: string;
  factors: FactorScore[];
  at: string;
  /** How the WeChat subscribe message went (noAccount: the worker never logged in through WeChat). */
  notified?: NoticeOutcome | 'noAccount';
  appliedAt?: string;
  hiredAt?: string;
}

export interface ServiceSummary {
  workerId: string;
  year: string;
  jobRecommendation: number;
  careerGuidance: number;
  trainingOffer: number;
  /** The latest month a job was recommended: "covered" that month. */
  lastRecommendedMonth?: string;
  /** Applications and hires that followed a recommendation. */
  appliedAfterRecommendation: number;
  hiredAfterRecommendation: number;
}

export type PushOutcome = 'pushed' | 'alreadyPushed' | 'full';

const BATCH_GET = 100;

/** A worker's yearly "311" counts from their stored summary (zeros before the first service). */
export function serviceSummaryOf(item: Record<string, unknown> | undefined, workerId: string, year: string): ServiceSummary {
  return {
    workerId,
    year,
    jobRecommendation: Number(item?.jobRecommendation ?? 0),
    careerGuidance: Number(item?.careerGuidance ?? 0),
    trainingOffer: Number(item?.trainingOffer ?? 0),
    appliedAfterRecommendation: Number(item?.appliedAfterRecommendation ?? 0),
    hiredAfterRecommendation: Number(item?.hiredAfterRecommendation ?? 0),
    ...(item?.lastRecommendedMonth ? { lastRecommendedMonth: String(item.lastRecommendedMonth) } : {}),
  };
}

export function createMatchRepository({ db, tableName }: TableRef) {
  /** Adds one to a yearly count (and notes the month for recommendations), in a transaction item. */
  const countService = (workerId: string, year: string, kind: Service311Kind, month?: string) => ({
    Update: {
      TableName: tableName,
      Key: keys.serviceSummary(workerId, year),
      UpdateExpression: `SET #type = :type, workerId = :w, #year = :year${month ? ', lastRecommendedMonth = :month' : ''} ADD #kind :one`,
      ExpressionAttributeNames: { '#type': 'type', '#year': 'year', '#kind': kind },
      ExpressionAttributeValues: {
        ':type': 'serviceSummary',
        ':w': workerId,
        ':year': year,
        ':one': 1,
        ...(month ? { ':month': month } : {}),
      },
    },
  });

  /** Marks the push that led here (applied or hired) and counts it once; nothing when there was none. */
  async function follow(workerId: string, positionId: string, step: 'appliedAt' | 'hiredAt', at: Date): Promise<boolean> {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.push(workerId, positionId) }));
    if (!Item) return false;
    const year = String(Item.month).slice(0, 4);
    try {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: keys.push(workerId, positionId),
                UpdateExpression: 'SET #step = :at',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#step)',
                ExpressionAttributeNames: { '#step': step },
                ExpressionAttributeValues: { ':at': at.toISOString() },
              },
            },
            {
              Update: {
                TableName: tableName,
                Key: keys.serviceSummary(workerId, year),
                UpdateExpression: 'ADD #count :one',
                ExpressionAttributeNames: {
                  '#count': step === 'appliedAt' ? 'appliedAfterRecommendation' : 'hiredAfterRecommendation',
                },
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return false; // counted before
      throw error;
    }
  }

  return {
    /** Every position ever pushed to the worker (a bounded set: a few a month). */
    async pushesOf(workerId: string): Promise<StoredPush[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `WORKER#${workerId}`, ':prefix': keys.pushPrefix() },
      });
      return items.map(({ pk: _pk, sk: _sk, type: _type, ...push }) => push as unknown as StoredPush);
    },

    /**
     * Pushes a position to a worker unless it was pushed to them before or the month's
     * capacity is used up (for a non-relocated worker: capacity less the reserved slots).
     */
    async push(
      push: Omit<StoredPush, 'at' | 'notified'>,
      limits: { capacity: number; reserved: number; relocated: boolean },
      now = new Date(),
    ): Promise<PushOutcome> {
      const at = now.toISOString();
      const open = limits.relocated ? limits.capacity : limits.capacity - limits.reserved;
      if (open <= 0) return 'full';
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...keys.push(push.workerId, push.positionId), type: 'push', ...push, at },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: keys.pushCapacity(push.positionId, push.month),
                  UpdateExpression: limits.relocated ? 'ADD pushed :one' : 'ADD pushed :one, nonRelocated :one',
                  ConditionExpression: limits.relocated
                    ? '(attribute_not_exists(pushed) OR pushed < :capacity)'
                    : '(attribute_not_exists(pushed) OR pushed < :capacity) AND (attribute_not_exists(nonRelocated) OR nonRelocated < :open)',
                  ExpressionAttributeValues: {
                    ':one': 1,
                    ':capacity': limits.capacity,
                    ...(limits.relocated ? {} : { ':open': open }),
                  },
                },
              },
              countService(push.workerId, push.month.slice(0, 4), 'jobRecommendation', push.month),
            ],
          }),
        );
        return 'pushed';
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (reasons?.[0] === 'ConditionalCheckFailed') return 'alreadyPushed';
        if (reasons?.[1] === 'ConditionalCheckFailed') return 'full';
        throw error;
      }
    },

    /** Records how the subscribe message for a push went. */
    async noted(workerId: string, positionId: string, notified: NonNullable<StoredPush['notified']>): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.push(workerId, positionId),
          UpdateExpression: 'SET notified = :notified',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':notified': notified },
        }),
      );
    },

    /** How many workers a position was pushed to in a month. */
    async pushedCount(positionId: string, month: string): Promise<number> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.pushCapacity(positionId, month), ConsistentRead: true }),
      );
      return typeof Item?.pushed === 'number' ? Item.pushed : 0;
    },

    /** The worker applied to, or was hired for, a position recommended to them: counted once each. */
    followedByApplication: (workerId: string, positionId: string, at = new Date()) =>
      follow(workerId, positionId, 'appliedAt', at),
    followedByHire: (workerId: string, positionId: string, at = new Date()) => follow(workerId, positionId, 'hiredAt', at),

    /**
     * The worker said no to a recommended position (不感兴趣), by a family member acting for them
     * when `proxy` is given. Said once: a retry or a second 不感兴趣 keeps the first, whose time
     * and proxy come back, so the act it records on the worker's list is the same item again.
     */
    async dismiss(
      workerId: string,
      positionId: string,
      proxy?: ProxyRef,
      now = new Date(),
    ): Promise<{ at: string; proxy?: ProxyRef }> {
      const said = { at: now.toISOString(), ...(proxy ? { proxy } : {}) };
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.dismissal(workerId, positionId), type: 'dismissal', positionId, ...said },
            ConditionExpression: 'attribute_not_exists(pk)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return said;
      } catch (error) {
        if (!isConditionFailed(error) || !error.Item) throw error;
        const { at, proxy: by } = error.Item as { at: string; proxy?: ProxyRef };
        return { at, ...(by ? { proxy: by } : {}) };
      }
    },

    async dismissed(workerId: string): Promise<Set<string>> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.worker(workerId).pk, ':prefix': keys.dismissalPrefix() },
        // Only the ids: a worker may have said no to hundreds, and every open of 为你推荐 reads them.
        ProjectionExpression: 'positionId',
      });
      return new Set(items.map((item) => String(item.positionId)));
    },

    /** Staff record a service given (guidance, a training offer, a job recommended in person). */
    async recordService(
      workerId: string,
      service: { kind: ServiceKind; note: string; by: string; positionId?: string; byOffice?: string; viaScan?: string },
      now = new Date(),
    ): Promise<{ serviceId: string; at: string }> {
      const at = now.toISOString();
      const serviceId = crypto.randomUUID();
      // The year and month as China counts them: a service at 07:00 on 1 January is the new year's.
      const month = chinaMonth(now);
      const year = month.slice(0, 4);
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...keys.service(workerId, year, at, serviceId), type: 'service', serviceId, workerId, at, ...service },
              },
            },
            // Only the "311" services count toward 3/1/1.
            ...(isService311(service.kind)
              ? [countService(workerId, year, service.kind, service.kind === 'jobRecommendation' ? month : undefined)]
              : []),
          ],
        }),
      );
      return { serviceId, at };
    },

    /** A page of the "311" services a worker got in a year, newest first. */
    async services(workerId: string, year: string, page: { limit: number; cursor?: string | undefined }) {
      const { items, nextCursor } = await queryPage(
        db,
        {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.worker(workerId).pk, ':prefix': keys.servicePrefix(year) },
          ScanIndexForward: false,
        },
        page,
      );
      const services = items.map((item) => ({
        serviceId: String(item.serviceId),
        kind: item.kind as ServiceKind,
        note: String(item.note),
        by: String(item.by),
        at: String(item.at),
        ...(item.positionId ? { positionId: String(item.positionId) } : {}),
        ...(item.byOffice ? { byOffice: String(item.byOffice) } : {}),
      }));
      return { services, ...(nextCursor ? { nextCursor } : {}) };
    },

    /** The yearly "311" counts of many workers (zeros for those with none yet). */
    async summaries(workerIds: readonly string[], year: string): Promise<Map<string, ServiceSummary>> {
      const found = new Map<string, ServiceSummary>();
      for (let i = 0; i < workerIds.length; i += BATCH_GET) {
        let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
          [tableName]: { Keys: workerIds.slice(i, i + BATCH_GET).map((id) => keys.serviceSummary(id, year)) },
        };
        while (request && Object.keys(request).length > 0) {
          const result = await db.send(new BatchGetCommand({ RequestItems: request }));
          for (const item of result.Responses?.[tableName] ?? []) {
            found.set(String(item.workerId), serviceSummaryOf(item, String(item.workerId), year));
          }
          request = result.UnprocessedKeys as typeof request;
        }
      }
      for (const workerId of workerIds) {
        if (!found.has(workerId)) found.set(workerId, serviceSummaryOf(undefined, workerId, year));
      }
      return found;
    },
  };
}

export type MatchRepository = ReturnType<typeof createMatchRepository>;
