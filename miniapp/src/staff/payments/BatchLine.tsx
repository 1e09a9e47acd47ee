/** One row of a batch's bank file: its number (序号), who, what, how much, to which account; its return, or the way to record one. */
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, PAYOUT_KIND_ZH } from '@bangfu/shared';
import { useState } from 'react';
import type { PaymentBatchView, PaymentLineView } from '../../api/payments';
import { dayText } from '../../time';
import { ReturnForm } from './ReturnForm';

export function BatchLine({
  batchId,
  line,
  onReturned,
}: {
  batchId: string;
  line: PaymentLineView;
  onReturned: (batch: PaymentBatchView) => void;
}) {
  const [asking, setAsking] = useState(false);
  const { row, name, subsidyName, amountFen, account, returned } = line;
  return (
    <View className="bf-card" data-testid={`line-${row}`}>
      <View className="bf-card__title">
        第 {row} 行 · {name}
      </View>
      <View className="bf-row__line bf-strong">
        {formatYuan(amountFen)} · {subsidyName}
      </View>
      <View className="bf-row__line">
        {PAYOUT_KIND_ZH[account.kind]} 尾号 {account.numberMasked.slice(-4)}
      </View>
      {returned ? (
        <View className="bf-row__line" data-testid={`line-returned-${row}`}>
          <Text className="bf-state bf-state--overdue">银行退回</Text>
          {returned.reason}（流水号 {returned.bankReference}，{dayText(returned.at)}登记）
        </View>
      ) : asking ? (
        <ReturnForm
          batchId={batchId}
          claimId={line.claimId}
          onDone={(batch) => {
            setAsking(false);
            onReturned(batch);
          }}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <Button size="large" block onClick={() => setAsking(true)} data-testid={`line-return-${row}`}>
          银行退回了这一笔
        </Button>
      )}
    </View>
  );
}
