/** The auth and account routes (see shared/src/auth/schemas.ts for the payloads). */
import type { DemoLogin, Session, User } from '@bangfu/shared';
import { request } from './client';

/** Demo accounts; 404 when dev login is switched off on the server. */
export async function fetchDevUsers(): Promise<DemoLogin[]> {
  const body = await request<{ users: DemoLogin[] }>('/v1/auth/dev-users', { anonymous: true });
  return body.users;
}

export function devLogin(userId: string): Promise<Session> {
  return request<Session>('/v1/auth/dev-login', {
    method: 'POST',
    body: { userId },
    anonymous: true,
  });
}

/** `code` comes from Taro.login() (wx.login) and can be used once. */
export function wechatLogin(code: string): Promise<Session> {
  return request<Session>('/v1/auth/wechat', { method: 'POST', body: { code }, anonymous: true });
}

/** Ends this account's sessions on the server, on every phone (a lost one included). */
export async function logoutEverywhere(): Promise<void> {
  await request<{ loggedOut: true }>('/v1/auth/logout', { method: 'POST' });
}

export async function fetchMe(): Promise<User> {
  const body = await request<{ user: User }>('/v1/me');
  return body.user;
}

export interface MeChanges {
  careMode?: boolean;
  displayName?: string;
}

/** 409 VERSION_CONFLICT when `version` is stale. */
export async function updateMe(version: number, changes: MeChanges): Promise<User> {
  const body = await request<{ user: User }>('/v1/me', {
    method: 'PATCH',
    body: { version, ...changes },
  });
  return body.user;
}
