/**
 * 我帮家人办事: the people this account helps — waiting for their 同意, or 帮TA办事, which
 * switches the phone into acting for them — and 不再帮TA.
 */
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { endFamily, startActing, type FamilyLinkView } from '../../api/family';
import { Notice } from '../../components/Page';
import { dayText } from '../../time';

function Helping({ link, onChanged }: { link: FamilyLinkView; onChanged: (said: string) => void }) {
  const [busy, setBusy] = useState<'act' | 'end' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const name = link.workerName ?? '家人';

  const act = async () => {
    setBusy('act');
    setFailure(null);
    try {
      await startActing(link);
      // From the home page, every page now shows and does things in TA's name.
      await Taro.reLaunch({ url: '/pages/index/index' });
    } catch (error) {
      setFailure(`没能开始：${errorText(error)}`);
      setBusy(null);
    }
  };
  const end = async () => {
    const { confirm } = await Taro.showModal({
      title: '不再帮TA办事？',
      content: '以后要再帮TA，得请TA重新邀请您。',
      confirmText: '不再帮',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy('end');
    setFailure(null);
    try {
      await endFamily(link.linkId);
      onChanged(`已经不再帮${name}办事了。`);
    } catch (error) {
      setFailure(`没能结束：${errorText(error)}`);
      setBusy(null);
    }
  };

  return (
    <View className="bf-family" data-testid={`family-helping-${link.linkId}`}>
      {link.status === 'pending' ? (
        <>
          <View className="bf-family__who">等家人同意</View>
          <View className="bf-family__line">
            请TA在自己的手机上打开“亲情服务”，点“同意”。{dayText(link.pendingUntil ?? link.createdAt)}以前有效。
          </View>
        </>
      ) : (
        <>
          <View className="bf-family__who">{name}</View>
          <View className="bf-family__line">每次帮TA办事 30 分钟，办的每件事TA都能看到。</View>
        </>
      )}
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {link.status === 'active' ? (
        <Button
          type="primary"
          size="large"
          loading={busy === 'act'}
          disabled={busy !== null}
          onClick={() => {
            act().catch(() => undefined);
          }}
          data-testid="family-act"
        >
          帮TA办事
        </Button>
      ) : null}
      <Button
        size="large"
        loading={busy === 'end'}
        disabled={busy !== null}
        onClick={() => {
          end().catch(() => undefined);
        }}
        data-testid="family-leave"
      >
        {link.status === 'active' ? '不再帮TA' : '取消'}
      </Button>
    </View>
  );
}

export function HelpingList({ helping, onChanged }: { helping: FamilyLinkView[]; onChanged: (said: string) => void }) {
  if (helping.length === 0) return null;
  return (
    <View className="bf-section" data-testid="family-helping">
      {helping.map((link) => (
        <Helping key={link.linkId} link={link} onChanged={onChanged} />
      ))}
    </View>
  );
}
