/**
 * 亲情服务: while a family member acts for someone, every page says so at its top — 您正在帮 X
 * 办事 — with 退出 beside it, which ends the acting session on the server and brings them back
 * to their own account.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { stopActing } from '../../api/family';
import { leaveActing, useActing } from '../../state/acting';
import { useSession } from '../../state/session';
import './acting.css';

export function ActingBanner() {
  const { user } = useSession();
  const acting = useActing(user?.userId);
  const [leaving, setLeaving] = useState(false);
  if (!acting) return null;

  const exit = async () => {
    setLeaving(true);
    try {
      await stopActing();
    } catch {
      // Ended on this phone all the same; the server's half hour ends the rest.
    } finally {
      setLeaving(false);
      leaveActing();
    }
  };

  return (
    <View className="bf-acting" role="status" data-testid="acting-banner">
      <Text className="bf-acting__who">您正在帮 {acting.name} 办事</Text>
      <View
        className="bf-acting__exit"
        hoverClass="bf-acting__exit--pressed"
        role="button"
        aria-disabled={leaving}
        aria-label={`退出，不再帮 ${acting.name} 办事`}
        onClick={() => {
          if (!leaving) exit().catch(() => undefined);
        }}
        data-testid="acting-exit"
      >
        退出
      </View>
    </View>
  );
}
