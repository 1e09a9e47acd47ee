/** A labelled month: the month in words on a big button that opens the month picker. */
import { Picker, View } from '@tarojs/components';
import { Field } from '../components/Field';
import { chinaMonth, monthText } from '../time';

export function MonthField({
  label,
  hint,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  hint?: string;
  /** YYYY-MM, or '' before one is chosen. */
  value: string;
  onChange: (month: string) => void;
  error?: string | undefined;
  testId: string;
}) {
  return (
    <Field label={label} hint={hint} error={error} testId={testId}>
      <Picker
        mode="date"
        fields="month"
        value={value || chinaMonth(new Date())}
        start="2015-01"
        end="2035-12"
        onChange={(e) => onChange(String(e.detail.value).slice(0, 7))}
      >
        <View className="bf-choice" role="button" data-testid={testId}>
          {value ? `${monthText(value)}（点这里改）` : '点这里选月份'}
        </View>
      </Picker>
    </Field>
  );
}
