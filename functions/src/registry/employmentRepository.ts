/**
 * Monthly employment records. Writing a month puts the new current record and
 * its revision in one transaction, conditional on the revision read, so two
 * writers never lose each other's history; the later one supersedes.
 */
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  employedRunAfter,
  employmentRecordSchema,
  previousMonth,
  type EmploymentInput,
  type EmploymentRecord,
  type EmploymentSource,
  type RegionLevel,
  type Worker,
} from '@bangfu/shared';
import { employmentEntity } from '../db/entities.js';
import { cancellationReasons, isConditionFailed } from '../db/errors.js';
import { queryAll, queryPage } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { Conflict, notFound, VersionConflict } from '../errors.js';

const ATTEMPTS = 4;

/** Who writes a month: the worker, an officer (and the level they serve at), or an employer's hire. */
export interface EmploymentAuthor {
  source: EmploymentSource;
  userId: string;
  level?: RegionLevel;
}

/** The person a month is recorded for: who, and what of them the month keeps for the region's figures. */
export type EmploymentWorker = Pick<Worker, 'workerId' | 'villageCode' | 'labourClass' | 'groups' | 'householdId'>;

/** What a new record of a month supersedes, and the month before it as far as its run needs. */
export interface MonthStanding {
  revision: number;
  monthBefore?: Pick<EmploymentRecord, 'status' | 'employedRun'>;
}

