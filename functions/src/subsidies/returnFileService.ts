/**
 * 银行回盘: the bank's return file read against a batch (shared/src/subsidies/returnFile.ts says
 * how), then, when the payer has seen the reading and asks for it by the file's digest, every
 * return it lists recorded as one recorded by hand would be. Nothing is recorded while anything
 * in the file does not match the batch, or a claim it would return is no longer this batch's.
 */
import type { Readable } from 'node:stream';
import {
  bankReturnText,
  readReturnFile,
  RETURN_FILE_MAX_BYTES,
  RETURN_FILE_SHOWN,
  type BatchFileLine,
  type Principal,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { inPool } from '../db/inPool.js';
import { Conflict } from '../errors.js';
import { notTheFileRead, readUploadedSheet } from '../sheets/uploadedSheet.js';
import type { BatchHeader } from './paymentRepository.js';
import { notPaidByBatch, paidBy, type createPaymentService } from './paymentService.js';

/** Returns recorded at once: each is a transaction, an audit line and, for a worker, a task. */
const RECORDING_AT_ONCE = 4;

/**
 * Returns recorded by one request, about two seconds of work: a whole batch sent back (a thousand
 * rows) would pass the function's time limit in one. The client asks again while any are left.
 */
export const RETURNS_PER_REQUEST = 50;

export function createReturnFileService(
  deps: Pick<AppContext, 'claims' | 'payments'>,
  payments: ReturnType<typeof createPaymentService>,
) {
  /** The file read against the batch; with `record` (its digest) its returns recorded as well. */
  async function read(
    principal: Principal,
    batch: BatchHeader,
    file: { body: Readable; contentType: string | undefined },
    record: string | undefined,
  ) {
    await payments.payer(principal);
    const [{ digest, rows: sheet }, rows] = await Promise.all([
      readUploadedSheet(file, {
        maxBytes: RETURN_FILE_MAX_BYTES,
        tooLarge: '回盘文件太大（超过 4 MB），请确认选的是这一批的回盘文件',
      }),
      deps.payments.reservations(batch.batchId),
    ]);
    if (record !== undefined && record !== digest) throw notTheFileRead();
    const lines = rows.map(({ claimId, name, amountFen, account, returned }, i): BatchFileLine => ({
      row: i + 1,
      claimId,
      name,
      amountFen,
      lastFour: account.numberMasked.slice(-4),
      ...(returned ? { returned: { bankReference: returned.bankReference } } : {}),
    }));
    const reading = readReturnFile(sheet, lines);
    const fresh = reading.returns.filter((r) => !r.recorded);
    let recorded: number | undefined;
    let header = batch;
    if (record !== undefined) {
      if (reading.problems.length > 0) {
        throw new Conflict(
          `回盘文件有 ${reading.problems.length} 处和这一批对不上，一笔也没有登记；请和银行核对`,
          'The file does not match the batch.',
          'body',
        );
      }
      // Read first, all at once: a claim no longer this batch's stops the file before anything more is written.
      const claims = await deps.claims.many(fresh.map((r) => r.claimId));
      const stale = fresh.find((r) => !paidBy(claims.get(r.claimId), batch.batchId));
      if (stale) {
        const refused = notPaidByBatch();
        throw new Conflict(`序号 ${stale.row}（${stale.name}）：${refused.zh}，这次一笔也没有登记`, refused.en, 'body');
      }
      const now = fresh.slice(0, RETURNS_PER_REQUEST);
      await inPool(now, RECORDING_AT_ONCE, (r) =>
        payments.returnRow(principal, batch.batchId, rows[r.row - 1]!, claims.get(r.claimId)!, r.request).then(() => undefined),
      );
      recorded = now.length;
      for (const r of now) r.recorded = true;
    }
    const toRecord = reading.returns.filter((r) => !r.recorded).length;
    if (record !== undefined) {
      // The reading is the batch's once every return it lists is recorded; until then its figures as they now stand.
      header =
        toRecord === 0
          ? await deps.payments.markReturnFile(batch.batchId, {
              at: new Date().toISOString(),
              by: principal.userId,
              digest,
              paidCount: reading.paid.length,
              returnedCount: reading.returns.length,
              unlistedCount: reading.unlisted.length,
            })
          : ((await deps.payments.finished(batch.batchId)) ?? batch);
    }
    const sum = (items: { amountFen: number }[]) => items.reduce((total, item) => total + item.amountFen, 0);
    return {
      digest,
      paid: { count: reading.paid.length, fen: sum(reading.paid) },
      returns: {
        count: reading.returns.length,
        fen: sum(reading.returns),
        toRecord,
        shown: reading.returns.slice(0, RETURN_FILE_SHOWN).map((r) => ({
          row: r.row,
          claimId: r.claimId,
          name: r.name,
          amountFen: r.amountFen,
          reason: bankReturnText(r.request),
          bankReference: r.request.bankReference,
          recorded: r.recorded,
        })),
      },
      unlisted: { count: reading.unlisted.length, rows: reading.unlisted.slice(0, RETURN_FILE_SHOWN) },
      problems: { count: reading.problems.length, shown: reading.problems.slice(0, RETURN_FILE_SHOWN) },
      ...(recorded !== undefined ? { recorded } : {}),
      header,
    };
  }

  return { read };
}
