import { regionContracts } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { implement, type AnyRoute } from '../http/route.js';
import { regionOr404 } from './regionRepository.js';

export function regionRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(regionContracts.get, async ({ params }) => {
      const region = await regionOr404(ctx.regions, params.code);
      return { region, children: await ctx.regions.children(params.code) };
    }),
  ];
}
