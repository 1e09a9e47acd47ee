/**
 * 家人帮我办事: who asked to help (同意 / 不同意, on this phone only), who helps now (结束代办,
 * after a question), and 邀请家人 while there is room for one more.
 */
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { familyMemberText, MAX_HELPERS } from '@bangfu/shared';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { confirmFamily, endFamily, type FamilyLinkView } from '../../api/family';
import { AgreeRefuse, type AgreeOrRefuse } from '../../components/AgreeRefuse';
import { Notice } from '../../components/Page';
import { dayText } from '../../time';
import { InviteBox } from './InviteBox';

/** The family member of a link: 李小明（子女）. */
export const familyWho = (link: Pick<FamilyLinkView, 'helperName' | 'relation'>) =>
  familyMemberText({ name: link.helperName, relation: link.relation });

function Asking({ link, onChanged }: { link: FamilyLinkView; onChanged: (said: string) => void }) {
  const [busy, setBusy] = useState<AgreeOrRefuse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const answer = async (given: AgreeOrRefuse) => {
    const agree = given === 'agree';
    setBusy(given);
    setFailure(null);
    try {
      if (agree) await confirmFamily(link.linkId);
      else await endFamily(link.linkId);
      onChanged(agree ? `已同意，${familyWho(link)}现在可以帮您办事了。` : `已拒绝，${familyWho(link)}不能帮您办事。`);
    } catch (error) {
      setFailure(`没能回答：${errorText(error)}`);
      setBusy(null);
    }
  };
  return (
    <View className="bf-family bf-family--asking" role="alert" data-testid={`family-asking-${link.linkId}`}>
      <View className="bf-family__who">{familyWho(link)}想帮您办事</View>
      <View className="bf-family__line">
        {link.helperVerified ? '名字和台账上的一样（已实名）' : '这是TA自己填的名字，请确认是您的家人'}
      </View>
      <View className="bf-hint">
        同意以后，TA 能看到您的工作和补贴，能帮您报名、申领补贴，每一件事都记下来给您看。您随时可以结束。
      </View>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <AgreeRefuse busy={busy} onAnswer={answer} testIdPrefix="family" />
    </View>
  );
}

function Helper({ link, onChanged }: { link: FamilyLinkView; onChanged: (said: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const end = async () => {
    const { confirm } = await Taro.showModal({
      title: '结束代办？',
      content: `结束以后，${familyWho(link)}马上就不能再帮您办事了。TA 已经办过的事不会变。`,
      confirmText: '结束',
      cancelText: '不结束',
    });
    if (!confirm) return;
    setBusy(true);
    setFailure(null);
    try {
      await endFamily(link.linkId);
      onChanged(`已结束，${familyWho(link)}不能再帮您办事了。`);
    } catch (error) {
      setFailure(`没能结束：${errorText(error)}`);
      setBusy(false);
    }
  };
  return (
    <View className="bf-family" data-testid={`family-helper-${link.linkId}`}>
      <View className="bf-family__who">{familyWho(link)}</View>
      {link.confirmedAt ? <View className="bf-family__line">{dayText(link.confirmedAt)}开始帮您办事</View> : null}
      {link.lastActedAt ? <View className="bf-family__line">最近一次：{dayText(link.lastActedAt)}</View> : null}
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <Button
        size="large"
        loading={busy}
        disabled={busy}
        onClick={() => {
          end().catch(() => undefined);
        }}
        data-testid="family-end"
      >
        结束代办
      </Button>
    </View>
  );
}

export function MyHelpers({ helpers, onChanged }: { helpers: FamilyLinkView[]; onChanged: (said: string) => void }) {
  const asking = helpers.filter((link) => link.status === 'pending');
  const active = helpers.filter((link) => link.status === 'active');
  return (
    <View className="bf-section" data-testid="family-helpers">
      <View className="bf-subtitle">家人帮我办事</View>
      {asking.map((link) => (
        <Asking key={link.linkId} link={link} onChanged={onChanged} />
      ))}
      {active.map((link) => (
        <Helper key={link.linkId} link={link} onChanged={onChanged} />
      ))}
      {helpers.length === 0 ? <Notice testId="family-no-helpers">还没有家人帮您办事。</Notice> : null}
      {helpers.length < MAX_HELPERS ? <InviteBox /> : <View className="bf-hint">最多 {MAX_HELPERS} 位家人帮您办事。</View>}
    </View>
  );
}
