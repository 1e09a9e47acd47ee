/** 审核状态: the tabs an officer works through one state at a time, as chips that wrap. */
import { Choices, type Option } from './Choices';

export function StatusTabs<T extends string>({
  tabs,
  value,
  onChange,
  testIdPrefix,
}: {
  tabs: readonly Option<T>[];
  value: T;
  onChange: (value: T) => void;
  testIdPrefix: string;
}) {
  return <Choices options={tabs} value={value} onChange={onChange} columns="wrap" testIdPrefix={testIdPrefix} label="审核状态" />;
}
