import { z } from 'zod';
import {
  chinaDate,
  countyOrFinerSchema,
  employerPublicSchema,
  mapQuerySchema,
  mapResponseSchema,
  nearbyQuerySchema,
  nearbyResponseSchema,
  type Position,
  positionCreateSchema,
  positionDetailSchema,
  type PositionFilters,
  positionFiltersSchema,
  positionInputSchema,
  positionSchema,
  positionUpdateSchema,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { pageQuerySchema } from '../db/paging.js';
import { Conflict, Invalid } from '../errors.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { parseInput } from '../http/validation.js';
import { STAFF } from '../registry/access.js';
import { ownEmployer } from './access.js';
import { checkedPlace } from '../regions/place.js';
import { inBox, nearby } from './geoQuery.js';
import { newPosition, positionNotFound, type PositionRecord } from './positionRepository.js';

export const positionIdParams = z.object({ positionId: z.string().regex(/^p_[0-9a-f-]{36}$/, '不是岗位编号') });
const positionResponse = z.object({ position: positionSchema });
const versionBody = z.strictObject({ version: z.number().int().min(1) });
const FILTER_KEYS = Object.keys(positionFiltersSchema.shape) as (keyof PositionFilters)[];

function filtersOf(query: PositionFilters): PositionFilters {
  return Object.fromEntries(FILTER_KEYS.filter((key) => query[key] !== undefined).map((key) => [key, query[key]]));
}

/** The input fields of a stored position, to validate an edit as a whole. */
function inputOf(position: Position): Record<string, unknown> {
  const fields = Object.keys(positionInputSchema.shape);
  return Object.fromEntries(fields.filter((key) => key in position).map((key) => [key, position[key as keyof Position]]));
}

const conflict = (zh: string, en: string) => new Conflict(zh, en);

/** A position names a county, township or village of the tree, and its point lies there. */
const POSITION_LEVELS = ['county', 'township', 'village'] as const;
const PLACE_FIELDS = { regionCode: 'body.regionCode', location: 'body.location' };

export function positionRoutes(ctx: AppContext): AnyRoute[] {
  return [
    // The map's reads come before /:positionId, which would otherwise take their paths.
    defineRoute({
      method: 'get',
      path: '/api/v1/positions/nearby',
      summary: 'Anyone: open positions within a radius of a point (GCJ-02), nearest first, with filters and a cursor',
      tag: 'positions',
      access: 'public',
      scope: { kind: 'public' },
      query: nearbyQuerySchema,
      response: nearbyResponseSchema,
      handler: async ({ query }) => {
        const { result } = await nearby(ctx.table, {
          center: { lat: query.lat, lng: query.lng },
          radiusKm: query.radiusKm,
          limit: query.limit,
          cursor: query.cursor,
          filters: filtersOf(query),
        });
        return result;
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/positions/map',
      summary: 'Anyone: what a map box shows at a zoom: clusters with counts, or single markers',
      tag: 'positions',
      access: 'public',
      scope: { kind: 'public' },
      query: mapQuerySchema,
      response: mapResponseSchema,
      handler: async ({ query }) =>
        (await inBox(ctx.table, { bounds: query.bbox, zoom: query.zoom, filters: filtersOf(query) })).result,
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/positions',
      summary: 'Employer: post a position, open at once (on the map once the employer is verified) or as a draft',
      tag: 'positions',
      access: ['employer'],
      scope: { kind: 'self' },
      body: positionCreateSchema,
      response: positionResponse,
      status: 201,
      handler: async ({ principal, body }) => {
        const employer = await ownEmployer(ctx, principal);
        const { publish, ...input } = body;
        await checkedPlace(ctx.regions, input, POSITION_LEVELS, PLACE_FIELDS);
        if (publish && input.validUntil < chinaDate(new Date())) {
          throw new Invalid('截止日期已经过了', 'validUntil is in the past.', 'body.validUntil');
        }
        const position = newPosition(employer, input, publish ? 'open' : 'draft');
        return {
          position: await ctx.positions.create({ position, employerVerified: employer.verification.status === 'verified' }),
        };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/me/positions',
      summary: 'Employer: its own positions, newest first',
      tag: 'positions',
      access: ['employer'],
      scope: { kind: 'self' },
      response: z.object({ positions: z.array(positionSchema) }),
      handler: async ({ principal }) => {
        const employer = await ownEmployer(ctx, principal);
        return { positions: (await ctx.positions.ofEmployer(employer.employerId)).map((r) => r.position) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/positions',
      summary: 'Staff: the positions of a county, township or village',
      tag: 'positions',
      access: STAFF,
      scope: { kind: 'region', field: 'query.regionCode', region: ({ query }) => query.regionCode },
      query: pageQuerySchema.extend({
        regionCode: countyOrFinerSchema,
      }),
      response: z.object({ positions: z.array(positionSchema), nextCursor: z.string().optional() }),
      handler: async ({ query }) => {
        return ctx.positions.listInRegion(query.regionCode, query);
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/positions/:positionId',
      summary: 'Anyone: one position with its employer (drafts and unverified employers’ only for them and staff)',
      tag: 'positions',
      access: 'public',
      scope: {
        kind: 'object',
        entity: 'position',
        field: 'params.positionId',
        id: ({ params }) => params.positionId,
        publicRead: true,
      },
      params: positionIdParams,
      response: positionDetailSchema,
      handler: async ({ object: record }) => {
        const employer = await ctx.employers.get(record.position.employerId);
        if (!employer) throw positionNotFound();
        return { position: record.position, employer: employerPublicSchema.parse(employer) };
      },
    }),

    defineRoute({
      method: 'patch',
      path: '/api/v1/positions/:positionId',
      summary: 'Employer: edit its own position on the version read (headcount never below those hired)',
      tag: 'positions',
      access: ['employer'],
      scope: { kind: 'object', entity: 'position', field: 'params.positionId', id: ({ params }) => params.positionId },
      params: positionIdParams,
      body: positionUpdateSchema,
      response: positionResponse,
      handler: async ({ object, body }) => {
        const record = object;
        const { version, ...changes } = body;
        const merged = { ...record.position, ...changes };
        parseInput(positionInputSchema, inputOf(merged), 'body');
        if (changes.regionCode || changes.location) await checkedPlace(ctx.regions, merged, POSITION_LEVELS, PLACE_FIELDS);
        if (merged.headcount < merged.filled) {
          throw new Invalid(
            `已经录用了 ${merged.filled} 人，招聘人数不能少于这个数`,
            'headcount is below the number already hired.',
            'body.headcount',
          );
        }
        // More openings on a filled position: it is recruiting again.
        const status = merged.status === 'filled' && merged.headcount > merged.filled ? 'open' : merged.status;
        return { position: await ctx.positions.save({ ...record, position: { ...merged, status } }, version) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/positions/:positionId/publish',
      summary: 'Employer: open a draft or a closed position (not one staff took down)',
      tag: 'positions',
      access: ['employer'],
      scope: { kind: 'object', entity: 'position', field: 'params.positionId', id: ({ params }) => params.positionId },
      params: positionIdParams,
      body: versionBody,
      response: positionResponse,
      handler: async ({ object, body }) => {
        const record = object;
        const { position } = record;
        if (position.takenDown)
          throw conflict('这个岗位被工作人员下架了，请联系乡镇就业服务站', 'Staff took this position down.');
        if (position.status === 'open') return { position };
        if (position.status === 'filled') throw conflict('岗位已招满；要多招人请先增加招聘人数', 'The position is filled.');
        if (position.validUntil < chinaDate(new Date())) {
          throw new Invalid('截止日期已经过了，请先修改截止日期', 'validUntil is in the past.', 'body.validUntil');
        }
        return { position: await ctx.positions.save(withStatus(record, 'open'), body.version) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/positions/:positionId/close',
      summary: 'Employer: stop recruiting (the position leaves the map)',
      tag: 'positions',
      access: ['employer'],
      scope: { kind: 'object', entity: 'position', field: 'params.positionId', id: ({ params }) => params.positionId },
      params: positionIdParams,
      body: versionBody,
      response: positionResponse,
      handler: async ({ object, body }) => {
        const record = object;
        if (record.position.status === 'closed' || record.position.status === 'filled') return { position: record.position };
        return { position: await ctx.positions.save(withStatus(record, 'closed'), body.version) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/positions/:positionId/takedown',
      summary: 'Staff: take a position in their region down, with the reason recorded',
      tag: 'positions',
      access: STAFF,
      scope: { kind: 'object', entity: 'position', field: 'params.positionId', id: ({ params }) => params.positionId },
      params: positionIdParams,
      body: z.strictObject({
        version: z.number().int().min(1),
        reason: z.string().trim().min(4, '请写明下架原因（至少 4 个字）').max(200),
      }),
      response: positionResponse,
      handler: async ({ object, principal, body }) => {
        const record = object;
        const takenDown = { by: principal.userId, at: new Date().toISOString(), reason: body.reason };
        return {
          position: await ctx.positions.save(
            { ...record, position: { ...record.position, status: 'closed', takenDown } },
            body.version,
          ),
        };
      },
    }),
  ];
}

function withStatus(record: PositionRecord, status: Position['status']): PositionRecord {
  return { ...record, position: { ...record.position, status } };
}
