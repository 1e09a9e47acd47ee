/**
 * Going home, and coming back after logging in: a worker who taps 去登录 on a job's page lands
 * on that job again once logged in, not on the home page hunting for it.
 */
import Taro from '@tarojs/taro';

export const HOME_PAGE = '/pages/index/index';
const RETURN_KEY = 'bf-after-login';

export function goHome(): void {
  Taro.reLaunch({ url: HOME_PAGE }).catch(() => undefined);
}

/** The page shown now, with its query, as a url navigateTo takes. */
export function currentPageUrl(): string | undefined {
  const router = Taro.getCurrentInstance().router;
  if (!router?.path) return undefined;
  const query = Object.entries(router.params)
    .filter(([key, value]) => key !== '$taroTimestamp' && typeof value === 'string')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value!)}`)
    .join('&');
  return query ? `${router.path.split('?')[0]}?${query}` : router.path.split('?')[0];
}

/** Home to log in, remembering this page to come back to. */
export function logInAndReturn(): void {
  const url = currentPageUrl();
  if (url && !url.startsWith(HOME_PAGE)) Taro.setStorageSync(RETURN_KEY, url);
  goHome();
}

/** Just logged in: back to the page that sent the person to log in, if one did. */
export async function returnAfterLogin(): Promise<boolean> {
  const url: unknown = Taro.getStorageSync(RETURN_KEY);
  Taro.removeStorageSync(RETURN_KEY);
  // Only a page of this mini-program (a path, never a link elsewhere).
  if (typeof url !== 'string' || !/^\/[a-z-]+\/pages\/[a-z-]+\/index(\?[\w%=&.-]*)?$/.test(url)) return false;
  await Taro.reLaunch({ url });
  return true;
}
