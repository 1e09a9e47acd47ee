/**
 * 银行回盘: the bank's return file read against a batch (shared/src/subsidies/returnFile.ts says
 * how), then, when the payer has seen the reading and asks for it by the file's digest, every
 * return it lists recorded as one recorded by hand would be. Nothing is recorded while anything
 * in the file does not match the batch, or a claim it would return is no longer this batch's.
 */
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import {
  bankReturnText,
  readReturnFile,
  RETURN_FILE_MAX_BYTES,
  RETURN_FILE_SHOWN,
  type BatchFileLine,
  type Principal,
  type ReturnFileSheetRow,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { inPool } from '../db/inPool.js';
import { Conflict, DomainError } from '../errors.js';
import { fileKindOf, mediaTypeOf, notASheet, readRows, type FileKind } from '../sheets/readRows.js';
import type { BatchHeader } from './paymentRepository.js';
import { notPaidByBatch, paidBy, type createPaymentService } from './paymentService.js';

/** Returns recorded at once: each is a transaction, an audit line and, for a worker, a task. */
const RECORDING_AT_ONCE = 4;

/**
 * Returns recorded by one request, about two seconds of work: a whole batch sent back (a thousand
 * rows) would pass the function's time limit in one. The client asks again while any are left.
 */
export const RETURNS_PER_REQUEST = 50;

/** The body, whole (a return file is small, and its digest names it), or 413 past the limit. */
async function fileBytes(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > RETURN_FILE_MAX_BYTES) {
      body.resume(); // the rest is read and dropped, so the answer reaches the client
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        '回盘文件太大（超过 4 MB），请确认选的是这一批的回盘文件',
        'The file is too large.',
        'body',
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The app sends a CSV as plain bytes (application/octet-stream): API Gateway may pass a text/csv
 * body on as text, which a GBK file would not survive. Its kind is then told by its first bytes.
 */
const isOctetStream = (contentType: string | undefined) => mediaTypeOf(contentType) === 'application/octet-stream';

/** An XLSX is a zip: it begins PK\x03\x04. */
const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;

/** A bank's CSV is UTF-8 or, as often, GBK (GB 18030 reads both GBK and GB 2312). */
function csvText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function sheetOf(bytes: Buffer, kind: FileKind): Promise<ReturnFileSheetRow[]> {
  const rows: ReturnFileSheetRow[] = [];
  const input = new PassThrough().end(kind === 'csv' ? csvText(bytes) : bytes);
  try {
    for await (const row of readRows(input, kind)) rows.push(row);
  } catch {
    throw new DomainError('BAD_REQUEST', '文件读不出来，请确认是 CSV 或 XLSX（Excel）文件', 'The file cannot be read.', 'body');
  }
  return rows;
}

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
    const declared = fileKindOf(file.contentType);
    if (!declared && !isOctetStream(file.contentType)) {
      file.body.resume();
      throw notASheet();
    }
    const bytes = await fileBytes(file.body);
    const kind = declared ?? (isZip(bytes) ? 'xlsx' : 'csv');
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (record !== undefined && record !== digest) {
      throw new Conflict('文件和刚才读的不是同一个，请重新读一遍再登记', 'Not the file that was read.', 'query.record');
    }
    const [sheet, rows] = await Promise.all([sheetOf(bytes, kind), deps.payments.reservations(batch.batchId)]);
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
