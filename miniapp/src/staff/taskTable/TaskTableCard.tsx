/**
 * One township (or the county's total) of the task table: its name with how many targets it
 * misses, then each line — where it stands, the target, and 达标 / 未达标 in words and colour.
 */
import { Text, View } from '@tarojs/components';
import type { TaskTableRow } from '../../api/monitoring';
import { shortCount, taskLines } from './taskLineText';
import './taskTable.css';

export function TaskTableCard({
  name,
  row,
  total,
  testId,
}: {
  name: string;
  row: Pick<TaskTableRow, 'rates' | 'wage' | 'counts'>;
  total?: boolean;
  testId: string;
}) {
  const lines = taskLines(row);
  const short = shortCount(lines);
  return (
    <View className={total ? 'bf-cov bf-cov--total' : 'bf-cov'} data-testid={testId}>
      <View className="bf-cov__name">
        {name}
        {short ? <Text className="bf-goal bf-goal--below bf-cov__badge">{`${short} 项未达标`}</Text> : null}
      </View>
      {lines.map((line) => (
        <View key={line.key} className="bf-cov__line" data-testid={`${testId}-${line.key}`}>
          <Text className="bf-cov__label">{line.label}</Text>
          <Text className="bf-cov__value">{line.value}</Text>
          <View className="bf-task-line__judgement">
            {line.target ? <Text className="bf-cov__short">{line.target} </Text> : null}
            <Text className={`bf-goal bf-goal--${line.standing}`} data-standing={line.standing}>
              {line.judgement}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
