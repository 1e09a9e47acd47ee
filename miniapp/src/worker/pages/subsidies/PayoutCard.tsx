/**
 * 补贴发到哪张卡: the worker sees the card their money goes to (its last four digits) and one a
 * village officer entered that still waits for a second officer. A card that is not theirs is
 * the first sign of someone diverting their subsidies, so the words say what to do then.
 * Nothing is shown while it loads or if it fails: the page's own content does not wait on it.
 */
import { View } from '@tarojs/components';
import { PAYOUT_KIND_ZH } from '@bangfu/shared';
import { fetchMyCard } from '../../../api/subsidies';
import { useLoad } from '../../../hooks/useLoad';

const lastFour = (masked: string) => masked.slice(-4);

export function PayoutCard() {
  const { load } = useLoad(fetchMyCard, { missingOn404: true });
  if (load.state !== 'ready') return null;
  const { card, waiting } = load.data;
  return (
    <View className="bf-text" role="status" data-testid="payout-card">
      {card ? (
        <View>
          补贴发到您的{PAYOUT_KIND_ZH[card.kind]}，尾号 {lastFour(card.numberMasked)}。
        </View>
      ) : null}
      {waiting ? (
        <View>
          新登记的{PAYOUT_KIND_ZH[waiting.kind]}（尾号 {lastFour(waiting.numberMasked)}）要另一位工作人员确认后才用。
        </View>
      ) : null}
      {card || waiting ? (
        <View>不是您的卡？请马上找村里的信息员。</View>
      ) : (
        <View>还没有登记收补贴的卡。请带上社保卡或银行卡，找村里的信息员登记。</View>
      )}
    </View>
  );
}
