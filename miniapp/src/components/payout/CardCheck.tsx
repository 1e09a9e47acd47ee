/**
 * 这是您的卡吗？ A card entered for the worker by an officer, and their two answers. A card that is
 * not theirs is how their subsidies would be diverted, so 不是我的卡 asks once more (it stops the
 * card and tells the county) before it is sent; the caller shows the cards as they now stand.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PAYOUT_KIND_ZH, type CardAnswer } from '@bangfu/shared';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { answerMyCard, type MyCard, type MyCards } from '../../api/subsidies';
import { dayText } from '../../time';
import { ActionButton } from '../ActionButton';
import { Notice } from '../Page';

/** 社保卡，尾号 0521（12月6日登记）: the card as the worker knows it, never the whole number. */
export const cardText = (card: MyCard) =>
  `${PAYOUT_KIND_ZH[card.kind]}，尾号 ${card.numberMasked.slice(-4)}（${dayText(card.enteredAt)}登记）`;

const SAID: Record<CardAnswer, string> = {
  mine: '好的，记下了：这是您的卡。',
  notMine: '已经告诉县里：这张卡先不用，会有人来核实。',
};

export function CardCheck({
  card,
  onAnswered,
  testId,
}: {
  card: MyCard;
  onAnswered: (cards: MyCards, said: string) => void;
  testId: string;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState<CardAnswer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const say = async (answer: CardAnswer) => {
    setBusy(answer);
    setFailure(null);
    try {
      onAnswered(await answerMyCard(card, answer), SAID[answer]);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  const failed = failure ? <Notice tone="error">{failure}</Notice> : null;
  if (asking) {
    return (
      <View>
        <Notice tone="error">确定这张卡不是您的吗？点了以后，这张卡先不用，县里会马上来核实。</Notice>
        {failed}
        <ActionButton busy={busy === 'notMine'} onPress={() => say('notMine')} testId={`${testId}-not-mine-sure`}>
          确定，不是我的卡
        </ActionButton>
        <Button size="large" block disabled={busy !== null} onClick={() => setAsking(false)} data-testid={`${testId}-back`}>
          再看看
        </Button>
      </View>
    );
  }
  return (
    <View>
      <View className="bf-card__hint">这是您的卡吗？</View>
      {failed}
      <ActionButton busy={busy === 'mine'} onPress={() => say('mine')} testId={`${testId}-mine`}>
        是我的卡
      </ActionButton>
      <Button size="large" block disabled={busy !== null} onClick={() => setAsking(true)} data-testid={`${testId}-not-mine`}>
        不是我的卡
      </Button>
    </View>
  );
}
