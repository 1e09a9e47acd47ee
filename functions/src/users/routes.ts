import { z } from 'zod';
import {
  countyOrFinerSchema,
  isWithinRegion,
  regionCodeSchema,
  ROLES,
  roleSchema,
  updateMeRequestSchema,
  userSchema,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { pageQuerySchema } from '../db/paging.js';
import { isStaffRole } from '../auth/tokens.js';
import { Forbidden, notFound, unauthenticated } from '../errors.js';
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
      scope: { kind: 'self' },
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
      scope: { kind: 'self' },
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
      scope: { kind: 'region', field: 'query.regionCode', region: ({ query }) => query.regionCode },
      query: pageQuerySchema.extend({
        regionCode: countyOrFinerSchema,
        role: roleSchema.optional(),
      }),
      response: z.object({ users: z.array(userSchema), nextCursor: z.string().optional() }),
      handler: async ({ query }) => {
        return ctx.users.listInRegion(query.regionCode, query);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/users/:userId/sessions/end',
      summary: 'Staff: end every session of an account of their region (a lost or stolen phone); staff accounts by an admin only',
      tag: 'account',
      access: STAFF_ROLES,
      // The account's region as the staff list shows it: checked against the caller's scope, then against the account.
      scope: { kind: 'region', field: 'body.regionCode', region: ({ body }) => body.regionCode },
      params: z.object({ userId: z.string().min(1).max(64) }),
      body: z.strictObject({ regionCode: regionCodeSchema }),
      response: z.object({ ended: z.literal(true) }),
      handler: async ({ principal, params, body }) => {
        const account = await ctx.users.sessionOf(params.userId);
        if (!account?.regionCode || !isWithinRegion(account.regionCode, body.regionCode)) {
          throw notFound('这个地区没有这个账号', 'No such account in that region.');
        }
        if (isStaffRole(account.role) && principal.role !== 'admin') {
          throw new Forbidden(
            '经办人员的登录只能由管理员结束',
            'Only an admin may end a staff account’s sessions.',
            'params.userId',
          );
        }
        await ctx.users.endSessions(params.userId);
        return { ended: true as const };
      },
    }),
  ];
}
