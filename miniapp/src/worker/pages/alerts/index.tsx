/**
 * 我的订阅: new jobs that matched the worker's saved searches (newest first, 新 on those not
 * seen before; a tap opens the job), then the saved searches with 删除 and, in WeChat,
 * 开启微信提醒 — each 允许 lets one message through (一次性订阅). The H5 build has no WeChat
 * messages: there the inbox is the way new jobs arrive.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import {
  askForConsent,
  deleteAlert,
  fetchAlerts,
  fetchInbox,
  markInboxRead,
  type AlertList,
  type InboxEntry,
  type JobAlertView,
} from '../../../api/alerts';
import { errorText, isApiError, type ListPage } from '../../../api/client';
import { filtersText, reachText } from '../../../components/alerts/alertText';
import { LoadView } from '../../../components/LoadView';
import { NextPage } from '../../../components/LoadMore';
import { NavButton } from '../../../components/NavButton';
import { NavCard } from '../../../components/NavCard';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useLoad } from '../../../hooks/useLoad';
import { useLoadMore, type LoadMorePager } from '../../../hooks/useLoadMore';
import { distanceText } from '../../../positionText';
import { clockText, dayText } from '../../../time';
import { openPosition } from '../../JobCard';
import '../../worker.css';

/** WeChat messages need WeChat: the H5 build never asks for them. */
const ON_WECHAT = process.env.TARO_ENV === 'weapp';

interface Shown {
  inbox: ListPage<InboxEntry>;
  unread: number;
  searches: AlertList;
}

async function fetchAll(): Promise<Shown> {
  const [inbox, searches] = await Promise.all([fetchInbox(), fetchAlerts()]);
  return { inbox: { items: inbox.items, nextCursor: inbox.nextCursor }, unread: inbox.unread ?? 0, searches };
}

function InboxCard({ entry }: { entry: InboxEntry }) {
  return (
    <NavCard
      title={entry.title}
      className="bf-alert-item"
      onOpen={() => openPosition(entry.positionId)}
      testId={`inbox-${entry.positionId}`}
    >
      <View className="bf-row__line">
        {entry.unread ? (
          <Text className="bf-tag bf-alert-item__new" data-testid="inbox-new">
            新
          </Text>
        ) : null}
        {entry.employerName}
      </View>
      <View className="bf-row__line bf-strong">
        离{entry.placeName} {distanceText(entry.distanceKm)}
      </View>
      <View className="bf-row__line bf-hint">
        {dayText(entry.at)} {clockText(entry.at)} · 来自订阅“{entry.alertLabel}”
      </View>
    </NavCard>
  );
}

/** 开启微信提醒 on one search: WeChat's own question first, then one more message recorded. */
function useConsent(templateId: string | null, onSearch: (search: JobAlertView) => void) {
  const [asking, setAsking] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const ask = async (alertId: string) => {
    if (!templateId) return;
    setAsking(alertId);
    setMessage(null);
    try {
      const search = await askForConsent(alertId, templateId);
      if (search) {
        onSearch(search);
        setMessage({ tone: 'info', text: `好的，有新岗位会发微信告诉您（还能发 ${search.consents} 次）。` });
      } else setMessage({ tone: 'info', text: '没有开启。想开的时候再点一次，在弹出的框里点“允许”。' });
    } catch (error) {
      setMessage({ tone: 'error', text: `没能开启微信提醒：${errorText(error)}` });
    } finally {
      setAsking(null);
    }
  };
  return { asking, message, ask, on: ON_WECHAT && Boolean(templateId) };
}

function SearchCard({
  search,
  consent,
  onDelete,
}: {
  search: JobAlertView;
  consent: ReturnType<typeof useConsent>;
  onDelete: (search: JobAlertView) => Promise<void>;
}) {
  const [deleting, setDeleting] = useState(false);
  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除这个订阅？',
      content: '删除后不再提醒这类新岗位；以前收到的还在上面。',
      confirmText: '删除',
      cancelText: '不删',
    });
    if (!confirm) return;
    setDeleting(true);
    await onDelete(search).finally(() => setDeleting(false));
  };
  return (
    <View className="bf-card bf-alert-search" data-testid={`search-${search.alertId}`}>
      <View className="bf-card__title">{search.label}</View>
      <View className="bf-row__line">{reachText(search.placeName, search.radiusKm)}</View>
      <View className="bf-row__line">{filtersText(search.filters)}</View>
      {consent.on ? (
        <View className="bf-row__line bf-strong" data-testid="search-consents">
          {search.consents ? `微信提醒还能发 ${search.consents} 次` : '微信提醒已用完'}
        </View>
      ) : null}
      <View className="bf-button-row">
        {consent.on ? (
          <Button
            type="primary"
            size="large"
            loading={consent.asking === search.alertId}
            disabled={consent.asking !== null}
            onClick={() => void consent.ask(search.alertId)}
            data-testid="search-consent"
          >
            {search.consents ? '多开一次微信提醒' : '开启微信提醒'}
          </Button>
        ) : null}
        <Button size="large" loading={deleting} disabled={deleting} onClick={() => void remove()} data-testid="search-delete">
          删除
        </Button>
      </View>
    </View>
  );
}

