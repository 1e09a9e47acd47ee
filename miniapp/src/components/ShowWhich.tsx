/** 显示哪些: all the rows of a summary, or only those that need attention (没达标的, 没报送的). */
import { Choices } from './Choices';

export function ShowWhich<T extends string>({
  only,
  onlyLabel,
  value,
  onChange,
  testIdPrefix,
}: {
  only: T;
  onlyLabel: string;
  value: 'all' | T;
  onChange: (value: 'all' | T) => void;
  testIdPrefix: string;
}) {
  return (
    <Choices
      options={[
        { value: 'all', label: '全部' },
        { value: only, label: onlyLabel },
      ]}
      value={value}
      onChange={onChange}
      columns="wrap"
      testIdPrefix={testIdPrefix}
      label="显示哪些"
    />
  );
}
