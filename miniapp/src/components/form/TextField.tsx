/**
 * A labelled text box: `Field`'s label, hint and problem around a `BigInput`, both named by
 * one test id (the box by it, the problem by `${testId}-error`).
 */
import type { ComponentProps } from 'react';
import { BigInput } from '../BigInput';
import { Field } from '../Field';

export function TextField({
  label,
  hint,
  error,
  ...box
}: { label: string; hint?: string; error?: string | null } & ComponentProps<typeof BigInput>) {
  return (
    <Field label={label} hint={hint} error={error} testId={box.testId}>
      <BigInput {...box} />
    </Field>
  );
}
