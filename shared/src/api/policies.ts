/**
 * 政策文件: the documents that hold for a region — shipped ones and those its admins recorded
 * (地方文件) — with their dates, what each grants, and the local standards the region still
 * owes; and recording a local document that sets standards or continues (延续执行) one of
 * the region's own.
 */
import * as z from 'zod';
import { POLICY_DOCUMENTS, type PolicyDocumentId } from '../policy/documents.js';
import { regionCodeSchema } from '../regions/regionCode.js';
import { SUBSIDY_IDS } from '../subsidies/catalogue.js';
import { referenceSchema } from '../subsidies/claim.js';
import { PARAMETER_UNITS } from '../subsidies/parameters.js';
import { defineContract } from './contract.js';
import { regionIn, STAFF } from './common.js';

const POLICY_DOCUMENT_IDS = Object.keys(POLICY_DOCUMENTS) as [PolicyDocumentId, ...PolicyDocumentId[]];

const inForceSchema = z.object({ from: z.iso.date(), until: z.iso.date().optional() });

export const POLICY_STATUSES = ['inForce', 'ended', 'notYet'] as const;

/** The standards a recorded document sets, as staff read them. */
const setsSchema = z.array(
  z.object({ key: z.string(), label: z.string(), unit: z.enum(PARAMETER_UNITS), value: z.number().nullable() }),
);

/** A document as staff see it on 补贴标准: where and when it holds, what it grants and sets. */
export const policyViewSchema = z.object({
  policy: z.string(),
  kind: z.enum(['shipped', 'local']),
  title: z.string(),
  issuer: z.string(),
  number: z.string().optional(),
  date: z.string().optional(),
  /** The region it governs, and that region's name. */
  jurisdiction: z.string(),
  jurisdictionName: z.string(),
  inForce: inForceSchema,
  /** Why these dates (the passage or title that sets them), for a shipped document. */
  inForceBasis: z.string().optional(),
  /** Today, in China. */
  status: z.enum(POLICY_STATUSES),
  demo: z.boolean(),
  /** The subsidies its passages grant, each with the section. */
  grants: z.array(
    z.object({ subsidy: z.enum(SUBSIDY_IDS), name: z.string(), section: z.string(), until: z.string().optional() }),
  ),
  /** The shipped documents it continues (local documents only). */
  continues: z.array(z.string()),
  /** The standards it set (local documents only). */
  sets: setsSchema,
  recordedBy: z.string().optional(),
  recordedAt: z.string().optional(),
  /** The second admin who put it in force (四眼): absent on documents recorded before, and on the demo's. */
  confirmedBy: z.string().optional(),
});
export type PolicyView = z.infer<typeof policyViewSchema>;

/**
 * A local document one admin recorded, waiting for another to check it against the paper and
 * confirm it (四眼): nothing it sets or continues holds until then.
 */
export const waitingDocumentSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  issuer: z.string(),
  number: z.string().optional(),
  date: z.string(),
  inForce: inForceSchema,
  continues: z.array(z.string()),
  sets: setsSchema,
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type WaitingDocumentView = z.infer<typeof waitingDocumentSchema>;

/** A local standard the region still owes: granted here today, and nobody here or above has set it. */
export const owedStandardSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(PARAMETER_UNITS),
  subsidies: z.array(z.object({ subsidy: z.enum(SUBSIDY_IDS), name: z.string() })),
  /** The passage that grants the subsidy here and leaves the amount to local governments. */
  reference: referenceSchema,
});

const MAX_VALUE = 100_000_000;

/** What an admin records from a local document: its particulars, the standards it sets, the documents it continues. */
export const localDocumentInputSchema = z
  .strictObject({
    title: z.string().trim().min(4, '请填写文件标题').max(80, '标题太长了'),
    issuer: z.string().trim().min(2, '请填写发文单位').max(40, '发文单位太长了'),
    number: z.string().trim().min(2, '文号太短了').max(40, '文号太长了').optional(),
    /** 成文日期. */
    date: z.iso.date('请填写成文日期'),
    /** The first day it holds; its standards hold from that day. */
    from: z.iso.date('请填写开始执行的日期'),
    until: z.iso.date('截止日期不对').optional(),
    continues: z.array(z.enum(POLICY_DOCUMENT_IDS)).max(POLICY_DOCUMENT_IDS.length).default([]),
    sets: z
      .array(
        z.strictObject({
          key: z.string().regex(/^[A-Za-z0-9]{1,60}$/, '不是标准的名称'),
          value: z.number().min(0, '标准不能是负数').max(MAX_VALUE, '标准太大了').nullable(),
        }),
      )
      .max(40, '一次最多记录 40 项标准')
      .default([]),
  })
  .refine((input) => input.until === undefined || input.until >= input.from, {
    path: ['until'],
    message: '截止日期不能早于开始执行的日期',
  })
  .refine((input) => input.sets.length > 0 || input.continues.length > 0, {
    path: ['sets'],
    message: '文件至少要设定一项标准，或延续执行一份文件',
  })
  .refine((input) => new Set(input.sets.map((s) => s.key)).size === input.sets.length, {
    path: ['sets'],
    message: '同一项标准只能填一次',
  });
export type LocalDocumentInput = z.infer<typeof localDocumentInputSchema>;

export const policyContracts = {
  list: defineContract({
    method: 'get',
    path: '/api/v1/regions/:code/policies',
    summary:
      'Staff: the documents that hold for a region (shipped and recorded), their dates and grants, and the standards it owes',
    tag: 'subsidies',
    access: STAFF,
    scope: regionIn('params', 'code'),
    params: z.object({ code: regionCodeSchema }),
    response: z.object({
      today: z.string(),
      policies: z.array(policyViewSchema),
      owed: z.array(owedStandardSchema),
      /** The region's own documents waiting for a second admin. */
      waiting: z.array(waitingDocumentSchema),
    }),
  }),

  record: defineContract({
    method: 'post',
    path: '/api/v1/regions/:code/policies',
    summary:
      'Admin of the region: record a local document that sets its standards or continues one of its own documents; in force once another admin confirms it',
    tag: 'subsidies',
    access: ['admin'],
    scope: regionIn('params', 'code'),
    params: z.object({ code: regionCodeSchema }),
    body: localDocumentInputSchema,
    response: z.object({ waiting: waitingDocumentSchema }),
  }),

  confirm: defineContract({
    method: 'post',
    path: '/api/v1/regions/:code/policies/:documentId/confirm',
    summary: 'Another admin of the region: put in force a local document recorded by someone else, with what it sets',
    tag: 'subsidies',
    access: ['admin'],
    scope: regionIn('params', 'code'),
    params: z.object({ code: regionCodeSchema, documentId: z.string().regex(/^ld-[0-9a-f-]{36}$/, '不是记录的文件') }),
    response: z.object({ policy: policyViewSchema }),
  }),
};
