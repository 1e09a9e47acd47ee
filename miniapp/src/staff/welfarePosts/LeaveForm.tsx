/**
 * 有序退岗: a person leaves a post — why (协议到期, 本人辞岗, 不履职, 退出台账) and their last day on it;
 * the subsidy stops after that month and the place is free again.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { LEAVING_REASON_ZH, LEAVING_REASONS, type Holder } from '@bangfu/shared';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { leavePost } from '../../api/welfarePosts';
import { ActionButton } from '../../components/ActionButton';
import { ChoiceField } from '../../components/form/ChoiceField';
import { DateField } from '../../components/form/DateField';
import { Notice } from '../../components/Page';
import { chinaDate } from '../../time';

export function LeaveForm({ holder, onLeft }: { holder: Holder; onLeft: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<(typeof LEAVING_REASONS)[number] | undefined>(undefined);
  const today = chinaDate(new Date());
  const [lastDay, setLastDay] = useState(today < holder.endsOn ? today : holder.endsOn);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!open) {
    return (
      <Button size="large" block onClick={() => setOpen(true)} data-testid={`leave-${holder.workerId}`}>
        {holder.name} 退岗
      </Button>
    );
  }
  const leave = async () => {
    if (!reason) return setProblem('请选退岗原因');
    setBusy(true);
    setProblem(null);
    try {
      await leavePost(holder.postId, holder.workerId, { reason, lastDay });
      onLeft();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="bf-filters" data-testid={`leave-form-${holder.workerId}`}>
      <ChoiceField
        label={`${holder.name} 为什么退岗？`}
        options={LEAVING_REASONS.map((r) => ({ value: r, label: LEAVING_REASON_ZH[r] }))}
        value={reason}
        onChange={setReason}
        columns={1}
        testId={`leave-reason-${holder.workerId}`}
        testIdPrefix={`leave-reason-${holder.workerId}-`}
        group="退岗原因"
      />
      <DateField label="在岗的最后一天" value={lastDay} onChange={setLastDay} testId={`leave-day-${holder.workerId}`} />
      <View className="bf-hint">下个月起不再发补贴，名额空出来可以再聘人。</View>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <ActionButton busy={busy} onPress={leave} testId={`leave-confirm-${holder.workerId}`}>
        确认退岗
      </ActionButton>
      <Button size="large" block disabled={busy} onClick={() => setOpen(false)}>
        不了，返回
      </Button>
    </View>
  );
}
