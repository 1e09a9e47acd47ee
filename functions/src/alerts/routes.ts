/**
 * 岗位订阅 over HTTP: a worker's own saved searches, the consents WeChat gave for their
 * messages, and the inbox. Every route reads the caller's account partition only: another
 * worker's search id is not found there (404), and no other role may call them.
 */
import { alertContracts, MAX_ALERTS } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';

export function alertRoutes(ctx: AppContext): AnyRoute[] {
  const templateId = () => ctx.subscribeMessages.jobAlertTemplateId;

  return [
    implement(alertContracts.inbox, async ({ principal, query }) => {
      const { items, nextCursor, readUpTo } = await ctx.alerts.inboxPage(principal.userId, query);
      return {
        items,
        ...(nextCursor ? { nextCursor } : {}),
        ...(query.cursor === undefined ? { unread: await ctx.alerts.unreadCount(principal.userId, readUpTo) } : {}),
      };
    }),

    implement(alertContracts.read, async ({ principal, body }) => {
      // Never past now: what comes later is not read yet.
      const now = new Date().toISOString();
      const readUpTo = await ctx.alerts.markRead(principal.userId, body.upTo < now ? body.upTo : now);
      return { readUpTo, unread: await ctx.alerts.unreadCount(principal.userId, readUpTo) };
    }),

    implement(alertContracts.list, async ({ principal }) => ({
      alerts: await ctx.alerts.list(principal.userId),
      templateId: templateId() || null,
      max: MAX_ALERTS,
    })),

    implement(alertContracts.create, async ({ principal, body }) => ({
      alert: await ctx.alerts.create(principal.userId, body),
    })),

    implement(alertContracts.update, async ({ principal, params, body }) => ({
      alert: await ctx.alerts.update(principal.userId, params.alertId, body),
    })),

    implement(alertContracts.remove, async ({ principal, params, query }) => {
      await ctx.alerts.remove(principal.userId, params.alertId, query.version);
      return { deleted: true as const };
    }),

    implement(alertContracts.consent, async ({ principal, params, body }) => {
      if (!templateId()) {
        throw new Conflict('这里还没有开通微信提醒，新岗位会放在“我的订阅”里', 'WeChat notices are off here.');
      }
      // A 允许 for another template (an old build's) lets no message of ours through.
      if (body.templateId !== templateId()) {
        throw new Conflict(
          '微信提醒换了新样式，请再点一次“开启微信提醒”',
          'The consent was for another template.',
          'body.templateId',
        );
      }
      return { alert: await ctx.alerts.addConsent(principal.userId, params.alertId) };
    }),
  ];
}
