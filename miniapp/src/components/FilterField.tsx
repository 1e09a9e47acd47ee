/** One filter of a 筛选 panel: its name above, the choices as chips that wrap. */
import { Choices, type Option } from './Choices';
import { Field } from './Field';

export function FilterField<T extends string>({
  label,
  name = label,
  options,
  value,
  onChange,
  testIdPrefix,
}: {
  label: string;
  /** Read out as the chips' name, where shorter than the label. */
  name?: string;
  options: readonly Option<T>[];
  value: T;
  onChange: (value: T) => void;
  testIdPrefix: string;
}) {
  return (
    <Field label={label}>
      <Choices options={options} value={value} onChange={onChange} columns="wrap" testIdPrefix={testIdPrefix} label={name} />
    </Field>
  );
}
