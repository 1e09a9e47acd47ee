/**
 * What 帮扶码 keep in the table: each worker's code version, the scans (who scanned whom and
 * what they may do with it, for half an hour), employers' requests awaiting the worker's
 * answer, and the worker's consents to employers. Requests and scans expire by TTL.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CONSENT_REQUEST_MINUTES, SCAN_MINUTES, shareEndsAt, type Principal } from '@bangfu/shared';
import { batchGet } from '../db/batchGet.js';
import { batchPut } from '../db/batchWrite.js';
import { shareEntity } from '../db/entities.js';
import { cancellationReasons } from '../db/errors.js';
import { queryPage } from '../db/paging.js';
import { keys, TTL_ATTRIBUTE } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { Conflict, NotFound, notFound } from '../errors.js';
import { auditItem } from '../registry/audit.js';
import type { WorkerItem } from '../registry/workerRepository.js';
import { serviceSummaryOf } from '../matching/matchRepository.js';

/** What a scan let its scanner see and do. */
export type ScanView = 'card' | 'desk' | 'consent';

export interface ScanRecord {
  scanId: string;
  workerId: string;
  actorId: string;
  view: ScanView;
  /** The employer that scanned, and its request to the worker. */
  employerId?: string;
  requestId?: string;
  at: string;
  until: string;
}

export interface ConsentRequest {
  requestId: string;
  workerId: string;
  employerId: string;
  employerName: string;
  scanId: string;
  until: string;
  answer?: 'agree' | 'refuse';
}

export interface Share {
  shareId: string;
  workerId: string;
  employerId: string;
  employerName: string;
  at: string;
  endsAt: string;
  withdrawnAt?: string;
}

export const scanNotFound = () =>
  notFound('没有这次扫码，或已超过 30 分钟，请重新扫码', 'No such scan of yours, or it has lapsed.');
export const requestNotFound = () =>
  new NotFound('这个请求已经过期或处理过了', 'No such request awaiting an answer.', 'params.requestId');
export const shareNotFound = () => new NotFound('没有这个授权', 'No such consent of yours.', 'params.shareId');

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
const minutesAfter = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);

