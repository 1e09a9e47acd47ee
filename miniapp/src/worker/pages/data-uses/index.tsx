/**
 * 个人信息使用记录: who read, scanned or received this worker's record, when and why, newest
 * first, a page at a time; a consent given to an employer can be withdrawn here while it lasts.
 */
import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { fetchDataUses, withdrawShare, type DataUse } from '../../../api/helpCodes';
import { BindFirst, LoadFailed } from '../../../components/LoadView';
import { LoadMore } from '../../../components/LoadMore';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { DataUseEntry } from '../../code/DataUseEntry';
import '../../code/code.css';

function DataUses() {
  const [unbound, setUnbound] = useState(false);
  const [busyShare, setBusyShare] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  const fetchPage = useCallback(async (cursor: string | undefined) => {
    try {
      const page = await fetchDataUses(cursor ? { cursor } : {});
      return { items: page.entries, nextCursor: page.nextCursor };
    } catch (error) {
      if (isApiError(error) && error.status === 404) {
        setUnbound(true);
        return { items: [] as DataUse[] };
      }
      throw error;
    }
  }, []);
  const { items, nextCursor, loading, error, more, reload, update } = usePagedList(fetchPage);

  const withdraw = async (entry: DataUse) => {
    const shareId = entry.share?.shareId;
    if (!shareId) return;
    setBusyShare(shareId);
    setMessage(null);
    try {
      await withdrawShare(shareId);
      update((before) => before.map((e) => (e.share?.shareId === shareId ? { ...e, share: { ...e.share, active: false } } : e)));
      setMessage({ tone: 'info', text: `已收回授权，「${entry.who}」以后看不到您的信息了。` });
      reload();
    } catch (failure) {
      setMessage({ tone: 'error', text: `没能收回授权：${errorText(failure)}` });
    } finally {
      setBusyShare(null);
    }
  };

  if (unbound) {
    return <BindFirst>您还没有绑定身份，所以还没有使用记录。请先在“我的信息”里绑定。</BindFirst>;
  }
  return (
    <View className="bf-section">
      <View className="bf-hint">谁看过、扫过或拿到过您的信息，什么时候、为什么，都记在这里。最新的在最上面。</View>
      {message ? (
        <Notice tone={message.tone} testId="data-uses-message">
          {message.text}
        </Notice>
      ) : null}
      {error ? (
        <LoadFailed onRetry={reload} testId="load-retry">
          没能加载使用记录：{error}
        </LoadFailed>
      ) : null}
      {!loading && !error && items.length === 0 ? <Notice testId="data-uses-empty">还没有人查看过您的信息</Notice> : null}
      <View className="bf-cards" role="list" data-testid="data-uses-list">
        {items.map((entry, index) => (
          <DataUseEntry
            key={`${entry.at}-${index}`}
            entry={entry}
            busy={busyShare !== null && busyShare === entry.share?.shareId}
            onWithdraw={() => {
              withdraw(entry).catch(() => undefined);
            }}
          />
        ))}
      </View>
      <LoadMore
        loading={loading}
        more={Boolean(nextCursor)}
        onMore={more}
        testId="data-uses-more"
        allShown={items.length ? '已经全部显示' : undefined}
      />
    </View>
  );
}

export default function DataUsesPage() {
  return <RolePage title="个人信息使用记录" roles={['worker']} show={() => <DataUses />} />;
}
