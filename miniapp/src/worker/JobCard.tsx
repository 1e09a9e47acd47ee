/** One job as a big tappable card: title, pay, how far and who, and what it offers. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PositionCard } from '@bangfu/shared';
import { POSITION_FORM_ZH } from '../labels';
import { distanceText, employerText, payText, suitsTags } from '../positionText';

export function openPosition(positionId: string): void {
  Taro.navigateTo({ url: `/worker/pages/position/index?positionId=${encodeURIComponent(positionId)}` }).catch(() => undefined);
}

/** What the job offers, as tags: its form, board and lodging, and whom it suits. */
export function cardTags(position: PositionCard, near: string | null): string[] {
  const tags = [POSITION_FORM_ZH[position.form]];
  if (position.accommodation) tags.push('包住');
  if (position.meals) tags.push('包吃');
  for (const tag of suitsTags(position, position.distanceKm, near)) if (!tags.includes(tag)) tags.push(tag);
  return tags;
}

export function JobCard({
  position,
  from,
  near = null,
  testId,
}: {
  position: PositionCard;
  /** Where the distance is measured from, in words (您, a village's name). */
  from?: string;
  /** The word for a job close by (离家近 / 离您近), or none. */
  near?: string | null;
  testId?: string;
}) {
  return (
    <View
      className="bf-card bf-job"
      hoverClass="bf-card--pressed"
      onClick={() => openPosition(position.positionId)}
      role="button"
      data-testid={testId ?? `job-card-${position.positionId}`}
    >
      <View className="bf-card__title">
        <Text>{position.title}</Text>
        <Text className="bf-card__arrow">›</Text>
      </View>
      <View className="bf-job__pay">{payText(position.pay)}</View>
      <View className="bf-row__line">
        {position.distanceKm !== undefined ? `离${from ?? '这里'} ${distanceText(position.distanceKm)} · ` : ''}
        {employerText(position.employerName, position.employerKind)}
      </View>
      <View className="bf-tags">
        {cardTags(position, near).map((tag) => (
          <Text key={tag} className="bf-chip">
            {tag}
          </Text>
        ))}
      </View>
    </View>
  );
}
