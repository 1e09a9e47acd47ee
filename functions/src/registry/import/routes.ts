import {
  AT_HOME_REASON_ZH,
  chinaMonth,
  fenToYuan,
  isVouched,
  IMPORT_COLUMNS,
  importContracts,
  LABOUR_CLASS_ZH,
  occupationName,
  TRAVEL_SCOPE_ZH,
  WORKER_GROUP_ZH,
  XLSX_MEDIA_TYPE,
  type CircumstanceStamp,
  type WorkerView,
} from '@bangfu/shared';
import type { AppContext } from '../../appContext.js';
import { implement, type AnyRoute } from '../../http/route.js';
import { fileKindOf, notASheet } from '../../sheets/readRows.js';
import { toWorkerView } from '../workerRepository.js';

/**
 * A circumstance as the file says it: 是 while a vouched record covers `month`. A worker's own report
 * is not exported — imported back, it would become a vouched fact nobody checked.
 */
function yesIfCovering(
  entry: { value: { from: string; until?: string | undefined }; stamp: CircumstanceStamp } | undefined,
  month: string,
) {
  if (!entry || !isVouched(entry.stamp)) return '';
  return entry.value.from <= month && (entry.value.until === undefined || month <= entry.value.until) ? '是' : '';
}

function exportRow(worker: WorkerView, month: string): Record<keyof typeof IMPORT_COLUMNS, string> {
  const { minimumLiving, insured, returnedMigrant } = worker.circumstances ?? {};
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
    minimumLiving: yesIfCovering(minimumLiving, month),
    insured: yesIfCovering(insured, month),
    returnedOn: returnedMigrant && isVouched(returnedMigrant.stamp) ? returnedMigrant.value.returnedOn : '',
  };
}

export function importRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(importContracts.start, async ({ principal, query, req }) => {
      const kind = fileKindOf(req.get('content-type'));
      if (!kind) {
        req.resume();
        throw notASheet();
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
    }),
    implement(importContracts.progress, async ({ object: report }) => report),
    implement(importContracts.export, async ({ principal, query, res }) => {
      await ctx.audit.exported(principal, query.regionCode);
      res.status(200);
      res.setHeader('content-type', XLSX_MEDIA_TYPE);
      res.setHeader('content-disposition', `attachment; filename="registry-${query.regionCode}.xlsx"`);
      const { default: ExcelJS } = await import('exceljs'); // loaded by the export only, as in readRows
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: false, useSharedStrings: false });
      const sheet = workbook.addWorksheet('帮扶对象台账');
      sheet.columns = Object.entries(IMPORT_COLUMNS).map(([key, header]) => ({ key, header, width: 16 }));
      const month = chinaMonth(new Date());
      let cursor: string | undefined;
      do {
        const page = await ctx.workers.page({ regionCode: query.regionCode, limit: 100, ...(cursor ? { cursor } : {}) });
        for (const item of page.items) sheet.addRow(exportRow(toWorkerView(item), month)).commit();
        cursor = page.nextCursor;
      } while (cursor);
      sheet.commit();
      await workbook.commit();
      return undefined;
    }),
  ];
}
