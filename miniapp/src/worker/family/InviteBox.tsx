/**
 * 邀请家人: a code for the family member to type on their own phone, in big digits, with when it
 * stops working and what they do with it. One code, once, for half an hour.
 */
import { View } from '@tarojs/components';
import { INVITATION_MINUTES } from '@bangfu/shared';
import { useState } from 'react';
import { errorText, isApiError } from '../../api/client';
import { inviteFamily } from '../../api/family';
import { ActionButton } from '../../components/ActionButton';
import { BindFirst } from '../../components/LoadView';
import { Notice } from '../../components/Page';
import { clockText } from '../../time';

/** "1234 5678": two groups of four are easier to read out and type. */
const spaced = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

export function InviteBox() {
  const [invitation, setInvitation] = useState<{ code: string; expiresAt: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [unbound, setUnbound] = useState(false);
  const [busy, setBusy] = useState(false);

  const invite = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setInvitation(await inviteFamily());
    } catch (error) {
      if (isApiError(error) && error.status === 404) setUnbound(true);
      else setFailure(`没能生成邀请码：${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  if (unbound) return <BindFirst>绑定身份以后才能请家人帮您办事。</BindFirst>;
  return (
    <View className="bf-section">
      {invitation ? (
        <View className="bf-invite" role="status" data-testid="family-invitation">
          <View>邀请码</View>
          <View className="bf-invite__code" data-testid="family-invitation-code">
            {spaced(invitation.code)}
          </View>
          <View className="bf-invite__until">{clockText(invitation.expiresAt)} 以前有效，只能用一次</View>
          <View className="bf-hint">
            请家人在TA自己的手机上打开“帮扶就业”，点“亲情服务”，输入这个码。TA 输入以后，您还要在这里点“同意”。
          </View>
        </View>
      ) : null}
      {failure ? (
        <Notice tone="error" testId="family-invite-failure">
          {failure}
        </Notice>
      ) : null}
      <ActionButton busy={busy} onPress={invite} testId="family-invite">
        {invitation ? '换一个邀请码' : '邀请家人'}
      </ActionButton>
      <View className="bf-hint">邀请码 {INVITATION_MINUTES} 分钟内有效。不要发给不认识的人。</View>
    </View>
  );
}
