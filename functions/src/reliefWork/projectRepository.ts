/**
 * 以工代赈 in the table: the project (listed in its county and under its contractor) with its
 * roster beside it, and each month's wage sheet as one partition of lines. Putting a person on the
 * roster counts them on the project in the same transaction (a place while the planned jobs last,
 * the relocated among them for the 10%); a line is put on the version read and never over one its
 * person confirmed; the person's answer and the contractor's payment move a line on conditions, so
 * two at once cannot both land.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  reliefProjectSchema,
  rosterEntrySchema,
  wageLineSchema,
  type ReliefProject,
  type ReliefProjectInput,
  type ReliefWageLine,
  type RosterEntry,
} from '@bangfu/shared';
import { reliefProjectEntity, rosterEntity, wageLineEntity } from '../db/entities.js';
import { batchGet } from '../db/batchGet.js';
import { answerLine, putLines } from '../db/answeredLines.js';
import { cancellationReasons } from '../db/errors.js';
import { TRANSACTION_ITEMS } from '../db/limits.js';
import { queryAll, queryPage } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import { putNew, type TableRef } from '../db/versioned.js';
import { Conflict, notFound } from '../errors.js';

export const projectNotFound = () => notFound('没有这个以工代赈项目', 'No such work-for-relief project.');
export const wageLineChanged = () =>
  new Conflict('这一行刚刚有了变化，请刷新后再看', 'The wage line changed meanwhile; read it again.', 'body.version');

export function createReliefProjectRepository({ db, tableName }: TableRef) {
  const table = { db, tableName };
  const parseProject = (item: Record<string, unknown>) => reliefProjectSchema.parse(item);

  return {
    async get(projectId: string, consistent = false): Promise<ReliefProject | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.reliefProject(projectId), ConsistentRead: consistent }),
      );
      return Item ? parseProject(Item) : undefined;
    },

    async create(input: ReliefProjectInput, contractorName: string, by: string, now = new Date()): Promise<ReliefProject> {
      const project: ReliefProject = {
        ...input,
        projectId: `rp_${randomUUID()}`,
        contractorName,
        rosterCount: 0,
        relocatedOnRoster: 0,
        createdBy: by,
        createdAt: now.toISOString(),
        version: 1,
      };
      await putNew(
        table,
        { ...keys.reliefProject(project.projectId), ...reliefProjectEntity.indexes(project), type: 'reliefProject', ...project },
        new Conflict('项目编号重复，请再试一次', 'Project id collision; try again.'),
      );
      return project;
    },

    /** A region's projects, a page at a time, by village. */
    async inRegion(regionCode: string, page: { cursor?: string | undefined; limit: number }) {
      const { items, nextCursor } = await queryPage(
        db,
        { TableName: tableName, ...reliefProjectEntity.inRegion(regionCode) },
        page,
      );
      return { projects: items.map(parseProject), ...(nextCursor ? { nextCursor } : {}) };
    },

    /** A contractor's projects, newest first, a page at a time. */
    async ofContractor(employerId: string, page: { cursor?: string | undefined; limit: number }) {
      const { items, nextCursor } = await queryPage(
        db,
        { TableName: tableName, ...reliefProjectEntity.ofContractor(employerId), ScanIndexForward: false },
        page,
      );
      return { projects: items.map(parseProject), ...(nextCursor ? { nextCursor } : {}) };
    },

    /** Every project of a county (the daily arrears run): a county has tens of them. */
    async allInRegion(regionCode: string): Promise<ReliefProject[]> {
      return (await queryAll(db, { TableName: tableName, ...reliefProjectEntity.inRegion(regionCode) })).map(parseProject);
    },

    /** The roster (用工名册): one Query, a project's people being at most its planned jobs. */
    async roster(projectId: string): Promise<RosterEntry[]> {
      return (
        await queryAll(db, {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.reliefProject(projectId).pk, ':prefix': keys.rosterPrefix() },
        })
      ).map((item) => rosterEntrySchema.parse(item));
    },

    /** The rosters a person is on, newest first (one index Query): the projects whose lines they answer. */
    async rostersOf(workerId: string): Promise<RosterEntry[]> {
      return (await queryAll(db, { TableName: tableName, ...rosterEntity.ofWorker(workerId), ScanIndexForward: false })).map(
        (item) => rosterEntrySchema.parse(item),
      );
    },

    /** Puts a person on the roster while a planned job is left, once; counted on the project at once. */
    async addToRoster(project: ReliefProject, entry: RosterEntry): Promise<void> {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.reliefProject(project.projectId),
                  UpdateExpression:
                    'SET rosterCount = rosterCount + :one, relocatedOnRoster = relocatedOnRoster + :relocated, #version = #version + :one',
                  ConditionExpression: 'rosterCount < plannedJobs',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':one': 1, ':relocated': entry.relocated ? 1 : 0 },
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...keys.rosterEntry(entry.projectId, entry.workerId),
                    ...rosterEntity.indexes(entry),
                    type: 'rosterEntry',
                    ...entry,
                  },
                  // Anew after leaving: the earlier entry is replaced.
                  ConditionExpression: 'attribute_not_exists(pk) OR #status = :left',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':left': 'left' },
                },
              },
            ],
          }),
        );
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (!reasons) throw error;
        if (reasons[0] === 'ConditionalCheckFailed') {
          throw new Conflict('计划的岗位已经招满了', 'Every planned job is taken.', 'params.projectId');
        }
        throw new Conflict('这个人已经在用工名册上了', 'The person is on the roster already.', 'body.workerId');
      }
    },

    /** A person leaves the roster, in one transaction: the entry marked left (only while on it), the place and share counted back. */
    async leaveRoster(entry: RosterEntry, by: string, now = new Date()): Promise<RosterEntry> {
      const left = { by, at: now.toISOString() };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.rosterEntry(entry.projectId, entry.workerId),
                  UpdateExpression: 'SET #status = :left, leftRoster = :leftRoster',
                  ConditionExpression: '#status = :onRoster',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':left': 'left', ':onRoster': 'onRoster', ':leftRoster': left },
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: keys.reliefProject(entry.projectId),
                  UpdateExpression:
                    'SET rosterCount = rosterCount - :one, relocatedOnRoster = relocatedOnRoster - :relocated, #version = #version + :one',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':one': 1, ':relocated': entry.relocated ? 1 : 0 },
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (cancellationReasons(error)) throw new Conflict('这个人已经不在用工名册上了', 'Not on the roster.', 'params.workerId');
        throw error;
      }
      return { ...entry, status: 'left', leftRoster: left };
    },

    /** A month's wage sheet: one Query. */
    async sheet(projectId: string, month: string): Promise<ReliefWageLine[]> {
      return (
        await queryAll(db, {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.wageSheet(projectId, month) },
        })
      ).map((item) => wageLineSchema.parse(item));
    },

    /** Lines by project, month and person, in one BatchGetItem per hundred (a person's own months). */
    async lines(wanted: readonly { projectId: string; month: string; workerId: string }[]): Promise<ReliefWageLine[]> {
      const items = await batchGet(
        table,
        wanted.map((w) => keys.wageLine(w.projectId, w.month, w.workerId)),
      );
      return items.map((item) => wageLineSchema.parse(item));
    },

    /**
     * A month's lines of the people of a region (a township), on every project: one Query. Lines
     * entered before 2026-12-07 are not listed (they name no village).
     */
    async linesOfPeopleIn(regionCode: string, month: string): Promise<ReliefWageLine[]> {
      return (await queryAll(db, { TableName: tableName, ...wageLineEntity.ofPeopleIn(regionCode, month) })).map((item) =>
        wageLineSchema.parse(item),
      );
    },

    async line(projectId: string, month: string, workerId: string): Promise<ReliefWageLine | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.wageLine(projectId, month, workerId), ConsistentRead: true }),
      );
      return Item ? wageLineSchema.parse(Item) : undefined;
    },

    /**
     * The contractor's month, all lines or none: each on the version read, never over a confirmed or
     * paid line; each listed by its person's village (`villageOf`, from the roster).
     */
    async enter(
      next: readonly ReliefWageLine[],
      read: ReadonlyMap<string, ReliefWageLine>,
      villageOf: ReadonlyMap<string, string>,
    ): Promise<void> {
      await putLines(
        table,
        next.map((line) => ({
          item: {
            ...keys.wageLine(line.projectId, line.month, line.workerId),
            type: 'wageLine',
            ...line,
            ...wageLineEntity.indexes({ ...line, villageCode: villageOf.get(line.workerId)! }),
          },
          versionRead: read.get(line.workerId)?.version,
        })),
        ['entered', 'disputed'],
        () =>
          new Conflict(
            '有人刚刚改过或确认了这个月的工资表，请刷新后再填',
            'Someone changed or confirmed the sheet meanwhile; read it again.',
            'body.lines',
          ),
      );
    },

    /**
     * The person's answer, on the version they read and only while the line awaits it: an entered
     * line its confirmation or dispute, a paid one its receipt (收到了 / 没收到).
     */
    async answer(
      line: ReliefWageLine,
      version: number,
      change: Pick<ReliefWageLine, 'status' | 'confirmation' | 'dispute' | 'receipt'>,
    ) {
      await answerLine(
        table,
        keys.wageLine(line.projectId, line.month, line.workerId),
        version,
        change.receipt ? 'paid' : 'entered',
        change.receipt
          ? { status: change.status, field: 'receipt', record: change.receipt }
          : change.confirmation
            ? { status: change.status, field: 'confirmation', record: change.confirmation }
            : { status: change.status, field: 'dispute', record: change.dispute },
        wageLineChanged,
      );
      return wageLineSchema.parse({ ...line, ...change, version: version + 1 });
    },

    /** The bank payment of confirmed lines, all or none: a line not confirmed (or paid already) refuses the lot. */
    /**
     * Confirmed lines marked paid, each with its payment: all or none in each transaction of a
     * hundred (a month of one project is well under that).
     */
    async pay(
      paying: readonly { line: ReliefWageLine; payment: NonNullable<ReliefWageLine['payment']> }[],
    ): Promise<ReliefWageLine[]> {
      for (let i = 0; i < paying.length; i += TRANSACTION_ITEMS) {
        try {
          await db.send(
            new TransactWriteCommand({
              TransactItems: paying.slice(i, i + TRANSACTION_ITEMS).map(({ line, payment }) => ({
                Update: {
                  TableName: tableName,
                  Key: keys.wageLine(line.projectId, line.month, line.workerId),
                  UpdateExpression: 'SET #status = :paid, payment = :payment, #version = #version + :one',
                  ConditionExpression: '#status = :confirmed',
                  ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                  ExpressionAttributeValues: { ':paid': 'paid', ':payment': payment, ':confirmed': 'confirmed', ':one': 1 },
                },
              })),
            }),
          );
        } catch (error) {
          if (!cancellationReasons(error)) throw error;
          throw new Conflict(
            '有的人还没有确认或已经发放，请刷新后再选',
            'A line is not confirmed or is paid already.',
            'body.workerIds',
          );
        }
      }
      return paying.map(({ line, payment }) => ({ ...line, status: 'paid' as const, payment, version: line.version + 1 }));
    },
  };
}

export type ReliefProjectRepository = ReturnType<typeof createReliefProjectRepository>;
