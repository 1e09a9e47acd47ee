/**
 * 各乡镇 / 各村: a county's townships or a township's villages for the month, those whose
 * employed count fell most since the month before first, so the officer sees where to go.
 */
import { Text, View } from '@tarojs/components';
import type { ChildFigures } from '../../api/monitoring';
import { averageIncome, changeText, employedShare, recordedIn } from './figureText';

/** The change in employed since the month before; 0 when either month has no records to compare. */
const fall = (child: ChildFigures) =>
  child.figures.recorded && child.previousMonth.recorded ? child.figures.employed - child.previousMonth.employed : 0;

export function ChildrenRanking({ rows }: { rows: ChildFigures[] }) {
  const ranked = [...rows].sort((a, b) => fall(a) - fall(b) || a.regionCode.localeCompare(b.regionCode));
  return (
    <View data-testid="monitoring-children">
      {ranked.map((child) => (
        <View key={child.regionCode} className="bf-cov" data-testid={`monitoring-child-${child.regionCode}`}>
          <View className="bf-cov__name">
            {fall(child) < 0 ? <Text className="bf-goal bf-goal--below">▼ 下降</Text> : null} {child.name}
          </View>
          <View className="bf-cov__line">
            <Text className="bf-cov__label">在岗务工</Text>
            <Text className="bf-cov__value">
              {child.figures.employed} 人（{employedShare(child.figures)}）
            </Text>
          </View>
          <View className="bf-cov__short">
            比上月{changeText(child.figures.employed, recordedIn(child.previousMonth)?.employed)}，比去年同月
            {changeText(child.figures.employed, recordedIn(child.lastYear)?.employed)}；人均月收入 {averageIncome(child.figures)}
          </View>
        </View>
      ))}
    </View>
  );
}
