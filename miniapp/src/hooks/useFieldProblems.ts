/**
 * A form's problems by field (ours, or the server's `field`), each said under its field until the
 * field is changed: what is said is about what is shown.
 */
import { useState } from 'react';

export function useFieldProblems<K extends string>() {
  const [problems, setProblems] = useState<Partial<Record<K | 'form', string>>>({});
  /** Wraps a field's setter: the new value is kept and the field's problem goes. */
  const changing =
    <T>(field: K, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setProblems(({ [field]: _gone, ...rest }) => rest as Partial<Record<K | 'form', string>>);
    };
  return { problems, setProblems, changing };
}
