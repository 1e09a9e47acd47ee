/** 家人帮我办过的事: every act in this worker's name (由 X 代办), newest first, a page at a time. */
import { View } from '@tarojs/components';
import { FAMILY_ACT_ZH, familyMemberText } from '@bangfu/shared';
import { useCallback } from 'react';
import { fetchFamilyActs, type FamilyActView } from '../../api/family';
import { LoadFailed } from '../../components/LoadView';
import { LoadMore } from '../../components/LoadMore';
import { usePagedList } from '../../hooks/usePagedList';
import { clockText, dayText } from '../../time';

function Act({ act }: { act: FamilyActView }) {
  return (
    <View className="bf-family-act" role="listitem">
      <View className="bf-family-act__when">
        {dayText(act.at)} {clockText(act.at)}
      </View>
      <View className="bf-family-act__what">
        {familyMemberText(act.helper)}：{act.what && act.kind === 'ended' ? act.what : FAMILY_ACT_ZH[act.kind]}
        {act.what && act.kind !== 'ended' ? `「${act.what}」` : ''}
      </View>
    </View>
  );
}

export function FamilyActs() {
  const fetchPage = useCallback(async (cursor: string | undefined) => {
    const page = await fetchFamilyActs(cursor);
    return { items: page.acts, nextCursor: page.nextCursor };
  }, []);
  const { items, nextCursor, loading, error, more, reload } = usePagedList(fetchPage);
  if (!loading && !error && items.length === 0) return null;
  return (
    <View className="bf-section">
      <View className="bf-subtitle">家人帮我办过的事</View>
      {error ? (
        <LoadFailed onRetry={reload} testId="family-acts-retry">
          没能加载：{error}
        </LoadFailed>
      ) : null}
      <View role="list" data-testid="family-acts">
        {items.map((act, i) => (
          <Act key={`${act.at}-${i}`} act={act} />
        ))}
      </View>
      <LoadMore loading={loading} more={Boolean(nextCursor)} onMore={more} testId="family-acts-more" />
    </View>
  );
}
