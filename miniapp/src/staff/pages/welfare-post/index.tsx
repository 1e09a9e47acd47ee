/**
 * One 公益性岗位: its duties, hours, places and monthly subsidy; the people on it with their
 * agreements; and, while a place is left, who is offered it first, to take on with one tap.
 */
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { FUNDING_SOURCE_ZH, LEAVING_REASON_ZH, POST_CATEGORY_ZH } from '@bangfu/shared';
import { useEffect, useState } from 'react';
import { fetchPost, fetchPostCandidates, type PostCandidate, type PostDetail } from '../../../api/welfarePosts';
import { LoadView } from '../../../components/LoadView';
import { NavButton } from '../../../components/NavButton';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useLoad } from '../../../hooks/useLoad';
import { villageName, villageNames } from '../../../regionNames';
import { fullDayText } from '../../../time';
import { Candidates } from '../../welfarePosts/Candidates';
import { LeaveForm } from '../../welfarePosts/LeaveForm';
import { postTerms } from '../../welfarePosts/PostCard';
import '../../areaCard.css';

interface Loaded {
  detail: PostDetail;
  candidates: PostCandidate[];
}

function Post({ data, reload }: { data: Loaded; reload: () => Promise<void> }) {
  const { post, holders } = data.detail;
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [taken, setTaken] = useState<string | null>(null);
  useEffect(() => {
    villageNames([post.villageCode, ...data.candidates.map((c) => c.villageCode)])
      .then(setNames)
      .catch(() => undefined);
  }, [post.villageCode, data.candidates]);
  return (
    <View className="bf-section">
      <View className="bf-cov bf-cov--total" data-testid="post-summary">
        <View className="bf-cov__name">{post.title}</View>
        <View className="bf-text">
          {POST_CATEGORY_ZH[post.category]} · {villageName(post.villageCode, names)}
        </View>
        <View className="bf-text">{post.duties}</View>
        <View className="bf-cov__short">{postTerms(post)}</View>
        <View className="bf-cov__line" data-testid="post-places">
          名额 {post.places} 个，已聘 {post.filled} 人
        </View>
        <View className="bf-cov__short">
          岗位期限 {fullDayText(post.termStartsOn)} 到 {fullDayText(post.termEndsOn)}；资金：
          {FUNDING_SOURCE_ZH[post.fundingSource]}
        </View>
      </View>
      {taken ? <Notice testId="post-taken">已聘用 {taken}，这个月记为在公益性岗位上务工。</Notice> : null}
      <View className="bf-subtitle">在岗的人</View>
      {holders.some((h) => h.status === 'onPost') ? (
        <NavButton
          url={`/staff/pages/welfare-attendance/index?postId=${encodeURIComponent(post.postId)}`}
          primary
          testId="post-attendance"
        >
          记考勤
        </NavButton>
      ) : null}
      {holders.length ? (
        <View data-testid="post-holders">
          {holders.map((h) => (
            <View key={h.workerId}>
              <View className="bf-cov__line" data-testid={`holder-${h.workerId}`}>
                {h.name}：协议 {fullDayText(h.startsOn)} 到 {fullDayText(h.endsOn)}
                {h.left ? `（${fullDayText(h.left.lastDay)} 退岗：${LEAVING_REASON_ZH[h.left.reason]}）` : ''}
              </View>
              {h.status === 'onPost' ? <LeaveForm holder={h} onLeft={() => void reload()} /> : null}
            </View>
          ))}
        </View>
      ) : (
        <Notice testId="post-no-holders">还没有聘用人。</Notice>
      )}
      <View className="bf-subtitle">优先人选</View>
      <Candidates
        post={post}
        candidates={data.candidates}
        names={names}
        onTaken={(name) => {
          setTaken(name);
          void reload();
        }}
      />
    </View>
  );
}

function PostLoad({ postId }: { postId: string }) {
  const { load, retry, reload } = useLoad(async () => {
    const [detail, { candidates }] = await Promise.all([fetchPost(postId), fetchPostCandidates(postId)]);
    return { detail, candidates };
  });
  return (
    <LoadView load={load} retry={retry}>
      {(data) => <Post data={data} reload={reload} />}
    </LoadView>
  );
}

export default function PostPage() {
  const { params } = useRouter();
  const postId = params.postId ? decodeURIComponent(params.postId) : '';
  return (
    <RolePage
      title="公益性岗位"
      roles={['staff', 'admin']}
      show={() => (postId ? <PostLoad postId={postId} /> : <Notice tone="error">没有指定是哪个岗位，请从岗位列表点开。</Notice>)}
    />
  );
}
