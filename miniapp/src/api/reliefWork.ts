/** 以工代赈 (contracts in shared/src/api/reliefWork.ts): projects, rosters, wage sheets, a person's own lines. */
import { reliefWorkContracts as contracts, type BodyOf, type ResponseOf } from '@bangfu/shared';
import { call, type PickedFile } from './client';

export type ProjectView = ResponseOf<typeof contracts.get>['project'];
export type RosterEntryView = ResponseOf<typeof contracts.get>['roster'][number];
export type RosterCandidate = ResponseOf<typeof contracts.candidates>['candidates'][number];
export type WageSheet = ResponseOf<typeof contracts.sheet>;
export type SheetLine = WageSheet['lines'][number];
export type OwnWageLine = ResponseOf<typeof contracts.myWages>['lines'][number];

export const createProject = (body: BodyOf<typeof contracts.create>) => call(contracts.create, { body });
export const fetchProjects = (regionCode: string, cursor?: string) =>
  call(contracts.list, { query: { regionCode, limit: 20, cursor } });
export const fetchMyProjects = (cursor?: string) => call(contracts.mine, { query: { limit: 20, cursor } });
export const fetchProject = (projectId: string) => call(contracts.get, { params: { projectId } });
export const fetchRosterCandidates = (projectId: string) =>
  call(contracts.candidates, { params: { projectId }, query: { limit: 20 } });
export const addToRoster = (projectId: string, body: BodyOf<typeof contracts.addToRoster>) =>
  call(contracts.addToRoster, { params: { projectId }, body });
export const leaveRoster = (projectId: string, workerId: string) =>
  call(contracts.leaveRoster, { params: { projectId, workerId } });
export const fetchSheet = (projectId: string, month: string) => call(contracts.sheet, { params: { projectId, month } });
export const enterWages = (projectId: string, month: string, body: BodyOf<typeof contracts.enterWages>) =>
  call(contracts.enterWages, { params: { projectId, month }, body });
export const payWages = (projectId: string, month: string, body: BodyOf<typeof contracts.payWages>) =>
  call(contracts.payWages, { params: { projectId, month }, body });
export type WageFileReading = ResponseOf<typeof contracts.readWageFile>;
/**
 * 代发结果: the bank's file read against the month's sheet (nothing recorded); with `record`, the
 * digest that reading answered, its payments recorded.
 */
export const readWageFile = (projectId: string, month: string, file: PickedFile, record?: string) =>
  call(contracts.readWageFile, { params: { projectId, month }, query: record ? { record } : {} }, { file });
export const sheetFilePath = (projectId: string, month: string) => `/api/v1/relief-projects/${projectId}/wages/${month}/file`;
export const fetchMyWages = () => call(contracts.myWages, {});
export const answerWages = (projectId: string, month: string, body: BodyOf<typeof contracts.answerWages>) =>
  call(contracts.answerWages, { params: { projectId, month }, body });
