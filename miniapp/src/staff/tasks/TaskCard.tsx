/** One task in the list: what happened where, who must act, how long is left; tapping opens it. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WARNING_CAUSE_ZH } from '@bangfu/shared';
import type { TaskRow } from '../../api/tasks';
import { NavCard } from '../../components/NavCard';
import { villageName } from '../../regionNames';
import { deadlineText, LEVEL_ZH } from './taskText';

export function TaskCard({ task, names }: { task: TaskRow; names: ReadonlyMap<string, string> }) {
  const due = deadlineText(task.deadline);
  return (
    <NavCard
      title={WARNING_CAUSE_ZH[task.cause]}
      onOpen={() => {
        Taro.navigateTo({ url: `/staff/pages/task/index?id=${task.taskId}` }).catch(() => undefined);
      }}
      testId={`task-${task.taskId}`}
    >
      <View className="bf-row__line">{villageName(task.regionCode, names)}</View>
      <View className="bf-row__line">{task.text}</View>
      <View className="bf-row__line">
        由{LEVEL_ZH[task.level]}办理{task.escalations ? `（过期上交了 ${task.escalations} 次）` : ''}
      </View>
      {task.status === 'open' ? (
        <Text className={due.late ? 'bf-goal bf-goal--below' : 'bf-row__line bf-strong'} data-testid="task-due">
          {due.late ? '✗ ' : ''}
          {due.text}
        </Text>
      ) : (
        <View className="bf-row__line">已办结</View>
      )}
    </NavCard>
  );
}
