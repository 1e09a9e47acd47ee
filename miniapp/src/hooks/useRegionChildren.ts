/**
 * A region and its children (a county's townships, a township's villages), read when `code` is
 * given and again when it changes; a failure in words. Pickers of a township then a village use
 * it twice.
 */
import { useEffect, useState } from 'react';
import { errorText } from '../api/client';
import { fetchRegion, type Region } from '../api/regions';

export function useRegionChildren(code: string | undefined): {
  region: Region | null;
  children: Region[];
  failure: string | null;
} {
  const [state, setState] = useState<{ region: Region | null; children: Region[] }>({ region: null, children: [] });
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!code) return;
    let current = true;
    fetchRegion(code)
      .then(({ region, children }) => {
        if (current) setState({ region, children });
      })
      .catch((e: unknown) => {
        if (current) setFailure(errorText(e));
      });
    return () => {
      current = false;
    };
  }, [code]);
  return { ...state, failure };
}
