/**
 * 我的岗位: the employer's positions with their state in words (草稿 / 招聘中 / 已招满 /
 * 已关闭 / 已过期) and how many are hired of how many wanted; post a new one. Without a
 * profile it sends the employer to fill one in; while unverified it says so.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import type { Employer, Position } from '@bangfu/shared';
import type { ListPage } from '../../../api/client';
import { fetchMyEmployer, fetchMyPositions, fetchMyPositionsFirst } from '../../../api/positions';
import { useLoad } from '../../../hooks/useLoad';
import { useLoadMore, type LoadMorePager } from '../../../hooks/useLoadMore';
import { LoadView } from '../../../components/LoadView';
import { NextPage } from '../../../components/LoadMore';
import { NavButton } from '../../../components/NavButton';
import { NavCard } from '../../../components/NavCard';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { POSITION_STATUS_ZH } from '../../../labels';
import { dateText, payText } from '../../../positionText';
import { POSITION_STATE_CLASS, ProfileFirst, VerificationNotice } from '../../parts';
import { PositionPoster } from '../../scan/PositionPoster';
import '../../employer.css';

interface MyPositionsData {
  employer: Employer;
  /** The positions shown so far, newest first: the first page, then each 加载更多. */
  page: ListPage<Position>;
  /** How many there are in all and how many are open, counted with the first page. */
  counts?: { all: number; open: number } | undefined;
}

/** Null without a profile: positions are posted by an employer that has one. */
async function fetchMine(): Promise<MyPositionsData | null> {
  const employer = await fetchMyEmployer();
  return employer ? { employer, ...(await fetchMyPositionsFirst()) } : null;
}

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

function PositionRow({ position }: { position: Position }) {
  return (
    <NavCard
      title={position.title}
      onOpen={() => go(`/employer/pages/applicants/index?positionId=${encodeURIComponent(position.positionId)}`)}
      testId={`my-position-${position.positionId}`}
    >
      <View className="bf-row__line">
        <Text className={POSITION_STATE_CLASS[position.status]} data-testid="my-position-status">
          {POSITION_STATUS_ZH[position.status]}
        </Text>
      </View>
      <View className="bf-row__line bf-strong" data-testid="my-position-filled">
        已招 {position.filled} 人，共要 {position.headcount} 人
      </View>
      <View className="bf-row__line">{payText(position.pay)}</View>
      <View className="bf-row__line bf-row__month">招到 {dateText(position.validUntil)}</View>
      {position.status === 'open' ? <PositionPoster positionId={position.positionId} title={position.title} /> : null}
    </NavCard>
  );
}

function MyPositions() {
  // Loaded each time the page shows: back from posting or hiring, the list is current.
  const { load, retry, update } = useLoad(fetchMine);
  const updatePage = useCallback(
    (change: (shown: ListPage<Position>) => ListPage<Position>) => update((mine) => ({ ...mine, page: change(mine.page) })),
    [update],
  );
  const loadMore = useLoadMore(fetchMyPositions, updatePage);
  return (
    <LoadView
      load={load}
      retry={retry}
      missing={<ProfileFirst testId="positions">发布岗位以前，请先填写单位信息（名称、地址、联系电话）。</ProfileFirst>}
    >
      {(mine) => <PositionList {...mine} loadMore={loadMore} />}
    </LoadView>
  );
}

function PositionList({ employer, page, counts, loadMore }: MyPositionsData & { loadMore: LoadMorePager }) {
  const positions = page.items;
  return (
    <View className="bf-section">
      <View className="bf-text" data-testid="positions-counts">
        {employer.name}
        {counts?.all ? `：共 ${counts.all} 个岗位，${counts.open} 个正在招人` : ''}
      </View>
      <VerificationNotice employer={employer} />
      <NavButton url="/employer/pages/edit/index" primary testId="positions-new">
        发布新岗位
      </NavButton>
      {positions.length === 0 ? (
        <Notice testId="positions-empty">还没有发布过岗位。点上面的“发布新岗位”，几步就能发出去。</Notice>
      ) : (
        <View className="bf-cards" data-testid="positions-list">
          {positions.map((position) => (
            <PositionRow key={position.positionId} position={position} />
          ))}
        </View>
      )}
      <NextPage pager={loadMore} nextCursor={page.nextCursor} testId="positions-more" />
    </View>
  );
}

export default function PositionsPage() {
  return <RolePage title="我的岗位" roles={['employer']} show={() => <MyPositions />} />;
}
