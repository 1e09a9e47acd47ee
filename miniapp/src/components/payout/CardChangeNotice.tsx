/**
 * On the worker's home: a card an officer entered for them lately that they have not said is
 * theirs. Two officers (who entered it, who confirmed it) can agree; the person whose money it
 * is should hear of it where they look every day, not only in 我的补贴.
 */
import { View } from '@tarojs/components';
import { useState } from 'react';
import { fetchMyCard, type MyCards } from '../../api/subsidies';
import { useLoad } from '../../hooks/useLoad';
import { Notice } from '../Page';
import { CardCheck, cardText } from './CardCheck';

/** A card in force is asked about for this long after it was entered; one waiting, until answered. */
const ASK_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

function cardToAsk({ card, waiting }: MyCards) {
  if (waiting && !waiting.ownerAnswer) return waiting;
  if (card && !card.ownerAnswer && Date.now() - Date.parse(card.enteredAt) < ASK_DAYS * DAY_MS) return card;
  return undefined;
}

export function CardChangeNotice() {
  const { load, show } = useLoad(fetchMyCard, { missingOn404: true });
  const [said, setSaid] = useState<string | null>(null);
  if (said) return <Notice testId="home-card-said">{said}</Notice>;
  const card = load.state === 'ready' ? cardToAsk(load.data) : undefined;
  if (!card) return null;
  return (
    <View className="bf-card" data-testid="home-card-check">
      <View className="bf-card__title">收补贴的卡有新登记</View>
      <View className="bf-card__hint">{cardText(card)}</View>
      <CardCheck
        card={card}
        testId="home-card"
        onAnswered={(cards, text) => {
          show(cards);
          setSaid(text);
        }}
      />
    </View>
  );
}
