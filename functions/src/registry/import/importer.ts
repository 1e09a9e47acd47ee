/**
 * Import of a registry file: every row validated; good rows written, bad rows
 * reported with their column and reason; each record written atomically with
 * the item of its ID hash, so nothing is half-written and one person stays one
 * record; a row whose person is already in the registry is left as it is, so
 * importing the same file twice changes nothing. A row whose number belongs to
 * someone outside the officer's region is refused saying only what entering the
 * person alone says (the number is registered), never whether the name matched.
 * Rows are taken a chunk at a time and progress is stored on the import item for
 * the uploader to poll.
 */
import { Transform, type Readable } from 'node:stream';
import { BatchGetCommand, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  IMPORT_COLUMNS,
  importReportSchema,
  isWithinRegion,
  mapHeaders,
  rowToWorker,
  chinaMonth,
  importedCircumstances,
  type BadRow,
  type ImportedCircumstances,
  type ImportField,
  type ImportReport,
  type Principal,
  type WorkerInput,
} from '@bangfu/shared';
import { batchPut } from '../../db/batchWrite.js';
import { cancellationReasons, isConditionFailed } from '../../db/errors.js';
import { keys } from '../../db/tableSchema.js';
import type { TableRef } from '../../db/versioned.js';
import { Conflict, DomainError, Invalid } from '../../errors.js';
import type { RegionRepository } from '../../regions/regionRepository.js';
import { auditItem } from '../audit.js';
import type { IdVault } from '../idVault.js';
import { createWorkerTransactItems, duplicateIdNumber, newWorkerItem } from '../workerRepository.js';
import { readRows, type FileKind } from '../../sheets/readRows.js';

const CHUNK_ROWS = 500;
const RECORDS_PER_TRANSACTION = 25; // two items each: the record and its ID hash
const WRITERS = 4;
const MAX_BAD_ROWS_KEPT = 1_000;
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

interface Owner {
  workerId: string;
  name: string;
  villageCode: string;
}

interface GoodRow {
  row: number;
  worker: WorkerInput;
  circumstances: ImportedCircumstances;
}

export interface ImportRequest {
  importId: string;
  kind: FileKind;
  body: Readable;
  bytesTotal?: number;
  fileName?: string;
  principal: Principal;
}

