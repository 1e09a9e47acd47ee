/**
 * 岗位订阅 (contracts in shared/src/api/alerts.ts): a worker's saved searches, the 允许 WeChat
 * gave for their messages, and the inbox of new positions that matched. Only the worker's own.
 */
import { alertContracts as contracts, type BodyOf, type ResponseOf } from '@bangfu/shared';
import { call, type ListPage } from './client';
import { wechatAllows } from './wechatConsent';

export type AlertList = ResponseOf<typeof contracts.list>;
export type JobAlertView = AlertList['alerts'][number];
export type InboxPage = ResponseOf<typeof contracts.inbox>;
export type InboxEntry = InboxPage['items'][number];
/** What 保存这个搜索 sends: the place, the radius, the map's filters and a name. */
export type AlertBody = BodyOf<typeof contracts.create>;

export const fetchAlerts = () => call(contracts.list, {});

/** 201 with the search; 409 when 5 are kept already; 400 names the field. */
export const createAlert = (body: AlertBody) => call(contracts.create, { body });

export const deleteAlert = (alert: Pick<JobAlertView, 'alertId' | 'version'>) =>
  call(contracts.remove, { params: { alertId: alert.alertId }, query: { version: alert.version } });

/** A page of the inbox, newest first; the first page says how many are unread. */
export async function fetchInbox(cursor?: string): Promise<ListPage<InboxEntry> & { unread?: number | undefined }> {
  const page = await call(contracts.inbox, { query: cursor ? { cursor } : {} });
  return { items: page.items, nextCursor: page.nextCursor, unread: page.unread };
}

/** Everything up to `upTo` (the newest item shown) is read now. */
export const markInboxRead = (upTo: string) => call(contracts.read, { body: { upTo } });

/**
 * 开启微信提醒 (WeChat only): WeChat asks the worker (一次性订阅); each 允许 lets one message
 * through, so it is recorded on the search. Answers the search as it is now, or null when the
 * worker did not allow it (nothing is recorded then).
 */
export async function askForConsent(alertId: string, templateId: string): Promise<JobAlertView | null> {
  if (!(await wechatAllows(templateId))) return null;
  return (await call(contracts.consent, { params: { alertId }, body: { templateId } })).alert;
}
