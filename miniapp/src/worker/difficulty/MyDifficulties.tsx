/** What the worker told the village and what has been done about each: 处理中 or 已办结, step by step. */
import { View } from '@tarojs/components';
import { DIFFICULTY_ZH } from '@bangfu/shared';
import type { MyDifficulty } from '../../api/difficulties';
import { clockText, dayText } from '../../time';

export function MyDifficulties({ items }: { items: MyDifficulty[] }) {
  return (
    <View className="bf-cards" data-testid="difficulties">
      {items.map((d) => (
        <View key={d.taskId} className="bf-card" data-testid="difficulty">
          <View className="bf-card__title">{DIFFICULTY_ZH[d.kind]}</View>
          <View className="bf-row__line">{dayText(d.reportedAt)} 告诉了村里</View>
          {d.steps.map((step, i) => (
            <View key={`${step.at}-${i}`} className="bf-row__line">
              {dayText(step.at)} {clockText(step.at)} {step.office}：{step.what}
            </View>
          ))}
          <View className="bf-row__line bf-strong" data-testid="difficulty-state">
            {d.status === 'closed' ? '✓ 已办结' : d.steps.length ? '正在办' : '村里会尽快联系您'}
          </View>
        </View>
      ))}
    </View>
  );
}