export function createImporter(table: TableRef, vault: IdVault, regions: RegionRepository) {
  const { db, tableName } = table;

  async function saveProgress(report: ImportReport): Promise<void> {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.registryImport(report.importId), type: 'registryImport', ...report },
      }),
    );
  }

  async function get(importId: string): Promise<ImportReport | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.registryImport(importId), ConsistentRead: true }),
    );
    return Item ? importReportSchema.parse(Item) : undefined;
  }

  /** Claims the import id, so a retried upload returns the first one's report instead of importing twice. */
  async function claim(report: ImportReport): Promise<ImportReport | undefined> {
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.registryImport(report.importId), type: 'registryImport', ...report },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return undefined;
    } catch (error) {
      if (isConditionFailed(error)) return get(report.importId);
      throw error;
    }
  }

  /** Which of these ID hashes already have a record, and that record's id, name and village. */
  async function existing(hashes: string[]): Promise<Map<string, Owner>> {
    const owners = new Map<string, Owner>();
    for (let i = 0; i < hashes.length; i += 100) {
      const found = await batchGet(hashes.slice(i, i + 100).map((hash) => keys.idHash(hash)));
      const workerIds = new Map(found.map((item) => [String(item.workerId), String(item.pk).slice('IDHASH#'.length)]));
      for (const worker of await batchGet([...workerIds.keys()].map((id) => keys.worker(id)))) {
        owners.set(workerIds.get(String(worker.workerId))!, {
          workerId: String(worker.workerId),
          name: String(worker.name),
          villageCode: String(worker.villageCode),
        });
      }
    }
    return owners;
  }

  async function batchGet(keyList: { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let pending: Record<string, unknown>[] = keyList;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 2_000)));
      const result = await db.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      items.push(...(result.Responses?.[tableName] ?? []));
      pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
    return items;
  }

  /**
   * Writes new records, each with its ID hash and what the file said of their circumstances (stamped
   * as imported by `principal`); returns how many were written (a lost race counts as already there).
   */
  async function write(rows: GoodRow[], principal: Principal): Promise<number> {
    const now = new Date();
    const stamp = { source: 'import' as const, recordedBy: principal.userId, recordedAt: now.toISOString() };
    const items = await Promise.all(
      rows.map(async (r) => {
        const item = await newWorkerItem(vault, r.worker, now, stamp);
        const circumstances = importedCircumstances(r.circumstances, stamp, chinaMonth(now));
        return Object.keys(circumstances).length > 0 ? { ...item, circumstances } : item;
      }),
    );
    const groups: (typeof items)[] = [];
    for (let i = 0; i < items.length; i += RECORDS_PER_TRANSACTION) groups.push(items.slice(i, i + RECORDS_PER_TRANSACTION));
    let written = 0;
    let next = 0;
    const writer = async () => {
      while (next < groups.length) {
        const group = groups[next++]!;
        try {
          await db.send(
            new TransactWriteCommand({ TransactItems: group.flatMap((item) => createWorkerTransactItems(tableName, item)) }),
          );
          written += group.length;
        } catch (error) {
          if (!cancellationReasons(error)) throw error;
          // Someone entered one of these people meanwhile: write the rest one by one.
          for (const item of group) {
            try {
              await db.send(new TransactWriteCommand({ TransactItems: createWorkerTransactItems(tableName, item) }));
              written++;
            } catch (single) {
              if (!cancellationReasons(single)) throw single;
            }
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(WRITERS, groups.length) }, writer));
    return written;
  }

  return {
    get,

    async run(request: ImportRequest): Promise<ImportReport> {
      const report: ImportReport = {
        importId: request.importId,
        status: 'running',
        ...(request.fileName ? { fileName: request.fileName } : {}),
        ...(request.bytesTotal !== undefined ? { bytesTotal: request.bytesTotal } : {}),
        bytesRead: 0,
        rows: 0,
        written: 0,
        unchanged: 0,
        bad: 0,
        badRows: [],
        startedBy: request.principal.userId,
        startedAt: new Date().toISOString(),
      };
      const earlier = await claim(report);
      if (earlier) {
        request.body.resume(); // the same upload again: answer with the first one's report
        // An import is its starter's: another account's id says nothing of it, and is not taken over.
        if (earlier.startedBy !== request.principal.userId) {
          throw new Conflict(
            '这个导入编号已被使用，请重新选择文件上传',
            'That importId is in use; send the file with a new one.',
            'query.importId',
          );
        }
        if (earlier.status === 'running') throw new Conflict('这个文件正在导入，请稍候查看进度', 'This import is still running.');
        return earlier;
      }

      const scope = request.principal.regionCode ?? '';
      const villages = new Map<string, boolean>();
      const isVillage = async (code: string) => {
        if (!villages.has(code)) villages.set(code, (await regions.get(code))?.level === 'village');
        return villages.get(code)!;
      };
      const addBad = (bad: BadRow) => {
        report.bad++;
        if (report.badRows.length < MAX_BAD_ROWS_KEPT) report.badRows.push(bad);
      };

      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          report.bytesRead += chunk.length;
          if (report.bytesRead > MAX_IMPORT_BYTES)
            done(
              new DomainError(
                'PAYLOAD_TOO_LARGE',
                '文件太大（最大 64 MB），请分成几个文件导入',
                'The file is larger than 64 MB.',
                'body',
              ),
            );
          else done(null, chunk);
        },
      });
      request.body.on('error', (error) => counted.destroy(error));

      const processChunk = async (chunk: GoodRow[]) => {
        const inChunk = new Map<string, GoodRow>();
        const fresh: GoodRow[] = [];
        const hashes = chunk.map((r) => vault.hash(r.worker.idNumber));
        const owners = await existing([...new Set(hashes)]);
        const attempts: Record<string, unknown>[] = [];
        chunk.forEach((r, i) => {
          const elsewhere = owners.get(hashes[i]!);
          const owner = elsewhere?.name ?? inChunk.get(hashes[i]!)?.worker.name;
          if (owner === undefined) {
            inChunk.set(hashes[i]!, r);
            fresh.push(r);
          } else if (elsewhere && !isWithinRegion(elsewhere.villageCode, scope)) {
            // Someone else's person. One person, one record, so the row cannot be written, and
            // saying so tells that the number is registered — as entering the person alone does;
            // nothing more (not whether the name matched, nor where). Their own staff see the
            // attempt on the record's trail.
            addBad({ row: r.row, column: '身份证号', reason: duplicateIdNumber().zh });
            attempts.push(auditItem(request.principal, elsewhere.workerId, 'import', '导入的文件里有此人的身份证号，未写入'));
          } else if (owner === r.worker.name) {
            report.unchanged++;
          } else {
            addBad({ row: r.row, column: '身份证号', reason: '这个身份证号已属于台账中的另一人（姓名不同），请核对' });
          }
        });
        await batchPut(table, attempts);
        const written = await write(fresh, request.principal);
        report.written += written;
        report.unchanged += fresh.length - written;
        await saveProgress(report);
      };

      try {
        let columns: Map<number, ImportField> | undefined;
        let chunk: GoodRow[] = [];
        for await (const { row, values } of readRows(request.body.pipe(counted), request.kind)) {
          if (!columns) {
            const mapped = mapHeaders(values);
            if (mapped.missing.length) {
              throw new Invalid(
                `文件缺少这些列：${mapped.missing.map((f) => IMPORT_COLUMNS[f]).join('、')}`,
                `Missing columns: ${mapped.missing.join(', ')}`,
                'body',
              );
            }
            columns = mapped.columns;
            continue;
          }
          report.rows++;
          const cells: Partial<Record<ImportField, string>> = {};
          for (const [index, field] of columns) cells[field] = values[index] ?? '';
          const result = rowToWorker(cells);
          if (!result.ok) addBad({ row, column: result.column, reason: result.reason });
          else if (!isWithinRegion(result.worker.villageCode, scope))
            addBad({ row, column: '村代码', reason: '这个村不在您的管辖范围内' });
          else if (!(await isVillage(result.worker.villageCode)))
            addBad({ row, column: '村代码', reason: '没有这个村（嘎查）代码' });
          else chunk.push({ row, worker: result.worker, circumstances: result.circumstances });
          if (chunk.length >= CHUNK_ROWS) {
            await processChunk(chunk);
            chunk = [];
          }
        }
        if (!columns) throw new Invalid('文件是空的', 'The file has no rows.', 'body');
        if (chunk.length) await processChunk(chunk);
        report.status = 'done';
      } catch (error) {
        report.status = 'failed';
        report.error = error instanceof DomainError ? error.zh : '文件无法读取，请确认是 CSV 或 XLSX 格式';
        await finish(report);
        if (error instanceof DomainError) throw error;
        throw new Invalid(report.error, 'The file could not be read as CSV or XLSX.', 'body');
      }
      await finish(report);
      return report;
    },
  };

  async function finish(report: ImportReport): Promise<void> {
    report.finishedAt = new Date().toISOString();
    await saveProgress(report);
  }
}

export type Importer = ReturnType<typeof createImporter>;
