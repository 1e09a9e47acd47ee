/** 我有困难 (contracts in shared/src/api/monitoring.ts): tell the village, and follow what is done. */
import { monitoringContracts as contracts, type BodyOf, type ResponseOf } from '@bangfu/shared';
import { call } from './client';

export type DifficultyReport = BodyOf<typeof contracts.reportDifficulty>;
export type MyDifficulty = ResponseOf<typeof contracts.myDifficulties>['difficulties'][number];

export const reportDifficulty = (body: DifficultyReport) => call(contracts.reportDifficulty, { body });
/** The worker's reports, newest first (404 until the account is bound). */
export const fetchMyDifficulties = (cursor?: string) => call(contracts.myDifficulties, { query: { limit: 20, cursor } });
