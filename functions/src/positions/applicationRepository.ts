/**
 * Applications: one per worker and position (a second tap returns the first), the
 * employer's decision on the status it saw, and the hire — the filled count, the
 * application and the worker's month written in one transaction, so a position
 * never takes more people than its headcount however many confirm at once.
 */
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  applicationSchema,
  chinaMonth,
  type Application,
  type ApplicationStatus,
  type EmploymentInput,
  type EmploymentRecord,
  type LatLng,
  type ProxyRef,
} from '@bangfu/shared';
import { cancellationReasons, isConditionFailed } from '../db/errors.js';
import { applicationEntity } from '../db/entities.js';
import { queryAll, queryPage } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { Conflict, NotFound } from '../errors.js';
import { raisePositionsEpoch } from './positionsEpoch.js';
import type { EmploymentRepository, EmploymentWorker } from '../registry/employmentRepository.js';

export function applicationItem(application: Application) {
  return {
    ...keys.application(application.positionId, application.workerId),
    type: 'application',
    ...application,
    ...applicationEntity.indexes(application),
  };
}

const toApplication = (item: Record<string, unknown>): Application => applicationSchema.parse(item);

export const applicationNotFound = () => new NotFound('没有这份报名', 'No such application.');

const stateChanged = (status: ApplicationStatus) =>
  new Conflict(
    status === 'hired' ? '这个人已经确认录用了' : '这份报名的状态已经变了，请刷新后再看',
    `The application is ${status} now.`,
  );

export const positionFull = () =>
  new Conflict('这个岗位已经招满或已停止招聘，不能再录用', 'The position is full or no longer open.');

/** Tries of a hire whose transaction met another writer (not a refusal): with jittered backoff. */
const HIRE_ATTEMPTS = 25;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * Math.min(attempt, 5)));

