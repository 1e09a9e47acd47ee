/**
 * When a position is published — it joins the job map's index: posted open, a draft opened, a
 * closed one reopened, its employer verified — the saved searches it matches each get it in
 * their account's inbox, and a WeChat message while a consent is left.
 *
 * This runs off the table's stream (the jobAlerts Lambda on AWS, the stream follower locally),
 * not in the employer's request: "joins the map" is one test on the item before and after,
 * whichever of the five paths wrote it, and the employer never waits for WeChat. The stream
 * delivers at least once, so every step is once-only: an account gets a position once ever
 * (whichever of its searches matched), and a consent is taken in the same transaction that
 * puts it in the inbox — a redelivery finds it there and sends nothing. A message lost between
 * that transaction and WeChat is lost (never sent twice); one WeChat did not answer gives its
 * consent back. Only news counts: a search saved (or last changed) after the position's
 * publishing write does not get it, even when the stream is read again from its start.
 *
 * Cost per publish: 2 Queries of gsi3 (the searches filed under the point's cells of 3 and 4
 * characters), then per account matched one GetItem (its openid, when messages are on) and one
 * transaction, or a second when its first search had no consent left.
 */
import { chinaDate, distanceKm, isListable, matchesAlert, type AlertNotice, type Position } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { inPool } from '../db/inPool.js';
import { positionEntity } from '../db/entities.js';
import type { TableStreamRecord } from '../monitoring/streamChanges.js';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { toRecord } from '../positions/positionRepository.js';
import type { AlertCopy, StoredInboxItem } from './alertRepository.js';

type FanOutContext = Pick<AppContext, 'alerts' | 'users' | 'subscribeMessages'>;

/** Accounts served at once for one position. */
const ACCOUNTS_AT_ONCE = 8;

export interface FanOutReport {
  /** Accounts with a search the position matched. */
  accounts: number;
  /** New in an inbox now, by how the WeChat message went. */
  delivered: Partial<Record<AlertNotice, number>>;
  /** In the inbox before (a redelivery, a reopened position). */
  already: number;
  /** Every matching search changed or went meanwhile. */
  stale: number;
}

const emptyReport = (): FanOutReport => ({ accounts: 0, delivered: {}, already: 0, stale: 0 });

/** The positions that joined the map in a batch of stream records: not on it before, on it after. */
export function publishedPositions(records: readonly TableStreamRecord[]): Position[] {
  return records.flatMap((record) => {
    const { NewImage, OldImage } = record.dynamodb ?? {};
    if (NewImage?.type?.S !== 'position') return [];
    const after = unmarshall(NewImage as never);
    const before = OldImage && unmarshall(OldImage as never);
    if (!positionEntity.isOnMap(after) || (before && positionEntity.isOnMap(before))) return [];
    return [toRecord(after).position];
  });
}

/** One position to the inboxes of the searches it matches. */
export async function fanOutPosition(ctx: FanOutContext, position: Position, now = new Date()): Promise<FanOutReport> {
  const report = emptyReport();
  if (!isListable(position, chinaDate(now))) return report;
  const byAccount = new Map<string, AlertCopy[]>();
  for (const copy of await ctx.alerts.copiesReaching(position.location)) {
    // Published (its last write) before the search was saved as it is: not news to it.
    if (position.updatedAt < copy.since || !matchesAlert(position, copy)) continue;
    const copies = byAccount.get(copy.userId) ?? [];
    // A search is filed under one cell of one size; a copy an edit just moved may still show in another list.
    if (!copies.some((c) => c.alertId === copy.alertId && c.alertVersion >= copy.alertVersion)) {
      byAccount.set(copy.userId, [...copies.filter((c) => c.alertId !== copy.alertId), copy]);
    }
  }
  report.accounts = byAccount.size;
  await inPool([...byAccount], ACCOUNTS_AT_ONCE, async ([userId, copies]) => {
    const outcome = await deliverTo(ctx, userId, copies, position, now);
    if (outcome === 'already') report.already++;
    else if (outcome === 'stale') report.stale++;
    else report.delivered[outcome] = (report.delivered[outcome] ?? 0) + 1;
  });
  return report;
}

/** Every position a batch of stream records published, one after another. */
export async function fanOutPublished(ctx: FanOutContext, records: readonly TableStreamRecord[], now = new Date()) {
  const total = emptyReport();
  for (const [i, position] of publishedPositions(records).entries()) {
    // A batch's positions come a millisecond apart in the order they were published: the inbox
    // lists by when an item came, and "newest first" must not fall to the positions' ids.
    const report = await fanOutPosition(ctx, position, new Date(now.getTime() + i));
    total.accounts += report.accounts;
    total.already += report.already;
    total.stale += report.stale;
    for (const [notice, n] of Object.entries(report.delivered) as [AlertNotice, number][]) {
      total.delivered[notice] = (total.delivered[notice] ?? 0) + n;
    }
  }
  return total;
}

/**
 * The position into one account's inbox, once, under the first of its matching searches that
 * still holds: with a WeChat message when one of them has a consent left (and the account can
 * be messaged), else the inbox alone.
 */
async function deliverTo(
  ctx: FanOutContext,
  userId: string,
  copies: AlertCopy[],
  position: Position,
  now: Date,
): Promise<AlertNotice | 'already' | 'stale'> {
  const ordered = [...copies].sort((a, b) => a.alertId.localeCompare(b.alertId));
  const itemFor = (copy: AlertCopy, notice: AlertNotice): StoredInboxItem => ({
    positionId: position.positionId,
    title: position.title,
    employerName: position.employerName,
    distanceKm: Math.round(distanceKm(copy.centre, position.location) * 10) / 10,
    at: now.toISOString(),
    alertId: copy.alertId,
    alertLabel: copy.label,
    placeName: copy.placeName,
    notice,
  });

  const openid = ctx.subscribeMessages.jobAlertTemplateId ? await ctx.users.openidOf(userId) : undefined;
  if (openid) {
    for (const copy of ordered) {
      const item = itemFor(copy, 'sending');
      const outcome = await ctx.alerts.deliver(copy, item, true, now);
      if (outcome === 'already') return 'already';
      if (outcome === 'refused') continue; // no consent left on this one (or it changed): the next
      const sent = await ctx.subscribeMessages.sendJobAlert({
        openid,
        page: `worker/pages/position/index?positionId=${position.positionId}`,
        positionTitle: position.title,
        employerName: position.employerName,
        reason: `${copy.label}·离${copy.placeName}${item.distanceKm}公里`,
      });
      const notice: AlertNotice = sent === 'sent' || sent === 'notSubscribed' ? sent : 'failed';
      await ctx.alerts.noted(userId, item, notice);
      if (notice === 'failed') await ctx.alerts.giveBackConsent(userId, copy.alertId);
      return notice;
    }
  }
  const notice: AlertNotice = openid ? 'noConsent' : 'off';
  for (const copy of ordered) {
    const outcome = await ctx.alerts.deliver(copy, itemFor(copy, notice), false, now);
    if (outcome === 'already') return 'already';
    if (outcome === 'delivered') return notice;
  }
  return 'stale';
}
