/**
 * 就业服务网点: the map's public read of a box (open now, on China's clock), and staff keeping the
 * points of their region. Who may touch which point is the contracts' scope (the point's region).
 */
import { kindRegionProblem, openNow, publicServicePoint, servicePointContracts, type RegionLevel } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Invalid } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { checkedPlace } from '../regions/place.js';

/** A county's 人社局, a township's 就业服务站, a village's point (kindRegionProblem matches kind to level). */
const POINT_LEVELS: readonly RegionLevel[] = ['county', 'township', 'village'];

export function servicePointRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(servicePointContracts.inBox, async ({ query }) => {
      const { minLat, minLng, maxLat, maxLng, limit, cursor } = query;
      const page = await ctx.servicePoints.inBox({ minLat, minLng, maxLat, maxLng }, { limit, cursor });
      const now = new Date();
      return {
        points: page.points.map((point) => publicServicePoint(point, openNow(point.hours, now))),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    }),

    implement(servicePointContracts.inRegion, ({ params, query }) => ctx.servicePoints.inRegion(params.code, query)),

    // A point is shown on everyone's map where it says it is: its region must exist and hold it,
    // or staff of one county could put a number on another county's map that its staff cannot edit.
    implement(servicePointContracts.create, async ({ body, principal }) => {
      await checkedPlace(ctx.regions, body, POINT_LEVELS, { regionCode: 'body.regionCode', location: 'body.location' });
      return { point: await ctx.servicePoints.create(body, principal.userId) };
    }),

    implement(servicePointContracts.update, async ({ object: point, body, principal }) => {
      // The region stays, so the kind must still fit it.
      const problem = kindRegionProblem(body.kind, point.regionCode);
      if (problem) throw new Invalid(problem, 'The kind does not fit the point’s region.', 'body.kind');
      const place = { regionCode: point.regionCode, location: body.location };
      await checkedPlace(ctx.regions, place, POINT_LEVELS, { regionCode: 'body.location', location: 'body.location' });
      return { point: await ctx.servicePoints.update(point, body, principal.userId) };
    }),

    implement(servicePointContracts.remove, async ({ object: point, query, principal }) => {
      await ctx.servicePoints.remove(point.pointId, query.version, principal.userId);
      return { removed: true as const };
    }),
  ];
}
