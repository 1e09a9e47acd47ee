/** 预警任务 (contracts in shared/src/api/monitoring.ts): a region's tasks, one with its people, what was done, closing. */
import { monitoringContracts as contracts, type BodyOf, type ResponseOf } from '@bangfu/shared';
import { call } from './client';

export type TaskRow = ResponseOf<typeof contracts.tasks>['tasks'][number];
export type TaskDetail = ResponseOf<typeof contracts.task>;
export type TaskAction = BodyOf<typeof contracts.act>;

/** The tasks about the officer's region, open or closed, a page at a time. */
export const fetchTasks = (regionCode: string, status: TaskRow['status'], cursor?: string) =>
  call(contracts.tasks, { query: { regionCode, status, limit: 20, cursor } });
/** One task with the people it is about (their names and phones; the read is on their trail). */
export const fetchTask = (taskId: string) => call(contracts.task, { params: { taskId } });
export const actOnTask = (taskId: string, body: TaskAction) => call(contracts.act, { params: { taskId }, body });
export const closeTask = (taskId: string) => call(contracts.close, { params: { taskId } });
