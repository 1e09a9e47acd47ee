/**
 * Rows of an uploaded spreadsheet (the registry, a bank's return file), streamed: CSV through
 * csv-parse, XLSX through exceljs's streaming reader (first worksheet). Nothing holds the
 * whole file, so memory stays flat however many rows it has.
 */
import type { Readable } from 'node:stream';
import { XLSX_MEDIA_TYPE } from '@bangfu/shared';
import { DomainError } from '../errors.js';

export type FileKind = 'csv' | 'xlsx';

const KINDS: Record<string, FileKind> = { 'text/csv': 'csv', [XLSX_MEDIA_TYPE]: 'xlsx' };

/** A content type's media type, without its parameters (`text/csv; charset=gbk` → `text/csv`). */
export const mediaTypeOf = (contentType: string | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** The kind of file a request's content type says it sends, if one we read. */
export const fileKindOf = (contentType: string | undefined): FileKind | undefined => KINDS[mediaTypeOf(contentType)];

export const notASheet = () =>
  new DomainError('BAD_REQUEST', '请上传 CSV 或 XLSX（Excel）文件', 'Send text/csv or an XLSX file.', 'headers.content-type');

export interface SheetRow {
  /** The row number a person sees in the spreadsheet (the header is row 1). */
  row: number;
  values: string[];
}

export async function* readRows(input: Readable, kind: FileKind): AsyncGenerator<SheetRow> {
  // Both readers load on the first upload (on Lambda from files beside the bundle, infra/lib/lambdaBundling.ts):
  // exceljs takes most of a second, and neither should weigh on every cold start.
  if (kind === 'csv') {
    const { parse } = await import('csv-parse');
    const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
    let row = 0;
    for await (const record of parser as AsyncIterable<string[]>) yield { row: ++row, values: record };
    return;
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // needed to tell a date cell from a number
    worksheets: 'emit',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (values.some((v) => v !== '')) yield { row: row.number, values };
    }
    return; // the registry is the first worksheet
  }
}

/** A cell as text: dates as ISO dates, rich text joined, formulas by their result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    // An 18-digit ID typed as a number has already lost its last digits: let validation say so.
    return Number.isSafeInteger(value) ? String(value) : value.toExponential();
  }
  if (typeof value === 'object') {
    if ('richText' in value) return (value as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
    if ('result' in value) return cellText((value as { result: unknown }).result);
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return String(value).trim();
}
