/**
 * A labelled question answered by big one-tap choices: `Field` around `Choices` (pick one)
 * or `MultiChoices` (pick any). `group` is what a screen reader calls the choices.
 */
import { Choices, MultiChoices, type Option } from '../Choices';
import { Field } from '../Field';

interface Question<T extends string> {
  label: string;
  hint?: string;
  error?: string | null;
  /** The problem gets data-testid `${testId}-error`. */
  testId?: string;
  options: readonly Option<T>[];
  columns?: 1 | 2 | 'wrap';
  /** Each option gets data-testid `${testIdPrefix}${value}`. */
  testIdPrefix?: string;
  group: string;
}

export function ChoiceField<T extends string>({
  label,
  hint,
  error,
  testId,
  group,
  ...choices
}: Question<T> & { value: T | undefined; onChange: (value: T) => void }) {
  return (
    <Field label={label} hint={hint} error={error} testId={testId}>
      <Choices {...choices} label={group} />
    </Field>
  );
}

export function MultiChoiceField<T extends string>({
  label,
  hint,
  error,
  testId,
  group,
  ...choices
}: Question<T> & { values: readonly T[]; onChange: (values: T[]) => void }) {
  return (
    <Field label={label} hint={hint} error={error} testId={testId}>
      <MultiChoices {...choices} label={group} />
    </Field>
  );
}
