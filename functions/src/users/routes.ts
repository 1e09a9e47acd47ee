import { accountContracts, isWithinRegion } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { isStaffRole } from '../auth/tokens.js';
import { Forbidden, notFound, unauthenticated } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';

export function userRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(accountContracts.me, async ({ principal }) => {
      const user = await ctx.users.ofPrincipal(principal);
      if (!user) throw unauthenticated('The account no longer exists.');
      return { user };
    }),

    implement(accountContracts.updateMe, async ({ principal, body }) => {
      const { version, ...changes } = body;
      return { user: await ctx.users.update(principal.userId, version, changes) };
    }),

    implement(accountContracts.list, async ({ query }) => ctx.users.listInRegion(query.regionCode, query)),

    implement(accountContracts.endSessions, async ({ principal, params, body }) => {
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
      await ctx.familyLinks.stopAllActingOf(params.userId); // a lost phone acting for family members too
      return { ended: true as const };
    }),
  ];
}
