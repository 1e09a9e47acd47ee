/**
 * A list read a page at a time (加载更多). The first page loads when mounted and again
 * whenever `fetchPage` changes (other filters, another tab). Only the newest request may
 * change the list: the filters can change while one is under way.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText, type ListPage } from '../api/client';

export interface PagedList<T> {
  items: T[];
  nextCursor?: string;
  loading: boolean;
  error: string | null;
  /** Reads the first page again, keeping what is shown until the answer comes. */
  reload: () => void;
  /** Adds the next page below. */
  more: () => void;
  /** Changes the list without asking the server (a decided claim leaves it). */
  update: (change: (items: T[]) => T[]) => void;
}

interface PagedOptions {
  /** Empty the list at once when `fetchPage` changes, rather than keep the old one until the new one comes. */
  clearOnChange?: boolean;
}

interface PagedState<T> {
  items: T[];
  nextCursor?: string;
  loading: boolean;
  error: string | null;
}

export function usePagedList<T>(
  fetchPage: (cursor: string | undefined) => Promise<ListPage<T>>,
  { clearOnChange = false }: PagedOptions = {},
): PagedList<T> {
  const [state, setState] = useState<PagedState<T>>({ items: [], loading: true, error: null });
  const latest = useRef(0);

  const load = useCallback(
    async (cursor: string | undefined) => {
      const ticket = ++latest.current;
      setState((before) => ({ ...before, loading: true, error: null }));
      try {
        const page = await fetchPage(cursor);
        if (ticket !== latest.current) return;
        setState((before) => ({
          items: cursor ? [...before.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
          loading: false,
          error: null,
        }));
      } catch (error) {
        if (ticket === latest.current) setState((before) => ({ ...before, loading: false, error: errorText(error) }));
      }
    },
    [fetchPage],
  );

  const clear = useRef(clearOnChange);
  clear.current = clearOnChange;
  useEffect(() => {
    if (clear.current) setState({ items: [], loading: true, error: null });
    load(undefined).catch(() => undefined);
  }, [load]);

  const { nextCursor } = state;
  const reload = useCallback(() => {
    load(undefined).catch(() => undefined);
  }, [load]);
  const more = useCallback(() => {
    load(nextCursor).catch(() => undefined);
  }, [load, nextCursor]);
  const update = useCallback((change: (items: T[]) => T[]) => {
    setState((before) => ({ ...before, items: change(before.items) }));
  }, []);

  return { ...state, reload, more, update };
}
