/**
 * 以工代赈 projects: set up by township or county staff with the contractor (an employer account),
 * the real-name roster built from the registry (the relocation-site 10% answered for), the monthly
 * wage sheet the contractor enters and pays, each person's own line to confirm or dispute, and
 * the arrears the county is warned of.
 */
import * as z from 'zod';
import { regionCodeSchema } from '../regions/regionCode.js';
import { LABOUR_CLASSES, WORKER_GROUPS } from '../registry/labels.js';
import { reliefProjectIdSchema, reliefProjectInputSchema, reliefProjectSchema } from '../reliefWork/project.js';
import { rosterAddInputSchema, rosterEntrySchema } from '../reliefWork/roster.js';
import {
  WAGE_LINE_STATUSES,
  wageAnswerSchema,
  wageLineSchema,
  wagePaymentInputSchema,
  wageSheetInputSchema,
} from '../reliefWork/wageSheet.js';
import { XLSX_MEDIA_TYPE } from '../registry/importColumns.js';
import { perHour } from '../http/rateLimit.js';
import { defineContract } from './contract.js';
import { objectIn, pageQuerySchema, regionIn, STAFF, workerIdParams } from './common.js';
import { acceptedMonthSchema as monthField } from '../registry/employment.js';

const projectParams = z.object({ projectId: reliefProjectIdSchema });
const sheetParams = projectParams.extend({ month: monthField });

/** A project with where it stands on the relocation share, in numbers and words. */
const projectViewSchema = reliefProjectSchema.extend({
  relocation: z.object({
    applies: z.boolean(),
    required: z.number().int(),
    onRoster: z.number().int(),
    short: z.number().int(),
    text: z.string().optional(),
  }),
});

/** A line as the contractor and staff see it: who answered when, without the phones. */
const sheetLineSchema = wageLineSchema.omit({ confirmation: true, dispute: true, receipt: true }).extend({
  confirmation: z.object({ at: z.string() }).optional(),
  dispute: z.object({ at: z.string(), note: z.string() }).optional(),
  receipt: z.object({ at: z.string(), received: z.boolean(), note: z.string().optional() }).optional(),
});

const findingSchema = z.object({
  workerId: z.string(),
  name: z.string(),
  month: z.string(),
  payFen: z.number().int(),
  kind: z.enum(['confirmedUnpaid', 'disputed', 'notReceived']),
  sinceDays: z.number().int().optional(),
  text: z.string(),
});

const sheetSchema = z.object({
  lines: z.array(sheetLineSchema),
  totals: z.object({
    workers: z.number().int(),
    days: z.number().int(),
    payFen: z.number().int(),
    confirmed: z.number().int(),
    disputed: z.number().int(),
    paid: z.number().int(),
    confirmedUnpaidFen: z.number().int(),
  }),
  /** 欠薪防控预警: what is confirmed and unpaid too long, and what is disputed. */
  arrears: z.array(findingSchema),
  /** Whether the county has been warned of this month (its task is open or done). */
  warned: z.boolean(),
});

/** The most a 代发结果 may be: one project's month, well under this. */
export const WAGE_FILE_MAX_BYTES = 1024 * 1024;

/** 代发结果 read against a month's sheet, before and after its payments are recorded. */
const wageFileAnswerSchema = z.object({
  /** SHA-256 of the file: recording names it, so what is recorded is what was read. */
  digest: z.string(),
  /** Rows the bank paid to the person's own card, recorded or to record. */
  paid: z.array(
    z.object({
      row: z.number().int().min(1),
      workerId: z.string(),
      name: z.string(),
      payFen: z.number().int(),
      paidOn: z.string().optional(),
      reference: z.string().optional(),
      recorded: z.boolean(),
    }),
  ),
  /** Paid and not recorded yet: recording records them all, or none while anything does not match. */
  toRecord: z.number().int().min(0),
  /** Rows the bank sent back, in its words: the person is still owed them. */
  returned: z.array(z.object({ row: z.number().int().min(1), name: z.string(), payFen: z.number().int(), reason: z.string() })),
  /** 序号 of confirmed or paid lines the file does not list. */
  unlisted: z.array(z.number().int().min(1)),
  /** 序号 of paid rows whose person has no card on record to check the account against. */
  unchecked: z.array(z.number().int().min(1)),
  /** By the file's row (0: the file as a whole), at most 100 shown; nothing is recorded while there is any. */
  problems: z.object({
    count: z.number().int().min(0),
    shown: z.array(z.object({ line: z.number().int().min(0), message: z.string() })),
  }),
  /** Payments this request recorded. */
  recorded: z.number().int().min(0).optional(),
  sheet: sheetSchema,
});

