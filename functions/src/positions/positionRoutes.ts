import {
  chinaDate,
  employerPublicSchema,
  type Position,
  positionContracts,
  type PositionFilters,
  positionFiltersSchema,
  positionInputSchema,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Invalid } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { parseInput } from '../http/validation.js';
import { checkedPlace } from '../regions/place.js';
import { ownEmployer } from './access.js';
import { inBox, nearby } from './geoQuery.js';
import { newPosition, positionNotFound } from './positionRepository.js';
import { closePosition, publishPosition, takeDownPosition } from './positionService.js';

const FILTER_KEYS = Object.keys(positionFiltersSchema.shape) as (keyof PositionFilters)[];

function filtersOf(query: PositionFilters): PositionFilters {
  return Object.fromEntries(FILTER_KEYS.filter((key) => query[key] !== undefined).map((key) => [key, query[key]]));
}

/** The input fields of a stored position, to validate an edit as a whole. */
function inputOf(position: Position): Record<string, unknown> {
  const fields = Object.keys(positionInputSchema.shape);
  return Object.fromEntries(fields.filter((key) => key in position).map((key) => [key, position[key as keyof Position]]));
}

/** A position names a county, township or village of the tree, and its point lies there. */
const POSITION_LEVELS = ['county', 'township', 'village'] as const;
const PLACE_FIELDS = { regionCode: 'body.regionCode', location: 'body.location' };

export function positionRoutes(ctx: AppContext): AnyRoute[] {
  return [
    // The map's reads come before /:positionId, which would otherwise take their paths.
    implement(positionContracts.nearby, async ({ query }) => {
      const { result } = await nearby(ctx.table, {
        center: { lat: query.lat, lng: query.lng },
        radiusKm: query.radiusKm,
        limit: query.limit,
        cursor: query.cursor,
        filters: filtersOf(query),
      });
      return result;
    }),

    implement(
      positionContracts.map,
      async ({ query }) => (await inBox(ctx.table, { bounds: query.bbox, zoom: query.zoom, filters: filtersOf(query) })).result,
    ),

    implement(positionContracts.create, async ({ principal, body }) => {
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
    }),

    implement(positionContracts.mine, async ({ principal, query }) => {
      const employer = await ownEmployer(ctx, principal);
      const [page, counts] = await Promise.all([
        ctx.positions.pageOfEmployer(employer.employerId, query),
        query.cursor === undefined ? ctx.positions.countsOfEmployer(employer.employerId) : undefined,
      ]);
      return { ...page, ...(counts ? { counts } : {}) };
    }),

    implement(positionContracts.inRegion, async ({ query }) => {
      return ctx.positions.listInRegion(query.regionCode, query);
    }),

    implement(positionContracts.get, async ({ object: record }) => {
      const employer = await ctx.employers.get(record.position.employerId);
      if (!employer) throw positionNotFound();
      return { position: record.position, employer: employerPublicSchema.parse(employer) };
    }),

    implement(positionContracts.update, async ({ object, body }) => {
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
    }),

    implement(positionContracts.publish, async ({ object, body }) => ({
      position: await publishPosition(ctx, object, body.version),
    })),

    implement(positionContracts.close, async ({ object, body }) => ({
      position: await closePosition(ctx, object, body.version),
    })),

    implement(positionContracts.takedown, async ({ object, principal, body }) => ({
      position: await takeDownPosition(ctx, object, body.version, { by: principal.userId, reason: body.reason }),
    })),
  ];
}
