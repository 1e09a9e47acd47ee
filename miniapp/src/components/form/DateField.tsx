/** A labelled date: the day in words on a big button that opens the date picker. */
import { Picker, View } from '@tarojs/components';
import { fullDayText } from '../../time';
import { Field } from '../Field';

export function DateField({
  label,
  hint,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  hint?: string | undefined;
  /** YYYY-MM-DD. */
  value: string;
  onChange: (date: string) => void;
  error?: string | undefined;
  testId: string;
}) {
  return (
    <Field label={label} hint={hint} error={error} testId={testId}>
      <Picker mode="date" value={value} start="2015-01-01" end="2035-12-31" onChange={(e) => onChange(e.detail.value)}>
        <View className="bf-choice" role="button" data-testid={testId}>
          {fullDayText(value)}（点这里改）
        </View>
      </Picker>
    </Field>
  );
}
