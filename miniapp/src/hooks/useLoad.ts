/**
 * The cycle every page repeats: loading, ready, failed (with a retry), or missing — what the
 * page is about is not there yet (a worker's account not bound to the registry, an employer
 * without a profile). Loads when mounted and each time the page shows again (back from
 * another page the data may have changed), never two automatic loads at once: a slow network
 * must not stack requests.
 */
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText, isApiError } from '../api/client';

export type Load<T> =
  { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'ready'; data: T };

export interface LoadOptions {
  /** The API's 404 means "not there yet" (the /me/* reads of an unbound account), not a failure. */
  missingOn404?: boolean;
}

export interface Loader<T> {
  load: Load<T>;
  /** Loads again now, keeping what is shown until the answer comes (after an action). */
  reload: () => Promise<void>;
  /** Shows 正在加载 and loads again (the 再试一次 button). */
  retry: () => void;
  /** Changes what is shown without asking the server (an item taken off the list). */
  update: (change: (data: T) => T) => void;
  /** Shows data the page already has (the server's answer to a save). */
  show: (data: T) => void;
}

/** `fetcher` answers null when what the page is about is missing. */
export function useLoad<T>(fetcher: () => Promise<T | null>, options: LoadOptions = {}): Loader<T> {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const latest = useRef({ fetcher, options });
  latest.current = { fetcher, options };
  const inFlight = useRef(false);

  const reload = useCallback(async () => {
    const { fetcher: fetchNow, options: now } = latest.current;
    try {
      const data = await fetchNow();
      setLoad(data === null ? { state: 'missing' } : { state: 'ready', data });
    } catch (error) {
      if (now.missingOn404 && isApiError(error) && error.status === 404) setLoad({ state: 'missing' });
      else setLoad({ state: 'failed', message: errorText(error) });
    }
  }, []);

  const automatic = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    reload()
      .catch(() => undefined)
      .finally(() => {
        inFlight.current = false;
      });
  }, [reload]);
  // Mounted after the page showed (behind the login gate) or shown again: both load.
  useEffect(automatic, [automatic]);
  useDidShow(automatic);

  const retry = useCallback(() => {
    setLoad({ state: 'loading' });
    automatic();
  }, [automatic]);
  const update = useCallback((change: (data: T) => T) => {
    setLoad((before) => (before.state === 'ready' ? { state: 'ready', data: change(before.data) } : before));
  }, []);

  const show = useCallback((data: T) => setLoad({ state: 'ready', data }), []);

  return { load, reload, retry, update, show };
}
