/** Logging in and out, and one's own account (contracts in shared/src/api/auth.ts and users.ts). */
import { accountContracts, authContracts, type DemoLogin, type BodyOf, type Session, type User } from '@bangfu/shared';
import { call } from './client';

/** Demo accounts; 404 when dev login is switched off on the server. */
export async function fetchDevUsers(): Promise<DemoLogin[]> {
  return (await call(authContracts.devUsers, {}, { anonymous: true })).users;
}

export const devLogin = (userId: string): Promise<Session> =>
  call(authContracts.devLogin, { body: { userId } }, { anonymous: true });

/** `code` comes from Taro.login() (wx.login) and can be used once. */
export const wechatLogin = (code: string): Promise<Session> =>
  call(authContracts.wechatLogin, { body: { code } }, { anonymous: true });

/** Ends this account's sessions on the server, on every phone (a lost one included), and its acting for family members. */
export async function logoutEverywhere(): Promise<void> {
  await call(authContracts.logout, {}, { asSelf: true });
}

/** The logged-in account itself (not the one it may be acting for). */
export async function fetchMe(): Promise<User> {
  return (await call(accountContracts.me, {}, { asSelf: true })).user;
}

/** 409 VERSION_CONFLICT when `version` is stale. */
export async function updateMe(
  version: number,
  changes: Omit<BodyOf<typeof accountContracts.updateMe>, 'version'>,
): Promise<User> {
  return (await call(accountContracts.updateMe, { body: { version, ...changes } }, { asSelf: true })).user;
}
