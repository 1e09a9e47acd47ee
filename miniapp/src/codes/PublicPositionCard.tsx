/**
 * A position on a public page (an employer's or 帮扶车间's poster): title, pay, what it offers
 * and how many are still wanted; the whole card opens the position's detail page.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PositionCard } from '@bangfu/shared';
import { NavCard } from '../components/NavCard';
import { POSITION_FORM_ZH } from '../labels';
import { headcountLeftText, payText, suitsTags } from '../positionText';

function openPosition(positionId: string): void {
  Taro.navigateTo({ url: `/worker/pages/position/index?positionId=${encodeURIComponent(positionId)}` }).catch(() => undefined);
}

function tagsOf(position: PositionCard): string[] {
  const tags = [POSITION_FORM_ZH[position.form]];
  if (position.accommodation) tags.push('包住');
  if (position.meals) tags.push('包吃');
  for (const tag of suitsTags(position, undefined, null)) if (!tags.includes(tag)) tags.push(tag);
  return tags;
}

export function PublicPositionCard({ position }: { position: PositionCard }) {
  return (
    <NavCard title={position.title} onOpen={() => openPosition(position.positionId)} testId={`job-card-${position.positionId}`}>
      <View className="bf-public-job__pay">{payText(position.pay)}</View>
      <View className="bf-row__line">{position.address}</View>
      <View className="bf-tags">
        {tagsOf(position).map((tag) => (
          <Text key={tag} className="bf-chip">
            {tag}
          </Text>
        ))}
        <Text className="bf-chip">{headcountLeftText(position)}</Text>
      </View>
    </NavCard>
  );
}
