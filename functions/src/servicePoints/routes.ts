/**
 * 就业服务网点: the map's public read of a box (open now, on China's clock), and staff keeping the
 * points of their region. Who may touch which point is the contracts' scope (the point's region).
 */
import { kindRegionProblem, openNow, publicServicePoint, servicePointContracts } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Invalid } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';

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

    implement(servicePointContracts.create, async ({ body, principal }) => ({
      point: await ctx.servicePoints.create(body, principal.userId),
    })),

    implement(servicePointContracts.update, async ({ object: point, body, principal }) => {
      // The region stays, so the kind must still fit it.
      const problem = kindRegionProblem(body.kind, point.regionCode);
      if (problem) throw new Invalid(problem, 'The kind does not fit the point’s region.', 'body.kind');
      return { point: await ctx.servicePoints.update(point, body, principal.userId) };
    }),

    implement(servicePointContracts.remove, async ({ object: point, query, principal }) => {
      await ctx.servicePoints.remove(point.pointId, query.version, principal.userId);
      return { removed: true as const };
    }),
  ];
}
