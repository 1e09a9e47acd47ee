/**
 * One labelled field: a big label, an optional hint, the input, and the problem with
 * it right underneath (from the server's `field`, or from our own check).
 */
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

export function Field({
  label,
  hint,
  error,
  testId,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  /** The error gets data-testid `${testId}-error`. */
  testId?: string;
  children: ReactNode;
}) {
  return (
    <View className={error ? 'bf-field bf-field--error' : 'bf-field'}>
      <View className="bf-field__label">{label}</View>
      {hint ? <View className="bf-field__hint">{hint}</View> : null}
      {children}
      {error ? (
        <View className="bf-field__error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </View>
      ) : null}
    </View>
  );
}

/** The API names a failed input as `body.monthlyIncomeFen`, `query.q`…: the last part. */
export function fieldName(field: string | undefined): string | undefined {
  return field?.split('.').pop();
}

/** The server's words about one input, shown under its field: without the field path meant for developers. */
export function fieldMessage(message: string): string {
  return message.replace(/^输入有误（[^）]*）：/, '');
}
