/** One 公益性岗位 as a card: what and where, hours, places taken, the monthly subsidy; taps open it. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatYuan, POST_CATEGORY_ZH } from '@bangfu/shared';
import type { PostView } from '../../api/welfarePosts';

export function postTerms(post: PostView): string {
  return `${post.fullTime ? '全日制' : '非全日制'}，每周 ${post.hoursPerWeek} 小时；每月补贴 ${
    post.monthlyStandardFen === undefined ? '本地还没定标准' : formatYuan(post.monthlyStandardFen)
  }`;
}

export function PostCard({ post, villageName }: { post: PostView; villageName: string | undefined }) {
  const left = post.places - post.filled;
  return (
    <View
      className="bf-cov"
      role="button"
      data-testid={`post-${post.postId}`}
      onClick={() => {
        Taro.navigateTo({ url: `/staff/pages/welfare-post/index?postId=${post.postId}` }).catch(() => undefined);
      }}
    >
      <View className="bf-cov__name">
        {post.title}
        <Text className={`bf-goal ${left ? 'bf-goal--met' : 'bf-goal--none'} bf-cov__badge`}>
          {left ? `还有 ${left} 个名额` : '名额已满'}
        </Text>
      </View>
      <View className="bf-cov__line">
        <Text className="bf-cov__label">{POST_CATEGORY_ZH[post.category]}</Text>
        <Text className="bf-cov__value">{villageName ?? post.villageCode}</Text>
      </View>
      <View className="bf-cov__short">{postTerms(post)}</View>
    </View>
  );
}
