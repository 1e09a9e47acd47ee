/**
 * Who is logged in, and whether 关怀版 (care mode: bigger type) is on.
 * The session itself lives in storage (see api/client.ts); this context mirrors it
 * for the UI and follows it when the client clears it after a 401.
 */
import Taro from '@tarojs/taro';
import type { Session, User } from '@bangfu/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, logoutEverywhere, updateMe } from '../api/account';
import { clearSession, isApiError, loadSession, onSessionChange, saveSession } from '../api/client';
import { clearActing } from './acting';

/** Care mode for whoever is not logged in (kept after logout, so big type stays big). */
const CARE_MODE_STORAGE_KEY = 'bangfu.careMode';

export interface SessionState {
  user: User | null;
  careMode: boolean;
  /** Store a session from a login route and show its user. */
  login: (session: Session) => void;
  logout: () => void;
  /** Re-read the user from GET /v1/me (null when logged out or the session is gone). */
  refreshUser: () => Promise<User | null>;
  /** Turn care mode on or off; saved to the account when logged in. */
  setCareMode: (on: boolean) => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

function readLocalCareMode(): boolean {
  try {
    return Taro.getStorageSync(CARE_MODE_STORAGE_KEY) === true;
  } catch {
    return false;
  }
}

function writeLocalCareMode(on: boolean): void {
  Taro.setStorageSync(CARE_MODE_STORAGE_KEY, on);
}

/** Keep the stored session's copy of the user current, so a reload shows the latest. */
function storeUser(user: User): void {
  const session = loadSession();
  if (session && session.user.userId === user.userId) saveSession({ ...session, user });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(() => loadSession()?.user ?? null);
  const [localCareMode, setLocalCareMode] = useState<boolean>(readLocalCareMode);

  useEffect(
    () =>
      onSessionChange((session) => {
        setUser(session?.user ?? null);
      }),
    [],
  );

  const refreshUser = useCallback(async (): Promise<User | null> => {
    if (!loadSession()) {
      setUser(null);
      return null;
    }
    try {
      const fresh = await fetchMe();
      storeUser(fresh);
      return fresh;
    } catch (error) {
      // 401 has already cleared the session; keep the cached user on a network failure.
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  }, []);

  // On start, bring the cached user up to date (care mode may have changed on another phone).
  useEffect(() => {
    refreshUser().catch(() => undefined);
  }, [refreshUser]);

  const login = useCallback((session: Session) => {
    saveSession(session);
    writeLocalCareMode(session.user.careMode);
    setLocalCareMode(session.user.careMode);
  }, []);

  const logout = useCallback(() => {
    // The server ends the token on every phone; the request takes it before it is cleared here,
    // and without a network the session still ends on this phone at once.
    logoutEverywhere().catch(() => undefined);
    clearActing(); // the server ends it too
    clearSession();
  }, []);

  const setCareMode = useCallback(async (on: boolean) => {
    writeLocalCareMode(on);
    setLocalCareMode(on);
    const current = loadSession()?.user;
    if (!current) return;
    setUser({ ...current, careMode: on });
    try {
      let saved: User;
      try {
        saved = await updateMe(current.version, { careMode: on });
      } catch (error) {
        // Changed elsewhere since we last read it: read again and apply the same switch once.
        if (!isApiError(error) || error.code !== 'VERSION_CONFLICT') throw error;
        const fresh = await fetchMe();
        saved = await updateMe(fresh.version, { careMode: on });
      }
      storeUser(saved);
    } catch (error) {
      const latest = loadSession()?.user ?? null;
      setUser(latest);
      if (latest) {
        writeLocalCareMode(latest.careMode);
        setLocalCareMode(latest.careMode);
      }
      throw error;
    }
  }, []);

  const careMode = user ? user.careMode : localCareMode;
  const value = useMemo<SessionState>(
    () => ({ user, careMode, login, logout, refreshUser, setCareMode }),
    [user, careMode, login, logout, refreshUser, setCareMode],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
