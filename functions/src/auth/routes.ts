import { z } from 'zod';
import {
  demoLoginSchema,
  devLoginRequestSchema,
  ROLES,
  sessionSchema,
  wechatLoginRequestSchema,
  type User,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { NotFound } from '../errors.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { listDemoLogins } from './demoLogins.js';

export function authRoutes(ctx: AppContext): AnyRoute[] {
  const openSession = async (user: User) => ({
    ...(await ctx.tokens.issue(
      { userId: user.userId, role: user.role, regionCode: user.regionCode },
      (await ctx.users.sessionOf(user.userId))?.sessionVersion,
    )),
    user,
  });

  // 退出登录 ends the account's sessions on every phone, the lost one included.
  const logout = defineRoute({
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Log out: every session of this account ends, on every device',
    tag: 'auth',
    access: ROLES,
    scope: { kind: 'self' },
    response: z.object({ loggedOut: z.literal(true) }),
    handler: async ({ principal }) => {
      await ctx.users.endSessions(principal.userId);
      return { loggedOut: true as const };
    },
  });

  const wechatLogin = defineRoute({
    method: 'post',
    path: '/api/v1/auth/wechat',
    summary: 'Log in with the code from wx.login(); the first login creates a worker account',
    tag: 'auth',
    access: 'public',
    scope: { kind: 'public' },
    body: wechatLoginRequestSchema,
    response: sessionSchema,
    // Each first login makes an account: a client address may log in a village's phones, not a crowd.
    rateLimit: { perIp: { limit: 30, windowSeconds: 600 } },
    handler: async ({ body }) => {
      const identity = await ctx.wechat.code2Session(body.code);
      return openSession(await ctx.users.findOrCreateByOpenid(ctx.wechat.appId, identity.openid));
    },
  });

  if (!ctx.devLogin) return [wechatLogin, logout];

  // Local only: log in as any seeded account without WeChat.
  const devLogin = defineRoute({
    method: 'post',
    path: '/api/v1/auth/dev-login',
    summary: 'Local runner only: log in as an existing account',
    tag: 'auth',
    access: 'public',
    scope: { kind: 'public' },
    body: devLoginRequestSchema,
    response: sessionSchema,
    handler: async ({ body }) => {
      const user = await ctx.users.get(body.userId);
      if (!user) throw new NotFound('没有这个演示账号', 'No account with that id.', 'body.userId');
      return openSession(user);
    },
  });

  const devUsers = defineRoute({
    method: 'get',
    path: '/api/v1/auth/dev-users',
    summary: 'Local runner only: the demo accounts to log in as',
    tag: 'auth',
    access: 'public',
    scope: { kind: 'public' },
    response: z.object({ users: z.array(demoLoginSchema) }),
    handler: async () => ({ users: await listDemoLogins(ctx.table) }),
  });

  return [wechatLogin, logout, devLogin, devUsers];
}
