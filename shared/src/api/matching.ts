/**
 * 人岗匹配: a worker's recommendations (this month's pushes first, then the best live
 * matches) with reasons; 不感兴趣; the reciprocal candidate list for an employer's position
 * (no ID numbers); the "311" services staff record; the coverage table staff watch.
 */
import * as z from 'zod';
import { FACTORS } from '../matching/types.js';
import { SERVICE_KINDS } from '../matching/coverage.js';
import { positionCardSchema } from '../positions/position.js';
import { countyOrFinerSchema } from '../regions/regionCode.js';
import { acceptedMonthSchema, monthSchema } from '../registry/employment.js';
import { LABOUR_CLASSES } from '../registry/labels.js';
import { defineContract } from './contract.js';
import { objectIn, pageQuerySchema, positionIdParams, regionIn, STAFF, workerIdParams } from './common.js';

const factorSchema = z.object({
  factor: z.enum(FACTORS),
  score: z.number(),
  weight: z.number(),
  points: z.number(),
  /** Its words when it has something to say ("离家 3.2 公里"). */
  text: z.string().optional(),
});

export const recommendationSchema = z.object({
  position: positionCardSchema.required({ distanceKm: true }),
  score: z.number(),
  /** One line, e.g. "离家 3.2 公里 · 会电焊 · 月薪 4500 元，高于您的期望". */
  reason: z.string(),
  factors: z.array(factorSchema),
  /** Pushed this month (为你推荐), rather than found just now. */
  pushed: z.boolean(),
});

export const candidateSchema = z.object({
  workerId: z.string(),
  /** The surname and stars: enough to recognise an applicant, no more. */
  nameMasked: z.string(),
  age: z.number().int(),
  villageCode: z.string(),
  labourClass: z.enum(LABOUR_CLASSES),
  /** Occupation codes. */
  skills: z.array(z.string()),
  score: z.number(),
  reason: z.string(),
  factors: z.array(factorSchema),
  applied: z.boolean(),
});

const serviceCountsSchema = z.object({
  jobRecommendation: z.number().int(),
  careerGuidance: z.number().int(),
  trainingOffer: z.number().int(),
});

export const coverageRowSchema = z.object({
  regionCode: z.string(),
  regionName: z.string().optional(),
  workers: z.number().int(),
  willingUnemployed: z.number().int(),
  reachedThisMonth: z.number().int(),
  monthlyCoverage: z.number().nullable(),
  meetsCoverageGoal: z.boolean(),
  below311: z.number().int(),
  short: serviceCountsSchema,
  recommendations: z.number().int(),
  applications: z.number().int(),
  hires: z.number().int(),
  successRate: z.number().nullable(),
  meetsSuccessGoal: z.boolean(),
});

export const serviceSchema = z.object({
  serviceId: z.string(),
  kind: z.enum(SERVICE_KINDS),
  note: z.string(),
  by: z.string(),
  at: z.string(),
  positionId: z.string().optional(),
  /** Recorded by staff of another region at a scan of the worker's code: their office (e.g. 金山镇乡镇经办人员). */
  byOffice: z.string().optional(),
});

export const matchingContracts = {
  recommendations: defineContract({
    method: 'get',
    path: '/api/v1/me/recommendations',
    summary: 'Worker (bound): jobs for them with the reasons — this month’s pushes first, then the best live matches',
    tag: 'matching',
    access: ['worker'],
    proxy: 'read',
    scope: { kind: 'self' },
    response: z.object({
      month: monthSchema,
      /** No home address on the registry: distances are from the village centre (the reasons say so). */
      homeIsVillageCentre: z.boolean(),
      recommendations: z.array(recommendationSchema),
      /** Where the live matches came from: the worker's kept list, or a search just now. */
      live: z.object({
        fromCache: z.boolean(),
        computedAt: z.iso.datetime(),
        /** False when the search stopped at its work budget before reading everything within reach. */
        complete: z.boolean(),
      }),
    }),
  }),

  dismiss: defineContract({
    method: 'post',
    path: '/api/v1/me/recommendations/:positionId/dismiss',
    summary: 'Worker (bound): not interested (不感兴趣) — never recommended or pushed to them again',
    tag: 'matching',
    access: ['worker'],
    proxy: 'act',
    scope: { kind: 'self' },
    params: positionIdParams,
    response: z.object({ dismissed: z.literal(true) }),
  }),

  candidates: defineContract({
    method: 'get',
    path: '/api/v1/positions/:positionId/candidates',
    summary:
      'Employer (its own position) or staff in scope: the best-suited willing workers of the county, with reasons, no ID numbers',
    tag: 'matching',
    access: ['employer', ...STAFF],
    scope: objectIn('position', 'positionId'),
    params: positionIdParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) }),
    response: z.object({ candidates: z.array(candidateSchema), considered: z.number().int() }),
  }),

  recordService: defineContract({
    method: 'post',
    path: '/api/v1/registry/workers/:workerId/services',
    summary: 'Staff: record a "311" service given — a job recommended, career guidance, a training offer',
    tag: 'matching',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    body: z.strictObject({
      kind: z.enum(SERVICE_KINDS),
      note: z.string().trim().min(2, '请写一句做了什么（至少 2 个字）').max(200),
      positionId: z
        .string()
        .regex(/^p_[0-9a-f-]{36}$/, '不是岗位编号')
        .optional(),
    }),
    response: z.object({ serviceId: z.string(), at: z.string() }),
    status: 201,
  }),

  services: defineContract({
    method: 'get',
    path: '/api/v1/registry/workers/:workerId/services',
    summary: 'Staff: the "311" services a worker got in a year, newest first, a page at a time, and the counts against 3/1/1',
    tag: 'matching',
    access: STAFF,
    scope: objectIn('worker', 'workerId'),
    params: workerIdParams,
    query: pageQuerySchema.extend({
      year: z
        .string()
        .regex(/^\d{4}$/, '年份应为 4 位数字')
        .optional(),
    }),
    response: z.object({
      year: z.string(),
      services: z.array(serviceSchema),
      nextCursor: z.string().optional(),
      counts: serviceCountsSchema,
    }),
  }),

  coverage: defineContract({
    method: 'get',
    path: '/api/v1/matching/coverage',
    summary: 'Staff: per township (of a county) or village (of a township): this month’s push coverage, 311 gaps, success rate',
    tag: 'matching',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: z.object({
      regionCode: countyOrFinerSchema,
      month: acceptedMonthSchema.optional(),
    }),
    response: z.object({
      month: monthSchema,
      goals: z.object({
        monthlyCoverage: z.number(),
        successRate: z.number(),
        service311: serviceCountsSchema,
      }),
      rows: z.array(coverageRowSchema),
      total: coverageRowSchema,
    }),
  }),
};
