/** Administrative divisions: public, so the job map and forms can name places. */
import * as z from 'zod';
import { gcj02PointSchema } from '../registry/worker.js';
import { REGION_LEVELS, regionCodeSchema } from '../regions/regionCode.js';
import { defineContract } from './contract.js';

export const regionSchema = z.object({
  code: regionCodeSchema,
  name: z.string(),
  /** e.g. 内蒙古自治区包头市固阳县金山镇 */
  fullName: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: regionCodeSchema.optional(),
  /** Where the map centres for someone of this region whose own location is unknown (GCJ-02). */
  center: gcj02PointSchema.optional(),
});
export type Region = z.infer<typeof regionSchema>;

export const regionContracts = {
  get: defineContract({
    method: 'get',
    path: '/api/v1/regions/:code',
    summary: 'An administrative division and its children (e.g. a county and its townships)',
    tag: 'regions',
    access: 'public',
    scope: { kind: 'public' },
    params: z.object({ code: regionCodeSchema }),
    response: z.object({ region: regionSchema, children: z.array(regionSchema) }),
  }),
};
