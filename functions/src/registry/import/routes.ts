import { PutCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  AT_HOME_REASON_ZH,
  countyOrFinerSchema,
  fenToYuan,
  IMPORT_COLUMNS,
  LABOUR_CLASS_ZH,
  occupationName,
  perHour,
  TRAVEL_SCOPE_ZH,
  WORKER_GROUP_ZH,
  type WorkerView,
} from '@bangfu/shared';
import type { AppContext } from '../../appContext.js';
import { exportAuditItem } from '../audit.js';
import { DomainError } from '../../errors.js';
import { defineRoute, type AnyRoute } from '../../http/route.js';
import type { FileKind } from './readRows.js';
import { toWorkerView } from '../workerRepository.js';
import { importReportSchema } from './importer.js';

const STAFF = ['staff', 'admin'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const KINDS: Record<string, FileKind> = { 'text/csv': 'csv', [XLSX]: 'xlsx' };

function exportRow(worker: WorkerView): Record<keyof typeof IMPORT_COLUMNS, string> {
  return {
    name: worker.name,
    idNumber: worker.idNumberMasked, // an export never carries full ID numbers
    phone: worker.phone ?? '',
    householdId: worker.householdId,
    villageCode: worker.villageCode,
    groups: worker.groups.map((g) => WORKER_GROUP_ZH[g]).join('、'),
    labourClass: LABOUR_CLASS_ZH[worker.labourClass],
    atHomeReason: worker.atHomeReason ? AT_HOME_REASON_ZH[worker.atHomeReason] : '',
    skills: worker.skills.map((s) => occupationName(s) ?? s).join('、'),
    travelScope: TRAVEL_SCOPE_ZH[worker.preferences.travelScope],
    expectedMonthlyWage:
      worker.preferences.expectedMonthlyWageFen !== undefined ? fenToYuan(worker.preferences.expectedMonthlyWageFen) : '',
    registryEntryDate: worker.registryEntryDate,
  };
}

export function importRoutes(ctx: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/registry/imports',
      summary: 'Staff: import the registry from a CSV or XLSX file (the request body); importId makes a retry safe',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'eachItem', why: 'every row names its village; the importer refuses rows outside the caller’s region' },
      query: z.object({
        /** Chosen by the client, so it can poll progress while the upload runs and retry safely. */
        importId: z.uuid(),
        fileName: z.string().max(200).optional(),
      }),
      response: importReportSchema,
      rateLimit: { perUser: perHour(20), perIp: perHour(200) },
      handler: async ({ principal, query, req }) => {
        const kind = KINDS[(req.get('content-type') ?? '').split(';')[0]!.trim()];
        if (!kind) {
          req.resume();
          throw new DomainError(
            'BAD_REQUEST',
            '请上传 CSV 或 XLSX（Excel）文件',
            'Send text/csv or an XLSX file.',
            'headers.content-type',
          );
        }
        const length = Number(req.get('content-length'));
        return ctx.importer.run({
          importId: query.importId,
          kind,
          body: req,
          ...(Number.isFinite(length) ? { bytesTotal: length } : {}),
          ...(query.fileName ? { fileName: query.fileName } : {}),
          principal,
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/registry/imports/:importId',
      summary: 'Staff: progress and report of an import they started',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'object', entity: 'import', field: 'params.importId', id: ({ params }) => params.importId },
      params: z.object({ importId: z.uuid() }),
      response: importReportSchema,
      // The scope answers 404 to anyone but the one who started it.
      handler: async ({ object: report }) => report,
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/registry/export',
      summary: 'Staff: the registry of a region as an XLSX file (ID numbers masked); the export is audited',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'region', field: 'query.regionCode', region: ({ query }) => query.regionCode },
      raw: XLSX,
      query: z.object({
        regionCode: countyOrFinerSchema,
      }),
      response: z.unknown(),
      rateLimit: { perUser: perHour(10), perIp: perHour(100) },
      handler: async ({ principal, query, res }) => {
        await ctx.table.db.send(
          new PutCommand({ TableName: ctx.table.tableName, Item: exportAuditItem(principal, query.regionCode) }),
        );
        res.status(200);
        res.setHeader('content-type', XLSX);
        res.setHeader('content-disposition', `attachment; filename="registry-${query.regionCode}.xlsx"`);
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: false, useSharedStrings: false });
        const sheet = workbook.addWorksheet('帮扶对象台账');
        sheet.columns = Object.entries(IMPORT_COLUMNS).map(([key, header]) => ({ key, header, width: 16 }));
        let cursor: string | undefined;
        do {
          const page = await ctx.workers.page({ regionCode: query.regionCode, limit: 100, ...(cursor ? { cursor } : {}) });
          for (const item of page.items) sheet.addRow(exportRow(toWorkerView(item))).commit();
          cursor = page.nextCursor;
        } while (cursor);
        sheet.commit();
        await workbook.commit();
        return undefined;
      },
    }),
  ];
}
