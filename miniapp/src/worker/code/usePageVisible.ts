/**
 * Whether this page is on the screen: false once another page covers it or the app goes to
 * the background (WeChat's onHide; on H5 also the browser tab hidden), true again when it
 * shows. Timers that ask the server (the code's refresh, the consent poll) run only while it is.
 */
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';

export function usePageVisible(): boolean {
  const [shown, setShown] = useState(true);
  const [tabVisible, setTabVisible] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return undefined;
    const follow = () => setTabVisible(!document.hidden);
    document.addEventListener('visibilitychange', follow);
    return () => document.removeEventListener('visibilitychange', follow);
  }, []);
  return shown && tabVisible;
}
