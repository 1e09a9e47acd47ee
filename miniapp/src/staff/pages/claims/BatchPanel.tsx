/** 批量通过: asks first, shows its progress while it runs, and says where it stopped. */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Claim } from '@bangfu/shared';
import { formatYuan } from '@bangfu/shared';
import { ActionButton } from '../../../components/ActionButton';
import { Notice } from '../../../components/Page';
import { claimLabel } from './ClaimCard';

export type Batch =
  | { state: 'idle' }
  | { state: 'confirming'; claims: Claim[] }
  | { state: 'running'; total: number; done: number }
  | { state: 'finished'; total: number; done: number; stopped: boolean }
  | { state: 'failed'; total: number; done: number; claim: Claim; message: string; stale: boolean };
export function BatchPanel({
  batch,
  amountFen,
  onStart,
  onConfirm,
  onCancel,
  onStop,
  onReload,
  count,
}: {
  batch: Batch;
  count: number;
  amountFen: number;
  onStart: () => void;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  onStop: () => void;
  onReload: () => void;
}) {
  if (batch.state === 'confirming') {
    return (
      <View className="bf-filters" data-testid="claims-batch-ask">
        <View className="bf-strong">
          逐项通过下面 {batch.claims.length} 项申领，共 {formatYuan(amountFen)}？
        </View>
        <View className="bf-hint">需要上一级复核的和您代为申领的不在其中。请先确认每一项的理由和依据都看过了。</View>
        <ActionButton busy={false} onPress={onConfirm} testId="claims-batch-confirm">
          确认通过 {batch.claims.length} 项
        </ActionButton>
        <Button size="large" block onClick={onCancel} data-testid="claims-batch-cancel">
          不了，返回
        </Button>
      </View>
    );
  }
  if (batch.state === 'running') {
    return (
      <View className="bf-section">
        <Notice testId="claims-batch-progress">
          <View className="bf-strong">
            正在逐项通过：已通过 {batch.done} / {batch.total}
          </View>
        </Notice>
        <Button size="large" block onClick={onStop} data-testid="claims-batch-stop">
          停止
        </Button>
      </View>
    );
  }
  const report =
    batch.state === 'finished' ? (
      <Notice testId="claims-batch-progress">
        <View className="bf-strong">
          {batch.stopped ? '已停止。' : '批量通过完成。'}已通过 {batch.done} / {batch.total}
        </View>
      </Notice>
    ) : batch.state === 'failed' ? (
      <View>
        <Notice tone="error" testId="claims-batch-progress">
          <View className="bf-strong">
            已通过 {batch.done} / {batch.total}，在第 {batch.done + 1} 项停下了
          </View>
          <View>
            {claimLabel(batch.claim)}（{formatYuan(batch.claim.amountFen)}）：{batch.message}
          </View>
          {batch.total - batch.done - 1 > 0 ? <View>后面 {batch.total - batch.done - 1} 项还没有处理。</View> : null}
        </Notice>
        {batch.stale ? (
          <Button size="large" block onClick={onReload} data-testid="claims-batch-reload">
            重新加载
          </Button>
        ) : null}
      </View>
    ) : null;
  return (
    <View>
      {report}
      {count >= 2 && !(batch.state === 'failed' && batch.stale) ? (
        <Button type="primary" size="large" block onClick={onStart} data-testid="claims-batch">
          批量通过（{count} 项）
        </Button>
      ) : null}
    </View>
  );
}
