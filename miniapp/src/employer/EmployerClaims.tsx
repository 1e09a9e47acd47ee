/**
 * 申领进度 on 我的奖补: the unit's claims, newest first, a page at a time, each with the same
 * timeline a worker sees. A failure here is said here: the subsidies above are still worth showing.
 */
import { View } from '@tarojs/components';
import { fetchEmployerClaims } from '../api/subsidies';
import { ClaimTimeline } from '../components/ClaimTimeline';
import { LoadMore } from '../components/LoadMore';
import { Notice } from '../components/Page';
import { usePagedList } from '../hooks/usePagedList';

export function EmployerClaims() {
  const { items: claims, nextCursor, loading, error, more } = usePagedList(fetchEmployerClaims);
  return (
    <>
      <View className="bf-subtitle">申领进度</View>
      {error ? (
        <Notice tone="error" testId="employer-claims-error">
          申领记录暂时看不到：{error}
        </Notice>
      ) : null}
      {!loading && !error && claims.length === 0 ? <Notice testId="employer-claims-empty">单位还没有申领过奖补。</Notice> : null}
      {claims.length > 0 ? (
        <View className="bf-cards" data-testid="employer-claims">
          {claims.map((c) => (
            <ClaimTimeline key={c.claimId} claim={c} reader="employer" />
          ))}
        </View>
      ) : null}
      <LoadMore loading={loading} more={nextCursor !== undefined && !error} onMore={more} testId="employer-claims-more" />
    </>
  );
}
