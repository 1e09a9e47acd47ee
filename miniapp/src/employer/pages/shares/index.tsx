/**
 * 同意给我看信息的求职者: after a job fair the employer finds again everyone who agreed on their
 * own phone to share their record — name, phone (tap to call), skills, what work they want —
 * the latest first, each until their consent ends. A consent withdrawn or ended is gone.
 */
import { View } from '@tarojs/components';
import { useCallback } from 'react';
import { fetchSharedWithUs } from '../../../api/helpCodes';
import { LoadMore } from '../../../components/LoadMore';
import { NavButton } from '../../../components/NavButton';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { fullDayText } from '../../../time';
import { SharedCardView } from '../../scan/SharedCard';

function SharedWithUs() {
  const fetchPage = useCallback(async (cursor: string | undefined) => {
    const page = await fetchSharedWithUs(cursor);
    return { items: page.shares, nextCursor: page.nextCursor };
  }, []);
  const { items: shares, nextCursor, loading, error, more } = usePagedList(fetchPage);

  return (
    <View className="bf-section">
      <View className="bf-hint">
        在招聘会上扫码、对方在自己手机上点了「同意」的求职者都在这里。到期或对方收回后，就看不到了。
      </View>
      {error ? <Notice tone="error">没能加载：{error}</Notice> : null}
      {!loading && !error && !shares.length ? (
        <View className="bf-section" data-testid="shares-empty">
          <Notice>现在没有同意给您看信息的求职者。</Notice>
          <NavButton url="/employer/pages/scan/index" primary>
            去扫码
          </NavButton>
        </View>
      ) : null}
      <View className="bf-cards" data-testid="shares-list">
        {shares.map((share) => (
          <View key={share.shareId} data-testid={`share-${share.shareId}`}>
            <View className="bf-hint">{fullDayText(share.at)} 同意</View>
            <SharedCardView shared={share.shared} />
          </View>
        ))}
      </View>
      <LoadMore loading={loading} more={Boolean(nextCursor)} onMore={more} testId="shares-more" />
    </View>
  );
}

export default function EmployerSharesPage() {
  return <RolePage title="同意给我看信息的求职者" roles={['employer']} show={() => <SharedWithUs />} />;
}
