/**
 * Big one-tap choices instead of dropdowns: each option is a whole button, at least
 * 88 design px tall, and the chosen one is filled and ticked (not colour alone).
 */
import { Text, View } from '@tarojs/components';

export interface Option<T extends string> {
  value: T;
  label: string;
}

interface CommonProps<T extends string> {
  options: readonly Option<T>[];
  /** Two side by side for short labels, one per row for long ones, or 'wrap' for filter chips. */
  columns?: 1 | 2 | 'wrap';
  /** Each option gets data-testid `${testIdPrefix}${value}`. */
  testIdPrefix?: string;
  /** Read out as the group's name. */
  label?: string;
}

function ChoiceButton({
  label,
  selected,
  onTap,
  role,
  testId,
}: {
  label: string;
  selected: boolean;
  onTap: () => void;
  role: 'radio' | 'checkbox';
  testId: string | undefined;
}) {
  return (
    <View
      className={selected ? 'bf-choice bf-choice--on' : 'bf-choice'}
      hoverClass="bf-choice--pressed"
      onClick={onTap}
      role={role}
      aria-checked={selected}
      data-testid={testId}
    >
      <Text className="bf-choice__mark">{selected ? '✓' : ''}</Text>
      <Text className="bf-choice__label">{label}</Text>
    </View>
  );
}

/** Pick one. */
export function Choices<T extends string>({
  options,
  value,
  onChange,
  columns = 2,
  testIdPrefix,
  label,
}: CommonProps<T> & { value: T | undefined; onChange: (value: T) => void }) {
  return (
    <View className={`bf-choices bf-choices--${columns}`} role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <ChoiceButton
          key={option.value}
          label={option.label}
          selected={option.value === value}
          onTap={() => onChange(option.value)}
          role="radio"
          testId={testIdPrefix ? `${testIdPrefix}${option.value}` : undefined}
        />
      ))}
    </View>
  );
}

/** Pick any number; tapping a chosen one un-chooses it. */
export function MultiChoices<T extends string>({
  options,
  values,
  onChange,
  columns = 2,
  testIdPrefix,
  label,
}: CommonProps<T> & { values: readonly T[]; onChange: (values: T[]) => void }) {
  const toggle = (value: T) =>
    onChange(
      values.includes(value)
        ? values.filter((v) => v !== value)
        : options.map((o) => o.value).filter((v) => v === value || values.includes(v)),
    );
  return (
    <View className={`bf-choices bf-choices--${columns}`} role="group" aria-label={label}>
      {options.map((option) => (
        <ChoiceButton
          key={option.value}
          label={option.label}
          selected={values.includes(option.value)}
          onTap={() => toggle(option.value)}
          role="checkbox"
          testId={testIdPrefix ? `${testIdPrefix}${option.value}` : undefined}
        />
      ))}
    </View>
  );
}