function Subscriptions() {
  const { load, retry, update, reload } = useLoad(fetchAll);
  const updateInbox = useCallback(
    (change: (inbox: ListPage<InboxEntry>) => ListPage<InboxEntry>) =>
      update((shown) => ({ ...shown, inbox: change(shown.inbox) })),
    [update],
  );
  const loadMore = useLoadMore(fetchInbox, updateInbox);
  const newest = load.state === 'ready' && load.data.unread > 0 ? load.data.inbox.items[0]?.at : undefined;
  // What is shown now has been seen: marked read on the server, still marked 新 on this screen.
  useEffect(() => {
    if (newest) markInboxRead(newest).catch(() => undefined);
  }, [newest]);

  return (
    <LoadView load={load} retry={retry} what="我的订阅">
      {(shown) => <SubscriptionsView shown={shown} loadMore={loadMore} update={update} reload={reload} />}
    </LoadView>
  );
}

function SubscriptionsView({
  shown,
  loadMore,
  update,
  reload,
}: {
  shown: Shown;
  loadMore: LoadMorePager;
  update: (change: (shown: Shown) => Shown) => void;
  reload: () => Promise<void>;
}) {
  const { inbox, unread, searches } = shown;
  const [error, setError] = useState<string | null>(null);
  const setSearch = (search: JobAlertView) =>
    update((before) => ({
      ...before,
      searches: { ...before.searches, alerts: before.searches.alerts.map((a) => (a.alertId === search.alertId ? search : a)) },
    }));
  const consent = useConsent(searches.templateId, setSearch);
  const onDelete = async (search: JobAlertView) => {
    setError(null);
    try {
      await deleteAlert(search);
      update((before) => ({
        ...before,
        searches: { ...before.searches, alerts: before.searches.alerts.filter((a) => a.alertId !== search.alertId) },
      }));
    } catch (failure) {
      setError(`没能删除：${errorText(failure)}`);
      if (isApiError(failure) && failure.status === 409) await reload();
    }
  };
  // The newest match that came without a message because its search had none left: ask again there.
  const usedUp = inbox.items.find((item) => item.notice === 'noConsent');
  const usedUpSearch = searches.alerts.find((a) => a.alertId === usedUp?.alertId && a.consents === 0);

  return (
    <View className="bf-section">
      <View className="bf-subtitle">新岗位</View>
      {consent.on && usedUpSearch ? (
        <View
          className="bf-notice bf-alert-renew"
          role="button"
          onClick={() => void consent.ask(usedUpSearch.alertId)}
          data-testid="inbox-renew"
        >
          微信提醒已用完，点这里再次开启
        </View>
      ) : null}
      {consent.message ? <Notice tone={consent.message.tone}>{consent.message.text}</Notice> : null}
      {inbox.items.length ? (
        <>
          <View className="bf-hint" data-testid="inbox-unread">
            {unread ? `有 ${unread >= 100 ? '99+' : unread} 个新来的，标着“新”。点一个看详情。` : '都看过了。点一个看详情。'}
          </View>
          <View className="bf-cards" data-testid="inbox-list">
            {inbox.items.map((entry) => (
              <InboxCard key={`${entry.at}#${entry.positionId}`} entry={entry} />
            ))}
          </View>
          <NextPage pager={loadMore} nextCursor={inbox.nextCursor} testId="inbox-more" />
        </>
      ) : (
        <Notice testId="inbox-empty">
          {searches.alerts.length ? '还没有新岗位。有符合您订阅的新岗位，会放在这里。' : '保存一个搜索，有新岗位就会放在这里。'}
        </Notice>
      )}

      <View className="bf-subtitle">
        我保存的搜索（{searches.alerts.length}/{searches.max}）
      </View>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {searches.alerts.length ? (
        <View className="bf-cards" data-testid="search-list">
          {searches.alerts.map((search) => (
            <SearchCard key={search.alertId} search={search} consent={consent} onDelete={onDelete} />
          ))}
        </View>
      ) : (
        <Notice testId="search-empty">还没有保存的搜索。在“找工作”里选好地方和条件，点“保存这个搜索”，有新岗位就告诉您。</Notice>
      )}
      <NavButton url="/worker/pages/jobs/index" testId="alerts-find">
        去找工作
      </NavButton>
    </View>
  );
}

export default function AlertsPage() {
  return <RolePage title="我的订阅" roles={['worker']} show={() => <Subscriptions />} />;
}
