/**
 * What a button starts: busy while it runs (ActionButton refuses a second tap), its failure in
 * plain words to show beside it, and `then` with its answer when it worked.
 */
import { useState } from 'react';
import { errorText } from '../api/client';

export function useAction<T, A extends unknown[] = []>(action: (...args: A) => Promise<T>, then: (answer: T) => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (...args: A) => {
    setBusy(true);
    setFailure(null);
    try {
      then(await action(...args));
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}
