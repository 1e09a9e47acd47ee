/**
 * The job map and its positions: the public map and nearby list, a position's detail, an
 * employer's profile and positions, a worker's applications and the employer's answers to
 * them, and what staff review (employers to verify, positions to take down).
 */
import * as z from 'zod';
import { userSchema } from '../auth/schemas.js';
import {
  applicantSchema,
  applicationDecisionSchema,
  applicationSchema,
  hireSchema,
  myApplicationSchema,
} from '../positions/application.js';
import {
  employerInputSchema,
  employerSchema,
  employerUpdateSchema,
  verificationDecisionSchema,
  workshopStatusSchema,
} from '../positions/employer.js';
import { VERIFICATION_STATUSES } from '../positions/labels.js';
import { positionCreateSchema, positionSchema, positionUpdateSchema } from '../positions/position.js';
import {
  mapQuerySchema,
  mapResponseSchema,
  nearbyQuerySchema,
  nearbyResponseSchema,
  positionDetailSchema,
} from '../positions/queries.js';
import { countyOrFinerSchema } from '../regions/regionCode.js';
import { employerIdParams, objectIn, pageQuerySchema, positionIdParams, regionIn, STAFF, workerIdParams } from './common.js';
import { defineContract } from './contract.js';

const positionResponse = z.object({ position: positionSchema });
const versionBody = z.strictObject({ version: z.number().int().min(1) });
const applicantParams = positionIdParams.extend(workerIdParams.shape);
const employerResponse = z.object({ employer: employerSchema });

export const positionContracts = {
  // The map's reads come before /:positionId, which would otherwise take their paths.
  nearby: defineContract({
    method: 'get',
    path: '/api/v1/positions/nearby',
    summary: 'Anyone: open positions within a radius of a point (GCJ-02), nearest first, with filters and a cursor',
    tag: 'positions',
    access: 'public',
    scope: { kind: 'public' },
    query: nearbyQuerySchema,
    response: nearbyResponseSchema,
  }),

  map: defineContract({
    method: 'get',
    path: '/api/v1/positions/map',
    summary: 'Anyone: what a map box shows at a zoom: clusters with counts, or single markers',
    tag: 'positions',
    access: 'public',
    scope: { kind: 'public' },
    query: mapQuerySchema,
    response: mapResponseSchema,
  }),

  create: defineContract({
    method: 'post',
    path: '/api/v1/positions',
    summary: 'Employer: post a position, open at once (on the map once the employer is verified) or as a draft',
    tag: 'positions',
    access: ['employer'],
    scope: { kind: 'self' },
    body: positionCreateSchema,
    response: positionResponse,
    status: 201,
  }),

  mine: defineContract({
    method: 'get',
    path: '/api/v1/me/positions',
    summary: 'Employer: its own positions, newest first, a page at a time; the first page says how many there are',
    tag: 'positions',
    access: ['employer'],
    scope: { kind: 'self' },
    query: pageQuerySchema,
    response: z.object({
      positions: z.array(positionSchema),
      nextCursor: z.string().optional(),
      /** On the first page: all of them, and those open to applications today (not past their last day). */
      counts: z.object({ all: z.number().int(), open: z.number().int() }).optional(),
    }),
  }),

  inRegion: defineContract({
    method: 'get',
    path: '/api/v1/positions',
    summary: 'Staff: the positions of a county, township or village',
    tag: 'positions',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: pageQuerySchema.extend({
      regionCode: countyOrFinerSchema,
    }),
    response: z.object({ positions: z.array(positionSchema), nextCursor: z.string().optional() }),
  }),

  get: defineContract({
    method: 'get',
    path: '/api/v1/positions/:positionId',
    summary: 'Anyone: one position with its employer (drafts and unverified employers’ only for them and staff)',
    tag: 'positions',
    access: 'public',
    scope: { ...objectIn('position', 'positionId'), publicRead: true },
    params: positionIdParams,
    response: positionDetailSchema,
  }),

  update: defineContract({
    method: 'patch',
    path: '/api/v1/positions/:positionId',
    summary: 'Employer: edit its own position on the version read (headcount never below those hired)',
    tag: 'positions',
    access: ['employer'],
    scope: objectIn('position', 'positionId'),
    params: positionIdParams,
    body: positionUpdateSchema,
    response: positionResponse,
  }),

  publish: defineContract({
    method: 'post',
    path: '/api/v1/positions/:positionId/publish',
    summary: 'Employer: open a draft or a closed position (not one staff took down)',
    tag: 'positions',
    access: ['employer'],
    scope: objectIn('position', 'positionId'),
    params: positionIdParams,
    body: versionBody,
    response: positionResponse,
  }),

  close: defineContract({
    method: 'post',
    path: '/api/v1/positions/:positionId/close',
    summary: 'Employer: stop recruiting (the position leaves the map)',
    tag: 'positions',
    access: ['employer'],
    scope: objectIn('position', 'positionId'),
    params: positionIdParams,
    body: versionBody,
    response: positionResponse,
  }),

  takedown: defineContract({
    method: 'post',
    path: '/api/v1/positions/:positionId/takedown',
    summary: 'Staff: take a position in their region down, with the reason recorded',
    tag: 'positions',
    access: STAFF,
    scope: objectIn('position', 'positionId'),
    params: positionIdParams,
    body: z.strictObject({
      version: z.number().int().min(1),
      reason: z.string().trim().min(4, '请写明下架原因（至少 4 个字）').max(200),
    }),
    response: positionResponse,
  }),
};

