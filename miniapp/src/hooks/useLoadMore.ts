/**
 * 加载更多 under a list that came as the first page of a useLoad: the next page is added below
 * what is shown (useLoad's update), and a failure is said beside the button, not over the list.
 */
import { useCallback, useState } from 'react';
import { errorText, type ListPage } from '../api/client';

export interface LoadMorePager {
  loading: boolean;
  error: string | null;
  more: (cursor: string) => Promise<void>;
}

export function useLoadMore<T>(
  fetchPage: (cursor: string) => Promise<ListPage<T>>,
  update: (change: (shown: ListPage<T>) => ListPage<T>) => void,
): LoadMorePager {
  const [state, setState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const more = useCallback(
    async (cursor: string) => {
      setState({ loading: true, error: null });
      try {
        const page = await fetchPage(cursor);
        update((shown) => ({ items: [...shown.items, ...page.items], nextCursor: page.nextCursor }));
        setState({ loading: false, error: null });
      } catch (error) {
        setState({ loading: false, error: errorText(error) });
      }
    },
    [fetchPage, update],
  );
  return { ...state, more };
}
