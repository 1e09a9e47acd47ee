/** Accounts: one's own (name, 关怀版), and for staff the accounts of their region. */
import * as z from 'zod';
import { ROLES, roleSchema } from '../auth/roles.js';
import { updateMeRequestSchema, userSchema } from '../auth/schemas.js';
import { countyOrFinerSchema, regionCodeSchema } from '../regions/regionCode.js';
import { defineContract } from './contract.js';
import { pageQuerySchema, regionIn, STAFF } from './common.js';

export const accountContracts = {
  me: defineContract({
    method: 'get',
    path: '/api/v1/me',
    summary: 'The logged-in account',
    tag: 'account',
    access: ROLES,
    proxy: 'read',
    scope: { kind: 'self' },
    response: z.object({ user: userSchema }),
  }),

  updateMe: defineContract({
    method: 'patch',
    path: '/api/v1/me',
    summary: 'Change the display name or care mode (关怀版); names the version it read',
    tag: 'account',
    access: ROLES,
    scope: { kind: 'self' },
    body: updateMeRequestSchema,
    response: z.object({ user: userSchema }),
  }),

  list: defineContract({
    method: 'get',
    path: '/api/v1/users',
    summary: 'Staff: the accounts of a county, township or village within their scope',
    tag: 'account',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: pageQuerySchema.extend({
      regionCode: countyOrFinerSchema,
      role: roleSchema.optional(),
    }),
    response: z.object({ users: z.array(userSchema), nextCursor: z.string().optional() }),
  }),

  endSessions: defineContract({
    method: 'post',
    path: '/api/v1/users/:userId/sessions/end',
    summary: 'Staff: end every session of an account of their region (a lost or stolen phone); staff accounts by an admin only',
    tag: 'account',
    access: STAFF,
    // The account's region as the staff list shows it: checked against the caller's scope, then against the account.
    scope: regionIn('body', 'regionCode'),
    params: z.object({ userId: z.string().min(1).max(64) }),
    body: z.strictObject({ regionCode: regionCodeSchema }),
    response: z.object({ ended: z.literal(true) }),
  }),
};
