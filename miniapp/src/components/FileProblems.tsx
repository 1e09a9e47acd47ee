/** What in a bank's file does not match ours, by the file's row: nothing is recorded while any is left. */
import { View } from '@tarojs/components';
import { Notice } from './Page';

export function FileProblems({
  problems,
  intro,
  testId,
}: {
  problems: { count: number; shown: { line: number; message: string }[] };
  /** What it means here, e.g. 有 3 处和这一批对不上，一笔也不能登记。 */
  intro: string;
  testId: string;
}) {
  if (problems.count === 0) return null;
  return (
    <Notice tone="error" testId={testId}>
      <View className="bf-strong">{intro}</View>
      {problems.shown.map((p, i) => (
        <View key={i} className="bf-row__line">
          {p.line > 0 ? `文件第 ${p.line} 行：` : ''}
          {p.message}
        </View>
      ))}
      {problems.count > problems.shown.length ? <View className="bf-hint">只列出前 {problems.shown.length} 处。</View> : null}
    </Notice>
  );
}
