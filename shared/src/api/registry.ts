/**
 * 实名制台账: staff enter, find, read (audited, with a purpose), change and unbind records,
 * reveal an ID number and lift a binding lockout; a worker binds their account and keeps
 * their phone and preferences; month-by-month employment, reported by staff or by the
 * worker and confirmed (核实) by staff; the monthly reporting of villages and townships;
 * import and export of the registry as a file.
 */
import * as z from 'zod';
import { userSchema } from '../auth/schemas.js';
import { perHour } from '../http/rateLimit.js';
import { nameSchema } from '../names.js';
import { countyOrFinerSchema, regionCodeSchema } from '../regions/regionCode.js';
import {
  acceptedMonthSchema,
  employmentConfirmationSchema,
  employmentInputSchema,
  employmentRecordSchema,
  isFutureMonth,
} from '../registry/employment.js';
import { idNumberSchema } from '../registry/idNumber.js';
import { XLSX_MEDIA_TYPE } from '../registry/importColumns.js';
import { AUDIT_ACTIONS, LABOUR_CLASSES, READ_PURPOSES, WORKER_GROUPS } from '../registry/labels.js';
import { REPORT_STATES } from '../registry/reporting.js';
import {
  ownWorkerUpdateSchema,
  workerInputSchema,
  workerSummarySchema,
  workerUpdateSchema,
  workerViewSchema,
} from '../registry/worker.js';
import { circumstanceChangeSchema } from '../registry/circumstances.js';
import { defineContract } from './contract.js';
import { objectIn, pageQuerySchema, regionIn, STAFF, workerIdParams } from './common.js';

const reasonBody = z.strictObject({ reason: z.string().trim().min(4, '请写明原因（至少 4 个字）').max(200) });
const workerResponse = z.object({ worker: workerViewSchema });

/** What a worker who cannot bind is told to do: the lockout of binding names it too. */
export const BIND_WAY_FORWARD_ZH = '请找村里的信息员帮您绑定。';

