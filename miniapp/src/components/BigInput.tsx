/**
 * NutUI's Input at our size: a framed box at least 88 design px tall with 36px text,
 * and an optional unit after it (元). Its stylesheet comes with it, into the sub-packages
 * that use it, not the main package.
 */
import { Text, View } from '@tarojs/components';
import { Input, type InputProps } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/style.css';

export function BigInput({
  value,
  onChange,
  type = 'text',
  placeholder,
  maxLength,
  unit,
  testId,
  confirmType,
  onConfirm,
}: {
  value: string;
  onChange: (value: string) => void;
  type?: InputProps['type'];
  placeholder?: string;
  maxLength?: number;
  /** Shown after the box, e.g. 元. */
  unit?: string;
  testId: string;
  confirmType?: InputProps['confirmType'];
  onConfirm?: () => void;
}) {
  return (
    <View className="bf-input-row">
      <Input
        className="bf-input"
        type={type}
        value={value}
        onChange={onChange}
        placeholder={placeholder ?? ''}
        maxLength={maxLength ?? 140}
        clearable={false}
        confirmType={confirmType ?? 'done'}
        onConfirm={onConfirm ? () => onConfirm() : undefined}
        data-testid={testId}
      />
      {unit ? <Text className="bf-input-row__unit">{unit}</Text> : null}
    </View>
  );
}
