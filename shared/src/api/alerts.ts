/**
 * 岗位订阅: a worker's saved searches (at most MAX_ALERTS), the consents WeChat gave for their
 * messages, and the inbox of new positions that matched. Only the caller's own: a search's id
 * is looked up in the caller's account alone, so another's id is simply not found.
 */
import * as z from 'zod';
import {
  alertIdSchema,
  inboxItemSchema,
  jobAlertInputSchema,
  jobAlertSchema,
  jobAlertUpdateSchema,
  MAX_ALERTS,
} from '../alerts/alert.js';
import { pageQuerySchema } from './common.js';
import { defineContract } from './contract.js';

const alertIdParams = z.object({ alertId: alertIdSchema });
const alertResponse = z.object({ alert: jobAlertSchema });

export const alertContracts = {
  // The inbox's paths come before /:alertId, which would otherwise take them.
  inbox: defineContract({
    method: 'get',
    path: '/api/v1/me/alerts/inbox',
    summary:
      'Worker: new positions that matched their saved searches, newest first, a page at a time; the first page says how many are unread',
    tag: 'alerts',
    access: ['worker'],
    scope: { kind: 'self' },
    query: pageQuerySchema,
    response: z.object({
      items: z.array(inboxItemSchema),
      nextCursor: z.string().optional(),
      /** On the first page: items after the last read, counted up to 100 (a badge shows 99+). */
      unread: z.number().int().min(0).optional(),
    }),
  }),

  read: defineContract({
    method: 'post',
    path: '/api/v1/me/alerts/inbox/read',
    summary: 'Worker: mark the inbox read up to a time (never later than now, never back)',
    tag: 'alerts',
    access: ['worker'],
    scope: { kind: 'self' },
    body: z.strictObject({ upTo: z.iso.datetime({ message: '应为时间，如 2026-05-01T08:00:00.000Z' }) }),
    response: z.object({ readUpTo: z.iso.datetime(), unread: z.number().int().min(0) }),
  }),

  list: defineContract({
    method: 'get',
    path: '/api/v1/me/alerts',
    summary: `Worker: their saved searches (at most ${MAX_ALERTS}, one page), and the WeChat template their messages use`,
    tag: 'alerts',
    access: ['worker'],
    scope: { kind: 'self' },
    response: z.object({
      alerts: z.array(jobAlertSchema),
      /** The subscribe-message template to ask the worker's 允许 for; null: no WeChat messages here. */
      templateId: z.string().nullable(),
      max: z.number().int(),
    }),
  }),

  create: defineContract({
    method: 'post',
    path: '/api/v1/me/alerts',
    summary: `Worker: save a search (a place, a radius of 1–100 km, the job map's filters), at most ${MAX_ALERTS}`,
    tag: 'alerts',
    access: ['worker'],
    scope: { kind: 'self' },
    body: jobAlertInputSchema,
    response: alertResponse,
    status: 201,
  }),

  update: defineContract({
    method: 'patch',
    path: '/api/v1/me/alerts/:alertId',
    summary: 'Worker: change a saved search on the version read; its consents stay',
    tag: 'alerts',
    access: ['worker'],
    scope: { kind: 'self' },
    params: alertIdParams,
    body: jobAlertUpdateSchema,
    response: alertResponse,
  }),

  remove: defineContract({
    method: 'delete',
    path: '/api/v1/me/alerts/:alertId',
    summary: 'Worker: delete a saved search on the version read (what it already brought stays in the inbox)',
    tag: 'alerts',
    access: ['worker'],
    scope: { kind: 'self' },
    params: alertIdParams,
    query: z.object({ version: z.coerce.number().int().min(1) }),
    response: z.object({ deleted: z.literal(true) }),
  }),

  consent: defineContract({
    method: 'post',
    path: '/api/v1/me/alerts/:alertId/consents',
    summary:
      'Worker: record one 允许 WeChat gave for the template (wx.requestSubscribeMessage answered accept): one more message this search may send',
    tag: 'alerts',
    access: ['worker'],
    scope: { kind: 'self' },
    params: alertIdParams,
    body: z.strictObject({ templateId: z.string().min(1).max(100) }),
    response: alertResponse,
  }),
};