export const auditEntrySchema = z.object({
  workerId: z.string(),
  actorId: z.string(),
  actorRole: z.string(),
  actorRegionCode: z.string().optional(),
  action: z.enum(AUDIT_ACTIONS),
  reason: z.string(),
  at: z.iso.datetime(),
  /** The client address of a failed binding. */
  ip: z.string().optional(),
  /**
   * An employer's name, where the actor is an employer, or the family member acting for the worker
   * (家人 李小明): the worker reads it in 个人信息使用记录.
   */
  actorOffice: z.string().optional(),
  /** A consent the worker gave: its id and end. */
  shareId: z.string().optional(),
  shareEndsAt: z.iso.datetime().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const registryContracts = {
  create: defineContract({
    method: 'post',
    path: '/api/v1/registry/workers',
    summary: 'Staff: enter a person into the registry (one record per ID number)',
    tag: 'registry',
    access: STAFF,
    scope: regionIn('body', 'villageCode'),
    body: workerInputSchema,
    response: workerResponse,
    status: 201,
  }),

  list: defineContract({
    method: 'get',
    path: '/api/v1/registry/workers',
    summary: 'Staff: the registry of a county, township or village, filtered; search by name or last 4 ID characters',
    tag: 'registry',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: pageQuerySchema.extend({
      regionCode: countyOrFinerSchema,
      group: z.enum(WORKER_GROUPS).optional(),
      labourClass: z.enum(LABOUR_CLASSES).optional(),
      employed: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional(),
      q: z.string().trim().min(1).max(30).optional(),
    }),
    response: z.object({ workers: z.array(workerSummarySchema), nextCursor: z.string().optional() }),
  }),

  get: defineContract({
    method: 'get',
    path: '/api/v1/registry/workers/:workerId',
    summary: 'Staff: one full record (ID masked); every read is audited with its purpose',
    tag: 'registry',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    query: z.object({ purpose: z.enum(READ_PURPOSES) }),
    response: workerResponse,
  }),

  update: defineContract({
    method: 'patch',
    path: '/api/v1/registry/workers/:workerId',
    summary: 'Staff: change a record (labour class, groups, skills, preferences, exit…), naming the version read',
    tag: 'registry',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    body: workerUpdateSchema,
    response: workerResponse,
  }),

  reveal: defineContract({
    method: 'post',
    path: '/api/v1/registry/workers/:workerId/reveal',
    summary: 'Staff: show the full ID number once, with a reason; audited before it is shown',
    tag: 'registry',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    body: reasonBody,
    response: z.object({ idNumber: z.string() }),
    rateLimit: { perUser: perHour(30), perIp: perHour(300) },
  }),

  audit: defineContract({
    method: 'get',
    path: '/api/v1/registry/workers/:workerId/audit',
    summary: 'Staff: who read or changed this record, newest first, a page at a time',
    tag: 'registry',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    query: pageQuerySchema,
    response: z.object({ entries: z.array(auditEntrySchema), nextCursor: z.string().optional() }),
  }),

  unbind: defineContract({
    method: 'post',
    path: '/api/v1/registry/workers/:workerId/unbind',
    summary: 'Staff: undo the WeChat binding of a record, with the reason recorded',
    tag: 'registry',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    body: reasonBody,
    response: workerResponse,
  }),

  clearBindLockout: defineContract({
    method: 'post',
    path: '/api/v1/registry/workers/:workerId/bind-lockout/clear',
    summary: 'Staff: lift a record’s binding lockout after seeing the person (the way forward the lockout names); audited',
    tag: 'registry',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    body: reasonBody,
    response: z.object({ cleared: z.literal(true) }),
    rateLimit: { perUser: perHour(30), perIp: perHour(300) },
  }),

  bind: defineContract({
    method: 'post',
    path: '/api/v1/me/worker/bind',
    summary: 'Worker: bind this account to their registry record by name and ID number',
    tag: 'registry',
    access: ['worker'],
    scope: { kind: 'self' },
    body: z.strictObject({ name: nameSchema(2, 30), idNumber: idNumberSchema }),
    response: z.object({ worker: workerViewSchema, user: userSchema }),
    rateLimit: { perUser: perHour(30), perIp: perHour(300), wayForwardZh: BIND_WAY_FORWARD_ZH },
  }),

  updateMine: defineContract({
    method: 'patch',
    path: '/api/v1/me/worker',
    summary: 'Worker: change their phone or job preferences, naming the version read',
    tag: 'registry',
    access: ['worker'],
    scope: { kind: 'self' },
    body: ownWorkerUpdateSchema,
    response: workerResponse,
  }),

  mine: defineContract({
    method: 'get',
    path: '/api/v1/me/worker',
    summary: 'Worker: their own registry record (ID masked)',
    tag: 'registry',
    access: ['worker'],
    proxy: 'read',
    scope: { kind: 'self' },
    response: workerResponse,
  }),

  recordCircumstance: defineContract({
    method: 'put',
    path: '/api/v1/registry/workers/:workerId/circumstances',
    summary:
      'Staff: record (or clear) one of a person’s circumstances the subsidies ask for (参保, 低保, 返乡…), as vouched by them',
    tag: 'registry',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    body: circumstanceChangeSchema,
    response: workerResponse,
  }),

  reportCircumstance: defineContract({
    method: 'put',
    path: '/api/v1/me/circumstances',
    summary: 'Worker: report one of their own circumstances; it waits for an officer to confirm it before money rests on it',
    tag: 'registry',
    access: ['worker'],
    scope: { kind: 'self' },
    body: circumstanceChangeSchema,
    response: workerResponse,
  }),
};

/** A month that has come: no one records employment ahead of time. */
const pastMonthSchema = acceptedMonthSchema.refine((month) => !isFutureMonth(month, new Date()), '不能填写还没到的月份');
const recordResponse = z.object({ record: employmentRecordSchema });
/** Months newest first, a page at a time (two years by default: what a screen shows first). */
const timelineQuery = pageQuerySchema.extend({ limit: z.coerce.number().int().min(1).max(100).default(24) });
const timelineResponse = z.object({ records: z.array(employmentRecordSchema), nextCursor: z.string().optional() });

export const employmentContracts = {
  record: defineContract({
    method: 'put',
    path: '/api/v1/registry/workers/:workerId/employment/:month',
    summary: 'Staff: record a worker’s employment for a month (a later record supersedes, history kept)',
    tag: 'registry',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams.extend({ month: pastMonthSchema }),
    body: employmentInputSchema,
    response: recordResponse,
  }),

  confirm: defineContract({
    method: 'post',
    path: '/api/v1/registry/workers/:workerId/employment/:month/confirmation',
    summary: 'Staff: confirm (核实) a worker’s own report of a month, as read at its revision; only then does it count for money',
    tag: 'registry',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams.extend({ month: acceptedMonthSchema }),
    body: employmentConfirmationSchema,
    response: recordResponse,
  }),

  timeline: defineContract({
    method: 'get',
    path: '/api/v1/registry/workers/:workerId/employment',
    summary: 'Staff: a worker’s month-by-month employment, newest first, a page at a time',
    tag: 'registry',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    query: timelineQuery,
    response: timelineResponse,
  }),

  history: defineContract({
    method: 'get',
    path: '/api/v1/registry/workers/:workerId/employment/:month/history',
    summary: 'Staff: every revision of one month, oldest first',
    tag: 'registry',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams.extend({ month: acceptedMonthSchema }),
    response: z.object({ revisions: z.array(employmentRecordSchema) }),
  }),

  recordMine: defineContract({
    method: 'put',
    path: '/api/v1/me/employment/:month',
    summary: 'Worker: report their own employment for a month',
    tag: 'registry',
    access: ['worker'],
    scope: { kind: 'self' },
    params: z.object({ month: pastMonthSchema }),
    body: employmentInputSchema,
    response: recordResponse,
  }),

  mine: defineContract({
    method: 'get',
    path: '/api/v1/me/employment',
    summary: 'Worker: their own month-by-month employment, newest first, a page at a time',
    tag: 'registry',
    access: ['worker'],
    proxy: 'read',
    scope: { kind: 'self' },
    query: timelineQuery,
    response: timelineResponse,
  }),
};

export const regionReportSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().optional(),
  state: z.enum(REPORT_STATES),
  reportedAt: z.string().optional(),
  reportedBy: z.string().optional(),
});

