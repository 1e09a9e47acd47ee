import { z } from 'zod';
import { regionCodeSchema } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { notFound } from '../errors.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { regionSchema } from './regionRepository.js';

export function regionRoutes(ctx: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/regions/:code',
      summary: 'An administrative division and its children (e.g. a county and its townships)',
      tag: 'regions',
      access: 'public',
      scope: { kind: 'public' },
      params: z.object({ code: regionCodeSchema }),
      response: z.object({ region: regionSchema, children: z.array(regionSchema) }),
      handler: async ({ params }) => {
        const region = await ctx.regions.get(params.code);
        if (!region) throw notFound('没有这个地区', 'No region with that code.');
        return { region, children: await ctx.regions.children(params.code) };
      },
    }),
  ];
}