export function createEmploymentRepository({ db, tableName }: TableRef) {
  /** A worker's current month records (not their revisions), newest month first. */
  const monthsOf = (workerId: string) => ({
    TableName: tableName,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.worker(workerId).pk, ':prefix': keys.employmentPrefix() },
    ScanIndexForward: false,
  });

  /** Keeps the worker's latest month on the record itself, for the registry's employment filter. */
  async function noteLatest(record: EmploymentRecord): Promise<void> {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.worker(record.workerId),
          UpdateExpression: 'SET latestEmployment = :latest',
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(latestEmployment) OR latestEmployment.#month <= :month)',
          ExpressionAttributeNames: { '#month': 'month' },
          ExpressionAttributeValues: { ':latest': { month: record.month, status: record.status }, ':month': record.month },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error; // an older month never replaces a newer one
    }
  }

  /**
   * What a new record of a month builds on: the revision it supersedes (0: none) and the month
   * before (for its run of months employed), read together in one consistent Query.
   */
  async function standingOf(workerId: string, month: string): Promise<MonthStanding> {
    const before = previousMonth(month);
    const { Items = [] } = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :before AND :month',
        ExpressionAttributeValues: {
          ':pk': keys.worker(workerId).pk,
          ':before': keys.employment(workerId, before).sk,
          ':month': keys.employment(workerId, month).sk,
        },
        ProjectionExpression: '#month, revision, #status, employedRun',
        ExpressionAttributeNames: { '#month': 'month', '#status': 'status' },
        ConsistentRead: true,
      }),
    );
    const current = Items.find((item) => item.month === month);
    const monthBefore = Items.find((item) => item.month === before) as MonthStanding['monthBefore'];
    return { revision: current ? Number(current.revision) : 0, ...(monthBefore ? { monthBefore } : {}) };
  }

  /** The next record of a month, superseding the revision of `standing` (0: the month's first). */
  function nextRecord(
    worker: EmploymentWorker,
    month: string,
    input: EmploymentInput,
    by: EmploymentAuthor,
    standing: MonthStanding,
  ): EmploymentRecord {
    return {
      ...input,
      workerId: worker.workerId,
      month,
      subject: {
        villageCode: worker.villageCode,
        labourClass: worker.labourClass,
        groups: worker.groups,
        householdId: worker.householdId,
      },
      employedRun: employedRunAfter(input.status, standing.monthBefore),
      source: by.source,
      recordedBy: by.userId,
      recordedAt: new Date().toISOString(),
      ...(by.source === 'staff' && by.level ? { recordedByLevel: by.level } : {}),
      revision: standing.revision + 1,
    };
  }

  /** The two writes of a record: the month's current item (on the revision read) and its revision item. */
  function writeItems(record: EmploymentRecord) {
    const previous = record.revision - 1;
    return [
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.employment(record.workerId, record.month),
            ...employmentEntity.indexes(record),
            type: 'employment',
            ...record,
          },
          ...(previous === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'revision = :previous', ExpressionAttributeValues: { ':previous': previous } }),
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.employmentRevision(record.workerId, record.month, record.revision),
            type: 'employmentRevision',
            ...record,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
  }

  return {
    standingOf,
    nextRecord,
    writeItems,
    noteLatest,

    async record(
      worker: EmploymentWorker,
      month: string,
      input: EmploymentInput,
      by: EmploymentAuthor,
    ): Promise<EmploymentRecord> {
      for (let attempt = 1; ; attempt++) {
        const record = nextRecord(worker, month, input, by, await standingOf(worker.workerId, month));
        try {
          await db.send(new TransactWriteCommand({ TransactItems: writeItems(record) }));
          await noteLatest(record);
          return record;
        } catch (error) {
          // Someone wrote the same month meanwhile: read again and supersede theirs.
          if (cancellationReasons(error) && attempt < ATTEMPTS) continue;
          if (cancellationReasons(error)) {
            throw new Conflict(
              '这个月的记录正在被别人修改，请稍后再试',
              'The month is being changed by someone else; try again.',
            );
          }
          throw error;
        }
      }
    },

    /**
     * An officer confirms (核实) the worker's own report of a month, as read at `revision`: the
     * month's current item and that revision both carry the confirmation, or neither does.
     * The report itself stays as the worker made it.
     */
    async confirm(
      workerId: string,
      month: string,
      revision: number,
      by: { userId: string; level: RegionLevel },
    ): Promise<EmploymentRecord> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.employment(workerId, month), ConsistentRead: true }),
      );
      if (!Item) throw notFound('这个月还没有就业记录', 'No employment record for that month.');
      const current = employmentRecordSchema.parse(Item);
      if (current.revision !== revision) throw staleRevision();
      if (current.source !== 'self') {
        throw new Conflict(
          '这个月是工作人员或用人单位登记的，不用再核实',
          'Only a worker’s own report needs confirming.',
          'params.month',
        );
      }
      if (current.confirmation) return current;
      const confirmation = { by: by.userId, level: by.level, at: new Date().toISOString() };
      const update = (key: Record<string, string>) => ({
        Update: {
          TableName: tableName,
          Key: key,
          UpdateExpression: 'SET confirmation = :confirmation',
          ConditionExpression: 'revision = :revision AND #source = :self AND attribute_not_exists(confirmation)',
          ExpressionAttributeNames: { '#source': 'source' },
          ExpressionAttributeValues: { ':confirmation': confirmation, ':revision': revision, ':self': 'self' },
        },
      });
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [update(keys.employment(workerId, month)), update(keys.employmentRevision(workerId, month, revision))],
          }),
        );
      } catch (error) {
        // Superseded or confirmed by someone else meanwhile: they read it again.
        if (cancellationReasons(error)) throw staleRevision();
        throw error;
      }
      return { ...current, confirmation };
    },

    /** Current records, newest month first. */
    async timeline(workerId: string): Promise<EmploymentRecord[]> {
      return (await queryAll(db, monthsOf(workerId))).map((item) => employmentRecordSchema.parse(item));
    },

    /** A page of a worker's months, newest first. */
    async timelinePage(workerId: string, page: { cursor?: string | undefined; limit: number }) {
      const { items, nextCursor } = await queryPage(db, monthsOf(workerId), page);
      return { records: items.map((item) => employmentRecordSchema.parse(item)), ...(nextCursor ? { nextCursor } : {}) };
    },

    /** Every revision of one month, oldest first. */
    async history(workerId: string, month: string): Promise<EmploymentRecord[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.worker(workerId).pk, ':prefix': keys.employmentRevisionPrefix(month) },
      });
      return items.map((item) => employmentRecordSchema.parse(item));
    },
  };
}

export type EmploymentRepository = ReturnType<typeof createEmploymentRepository>;

const staleRevision = () =>
  new VersionConflict(
    '这个月的记录已经改过了，请刷新后再核实',
    'The month was changed since it was read; reload and confirm again.',
    'body.revision',
  );
