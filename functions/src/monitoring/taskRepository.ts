/**
 * 预警任务 in the table: a task is put once for its cause, month and subject (its id is made
 * from them, so finding the same warning again changes nothing); officers add what they did and
 * close it, each change on the version read; a task past its deadline goes up a level.
 */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { LEVEL_ABOVE, taskSchema, type Task, type TaskActionKind, type Warning } from '@bangfu/shared';
import { batchGet } from '../db/batchGet.js';
import { taskEntity } from '../db/entities.js';
import { isConditionFailed } from '../db/errors.js';
import { queryAll, queryPage } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import type { TableRef } from '../db/versioned.js';
import { Conflict, notFound } from '../errors.js';

/** The id of the task of a warning: the same warning found again is the same task. */
export const taskIdOf = (warning: Pick<Warning, 'cause' | 'month' | 'subject'>) =>
  `t_${createHash('sha256').update(`${warning.cause}|${warning.month}|${warning.subject}`).digest('hex').slice(0, 32)}`;

export const taskNotFound = () => notFound('没有这个任务', 'No such task.');
const taskChanged = () =>
  new Conflict('这个任务刚被别人办理过或已经关闭，请刷新后再看', 'The task changed meanwhile; read it again.', 'params.taskId');

export function createTaskRepository({ db, tableName }: TableRef) {
  const put = (task: Task, condition: string, values: Record<string, unknown> = {}) =>
    db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.task(task.taskId), ...taskEntity.indexes(task), type: 'task', ...task },
        ConditionExpression: condition,
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      }),
    );

  /** Writes `next` over the task as it was read (`version`), or says it changed meanwhile. */
  async function replace(next: Task, version: number): Promise<Task> {
    try {
      await put({ ...next, version: version + 1 }, 'version = :version', { ':version': version });
    } catch (error) {
      if (isConditionFailed(error)) throw taskChanged();
      throw error;
    }
    return { ...next, version: version + 1 };
  }

  return {
    /** Opens the task of a warning, once; false when it was open already (or done). */
    async open(warning: Warning, deadline: string, now = new Date()): Promise<boolean> {
      const task: Task = {
        taskId: taskIdOf(warning),
        cause: warning.cause,
        month: warning.month,
        subject: warning.subject,
        regionCode: warning.regionCode,
        level: warning.level,
        text: warning.text,
        figures: warning.figures,
        ...(warning.workerIds ? { workerIds: warning.workerIds } : {}),
        ...(warning.reportedBy ? { reportedBy: warning.reportedBy, reportKind: warning.reportKind } : {}),
        status: 'open',
        createdAt: now.toISOString(),
        deadline,
        escalations: 0,
        actions: [],
        version: 1,
      };
      try {
        await put(task, 'attribute_not_exists(pk)');
        return true;
      } catch (error) {
        if (isConditionFailed(error)) return false;
        throw error;
      }
    },

    /**
     * Of many warnings' tasks, the ids already there (one BatchGetItem per 100): a daily run puts
     * only the new ones, rather than a refused write (a write unit each) for every task it finds again.
     */
    async existing(warnings: readonly Warning[]): Promise<Set<string>> {
      const found = await batchGet(
        { db, tableName },
        [...new Set(warnings.map(taskIdOf))].map((id) => keys.task(id)),
      );
      return new Set(found.map((item) => String(item.taskId)));
    },

    async get(taskId: string): Promise<Task | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.task(taskId) }));
      return Item ? taskSchema.parse(Item) : undefined;
    },

    /** The tasks about a region in one status, by village then deadline, a page at a time. */
    async inRegion(regionCode: string, status: Task['status'], page: { cursor?: string | undefined; limit: number }) {
      const { items, nextCursor } = await queryPage(
        db,
        { TableName: tableName, ...taskEntity.inRegion(regionCode, status) },
        page,
      );
      return { tasks: items.map((item) => taskSchema.parse(item)), ...(nextCursor ? { nextCursor } : {}) };
    },

    /** The difficulties a worker reported, newest first, a page at a time. */
    async reportedBy(workerId: string, page: { cursor?: string | undefined; limit: number }) {
      const { items, nextCursor } = await queryPage(
        db,
        { TableName: tableName, ...taskEntity.reportedBy(workerId), ScanIndexForward: false },
        page,
      );
      return { tasks: items.map((item) => taskSchema.parse(item)), ...(nextCursor ? { nextCursor } : {}) };
    },

    /** More told about an open task (a worker's report again the same day): a line added to its figures. */
    async amend(task: Task, line: { label: string; value: string }): Promise<Task> {
      return replace({ ...task, figures: [...task.figures, line] }, task.version);
    },

    /** What an officer did, added to the task (on the version read). */
    async act(task: Task, action: { kind: TaskActionKind; note: string; by: string; byOffice: string }, now = new Date()) {
      if (task.status !== 'open') throw taskChanged();
      return replace({ ...task, actions: [...task.actions, { ...action, at: now.toISOString() }] }, task.version);
    },

    /** Closes the task, once something was done about it. */
    async close(task: Task, by: string, now = new Date()): Promise<Task> {
      if (task.status !== 'open') throw taskChanged();
      return replace({ ...task, status: 'closed', closedAt: now.toISOString(), closedBy: by }, task.version);
    },

    /** The open tasks of a county whose last day is before `today`. */
    async overdue(countyCode: string, today: string): Promise<Task[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        ...taskEntity.inRegion(countyCode, 'open', {
          FilterExpression: 'deadline < :today',
          ExpressionAttributeValues: { ':today': today },
        }),
      });
      return items.map((item) => taskSchema.parse(item));
    },

    /**
     * A task past its deadline goes to the level above with a new one (a county's stays, its
     * count raised); undefined when someone changed it meanwhile (it is looked at again tomorrow).
     */
    async escalate(task: Task, deadline: string): Promise<Task | undefined> {
      const level = LEVEL_ABOVE[task.level];
      const next = { ...task, level, deadline, escalations: task.escalations + 1 };
      try {
        return await replace(next, task.version); // closing or acting meanwhile raised the version
      } catch (error) {
        if (error instanceof Conflict) return undefined;
        throw error;
      }
    },
  };
}

export type TaskRepository = ReturnType<typeof createTaskRepository>;
