/**
 * An employer or 帮扶车间, opened from its poster (?id=): its name, kind and address, and
 * the positions it has open, each opening the position's page. Anyone may look; no login.
 */
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { EMPLOYER_KIND_ZH } from '@bangfu/shared';
import { useCallback } from 'react';
import { fetchPublicEmployer, fetchPublicEmployerPositions, type PublicEmployer } from '../../../api/helpCodes';
import type { ListPage } from '../../../api/client';
import { NextPage } from '../../../components/LoadMore';
import { LoadView } from '../../../components/LoadView';
import { NavButton } from '../../../components/NavButton';
import { Notice, Page } from '../../../components/Page';
import { useLoad } from '../../../hooks/useLoad';
import { useLoadMore, type LoadMorePager } from '../../../hooks/useLoadMore';
import { OpenProblem } from '../../OpenProblem';
import { PublicPositionCard } from '../../PublicPositionCard';
import '../../codes.css';

type Card = PublicEmployer['positions'][number];

function EmployerView({ data, loadMore }: { data: PublicEmployer; loadMore: LoadMorePager }) {
  const { employer, positions, nextCursor } = data;
  return (
    <>
      <View className="bf-title" data-testid="public-employer-name">
        {employer.name}
      </View>
      <View className="bf-place">
        <View className="bf-place__line bf-strong">{EMPLOYER_KIND_ZH[employer.kind]}</View>
        <View className="bf-place__line">地址：{employer.address}</View>
        <View className="bf-place__line bf-hint">这个单位已经通过人社部门审核。</View>
      </View>
      <View className="bf-section">
        <View className="bf-subtitle">正在招的工作</View>
        {positions.length ? (
          <View className="bf-cards" data-testid="public-employer-positions">
            {positions.map((position) => (
              <PublicPositionCard key={position.positionId} position={position} />
            ))}
          </View>
        ) : (
          <Notice testId="public-employer-none">这个单位现在没有在招的工作。可以看看附近别的工作。</Notice>
        )}
        <NextPage pager={loadMore} nextCursor={nextCursor} testId="public-employer-more" />
        <NavButton url="/worker/pages/jobs/index" testId="public-employer-jobs">
          看附近的工作
        </NavButton>
      </View>
    </>
  );
}

function PublicEmployerView({ employerId }: { employerId: string }) {
  const { load, retry, update } = useLoad(useCallback(() => fetchPublicEmployer(employerId), [employerId]));
  const fetchPage = useCallback((cursor: string) => fetchPublicEmployerPositions(employerId, cursor), [employerId]);
  const updatePage = useCallback(
    (change: (shown: ListPage<Card>) => ListPage<Card>) =>
      update((data) => {
        const page = change({ items: data.positions, nextCursor: data.nextCursor });
        return { ...data, positions: page.items, nextCursor: page.nextCursor };
      }),
    [update],
  );
  const loadMore = useLoadMore(fetchPage, updatePage);
  return (
    <LoadView load={load} retry={retry} what="这个单位">
      {(data) => <EmployerView data={data} loadMore={loadMore} />}
    </LoadView>
  );
}

export default function PublicEmployerPage() {
  const { params } = useRouter();
  const employerId = params.id ? decodeURIComponent(params.id) : '';
  return (
    <Page>
      {employerId ? (
        <PublicEmployerView employerId={employerId} />
      ) : (
        <OpenProblem title="找不到这个单位" text="没有说是哪个单位。请重新扫一次海报上的码。" />
      )}
    </Page>
  );
}
