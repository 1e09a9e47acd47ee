/**
 * 收到了 / 没收到: money recorded as paid to the person's card, and the person says whether it came.
 * `say` sends the answer and gives back what to tell them; 没收到 warns the county wherever it is asked.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { errorText } from '../api/client';
import { ActionButton } from './ActionButton';
import { Notice } from './Page';

export type Receipt = 'received' | 'notReceived';

export function ReceivedOrNot({
  question = '这笔钱到您的卡上了吗？',
  testId,
  say,
  onAnswered,
}: {
  question?: string;
  /** `<testId>-received`, `<testId>-not-received` on the two buttons. */
  testId: string;
  say: (answer: Receipt) => Promise<string>;
  onAnswered: (said: string) => void;
}) {
  const [busy, setBusy] = useState<Receipt | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const answer = async (receipt: Receipt) => {
    setBusy(receipt);
    setFailure(null);
    try {
      onAnswered(await say(receipt));
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <View>
      <View className="bf-card__hint">{question}</View>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <ActionButton busy={busy === 'received'} onPress={() => answer('received')} testId={`${testId}-received`}>
        收到了
      </ActionButton>
      <Button
        size="large"
        block
        disabled={busy !== null}
        onClick={() => void answer('notReceived')}
        data-testid={`${testId}-not-received`}
      >
        没收到
      </Button>
    </View>
  );
}
