/**
 * 就业帮扶码 and 码到农家 (contracts in shared/src/api/codes.ts): the worker's own code, the
 * employers asking to see it and the worker's answer, 个人信息使用记录; scanning for staff and
 * employers; where a poster's code leads; the public employer and village pages; posters.
 */
import { codeContracts as contracts, type BodyOf, type ResponseOf } from '@bangfu/shared';
import { call, type ListPage } from './client';

export type WorkerCode = ResponseOf<typeof contracts.mine>;
export type ScanResult = ResponseOf<typeof contracts.scan>;
export type ServiceCard = Extract<ScanResult, { result: 'card' }>['card'];
export type DeskCard = Extract<ScanResult, { result: 'desk' }>['desk'];
export type SharedCard = Extract<ScanResult, { result: 'shared' }>['shared'];
export type CodeTarget = ResponseOf<typeof contracts.open>['target'];
export type ConsentRequest = ResponseOf<typeof contracts.requests>['requests'][number];
export type DataUse = ResponseOf<typeof contracts.dataUses>['entries'][number];
export type ScanService = BodyOf<typeof contracts.serviceByScan>;
export type PublicEmployer = ResponseOf<typeof contracts.employer>;
export type VillageServicePoint = ResponseOf<typeof contracts.village>;

/** A fresh two-minute code (404 when the account is not bound yet). */
export const fetchMyCode = () => call(contracts.mine, {});
/** 换码: every earlier code stops working. */
export const renewMyCode = () => call(contracts.renew, {});
export const fetchConsentRequests = () => call(contracts.requests, {});
export const answerConsentRequest = (requestId: string, answer: 'agree' | 'refuse') =>
  call(contracts.answer, { params: { requestId }, body: { answer } });
export const withdrawShare = (shareId: string) => call(contracts.withdraw, { params: { shareId } });
/** Employer: the job seekers whose consent to it is in force, the latest first. */
export const fetchSharedWithUs = (cursor?: string) => call(contracts.sharedWithUs, { query: { limit: 20, cursor } });
export const fetchDataUses = (page: { cursor?: string; limit?: number }) => call(contracts.dataUses, { query: page });

/** Staff or employer: what a scanned text shows (errors: 410 expired/renewed, 422 not ours, 404 withdrawn). */
export const scanCode = (code: string) => call(contracts.scan, { body: { code } });
/** The scan again: for an employer, whether the worker has agreed yet. */
export const fetchScan = (scanId: string) => call(contracts.scanned, { params: { scanId } });
export const recordServiceByScan = (scanId: string, body: ScanService) =>
  call(contracts.serviceByScan, { params: { scanId }, body });

/** Anyone: where a poster's code leads. */
export const openCode = (code: string) => call(contracts.open, { query: { code } });
/** The employer and the first page of its open positions. */
export const fetchPublicEmployer = (employerId: string) => call(contracts.employer, { params: { employerId } });
/** A later page of its open positions. */
export async function fetchPublicEmployerPositions(
  employerId: string,
  cursor: string,
): Promise<ListPage<PublicEmployer['positions'][number]>> {
  const { positions, nextCursor } = await call(contracts.employer, { params: { employerId }, query: { cursor } });
  return { items: positions, nextCursor };
}
export const fetchVillage = (code: string) => call(contracts.village, { params: { code } });