export const applicationContracts = {
  apply: defineContract({
    method: 'post',
    path: '/api/v1/positions/:positionId/applications',
    summary: 'Worker (bound): apply for an open position; applying again returns the same application',
    tag: 'applications',
    access: ['worker'],
    proxy: 'act',
    scope: { kind: 'self' },
    params: positionIdParams,
    response: z.object({ application: applicationSchema, created: z.boolean() }),
  }),

  mine: defineContract({
    method: 'get',
    path: '/api/v1/me/applications',
    summary: 'Worker: their applications with the jobs, newest first, a page at a time',
    tag: 'applications',
    access: ['worker'],
    proxy: 'read',
    scope: { kind: 'self' },
    query: pageQuerySchema,
    response: z.object({ applications: z.array(myApplicationSchema), nextCursor: z.string().optional() }),
  }),

  mineFor: defineContract({
    method: 'get',
    path: '/api/v1/me/applications/:positionId',
    summary: 'Worker: their application to one position, or null (the job page’s 我要报名 / 已报名)',
    tag: 'applications',
    access: ['worker'],
    proxy: 'read',
    scope: { kind: 'self' },
    params: positionIdParams,
    response: z.object({ application: applicationSchema.nullable() }),
  }),

  ofPosition: defineContract({
    method: 'get',
    path: '/api/v1/positions/:positionId/applications',
    summary:
      'Employer of the position, or staff in scope: the applicants, first come first, a page at a time, with what matters for the job (no ID number)',
    tag: 'applications',
    access: ['employer', ...STAFF],
    scope: objectIn('position', 'positionId'),
    params: positionIdParams,
    query: pageQuerySchema,
    response: z.object({ applicants: z.array(applicantSchema), nextCursor: z.string().optional() }),
  }),

  decide: defineContract({
    method: 'post',
    path: '/api/v1/positions/:positionId/applications/:workerId/decision',
    summary:
      'Employer: accept an application (to meet) or reject it with a reason the worker reads; answers the applicant as listed (the phone once accepted)',
    tag: 'applications',
    access: ['employer'],
    scope: objectIn('position', 'positionId'),
    params: applicantParams,
    body: applicationDecisionSchema,
    response: z.object({ application: applicationSchema, applicant: applicantSchema }),
  }),

  hire: defineContract({
    method: 'post',
    path: '/api/v1/positions/:positionId/applications/:workerId/hire',
    summary: 'Employer: confirm a hire — filled count +1 (never past headcount) and the worker’s month recorded, together',
    tag: 'applications',
    access: ['employer'],
    scope: objectIn('position', 'positionId'),
    params: applicantParams,
    body: hireSchema,
    response: z.object({ application: applicationSchema, position: positionSchema }),
  }),
};

export const employerContracts = {
  mine: defineContract({
    method: 'get',
    path: '/api/v1/me/employer',
    summary: 'Employer: its own profile (404 until it has one)',
    tag: 'employers',
    access: ['employer'],
    scope: { kind: 'self' },
    response: employerResponse,
  }),

  create: defineContract({
    method: 'post',
    path: '/api/v1/me/employer',
    summary: 'Employer: create its profile, to be verified by staff of its region',
    tag: 'employers',
    access: ['employer'],
    scope: { kind: 'self' },
    body: employerInputSchema,
    response: z.object({ employer: employerSchema, user: userSchema }),
    status: 201,
  }),

  update: defineContract({
    method: 'patch',
    path: '/api/v1/me/employer',
    summary:
      'Employer: change its profile on the version read; renamed or moved, it waits for verification again and its positions leave the map',
    tag: 'employers',
    access: ['employer'],
    scope: { kind: 'self' },
    body: employerUpdateSchema,
    response: employerResponse,
  }),

  inRegion: defineContract({
    method: 'get',
    path: '/api/v1/employers',
    summary: 'Staff: the employers of a county, township or village, optionally by verification status',
    tag: 'employers',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: pageQuerySchema.extend({
      regionCode: countyOrFinerSchema,
      status: z.enum(VERIFICATION_STATUSES).optional(),
    }),
    response: z.object({ employers: z.array(employerSchema), nextCursor: z.string().optional() }),
  }),

  verify: defineContract({
    method: 'post',
    path: '/api/v1/employers/:employerId/verification',
    summary: 'Staff: verify an employer (its open positions go on the map) or reject it with a reason',
    tag: 'employers',
    access: STAFF,
    scope: objectIn('employer', 'employerId'),
    params: employerIdParams,
    body: verificationDecisionSchema,
    response: employerResponse,
  }),

  setWorkshop: defineContract({
    method: 'put',
    path: '/api/v1/employers/:employerId/workshop',
    summary: 'Staff: record a 帮扶车间’s recognition (认定 / 退出) and the 帮扶对象 it employs',
    tag: 'employers',
    access: STAFF,
    scope: objectIn('employer', 'employerId'),
    params: employerIdParams,
    body: workshopStatusSchema.extend({ version: z.number().int().min(1) }),
    response: employerResponse,
  }),
};
