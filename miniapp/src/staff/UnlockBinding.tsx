/**
 * The way forward a binding lockout names (请找村里的信息员): after seeing the person and
 * their ID card, the officer lifts the lockout of their record and they bind again.
 */
import { View } from '@tarojs/components';
import { useState } from 'react';
import { errorText } from '../api/client';
import { clearBindLockout } from '../api/registry';
import { ActionButton } from '../components/ActionButton';
import { Notice } from '../components/Page';

/** What the audit trail records; the officer taps only after checking the card in person. */
const REASON = '工作人员当面核对了本人身份证';

export function UnlockBinding({ workerId }: { workerId: string }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const unlock = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      await clearBindLockout(workerId, REASON);
      setOutcome({ ok: true, text: '已解除锁定。请本人现在在小程序“我的信息”里重新绑定。' });
    } catch (error) {
      setOutcome({ ok: false, text: `没能解除：${errorText(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bf-section">
      <View className="bf-subtitle">绑定被锁定了？</View>
      <Notice>本人绑定时输错太多次会被锁定一天。请先当面核对本人和身份证，再解除锁定。这一步会被记录。</Notice>
      {outcome ? (
        <Notice tone={outcome.ok ? 'info' : 'error'} testId="unlock-binding-outcome">
          {outcome.text}
        </Notice>
      ) : null}
      <ActionButton busy={busy} onPress={unlock} testId="unlock-binding">
        已核对本人，解除锁定
      </ActionButton>
    </View>
  );
}
