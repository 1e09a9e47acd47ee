/**
 * Renders its children only for a logged-in user of one of `roles`; otherwise says
 * plainly why the page can't be used and offers the way home.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Role, User } from '@bangfu/shared';
import type { ReactNode } from 'react';
import { ROLE_LABEL } from '../labels';
import { useSession } from '../state/session';
import { LoginFirst } from './MePanel';
import { goHome } from './nav/navigate';
import { Notice, Page } from './Page';

export function RoleGate({ roles, children }: { roles: readonly Role[]; children: (user: User) => ReactNode }) {
  const { user } = useSession();
  if (!user) return <LoginFirst />;
  if (!roles.includes(user.role)) {
    return (
      <View className="bf-section">
        <Notice>这个页面是给{roles.map((r) => ROLE_LABEL[r]).join('、')}用的，您的账号用不了。</Notice>
        <Button size="large" block onClick={goHome}>
          回到首页
        </Button>
      </View>
    );
  }
  return <>{children(user)}</>;
}

/** A page for some roles only: its title, then what `show` gives that user. */
export function RolePage({ title, roles, show }: { title: string; roles: readonly Role[]; show: (user: User) => ReactNode }) {
  return (
    <Page>
      <View className="bf-title">{title}</View>
      <RoleGate roles={roles}>{show}</RoleGate>
    </Page>
  );
}
