/**
 * 收补贴的卡 on a worker's record: the card in force and one waiting, masked, with who entered
 * each and what the person said of it. An officer enters a new card (it waits); a second
 * officer, having seen the person and their card, confirms the one waiting. Nobody confirms a
 * card they entered (the API refuses it too), and a card the person said is not theirs comes first.
 * A card the bank sent money back from (银行退回) says so: the village enters the right one. Whether
 * the person was texted about a card waiting is said, so the confirming officer knows who was not.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PAYOUT_KIND_ZH } from '@bangfu/shared';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { confirmWorkerCard, fetchWorkerCards, type CardsOnFile } from '../../api/subsidies';
import { ActionButton } from '../../components/ActionButton';
import { LoadView } from '../../components/LoadView';
import { Notice } from '../../components/Page';
import { useLoad } from '../../hooks/useLoad';
import { useSession } from '../../state/session';
import { dayText } from '../../time';
import { EnterCardForm } from './EnterCardForm';

type Entry = NonNullable<CardsOnFile['account']>;

const cardName = (entry: Entry) => `${PAYOUT_KIND_ZH[entry.kind]}，尾号 ${entry.numberMasked.slice(-4)}`;

function enteredBy(entry: Entry, me: string | undefined) {
  return `${dayText(entry.setAt)}由${entry.setBy === me ? '您' : `工作人员 ${entry.setBy} `}登记`;
}

function OwnerSaid({ entry }: { entry: Entry }) {
  if (!entry.ownerAnswer) return <View className="bf-card__hint">本人还没有在小程序里确认</View>;
  return entry.ownerAnswer.answer === 'mine' ? (
    <View className="bf-card__hint">本人{dayText(entry.ownerAnswer.at)}确认是自己的卡</View>
  ) : (
    <Notice tone="error">本人说这张卡不是自己的：补贴不发到这张卡。请当面核实，再登记本人的卡。</Notice>
  );
}

/** Whether the person was texted about the card waiting (短信提醒): one who was not is to be seen in person first. */
function Texted({ entry }: { entry: Entry }) {
  const { texted } = entry;
  if (!texted) return null;
  if (texted.outcome === 'sent') {
    return (
      <View className="bf-card__hint" data-testid="card-texted">
        {dayText(texted.at)}已发短信告诉本人（{texted.to}）
      </View>
    );
  }
  return (
    <Notice tone="error" testId="card-texted">
      {texted.outcome === 'refused'
        ? `短信发不到本人手机 ${texted.to ?? ''}，号码可能不对。`
        : '本人档案里没有手机号，没有发短信告诉本人。'}
      请当面核对本人和卡，再确认；手机号不对的，请改正。
    </Notice>
  );
}

function Confirm({ workerId, entry, onDone }: { workerId: string; entry: Entry; onDone: (said: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const card = await confirmWorkerCard(workerId, entry.setAt);
      onDone(`已确认，以后补贴发到${PAYOUT_KIND_ZH[card.kind]}（尾号 ${card.numberMasked.slice(-4)}）。`);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <ActionButton busy={busy} onPress={confirm} testId="confirm-card">
        已当面核对本人的卡，确认尾号 {entry.numberMasked.slice(-4)}
      </ActionButton>
    </>
  );
}

function Cards({
  workerId,
  cards,
  me,
  onDone,
}: {
  workerId: string;
  cards: CardsOnFile;
  me: string | undefined;
  onDone: (said: string) => void;
}) {
  const { account, pending, withdrawn } = cards;
  return (
    <>
      {withdrawn ? (
        <Notice tone="error" testId="card-withdrawn">
          本人说{cardName(withdrawn)}不是自己的卡，这次登记已作废（{enteredBy(withdrawn, me)}）。县里会核实。
        </Notice>
      ) : null}
      {account ? (
        <View className="bf-card" data-testid="card-in-force">
          <View className="bf-card__title">在用的卡：{cardName(account)}</View>
          <View className="bf-card__hint">{enteredBy(account, me)}</View>
          <OwnerSaid entry={account} />
          {account.bankReturned ? (
            <Notice tone="error" testId="card-bank-returned">
              银行{dayText(account.bankReturned.at)}退回了发到这张卡的钱：{account.bankReturned.reason}
              。补贴不再发到这张卡。请当面核对本人的卡，登记正确的卡。
            </Notice>
          ) : null}
        </View>
      ) : null}
      {pending ? (
        <View className="bf-card" data-testid="card-waiting">
          <View className="bf-card__title">等待确认：{cardName(pending)}</View>
          <View className="bf-card__hint">{enteredBy(pending, me)}</View>
          <OwnerSaid entry={pending} />
          <Texted entry={pending} />
          {pending.setBy === me ? (
            <View className="bf-card__hint">您登记的卡要由另一位工作人员确认。</View>
          ) : (
            <Confirm workerId={workerId} entry={pending} onDone={onDone} />
          )}
        </View>
      ) : null}
      {account || pending ? null : <View className="bf-text">还没有登记收补贴的卡，补贴发不出去。</View>}
    </>
  );
}

export function PayoutCardsSection({ workerId }: { workerId: string }) {
  const { user } = useSession();
  const { load, retry, reload } = useLoad(() => fetchWorkerCards(workerId));
  const [entering, setEntering] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const done = (text: string) => {
    setSaid(text);
    setEntering(false);
    reload().catch(() => undefined);
  };
  return (
    <View className="bf-section" data-testid="payout-cards">
      <View className="bf-subtitle">收补贴的卡</View>
      {said ? <Notice testId="payout-cards-said">{said}</Notice> : null}
      {entering ? (
        <EnterCardForm workerId={workerId} onEntered={done} onCancel={() => setEntering(false)} />
      ) : (
        <LoadView load={load} retry={retry} what="收款卡">
          {(cards) => (
            <>
              <Cards workerId={workerId} cards={cards} me={user?.userId} onDone={done} />
              <Button size="large" block onClick={() => setEntering(true)} data-testid="enter-card">
                {cards.account || cards.pending ? '登记另一张卡' : '登记收补贴的卡'}
              </Button>
            </>
          )}
        </LoadView>
      )}
    </View>
  );
}
