/**
 * Demo logins (H5 only; the page is not in the weapp build). Lists the demo users the
 * server offers and logs in as the one tapped.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DemoLogin } from '@bangfu/shared';
import { useCallback, useEffect, useState } from 'react';
import { devLogin, fetchDevUsers } from '../../api/account';
import { errorText, isApiError } from '../../api/client';
import { HOME_PAGE, returnAfterLogin } from '../../components/nav/navigate';
import { Notice, Page } from '../../components/Page';
import { ROLE_LABEL } from '../../labels';
import { useSession } from '../../state/session';

type Load =
  { state: 'loading' } | { state: 'ready'; users: DemoLogin[] } | { state: 'disabled' } | { state: 'failed'; message: string };

export default function DevLoginPage() {
  const { login } = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busyUser, setBusyUser] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadUsers = useCallback(() => {
    setLoad({ state: 'loading' });
    fetchDevUsers()
      .then((users) => setLoad({ state: 'ready', users }))
      .catch((e: unknown) => {
        if (isApiError(e) && e.status === 404) setLoad({ state: 'disabled' });
        else setLoad({ state: 'failed', message: errorText(e) });
      });
  }, []);
  useEffect(() => loadUsers(), [loadUsers]);

  const choose = async (userId: string) => {
    if (busyUser) return;
    setBusyUser(userId);
    setError(null);
    try {
      login(await devLogin(userId));
      if (!(await returnAfterLogin())) await Taro.reLaunch({ url: HOME_PAGE });
    } catch (e) {
      setError(`登录没有成功：${errorText(e)}`);
    } finally {
      setBusyUser(null);
    }
  };

  return (
    <Page>
      <View className="bf-section">
        <View className="bf-title">选择演示账号</View>
        <View className="bf-text">这些是演示用的账号，数据都是演示数据。点一个就能登录。</View>
        {load.state === 'loading' ? <Notice>正在加载…</Notice> : null}
        {load.state === 'disabled' ? (
          <Notice tone="error" testId="dev-login-disabled">
            演示登录没有开启。正式环境请在微信小程序里用微信登录。
          </Notice>
        ) : null}
        {load.state === 'failed' ? (
          <>
            <Notice tone="error">没能加载演示账号：{load.message}</Notice>
            <Button type="primary" size="large" block onClick={loadUsers}>
              再试一次
            </Button>
          </>
        ) : null}
        {load.state === 'ready' && load.users.length === 0 ? <Notice>现在没有演示账号。</Notice> : null}
        {load.state === 'ready' ? (
          <View className="bf-cards">
            {load.users.map((u) => (
              <View
                key={u.userId}
                className={busyUser === u.userId ? 'bf-card bf-card--pressed' : 'bf-card'}
                hoverClass="bf-card--pressed"
                onClick={() => {
                  choose(u.userId).catch(() => undefined);
                }}
                role="button"
                data-testid={`dev-login-user-${u.userId}`}
              >
                <View className="bf-card__title">
                  <Text>{u.displayName}</Text>
                  <Text className="bf-tag">{ROLE_LABEL[u.role]}</Text>
                </View>
                <View className="bf-card__hint">{busyUser === u.userId ? '正在登录…' : u.description}</View>
              </View>
            ))}
          </View>
        ) : null}
        {error ? <Notice tone="error">{error}</Notice> : null}
        <Button
          size="large"
          block
          onClick={() => {
            Taro.reLaunch({ url: HOME_PAGE }).catch(() => undefined);
          }}
        >
          返回首页
        </Button>
      </View>
    </Page>
  );
}
