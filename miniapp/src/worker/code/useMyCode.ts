/**
 * The worker's own code on the screen: read when the page opens, read again after
 * `refreshInSeconds` (the server's word), tried again every few seconds while the network
 * fails — the current code stays on the screen as long as it still works — and replaced at
 * once by 换码. Only the newest request may change what is shown. Nothing runs while the
 * page is hidden; back on the screen, a code that is due is read at once.
 */
import { WORKER_CODE_SECONDS } from '@bangfu/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText, isApiError } from '../../api/client';
import { fetchMyCode, renewMyCode, type WorkerCode } from '../../api/helpCodes';

/** After a failed refresh, try again this soon (a village network comes and goes). */
const RETRY_MS = 8_000;
/** Ask for the next code at least this long before the current one stops working. */
const REFRESH_MARGIN_MS = 15_000;

export type MyCode =
  | { phase: 'loading' }
  /** The account is not bound to a registry record (the API's 404). */
  | { phase: 'unbound' }
  /** The first read failed: there is no code to show. */
  | { phase: 'failed'; message: string }
  | {
      phase: 'shown';
      code: WorkerCode;
      /** Local clock (ms): when to ask for the next code, and when this one stops working. */
      refreshAt: number;
      expiresAt: number;
      nextTryAt: number;
      /** Why the last refresh failed; null when it did not. */
      problem: string | null;
    };

/**
 * How long the code lives, measured on this phone: the server's expiry when the phone's clock
 * agrees with it, else the code's full life from now (a phone whose clock is far off).
 */
function lifetimeMs(code: WorkerCode, receivedAt: number): number {
  const left = Date.parse(code.expiresAt) - receivedAt;
  const most = WORKER_CODE_SECONDS * 1000;
  return left > 0 && left <= most + 5_000 ? left : most;
}

function shown(code: WorkerCode): MyCode {
  const at = Date.now();
  const expiresAt = at + lifetimeMs(code, at);
  const refreshAt = Math.min(at + code.refreshInSeconds * 1000, Math.max(at + 5_000, expiresAt - REFRESH_MARGIN_MS));
  return { phase: 'shown', code, refreshAt, expiresAt, nextTryAt: refreshAt, problem: null };
}

export function useMyCode(visible: boolean) {
  const [state, setState] = useState<MyCode>({ phase: 'loading' });
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  const pending = useRef(0);

  const get = useCallback(async (fetcher: () => Promise<WorkerCode>): Promise<void> => {
    const ticket = ++latest.current;
    pending.current = ticket;
    setBusy(true);
    try {
      const code = await fetcher();
      if (ticket !== latest.current) return;
      setNow(Date.now());
      setState(shown(code));
    } catch (error) {
      if (ticket !== latest.current) return;
      if (isApiError(error) && error.status === 404) {
        setState({ phase: 'unbound' });
        return;
      }
      const message = errorText(error);
      setState((before) =>
        before.phase === 'shown'
          ? { ...before, problem: message, nextTryAt: Date.now() + RETRY_MS }
          : { phase: 'failed', message },
      );
      throw error;
    } finally {
      if (pending.current === ticket) {
        pending.current = 0;
        setBusy(false);
      }
    }
  }, []);

  /** Reads the code now (the first read, 再试一次, and the automatic refresh). */
  const refresh = useCallback(() => {
    get(fetchMyCode).catch(() => undefined);
  }, [get]);

  /** 换码: resolves when the new code is shown, rejects with what went wrong. */
  const renew = useCallback(async () => {
    try {
      await get(renewMyCode);
    } catch (error) {
      // The server may have renewed before the answer was lost: the shown code may be dead, read the current one.
      setState((before) => (before.phase === 'shown' ? { ...before, nextTryAt: Date.now() } : before));
      throw error;
    }
  }, [get]);

  useEffect(refresh, [refresh]);

  // The clock ticks while the page is on the screen.
  useEffect(() => {
    if (!visible) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [visible]);

  // A code that is due, or a failed first read, is read again while the page is on the screen.
  useEffect(() => {
    if (!visible || pending.current) return;
    if (state.phase === 'shown' && now >= state.nextTryAt) refresh();
  }, [visible, now, state, refresh]);
  const wasVisible = useRef(visible);
  useEffect(() => {
    if (visible && !wasVisible.current && state.phase === 'failed' && !pending.current) refresh();
    wasVisible.current = visible;
  }, [visible, state.phase, refresh]);

  return { state, now, busy, refresh, renew };
}
