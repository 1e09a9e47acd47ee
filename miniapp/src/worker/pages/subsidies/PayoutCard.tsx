/**
 * 补贴发到哪张卡: the worker sees the card their money goes to (its last four digits) and one a
 * village officer entered that still waits for a second officer, and says of each whether it is
 * theirs. A card that is not theirs is the first sign of someone diverting their subsidies:
 * 不是我的卡 stops it and tells the county. Nothing is shown while it loads or if it fails: the
 * page's own content does not wait on it.
 */
import { View } from '@tarojs/components';
import { PAYOUT_KIND_ZH } from '@bangfu/shared';
import { useState } from 'react';
import { errorText } from '../../../api/client';
import { allowCardNotices, fetchMyCard, type MyCard, type MyCards } from '../../../api/subsidies';
import { ActionButton } from '../../../components/ActionButton';
import { CardCheck } from '../../../components/payout/CardCheck';
import { Notice } from '../../../components/Page';
import { useLoad } from '../../../hooks/useLoad';
import { dayText } from '../../../time';

/** What the worker said of a card, once they have. */
function Answered({ card, inForce }: { card: MyCard; inForce: boolean }) {
  if (card.ownerAnswer?.answer === 'mine') return <View className="bf-card__hint">您说过这是您的卡。</View>;
  if (card.ownerAnswer?.answer === 'notMine' && inForce) {
    return <View className="bf-card__hint">您说这张卡不是您的：补贴先不发到这张卡，县里会来核实。</View>;
  }
  return null;
}

export function PayoutCard() {
  const { load, show } = useLoad(fetchMyCard, { missingOn404: true });
  const [said, setSaid] = useState<string | null>(null);
  if (load.state !== 'ready') return null;
  const { card, waiting } = load.data;
  const answered = (cards: MyCards, text: string) => {
    show(cards);
    setSaid(text);
  };
  return (
    <View className="bf-text bf-cards" data-testid="payout-card">
      {said ? <Notice testId="payout-card-said">{said}</Notice> : null}
      {card ? (
        <View className="bf-card" data-testid="payout-card-current">
          <View>
            {card.ownerAnswer?.answer === 'notMine' || card.bankReturned
              ? `${PAYOUT_KIND_ZH[card.kind]}，尾号 ${card.numberMasked.slice(-4)}：先不用。`
              : `补贴发到您的${PAYOUT_KIND_ZH[card.kind]}，尾号 ${card.numberMasked.slice(-4)}。`}
          </View>
          <View className="bf-card__hint">{dayText(card.enteredAt)}登记</View>
          {card.bankReturned ? (
            <Notice tone="error" testId="payout-card-returned">
              银行退回了发到这张卡的钱（{card.bankReturned.reason}
              ），补贴先不发到这张卡。请带上您本人的社保卡或银行卡，找村里的信息员重新登记。
            </Notice>
          ) : null}
          <Answered card={card} inForce />
          {card.ownerAnswer ? null : <CardCheck card={card} onAnswered={answered} testId="payout-card-current" />}
        </View>
      ) : null}
      {waiting ? (
        <View className="bf-card" data-testid="payout-card-waiting">
          <View>
            新登记的{PAYOUT_KIND_ZH[waiting.kind]}（尾号 {waiting.numberMasked.slice(-4)}）要另一位工作人员确认后才用。
          </View>
          <View className="bf-card__hint">{dayText(waiting.enteredAt)}登记</View>
          <Answered card={waiting} inForce={false} />
          {waiting.ownerAnswer ? null : <CardCheck card={waiting} onAnswered={answered} testId="payout-card-waiting" />}
        </View>
      ) : null}
      {card || waiting ? null : <View>还没有登记收补贴的卡。请带上社保卡或银行卡，找村里的信息员登记。</View>}
      {/* WeChat's 允许 exists on WeChat only: the browser build shows the cards alone. */}
      {process.env.TARO_ENV === 'weapp' && load.data.notices.templateId ? (
        <CardNotices templateId={load.data.notices.templateId} allowed={load.data.notices.allowed} />
      ) : null}
    </View>
  );
}

/** 卡有变动时微信提醒我: each tap asks WeChat for one more 允许 (one message each). */
function CardNotices({ templateId, allowed }: { templateId: string; allowed: number }) {
  const [kept, setKept] = useState(allowed);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const allow = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const now = await allowCardNotices(templateId);
      if (now !== null) setKept(now);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      <View className="bf-card__hint">
        {kept > 0
          ? `已开启：以后有人给您登记卡，微信会提醒您（还能提醒 ${kept} 次）。`
          : '有人给您登记卡时，可以在微信上提醒您。'}
      </View>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <ActionButton busy={busy} onPress={allow} testId="payout-card-notices">
        {kept > 0 ? '再多提醒一次' : '卡有变动时，微信提醒我'}
      </ActionButton>
    </View>
  );
}
