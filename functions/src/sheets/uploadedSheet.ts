/**
 * A bank's file uploaded whole as a request's body (its answer to our payment file, its 代发
 * result): CSV in UTF-8 or GBK, or XLSX; its rows, and its SHA-256, which names it when the
 * reading is recorded. The app sends a CSV as plain bytes (application/octet-stream): API Gateway
 * may pass a text/csv body on as text, which a GBK file would not survive. Its kind is then told
 * by its first bytes.
 */
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { Conflict, DomainError } from '../errors.js';
import { fileKindOf, mediaTypeOf, notASheet, readRows, type FileKind, type SheetRow } from './readRows.js';

export interface UploadedSheet {
  digest: string;
  rows: SheetRow[];
}

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

/** The body, whole (such a file is small, and its digest names it), or 413 past `maxBytes` saying `tooLarge`. */
async function fileBytes(body: Readable, maxBytes: number, tooLarge: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      body.resume(); // the rest is read and dropped, so the answer reaches the client
      throw new DomainError('PAYLOAD_TOO_LARGE', tooLarge, 'The file is too large.', 'body');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function rowsOf(bytes: Buffer, kind: FileKind): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const input = new PassThrough().end(kind === 'csv' ? csvText(bytes) : bytes);
  try {
    for await (const row of readRows(input, kind)) rows.push(row);
  } catch {
    throw new DomainError('BAD_REQUEST', '文件读不出来，请确认是 CSV 或 XLSX（Excel）文件', 'The file cannot be read.', 'body');
  }
  return rows;
}

/** The uploaded file's rows and digest; 400 for a body that is not CSV or XLSX, 413 past `maxBytes`. */
export async function readUploadedSheet(
  file: { body: Readable; contentType: string | undefined },
  { maxBytes, tooLarge }: { maxBytes: number; tooLarge: string },
): Promise<UploadedSheet> {
  const declared = fileKindOf(file.contentType);
  if (!declared && mediaTypeOf(file.contentType) !== 'application/octet-stream') {
    file.body.resume();
    throw notASheet();
  }
  const bytes = await fileBytes(file.body, maxBytes, tooLarge);
  const kind = declared ?? (isZip(bytes) ? 'xlsx' : 'csv');
  return { digest: createHash('sha256').update(bytes).digest('hex'), rows: await rowsOf(bytes, kind) };
}

/** The file sent to be recorded is not the one whose reading was shown (its digest differs). */
export const notTheFileRead = () =>
  new Conflict('文件和刚才读的不是同一个，请重新读一遍再登记', 'Not the file that was read.', 'query.record');
