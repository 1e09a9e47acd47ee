/**
 * Loads again every time the page shows (back from another page, the data may have
 * changed), never two loads at once: a slow network must not stack requests.
 */
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

export function useReloadOnShow(reload: () => Promise<unknown>): void {
  const loading = useRef(false);
  useDidShow(() => {
    if (loading.current) return;
    loading.current = true;
    reload()
      .catch(() => undefined)
      .finally(() => {
        loading.current = false;
      });
  });
}