export function createCodeRepository({ db, tableName }: TableRef) {
  return {
    /** The worker's code version (0 until they first renew). */
    async codeVersion(workerId: string): Promise<number> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.workerCode(workerId) }));
      return Number(Item?.codeVersion ?? 0);
    },

    /**
     * What a scan reads about the worker, in one request: the record, its code version and the
     * year's "311" counts (all beside each other in the worker's partition).
     */
    async scanSubject(workerId: string, year: string) {
      const wanted = [keys.worker(workerId), keys.workerCode(workerId), keys.serviceSummary(workerId, year)];
      const items = await batchGet({ db, tableName }, wanted);
      const find = (key: { sk: string }) => items.find((item) => item.sk === key.sk);
      return {
        worker: find(wanted[0]!) as WorkerItem | undefined,
        codeVersion: Number(find(wanted[1]!)?.codeVersion ?? 0),
        services: serviceSummaryOf(find(wanted[2]!), workerId, year),
      };
    },

    /** 换码: every earlier code stops working; on the worker's trail. */
    async renew(workerId: string, principal: Principal): Promise<number> {
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.workerCode(workerId),
          UpdateExpression: 'ADD codeVersion :one SET workerId = :w',
          ExpressionAttributeValues: { ':one': 1, ':w': workerId },
          ReturnValues: 'ALL_NEW',
        }),
      );
      await db.send(new PutCommand({ TableName: tableName, Item: auditItem(principal, workerId, 'codeRenewed', '本人换码') }));
      return Number(Attributes!.codeVersion);
    },

    /**
     * A scan, written with its entry on the worker's trail (what is shown was recorded first); an
     * employer's scan without consent also leaves the worker a request.
     */
    async recordScan(
      scan: { workerId: string; view: ScanView; employer?: { employerId: string; name: string } },
      principal: Principal,
      reason: string,
      now = new Date(),
    ): Promise<ScanRecord & { requestUntil?: string }> {
      const scanId = `s_${randomUUID()}`;
      const until = minutesAfter(now, SCAN_MINUTES);
      const requestId = scan.view === 'consent' ? `q_${randomUUID()}` : undefined;
      const requestUntil = minutesAfter(now, CONSENT_REQUEST_MINUTES);
      const record: ScanRecord = {
        scanId,
        workerId: scan.workerId,
        actorId: principal.userId,
        view: scan.view,
        ...(scan.employer ? { employerId: scan.employer.employerId } : {}),
        ...(requestId ? { requestId } : {}),
        at: now.toISOString(),
        until: until.toISOString(),
      };
      const audit = {
        ...auditItem(principal, scan.workerId, 'scan', reason),
        ...(scan.employer ? { actorOffice: scan.employer.name } : {}),
      };
      // New items only, none conditional: one batch (cheaper than a transaction), written before anything is shown.
      await batchPut({ db, tableName }, [
        { ...keys.scan(scanId), type: 'scan', ...record, [TTL_ATTRIBUTE]: epochSeconds(until) },
        audit,
        ...(requestId && scan.employer
          ? [
              {
                ...keys.consentRequest(scan.workerId, requestId),
                type: 'consentRequest',
                requestId,
                workerId: scan.workerId,
                employerId: scan.employer.employerId,
                employerName: scan.employer.name,
                scanId,
                until: requestUntil.toISOString(),
                [TTL_ATTRIBUTE]: epochSeconds(requestUntil),
              },
            ]
          : []),
      ]);
      return requestId ? { ...record, requestUntil: requestUntil.toISOString() } : record;
    },

    /** A code that was genuine but no longer works (expired, renewed): on the trail, so the worker sees the attempt. */
    async recordRefusedScan(workerId: string, principal: Principal, reason: string): Promise<void> {
      await db.send(new PutCommand({ TableName: tableName, Item: auditItem(principal, workerId, 'scanRefused', reason) }));
    },

    /** A scan still within its half hour (TTL deletes lazily, so the time is checked here too). */
    async scan(scanId: string, now = new Date()): Promise<ScanRecord | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.scan(scanId) }));
      if (!Item || String(Item.until) <= now.toISOString()) return undefined;
      return toScan(Item);
    },

    /** Requests awaiting the worker's answer, newest first. */
    async openRequests(workerId: string, now = new Date()): Promise<ConsentRequest[]> {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          FilterExpression: '#until > :now AND attribute_not_exists(answer)',
          ExpressionAttributeNames: { '#until': 'until' },
          ExpressionAttributeValues: {
            ':pk': keys.workerCode(workerId).pk,
            ':prefix': keys.consentRequestPrefix(),
            ':now': now.toISOString(),
          },
        }),
      );
      return Items.map(toRequest).sort((a, b) => b.until.localeCompare(a.until));
    },

    async request(workerId: string, requestId: string): Promise<ConsentRequest | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.consentRequest(workerId, requestId) }));
      return Item ? toRequest(Item) : undefined;
    },

    /**
     * The worker's answer, once, while the request lasts: an agreement writes the consent
     * (replacing an earlier one to the same employer) and its entry on the trail together.
     */
    async answer(
      request: ConsentRequest,
      answer: 'agree' | 'refuse',
      principal: Principal,
      now = new Date(),
    ): Promise<Share | undefined> {
      const answered = {
        Update: {
          TableName: tableName,
          Key: keys.consentRequest(request.workerId, request.requestId),
          UpdateExpression: 'SET answer = :answer, answeredAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(answer) AND #until > :now',
          ExpressionAttributeNames: { '#until': 'until' },
          ExpressionAttributeValues: { ':answer': answer, ':now': now.toISOString() },
        },
      };
      const share: Share | undefined =
        answer === 'agree'
          ? {
              shareId: `h_${randomUUID()}`,
              workerId: request.workerId,
              employerId: request.employerId,
              employerName: request.employerName,
              at: now.toISOString(),
              endsAt: shareEndsAt(now).toISOString(),
            }
          : undefined;
      const endsOn = share?.endsAt.slice(0, 10);
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              answered,
              ...(share
                ? [
                    {
                      Put: {
                        TableName: tableName,
                        Item: {
                          ...keys.share(share.workerId, share.employerId),
                          ...shareEntity.indexes(share),
                          type: 'share',
                          ...share,
                        },
                      },
                    },
                    {
                      Put: {
                        TableName: tableName,
                        Item: {
                          ...auditItem(
                            principal,
                            request.workerId,
                            'share',
                            `您同意「${request.employerName}」查看您的信息，至 ${endsOn}`,
                          ),
                          actorOffice: request.employerName,
                          shareId: share.shareId,
                          shareEndsAt: share.endsAt,
                        },
                      },
                    },
                  ]
                : []),
            ],
          }),
        );
      } catch (error) {
        if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') throw requestNotFound();
        throw error;
      }
      return share;
    },

    /** The worker's consent to an employer, if one is in force now. */
    async activeShare(workerId: string, employerId: string, now = new Date()): Promise<Share | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.share(workerId, employerId) }));
      if (!Item) return undefined;
      const share = toShare(Item);
      return share.withdrawnAt === undefined && share.endsAt > now.toISOString() ? share : undefined;
    },

    /** Every consent the worker gave (one per employer, the latest), for 个人信息使用记录. */
    async sharesOf(workerId: string): Promise<Share[]> {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.workerCode(workerId).pk, ':prefix': keys.sharePrefix() },
        }),
      );
      return Items.map(toShare);
    },

    /** The consents in force given to an employer, the latest first, a page at a time. */
    async sharesWith(employerId: string, page: { cursor?: string | undefined; limit: number }, now = new Date()) {
      const { items, nextCursor } = await queryPage(
        db,
        { TableName: tableName, ...shareEntity.inForceWith(employerId, now.toISOString()), ScanIndexForward: false },
        page,
      );
      return { shares: items.map(toShare), ...(nextCursor ? { nextCursor } : {}) };
    },

    /** Withdraws a consent (once); the employer sees nothing more from then on. */
    async withdraw(share: Share, principal: Principal, now = new Date()): Promise<void> {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.share(share.workerId, share.employerId),
                  UpdateExpression: `SET withdrawnAt = :now REMOVE ${shareEntity.attributeNames}`,
                  ConditionExpression: 'shareId = :id AND attribute_not_exists(withdrawnAt)',
                  ExpressionAttributeValues: { ':now': now.toISOString(), ':id': share.shareId },
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...auditItem(principal, share.workerId, 'shareWithdrawn', `您收回了对「${share.employerName}」的授权`),
                    actorOffice: share.employerName,
                  },
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed')
          throw new Conflict('这个授权已经收回或被新的授权代替', 'Already withdrawn or replaced.', 'params.shareId');
        throw error;
      }
    },
  };
}

export type CodeRepository = ReturnType<typeof createCodeRepository>;

function toScan(item: Record<string, unknown>): ScanRecord {
  return {
    scanId: String(item.scanId),
    workerId: String(item.workerId),
    actorId: String(item.actorId),
    view: item.view as ScanView,
    ...(item.employerId ? { employerId: String(item.employerId) } : {}),
    ...(item.requestId ? { requestId: String(item.requestId) } : {}),
    at: String(item.at),
    until: String(item.until),
  };
}

function toRequest(item: Record<string, unknown>): ConsentRequest {
  return {
    requestId: String(item.requestId),
    workerId: String(item.workerId),
    employerId: String(item.employerId),
    employerName: String(item.employerName),
    scanId: String(item.scanId),
    until: String(item.until),
    ...(item.answer ? { answer: item.answer as 'agree' | 'refuse' } : {}),
  };
}

function toShare(item: Record<string, unknown>): Share {
  return {
    shareId: String(item.shareId),
    workerId: String(item.workerId),
    employerId: String(item.employerId),
    employerName: String(item.employerName),
    at: String(item.at),
    endsAt: String(item.endsAt),
    ...(item.withdrawnAt ? { withdrawnAt: String(item.withdrawnAt) } : {}),
  };
}
