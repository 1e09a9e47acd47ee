/**
 * 公益性岗位: the region's 乡村公益性岗位 by village, places left on each; tap one to see who is on it
 * and who is offered it first. Township and county staff set a new one up here (设岗).
 */
import { View } from '@tarojs/components';
import type { User } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { fetchPosts } from '../../../api/welfarePosts';
import { LoadMore } from '../../../components/LoadMore';
import { NavButton } from '../../../components/NavButton';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { villageNames } from '../../../regionNames';
import { NoStaffRegion, staffRegion } from '../../staffRegion';
import { PostCard } from '../../welfarePosts/PostCard';
import '../../areaCard.css';

function Posts({ regionCode }: { regionCode: string }) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchPosts(regionCode, cursor);
      villageNames(page.posts.map((p) => p.villageCode))
        .then(setNames)
        .catch(() => undefined);
      return { items: page.posts, nextCursor: page.nextCursor };
    },
    [regionCode],
  );
  const { items: posts, nextCursor, loading, error, more } = usePagedList(fetchPage);
  return (
    <View className="bf-section">
      <View className="bf-hint">按需设岗、以岗聘用、在岗领补、有序退岗。优先安置脱贫人口、监测对象中的弱劳力和半劳力。</View>
      {regionCode.length <= 9 ? (
        <NavButton url="/staff/pages/welfare-post-new/index" primary testId="posts-new">
          新设一个岗位
        </NavButton>
      ) : null}
      <NavButton url="/staff/pages/welfare-month/index" testId="posts-month">
        考勤与诚信提示
      </NavButton>
      {error ? <Notice tone="error">没能加载：{error}</Notice> : null}
      {!loading && !error && !posts.length ? <Notice testId="posts-empty">本地区还没有公益性岗位。</Notice> : null}
      <View className="bf-cards" data-testid="posts-list">
        {posts.map((post) => (
          <PostCard key={post.postId} post={post} villageName={names.get(post.villageCode)} />
        ))}
      </View>
      <LoadMore loading={loading} more={Boolean(nextCursor)} onMore={more} testId="posts-more" />
    </View>
  );
}

function PostsFor({ user }: { user: User }) {
  const regionCode = staffRegion(user);
  if (!regionCode) return <NoStaffRegion />;
  return <Posts regionCode={regionCode} />;
}

export default function PostsPage() {
  return <RolePage title="公益性岗位" roles={['staff', 'admin']} show={(user) => <PostsFor user={user} />} />;
}
