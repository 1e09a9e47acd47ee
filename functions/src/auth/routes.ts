import { authContracts, type User } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { NotFound } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { listDemoLogins } from './demoLogins.js';

export function authRoutes(ctx: AppContext): AnyRoute[] {
  const openSession = async (user: User) => ({
    ...(await ctx.tokens.issue(
      { userId: user.userId, role: user.role, regionCode: user.regionCode },
      (await ctx.users.sessionOf(user.userId))?.sessionVersion,
    )),
    user,
  });

  const logout = implement(authContracts.logout, async ({ principal }) => {
    await ctx.users.endSessions(principal.userId);
    await ctx.familyLinks.stopAllActingOf(principal.userId); // their sessions acting for family members too
    return { loggedOut: true as const };
  });

  const wechatLogin = implement(authContracts.wechatLogin, async ({ body }) => {
    const identity = await ctx.wechat.code2Session(body.code);
    return openSession(await ctx.users.findOrCreateByOpenid(ctx.wechat.appId, identity.openid));
  });

  if (!ctx.devLogin) return [wechatLogin, logout];

  const devLogin = implement(authContracts.devLogin, async ({ body }) => {
    const user = await ctx.users.get(body.userId);
    if (!user) throw new NotFound('没有这个演示账号', 'No account with that id.', 'body.userId');
    return openSession(user);
  });

  const devUsers = implement(authContracts.devUsers, async () => ({ users: await listDemoLogins(ctx.table) }));

  return [wechatLogin, logout, devLogin, devUsers];
}
