/**
 * A form's draft as typed, changed a field at a time. `bind(key)` gives a field its value and
 * the way to change it, for a TextField or ChoiceField.
 */
import { useState } from 'react';

export function useDraft<D extends object>(initial: () => D) {
  const [draft, setDraft] = useState<D>(initial);
  const change = (patch: Partial<D>) => setDraft((before) => ({ ...before, ...patch }));
  const bind = <K extends keyof D>(key: K) => ({
    value: draft[key],
    onChange: (value: D[K]) => change({ [key]: value } as unknown as Partial<D>),
  });
  return { draft, setDraft, change, bind };
}