export const reportContracts = {
  submit: defineContract({
    method: 'post',
    path: '/api/v1/registry/reports',
    summary: 'Staff: report a village’s month (due the 15th) or a township’s (due the 25th)',
    tag: 'registry',
    access: STAFF,
    scope: regionIn('body', 'regionCode'),
    body: z.strictObject({
      month: acceptedMonthSchema.refine((m) => !isFutureMonth(m, new Date()), '不能报送还没到的月份'),
      regionCode: regionCodeSchema.refine((c) => c.length === 9 || c.length === 12, '只有村（嘎查）和乡镇（苏木）报送'),
    }),
    response: z.object({
      report: z.object({ regionCode: z.string(), month: z.string(), reportedBy: z.string(), reportedAt: z.string() }),
    }),
  }),

  status: defineContract({
    method: 'get',
    path: '/api/v1/registry/reports',
    summary: 'Staff: which villages and townships of a county or township have reported a month',
    tag: 'registry',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: z.object({
      month: acceptedMonthSchema,
      regionCode: regionCodeSchema.refine((c) => c.length === 6 || c.length === 9, '请选择旗县或乡镇（苏木）'),
    }),
    response: z.object({
      month: z.string(),
      deadlines: z.object({ village: z.string(), township: z.string() }),
      townships: z.array(regionReportSchema),
      villages: z.array(regionReportSchema),
    }),
  }),
};

export const badRowSchema = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type BadRow = z.infer<typeof badRowSchema>;

export const importReportSchema = z.object({
  importId: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  fileName: z.string().optional(),
  bytesTotal: z.number().int().optional(),
  bytesRead: z.number().int(),
  rows: z.number().int(),
  written: z.number().int(),
  unchanged: z.number().int(),
  bad: z.number().int(),
  /** The first 1,000 bad rows; `bad` counts them all. */
  badRows: z.array(badRowSchema),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  error: z.string().optional(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importContracts = {
  start: defineContract({
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
  }),

  progress: defineContract({
    method: 'get',
    path: '/api/v1/registry/imports/:importId',
    summary: 'Staff: progress and report of an import they started',
    tag: 'registry',
    access: STAFF,
    scope: objectIn('import', 'importId'),
    params: z.object({ importId: z.uuid() }),
    response: importReportSchema,
  }),

  export: defineContract({
    method: 'get',
    path: '/api/v1/registry/export',
    summary: 'Staff: the registry of a region as an XLSX file (ID numbers masked); the export is audited',
    tag: 'registry',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    raw: XLSX_MEDIA_TYPE,
    query: z.object({
      regionCode: countyOrFinerSchema,
    }),
    response: z.unknown(),
    rateLimit: { perUser: perHour(10), perIp: perHour(100) },
  }),
};
