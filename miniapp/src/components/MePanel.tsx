/**
 * Who is using this page (name, role, region), read fresh from GET /v1/me.
 * Used by the role pages in the sub-packages until their real content is built.
 */
import { View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { Role } from '@bangfu/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { errorText } from '../api/client';
import { ROLE_LABEL, roleText } from '../labels';
import { useSession } from '../state/session';
import { logInAndReturn } from './nav/navigate';
import { Notice } from './Page';

/** What a page for logged-in users shows to someone who is not. */
export function LoginFirst() {
  return (
    <View className="bf-section">
      <Notice>请先登录，再使用这个页面。</Notice>
      <Button type="primary" size="large" block onClick={logInAndReturn} data-testid="go-home">
        回到首页登录
      </Button>
    </View>
  );
}

/**
 * Shows the user, or asks them to log in. `children` is rendered only for a user
 * whose role is in `roles`.
 */
export function MePanel({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user, refreshUser } = useSession();
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    refreshUser()
      .then(() => setLoadError(null))
      .catch((error: unknown) => setLoadError(errorText(error)));
  }, [refreshUser]);

  if (!user) return <LoginFirst />;

  return (
    <View className="bf-section">
      <View data-testid="me-panel">
        <CellGroup>
          <Cell title="姓名" extra={user.displayName} />
          <Cell title="身份" extra={roleText(user)} />
          <Cell title="地区" description={user.regionName ?? '还没有登记'} />
        </CellGroup>
      </View>
      {loadError ? <Notice tone="error">没能刷新您的资料：{loadError}</Notice> : null}
      {roles.includes(user.role) ? (
        children
      ) : (
        <Notice>这个页面是给{roles.map((r) => ROLE_LABEL[r]).join('、')}用的，您的账号用不了。</Notice>
      )}
    </View>
  );
}
