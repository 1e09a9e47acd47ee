/**
 * While the worker is asked on their phone: looks at the scan again every 3 s until they
 * answer (同意 or not) or the request lapses. Stops when the page is hidden or left, and
 * goes on when it shows again; a look that fails (a weak signal) is just tried again.
 */
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { fetchScan, type ScanResult } from '../../api/helpCodes';

const EVERY_MS = 3_000;

export interface Waiting {
  scanId: string;
  /** When the request lapses (ISO instant). */
  expiresAt: string;
}

/** `onAnswer` gets the scan once it is no longer waiting, or 'lapsed' when no answer came in time. */
export function useConsentWait(waiting: Waiting | null, onAnswer: (answer: ScanResult | 'lapsed') => void): void {
  const [visible, setVisible] = useState(true);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  const answer = useRef(onAnswer);
  answer.current = onAnswer;

  useEffect(() => {
    if (!waiting || !visible) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = Date.parse(waiting.expiresAt);
    const look = async () => {
      try {
        const scan = await fetchScan(waiting.scanId);
        if (stopped) return;
        if (scan.result !== 'consentNeeded') {
          answer.current(scan);
          return;
        }
      } catch {
        // Tried again on the next round.
      }
      if (stopped) return;
      if (Date.now() >= deadline) {
        answer.current('lapsed');
        return;
      }
      timer = setTimeout(next, EVERY_MS);
    };
    const next = () => {
      look().catch(() => undefined);
    };
    timer = setTimeout(next, EVERY_MS);
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [waiting, visible]);
}
