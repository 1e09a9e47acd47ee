/** 务工规模 and 务工收入 (contracts in shared/src/api/monitoring.ts): a region's months, and its parts side by side. */
import { monitoringContracts as contracts, type ResponseOf } from '@bangfu/shared';
import { call } from './client';

export type RegionMonths = ResponseOf<typeof contracts.figures>;
export type Figures = RegionMonths['months'][number]['figures'];
export type ChildFigures = ResponseOf<typeof contracts.children>['children'][number];

/** A region's figures from one month to another (at most 24), every month present. */
export const fetchFigures = (regionCode: string, from: string, to: string) =>
  call(contracts.figures, { query: { regionCode, from, to } });
/** Each township of a county (village of a township): the month, the month before and last year's. */
export const fetchChildFigures = (regionCode: string, month: string) =>
  call(contracts.children, { query: { regionCode, month } });

export type TaskTable = ResponseOf<typeof contracts.taskTable>;
export type TaskTableRow = TaskTable['rows'][number];
export type TaskTargets = TaskTable['targets'];

/** The township task table (file 001) of a county, or of one township, for a month. */
export const fetchTaskTable = (regionCode: string, month: string) => call(contracts.taskTable, { query: { regionCode, month } });

/** The county's targets for a year, on the version read (none: the county had none yet); 409 when changed since. */
export const saveTaskTargets = (countyCode: string, year: number, targets: TaskTargets, version: number | undefined) =>
  call(contracts.setTargets, {
    params: { countyCode, year },
    body: { ...targets, ...(version !== undefined ? { version } : {}) },
  });
