import { regionContracts } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { notFound } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';

export function regionRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(regionContracts.get, async ({ params }) => {
      const region = await ctx.regions.get(params.code);
      if (!region) throw notFound('没有这个地区', 'No region with that code.');
      return { region, children: await ctx.regions.children(params.code) };
    }),
  ];
}
