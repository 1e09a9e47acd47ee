import { z } from 'zod';
import { regionCodeSchema, roleSchema, ROLES, updateMeRequestSchema, userSchema } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { requireRegionScope } from '../auth/scope.js';
import { pageQuerySchema } from '../db/paging.js';
import { unauthenticated } from '../http/apiError.js';
import { defineRoute, type AnyRoute } from '../http/route.js';

const STAFF_ROLES = ['staff', 'admin'] as const;

export function userRoutes(ctx: AppContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/me',
      summary: 'The logged-in account',
      tag: 'account',
      access: ROLES,
      response: z.object({ user: userSchema }),
      handler: async ({ principal }) => {
        const user = await ctx.users.get(principal.userId);
        if (!user) throw unauthenticated('The account no longer exists.');
        return { user };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/v1/me',
      summary: 'Change the display name or care mode (关怀版); names the version it read',
      tag: 'account',
      access: ROLES,
      body: updateMeRequestSchema,
      response: z.object({ user: userSchema }),
      handler: async ({ principal, body }) => {
        const { version, ...changes } = body;
        return { user: await ctx.users.update(principal.userId, version, changes) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/users',
      summary: 'Staff: the accounts of a county, township or village within their scope',
      tag: 'account',
      access: STAFF_ROLES,
      query: pageQuerySchema.extend({
        regionCode: regionCodeSchema.refine((code) => code.length >= 6, '请选择一个旗县或更细的区域（至少 6 位代码）'),
        role: roleSchema.optional(),
      }),
      response: z.object({ users: z.array(userSchema), nextCursor: z.string().optional() }),
      handler: async ({ principal, query }) => {
        requireRegionScope(principal, STAFF_ROLES, query.regionCode, 'query.regionCode');
        return ctx.users.listInRegion(query.regionCode, query);
      },
    }),
  ];
}
