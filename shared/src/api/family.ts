/**
 * 亲情服务 (shared/src/family): the worker invites a family member, who accepts on their own
 * account; the worker agrees (or not) on theirs and can end it any time; the family member
 * switches into acting for the worker and back, or leaves. Every route is for one's own
 * account and none is open to someone already acting for another: no chains, and the links
 * are managed only by the people themselves.
 */
import * as z from 'zod';
import { userSchema } from '../auth/schemas.js';
import { perHour } from '../http/rateLimit.js';
import { acceptInvitationSchema, familyActSchema, familyLinkIdSchema, familyLinkSchema } from '../family/family.js';
import { defineContract } from './contract.js';
import { pageQuerySchema } from './common.js';

const linkIdParams = z.object({ linkId: familyLinkIdSchema });
const linkResponse = z.object({ link: familyLinkSchema });

/** What someone who cannot get an invitation to work is told to do meanwhile. */
export const INVITATION_WAY_FORWARD_ZH = '请让家人在TA自己的手机上重新生成邀请码，当面输入。';

export const familyContracts = {
  links: defineContract({
    method: 'get',
    path: '/api/v1/me/family',
    summary:
      'Worker: their 亲情服务 — the family members who help them (awaiting their 同意, or active) and the people they help',
    tag: 'family',
    access: ['worker'],
    scope: { kind: 'self' },
    response: z.object({ helpers: z.array(familyLinkSchema), helping: z.array(familyLinkSchema) }),
  }),

  invite: defineContract({
    method: 'post',
    path: '/api/v1/me/family/invitations',
    summary: 'Worker (bound): a single-use code for a family member to enter on their own phone, good for 30 minutes',
    tag: 'family',
    access: ['worker'],
    scope: { kind: 'self' },
    response: z.object({ code: z.string(), expiresAt: z.iso.datetime() }),
    status: 201,
    rateLimit: { perUser: perHour(10), perIp: perHour(60) },
  }),

  accept: defineContract({
    method: 'post',
    path: '/api/v1/me/family/accept',
    summary:
      'Worker (the family member): accept an invitation code with their name and relation, declaring they are 18 or over; it waits for the inviter’s 同意',
    tag: 'family',
    access: ['worker'],
    scope: { kind: 'self' },
    body: acceptInvitationSchema,
    response: linkResponse,
    status: 201,
    // It guesses a code: every attempt counts, right or wrong.
    rateLimit: { perUser: perHour(10), perIp: perHour(120), wayForwardZh: INVITATION_WAY_FORWARD_ZH },
  }),

  confirm: defineContract({
    method: 'post',
    path: '/api/v1/me/family/:linkId/confirm',
    summary: 'Worker (the one helped): agree (同意) that this family member may act for them; only on their own account',
    tag: 'family',
    access: ['worker'],
    scope: { kind: 'self' },
    params: linkIdParams,
    response: linkResponse,
  }),

  end: defineContract({
    method: 'delete',
    path: '/api/v1/me/family/:linkId',
    summary:
      'Worker: end a link at once — the one helped ends it or declines it (不同意), the family member leaves; acting stops on the next request',
    tag: 'family',
    access: ['worker'],
    scope: { kind: 'self' },
    params: linkIdParams,
    response: z.object({ ended: z.literal(true) }),
  }),

  act: defineContract({
    method: 'post',
    path: '/api/v1/me/family/:linkId/act',
    summary:
      'Worker (the family member): start acting for the one they help — a 30-minute session on that account naming them, recorded',
    tag: 'family',
    access: ['worker'],
    scope: { kind: 'self' },
    params: linkIdParams,
    response: z.object({
      token: z.string(),
      expiresAt: z.iso.datetime(),
      /** The account acted for, as GET /me would show it. */
      user: userSchema,
      link: familyLinkSchema,
    }),
    rateLimit: { perUser: perHour(30), perIp: perHour(300) },
  }),

  stop: defineContract({
    method: 'post',
    path: '/api/v1/me/family/:linkId/stop',
    summary: 'Worker (the family member), on their own session: stop acting — every acting session of this link ends',
    tag: 'family',
    access: ['worker'],
    scope: { kind: 'self' },
    params: linkIdParams,
    response: z.object({ stopped: z.literal(true) }),
  }),

  acts: defineContract({
    method: 'get',
    path: '/api/v1/me/family/acts',
    summary: 'Worker: what family members did in their name (由 X 代办) and when, newest first, a page at a time',
    tag: 'family',
    access: ['worker'],
    scope: { kind: 'self' },
    query: pageQuerySchema,
    response: z.object({ acts: z.array(familyActSchema), nextCursor: z.string().optional() }),
  }),
};
