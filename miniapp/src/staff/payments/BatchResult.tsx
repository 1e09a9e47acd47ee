/** What a payment batch did: how many claims and how much, who was left out and why, and its file for the bank. */
import { View } from '@tarojs/components';
import { formatYuan } from '@bangfu/shared';
import { paymentFilePath, type PaymentBatchView } from '../../api/payments';
import { FileButton } from '../../components/FileButton';
import { Notice } from '../../components/Page';

export function BatchResult({ batch }: { batch: PaymentBatchView }) {
  return (
    <View className="bf-section" data-testid="payments-result">
      <Notice testId="payments-paid">
        <View className="bf-strong">
          这一批发放 {batch.count} 份，共 {formatYuan(batch.totalFen)}。
        </View>
        <View>把下面的银行文件交给银行代发。银行退回的，在这一批里登记，钱会等下一批发到新账户。</View>
      </Notice>
      {batch.count > 0 ? (
        <FileButton path={paymentFilePath(batch.batchId)} fileName={`补贴发放-${batch.batchId}.csv`} testId="payments-file">
          下载银行文件
        </FileButton>
      ) : null}
      {batch.skipped.length > 0 ? (
        <View className="bf-cards" data-testid="payments-skipped">
          <View className="bf-subtitle">这次没有发的（{batch.skipped.length} 份）</View>
          {batch.skipped.map((s) => (
            <View key={s.claimId} className="bf-card" data-testid={`payments-skipped-${s.claimId}`}>
              <View className="bf-strong">{s.name}</View>
              <View className="bf-row__line">{s.reason}</View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
