/**
 * 我的帮扶码: the worker's own code, big, renewed by itself every minute and a half; the
 * employers who scanned it and ask to see the record, each answered here with 同意 or
 * 不同意; 换码 when a code was photographed or the phone lost; and the way to
 * 个人信息使用记录. The ID number is never shown.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { errorText } from '../../../api/client';
import { LoadFailed } from '../../../components/LoadView';
import { NavButton } from '../../../components/NavButton';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { CodeCard } from '../../code/CodeCard';
import { ConsentRequests } from '../../code/ConsentRequests';
import { useMyCode } from '../../code/useMyCode';
import { usePageVisible } from '../../code/usePageVisible';
import '../../code/code.css';

function NotBound() {
  return (
    <View className="bf-section">
      <Notice testId="code-unbound">
        您还没有绑定身份，所以还没有帮扶码。请先到“我的信息”里填写姓名和身份证号，绑定以后再来这里。
      </Notice>
      <NavButton url="/worker/pages/me/index" primary testId="code-go-me">
        去“我的信息”绑定
      </NavButton>
    </View>
  );
}

function RenewBox({ onRenew }: { onRenew: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  const renew = async () => {
    const { confirm } = await Taro.showModal({
      title: '换一个码？',
      content: '换了以后，以前的码（包括截图和拍下的照片）都不能再用了。',
      confirmText: '换码',
      cancelText: '不换',
    });
    if (!confirm) return;
    setBusy(true);
    setMessage(null);
    try {
      await onRenew();
      setMessage({ tone: 'info', text: '已换成新码，以前的码都不能用了。' });
    } catch (error) {
      setMessage({ tone: 'error', text: `没能换码：${errorText(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bf-section">
      {message ? (
        <Notice tone={message.tone} testId="code-renew-message">
          {message.text}
        </Notice>
      ) : null}
      <Button
        size="large"
        block
        loading={busy}
        disabled={busy}
        onClick={() => {
          renew().catch(() => undefined);
        }}
        data-testid="code-renew"
      >
        换一个码
      </Button>
      <View className="bf-hint">码被别人拍了照、或手机丢了找回来以后，换一个码更放心。</View>
    </View>
  );
}

function MyCode() {
  const visible = usePageVisible();
  const { state, now, busy, refresh, renew } = useMyCode(visible);

  if (state.phase === 'loading') return <Notice>正在打开您的帮扶码…</Notice>;
  if (state.phase === 'unbound') return <NotBound />;
  if (state.phase === 'failed') {
    return busy ? (
      <Notice>正在打开您的帮扶码…</Notice>
    ) : (
      <LoadFailed onRetry={refresh} testId="load-retry">
        没能打开帮扶码：{state.message}
      </LoadFailed>
    );
  }
  return (
    <>
      <ConsentRequests visible={visible} />
      <CodeCard state={state} now={now} busy={busy} onRetry={refresh} />
      <View className="bf-hint">到村里、乡镇或招聘会办事时，把这个码给工作人员扫一下，就不用再报身份证号了。</View>
      <RenewBox onRenew={renew} />
      <View className="bf-section">
        <NavButton url="/worker/pages/data-uses/index" testId="code-data-uses">
          个人信息使用记录
        </NavButton>
        <View className="bf-hint">谁看过您的信息、什么时候、为什么，都能在这里查到。</View>
      </View>
    </>
  );
}

export default function MyCodePage() {
  return <RolePage title="我的帮扶码" roles={['worker']} show={() => <MyCode />} />;
}