/** A person's own line: their days and pay, and whether the county was warned for it. */
const ownLineSchema = z.object({
  projectId: z.string(),
  projectName: z.string(),
  contractorName: z.string(),
  month: z.string(),
  days: z.number().int(),
  payFen: z.number().int(),
  status: z.enum(WAGE_LINE_STATUSES),
  enteredAt: z.string(),
  answeredAt: z.string().optional(),
  disputeNote: z.string().optional(),
  paidOn: z.string().optional(),
  /** What the person said of the payment: 收到了 (true) or 没收到 (false); absent until they say. */
  received: z.boolean().optional(),
  /** 已向旗县发出欠薪预警: the person sees that it was raised. */
  warned: z.boolean(),
  version: z.number().int(),
});

const CONTRACTOR_OR_STAFF = ['staff', 'admin', 'employer'] as const;

export const reliefWorkContracts = {
  create: defineContract({
    method: 'post',
    path: '/api/v1/relief-projects',
    summary:
      'Township or county staff: record a 以工代赈 project in a village of their region — owner unit, contractor (a 以工代赈 employer account), dates, planned jobs, labour demand, wage standard, relocation site',
    tag: 'reliefWork',
    access: STAFF,
    scope: regionIn('body', 'villageCode'),
    body: reliefProjectInputSchema,
    response: z.object({ project: projectViewSchema }),
    status: 201,
  }),

  list: defineContract({
    method: 'get',
    path: '/api/v1/relief-projects',
    summary: 'Staff: the 以工代赈 projects of a region, a page at a time, each with its relocation share',
    tag: 'reliefWork',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: pageQuerySchema.extend({ regionCode: regionCodeSchema }),
    response: z.object({ projects: z.array(projectViewSchema), nextCursor: z.string().optional() }),
  }),

  mine: defineContract({
    method: 'get',
    path: '/api/v1/me/relief-projects',
    summary: 'Contractor (employer): the 以工代赈 projects it builds, newest first',
    tag: 'reliefWork',
    access: ['employer'],
    scope: { kind: 'self' },
    query: pageQuerySchema,
    response: z.object({ projects: z.array(projectViewSchema), nextCursor: z.string().optional() }),
  }),

  get: defineContract({
    method: 'get',
    path: '/api/v1/relief-projects/:projectId',
    summary: 'Staff of its region or its contractor: one project with its roster and the relocation share',
    tag: 'reliefWork',
    access: CONTRACTOR_OR_STAFF,
    scope: objectIn('reliefProject', 'projectId'),
    params: projectParams,
    response: z.object({ project: projectViewSchema, roster: z.array(rosterEntrySchema) }),
  }),

  candidates: defineContract({
    method: 'get',
    path: '/api/v1/relief-projects/:projectId/candidates',
    summary:
      'Staff of its region or its contractor: who is offered work first — relocated people while a relocation-site project is short of its 10%, then 返乡农民工, 脱贫人口 and 监测对象 — among the site township’s people not at work; a contractor’s view is audited',
    tag: 'reliefWork',
    access: CONTRACTOR_OR_STAFF,
    scope: objectIn('reliefProject', 'projectId'),
    params: projectParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) }),
    response: z.object({
      candidates: z.array(
        z.object({
          workerId: z.string(),
          name: z.string(),
          villageCode: z.string(),
          labourClass: z.enum(LABOUR_CLASSES),
          groups: z.array(z.enum(WORKER_GROUPS)),
          relocated: z.boolean(),
          tier: z.number().int(),
          reasons: z.array(z.string()),
        }),
      ),
      partial: z.boolean(),
    }),
  }),

  addToRoster: defineContract({
    method: 'post',
    path: '/api/v1/relief-projects/:projectId/roster',
    summary:
      'Staff of its region or its contractor: put a registry person of the county on the roster (用工名册) while planned jobs are left; at a relocation site short of its 10%, someone not relocated needs the contractor’s reason (409 asking for it)',
    tag: 'reliefWork',
    access: CONTRACTOR_OR_STAFF,
    scope: objectIn('reliefProject', 'projectId'),
    params: projectParams,
    body: rosterAddInputSchema,
    response: z.object({ project: projectViewSchema, entry: rosterEntrySchema }),
    status: 201,
  }),

  leaveRoster: defineContract({
    method: 'post',
    path: '/api/v1/relief-projects/:projectId/roster/:workerId/leave',
    summary:
      'Staff of its region or its contractor: a person leaves the roster (their place and the relocation share counted back); their wage lines stay; they may be taken on anew',
    tag: 'reliefWork',
    access: CONTRACTOR_OR_STAFF,
    scope: objectIn('reliefProject', 'projectId'),
    params: projectParams.extend(workerIdParams.shape),
    response: z.object({ project: projectViewSchema, entry: rosterEntrySchema }),
  }),

  sheet: defineContract({
    method: 'get',
    path: '/api/v1/relief-projects/:projectId/wages/:month',
    summary: 'Staff of its region or its contractor: a month’s wage sheet with its totals and its arrears',
    tag: 'reliefWork',
    access: CONTRACTOR_OR_STAFF,
    scope: objectIn('reliefProject', 'projectId'),
    params: sheetParams,
    response: sheetSchema,
  }),

  enterWages: defineContract({
    method: 'put',
    path: '/api/v1/relief-projects/:projectId/wages/:month',
    summary:
      'Its contractor: enter a month’s days and pay for people on the roster (至少每月1次), all lines or none, at least the county’s wage standard; a line its person confirmed stays as it is',
    tag: 'reliefWork',
    access: ['employer'],
    scope: objectIn('reliefProject', 'projectId'),
    params: sheetParams,
    body: wageSheetInputSchema,
    response: sheetSchema,
  }),

  payWages: defineContract({
    method: 'post',
    path: '/api/v1/relief-projects/:projectId/wages/:month/payments',
    summary: 'Its contractor: record the bank payment (to each person’s own card) of confirmed lines, all or none',
    tag: 'reliefWork',
    access: ['employer'],
    scope: objectIn('reliefProject', 'projectId'),
    params: sheetParams,
    body: wagePaymentInputSchema,
    response: sheetSchema,
  }),

  readWageFile: defineContract({
    method: 'post',
    path: '/api/v1/relief-projects/:projectId/wages/:month/bank-file',
    summary:
      'Its contractor: the bank’s 代发结果 (CSV or XLSX, the request body; application/octet-stream is told apart by its first bytes) read against the month’s sheet: who was paid, to which card, what came back, what does not match; with `record` (the digest the reading answered) the payments are recorded, all or none',
    tag: 'reliefWork',
    access: ['employer'],
    scope: objectIn('reliefProject', 'projectId'),
    params: sheetParams,
    query: z.object({
      record: z
        .string()
        .regex(/^[0-9a-f]{64}$/, '应为读文件时答复的 digest')
        .optional(),
    }),
    response: wageFileAnswerSchema,
    rateLimit: { perUser: perHour(60), perIp: perHour(300) },
  }),

  sheetFile: defineContract({
    method: 'get',
    path: '/api/v1/relief-projects/:projectId/wages/:month/file',
    summary:
      'Staff of its region or its contractor: the month’s wage sheet as XLSX, for the bank and for 备案 with the sector department; every download audited',
    tag: 'reliefWork',
    access: CONTRACTOR_OR_STAFF,
    scope: objectIn('reliefProject', 'projectId'),
    raw: XLSX_MEDIA_TYPE,
    params: sheetParams,
    response: z.unknown(),
    rateLimit: { perUser: perHour(60), perIp: perHour(300) },
  }),

  myWages: defineContract({
    method: 'get',
    path: '/api/v1/me/relief-work',
    summary: 'Worker (bound): their lines on 以工代赈 wage sheets of the last three months, to confirm (签字确认) or dispute',
    tag: 'reliefWork',
    access: ['worker'],
    scope: { kind: 'self' },
    response: z.object({ lines: z.array(ownLineSchema) }),
  }),

  answerWages: defineContract({
    method: 'post',
    path: '/api/v1/me/relief-work/:projectId/wages/:month',
    summary:
      'Worker (bound): confirm their line of a wage sheet (签字确认) or dispute it — a dispute warns the county at once (欠薪防控预警); two answers at once: one lands',
    tag: 'reliefWork',
    access: ['worker'],
    scope: { kind: 'self' },
    params: sheetParams,
    body: wageAnswerSchema,
    response: z.object({ line: ownLineSchema }),
  }),
};
