/**
 * 就业服务网点 on the job map: anyone reads those in the map's box with their hours and whether
 * they are open now; staff list, add, change and remove those of their region.
 */
import * as z from 'zod';
import { countyOrFinerSchema } from '../regions/regionCode.js';
import {
  publicServicePointSchema,
  servicePointBoxQuerySchema,
  servicePointIdSchema,
  servicePointInputSchema,
  servicePointSchema,
  servicePointUpdateSchema,
} from '../servicePoints/point.js';
import { objectIn, pageQuerySchema, regionIn, STAFF } from './common.js';
import { defineContract } from './contract.js';

const pointIdParams = z.object({ pointId: servicePointIdSchema });
const pointResponse = z.object({ point: servicePointSchema });

export const servicePointContracts = {
  inBox: defineContract({
    method: 'get',
    path: '/api/v1/service-points',
    summary:
      'Anyone: the public employment service points in the map’s box (each side at most SERVICE_POINT_BOX_DEGREES), with hours and whether open now, a page at a time',
    tag: 'servicePoints',
    access: 'public',
    scope: { kind: 'public' },
    query: servicePointBoxQuerySchema,
    response: z.object({ points: z.array(publicServicePointSchema), nextCursor: z.string().optional() }),
  }),

  inRegion: defineContract({
    method: 'get',
    path: '/api/v1/regions/:code/service-points',
    summary: 'Staff: the service points of a county, township or village, to keep them up to date, a page at a time',
    tag: 'servicePoints',
    access: STAFF,
    scope: regionIn('params', 'code'),
    params: z.object({ code: countyOrFinerSchema }),
    query: pageQuerySchema,
    response: z.object({ points: z.array(servicePointSchema), nextCursor: z.string().optional() }),
  }),

  create: defineContract({
    method: 'post',
    path: '/api/v1/service-points',
    summary: 'Staff: add a service point in their region (its kind fits the region’s level)',
    tag: 'servicePoints',
    access: STAFF,
    scope: regionIn('body', 'regionCode'),
    body: servicePointInputSchema,
    response: pointResponse,
    status: 201,
  }),

  update: defineContract({
    method: 'put',
    path: '/api/v1/service-points/:pointId',
    summary: 'Staff whose region holds the point: change it on the version read (its region stays)',
    tag: 'servicePoints',
    access: STAFF,
    scope: objectIn('servicePoint', 'pointId'),
    params: pointIdParams,
    body: servicePointUpdateSchema,
    response: pointResponse,
  }),

  remove: defineContract({
    method: 'delete',
    path: '/api/v1/service-points/:pointId',
    summary: 'Staff whose region holds the point: remove it, on the version read (in the query)',
    tag: 'servicePoints',
    access: STAFF,
    scope: objectIn('servicePoint', 'pointId'),
    params: pointIdParams,
    query: z.object({ version: z.coerce.number().int().min(1) }),
    response: z.object({ removed: z.literal(true) }),
  }),
};
