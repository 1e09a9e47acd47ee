/**
 * 发放: a county payer pays a region's approved claims in one batch, and downloads the batch's
 * file for the bank. Contracts: shared/src/api/subsidies.ts (paymentContracts).
 */
import { paymentContracts, type ResponseOf } from '@bangfu/shared';
import { call } from './client';

export type PaymentBatchView = ResponseOf<typeof paymentContracts.pay>['batch'];

/** Pays every approved claim of the region once; the same key again resumes and answers with that batch. */
export const payApproved = async (regionCode: string, idempotencyKey: string) =>
  (await call(paymentContracts.pay, { body: { regionCode, idempotencyKey } })).batch;

/** The batch's file for the bank (CSV), for FileButton. */
export const paymentFilePath = (batchId: string) => `/api/v1/claims/payments/${batchId}/file`;