export function createApplicationRepository(table: TableRef, employment: EmploymentRepository) {
  const { db, tableName } = table;

  async function get(positionId: string, workerId: string): Promise<Application | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.application(positionId, workerId), ConsistentRead: true }),
    );
    return Item ? toApplication(Item) : undefined;
  }

  return {
    get,

    /** Applies once: a repeat returns the application already there. `proxy`: the family member applying (亲情服务). */
    async apply(
      positionId: string,
      workerId: string,
      userId: string,
      proxy?: ProxyRef,
    ): Promise<{ application: Application; created: boolean }> {
      const application: Application = {
        positionId,
        workerId,
        userId,
        status: 'applied',
        appliedAt: new Date().toISOString(),
        ...(proxy ? { proxy } : {}),
        version: 1,
      };
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: applicationItem(application),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return { application, created: true };
      } catch (error) {
        if (!isConditionFailed(error)) throw error;
        return { application: (await get(positionId, workerId))!, created: false };
      }
    },

    async ofPosition(positionId: string): Promise<Application[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.position(positionId).pk, ':prefix': keys.applicationPrefix() },
      });
      return items.map(toApplication).sort((a, b) => a.appliedAt.localeCompare(b.appliedAt));
    },

    /**
     * The positions a worker applied to, newest first: only the ids, since a worker may have
     * applied to hundreds and every open of 为你推荐 and every push reads them to skip.
     */
    async positionIdsOfWorker(workerId: string): Promise<string[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        ...applicationEntity.ofWorker(workerId),
        ScanIndexForward: false,
        ProjectionExpression: 'positionId',
      });
      return items.map((item) => String(item.positionId));
    },

    /** A page of a worker's applications, newest first. */
    async pageOfWorker(workerId: string, page: { limit: number; cursor?: string | undefined }) {
      const { items, nextCursor } = await queryPage(
        db,
        { TableName: tableName, ...applicationEntity.ofWorker(workerId), ScanIndexForward: false },
        page,
      );
      return { applications: items.map(toApplication), ...(nextCursor ? { nextCursor } : {}) };
    },

    /** Accept (from applied) or reject (from applied or accepted), on the status read. */
    async decide(
      application: Application,
      decision: 'accept' | 'reject',
      by: string,
      reason: string | undefined,
    ): Promise<Application> {
      const allowed: ApplicationStatus[] = decision === 'accept' ? ['applied'] : ['applied', 'accepted'];
      if (!allowed.includes(application.status)) throw stateChanged(application.status);
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.application(application.positionId, application.workerId),
            UpdateExpression: `SET #status = :next, decidedAt = :now, decidedBy = :by, #version = #version + :one${
              reason ? ', reason = :reason' : ' REMOVE reason'
            }`,
            ConditionExpression: '#status = :seen',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: {
              ':next': decision === 'accept' ? 'accepted' : 'rejected',
              ':seen': application.status,
              ':now': new Date().toISOString(),
              ':by': by,
              ':one': 1,
              ...(reason ? { ':reason': reason } : {}),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return toApplication(Attributes ?? {});
      } catch (error) {
        if (isConditionFailed(error)) throw stateChanged((await get(application.positionId, application.workerId))!.status);
        throw error;
      }
    },

    /**
     * Confirms a hire: the position's filled count goes up only while below its
     * headcount and the position is open; the application becomes hired only from
     * applied or accepted; the worker's month is recorded as employed, superseding
     * what was there. All three or none. A transaction that met another writer is
     * tried again; a refusal is final.
     */
    async hire(
      application: Application,
      /** Where the position is: a hire changes its `filled`, so the map's reads of its cell go stale (mapReads.ts). */
      location: LatLng,
      worker: EmploymentWorker,
      employmentInput: EmploymentInput,
      by: string,
      now = new Date(),
    ): Promise<{ application: Application; employment: EmploymentRecord }> {
      const month = chinaMonth(now);
      const { positionId, workerId } = application;
      for (let attempt = 1; ; attempt++) {
        const record = employment.nextRecord(
          worker,
          month,
          employmentInput,
          { source: 'employerHire', userId: by },
          await employment.standingOf(workerId, month),
        );
        try {
          await db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: tableName,
                    Key: keys.position(positionId),
                    UpdateExpression: 'SET filled = filled + :one, #version = #version + :one, updatedAt = :now',
                    ConditionExpression: '#status = :open AND filled < headcount',
                    ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                    ExpressionAttributeValues: { ':one': 1, ':open': 'open', ':now': now.toISOString() },
                  },
                },
                {
                  Update: {
                    TableName: tableName,
                    Key: keys.application(positionId, workerId),
                    UpdateExpression:
                      'SET #status = :hired, hiredAt = :now, hireMonth = :month, decidedBy = :by, decidedAt = :now, #version = #version + :one',
                    ConditionExpression: '#status IN (:applied, :accepted)',
                    ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                    ExpressionAttributeValues: {
                      ':hired': 'hired',
                      ':applied': 'applied',
                      ':accepted': 'accepted',
                      ':now': now.toISOString(),
                      ':month': month,
                      ':by': by,
                      ':one': 1,
                    },
                  },
                },
                ...employment.writeItems(record),
              ],
            }),
          );
          await Promise.all([employment.noteLatest(record), raisePositionsEpoch(table, [{ positionId, location }])]);
          return { application: (await get(positionId, workerId))!, employment: record };
        } catch (error) {
          const reasons = cancellationReasons(error);
          if (!reasons) throw error;
          if (reasons[0] === 'ConditionalCheckFailed') throw positionFull();
          if (reasons[1] === 'ConditionalCheckFailed') throw stateChanged((await get(positionId, workerId))!.status);
          if (attempt >= HIRE_ATTEMPTS) {
            throw new Conflict('同时操作的人太多，请稍后再试', 'Too many changes at once; try again.');
          }
          await pause(attempt); // another hire or a write of the same month got there first
        }
      }
    },
  };
}

export type ApplicationRepository = ReturnType<typeof createApplicationRepository>;
