/** Logging in and out: WeChat's code for a session, and (local runner only) the demo accounts. */
import * as z from 'zod';
import { ROLES } from '../auth/roles.js';
import { demoLoginSchema, devLoginRequestSchema, sessionSchema, wechatLoginRequestSchema } from '../auth/schemas.js';
import { defineContract } from './contract.js';

export const authContracts = {
  wechatLogin: defineContract({
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
  }),

  // 退出登录 ends the account's sessions on every phone, the lost one included.
  logout: defineContract({
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Log out: every session of this account ends, on every device',
    tag: 'auth',
    access: ROLES,
    scope: { kind: 'self' },
    response: z.object({ loggedOut: z.literal(true) }),
  }),

  /** Local runner only: log in as any seeded account without WeChat. */
  devLogin: defineContract({
    method: 'post',
    path: '/api/v1/auth/dev-login',
    summary: 'Local runner only: log in as an existing account',
    tag: 'auth',
    access: 'public',
    scope: { kind: 'public' },
    body: devLoginRequestSchema,
    response: sessionSchema,
  }),

  devUsers: defineContract({
    method: 'get',
    path: '/api/v1/auth/dev-users',
    summary: 'Local runner only: the demo accounts to log in as',
    tag: 'auth',
    access: 'public',
    scope: { kind: 'public' },
    response: z.object({ users: z.array(demoLoginSchema) }),
  }),
};
