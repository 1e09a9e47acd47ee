/**
 * 发放: a county payer pays a region's approved claims in one batch, and downloads the batch's
 * file for the bank, finds an earlier batch and records what the bank sent back. Contracts: shared/src/api/subsidies.ts (paymentContracts).
 */
import { paymentContracts, type BankReturnRequest, type ResponseOf } from '@bangfu/shared';
import { call, type ListPage, type PickedFile } from './client';

export type PaymentBatchView = ResponseOf<typeof paymentContracts.pay>['batch'];

/** Pays every approved claim of the region once; the same key again resumes and answers with that batch. */
export const payApproved = async (regionCode: string, idempotencyKey: string) =>
  (await call(paymentContracts.pay, { body: { regionCode, idempotencyKey } })).batch;

/** The batch's file for the bank (CSV), for FileButton. */
export const paymentFilePath = (batchId: string) => `/api/v1/claims/payments/${batchId}/file`;

export type PaymentBatchSummary = ResponseOf<typeof paymentContracts.batches>['batches'][number];
export type PaymentLineView = ResponseOf<typeof paymentContracts.batch>['lines'][number];

/** 以前的发放批次 of the region, newest first, a page at a time. */
export async function fetchBatches(regionCode: string, cursor?: string): Promise<ListPage<PaymentBatchSummary>> {
  const page = await call(paymentContracts.batches, { query: { regionCode, ...(cursor ? { cursor } : {}) } });
  return { items: page.batches, nextCursor: page.nextCursor };
}

/** One finished batch and its rows as the bank's file numbers them; `name` finds a person or unit in it. */
export const fetchBatch = (batchId: string, query: { name?: string; cursor?: string } = {}) =>
  call(paymentContracts.batch, { params: { batchId }, query });

/** 银行退回 of one row: the claim waits for the next batch; answers with the batch as it now stands. */
export const recordBankReturn = async (batchId: string, body: BankReturnRequest) =>
  (await call(paymentContracts.returnPayment, { params: { batchId }, body })).batch;

export type ReturnFileReading = ResponseOf<typeof paymentContracts.readReturnFile>;

/**
 * 银行回盘: the bank's file read against the batch (nothing recorded); with `record`, the digest
 * that reading answered, its returns recorded.
 */
export const readReturnFile = (batchId: string, file: PickedFile, record?: string) =>
  call(paymentContracts.readReturnFile, { params: { batchId }, query: record ? { record } : {} }, { file });
