/**
 * 亲情服务 on this phone: while a family member acts for someone, the acting session (its token
 * and whom it is for) is kept here beside their own session. api/client.ts sends its token
 * instead of theirs, except on calls made as themself (`asSelf`). It ends on 退出, when the
 * server says it has ended or its half hour is up, and on logout; then every page goes back to
 * the home page, so nothing of the other person's stays on the screen and no tap meant for them
 * is made in the family member's own name.
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

export const ACTING_STORAGE_KEY = 'bangfu.acting';

export interface Acting {
  token: string;
  expiresAt: string;
  linkId: string;
  /** The account acted for, and the name the family member knows them by. */
  userId: string;
  name: string;
  /** The family member's own account: an acting session left by someone else on this phone is not theirs. */
  helperUserId: string;
}

type ActingListener = (acting: Acting | null) => void;
const listeners = new Set<ActingListener>();

function isActing(value: unknown): value is Acting {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Acting>;
  return ['token', 'expiresAt', 'linkId', 'userId', 'name', 'helperUserId'].every(
    (key) => typeof v[key as keyof Acting] === 'string',
  );
}

/** The acting session stored for `helperUserId`, expired or not (an expired one must still stop calls, not fall back). */
export function loadActing(helperUserId: string | undefined): Acting | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(ACTING_STORAGE_KEY);
  } catch {
    return null;
  }
  return isActing(raw) && raw.helperUserId === helperUserId ? raw : null;
}

export const hasExpired = (acting: Acting, now = Date.now()) => Date.parse(acting.expiresAt) <= now;

export function saveActing(acting: Acting): void {
  Taro.setStorageSync(ACTING_STORAGE_KEY, acting);
  listeners.forEach((listener) => listener(acting));
}

export function clearActing(): void {
  Taro.removeStorageSync(ACTING_STORAGE_KEY);
  listeners.forEach((listener) => listener(null));
}

/** Back to the family member's own account, from wherever they are: the home page, afresh. */
export function leaveActing(said?: string): void {
  clearActing();
  Taro.reLaunch({ url: '/pages/index/index' }).catch(() => undefined);
  if (said) Taro.showModal({ title: '已回到您自己的账号', content: said, showCancel: false }).catch(() => undefined);
}

/** The acting session of whoever is logged in, followed as it starts and ends. */
export function useActing(helperUserId: string | undefined): Acting | null {
  const [acting, setActing] = useState<Acting | null>(() => loadActing(helperUserId));
  useEffect(() => {
    setActing(loadActing(helperUserId));
    const listener: ActingListener = (next) => setActing(next && next.helperUserId === helperUserId ? next : null);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [helperUserId]);
  return acting;
}
