/**
 * A change of a standard one admin proposed (四眼): what it would put in force, who proposed it and
 * when. Another admin, having checked it against the document, confirms the one they see; the
 * proposer is told it waits for someone else. Staff only look.
 */
import { View } from '@tarojs/components';
import { useState } from 'react';
import { errorText } from '../../../api/client';
import { confirmParameterSteps, type ParameterView } from '../../../api/parameters';
import { ActionButton } from '../../../components/ActionButton';
import { Notice } from '../../../components/Page';
import { dayText } from '../../../time';
import { stepText } from './standardText';

type Proposal = NonNullable<ParameterView['proposal']>;

export function ProposedChange({
  parameter,
  proposal,
  regionCode,
  me,
  canConfirm,
  onConfirmed,
}: {
  parameter: ParameterView;
  proposal: Proposal;
  regionCode: string;
  me: string;
  canConfirm: boolean;
  onConfirmed: (said: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const mine = proposal.proposedBy === me;
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await confirmParameterSteps(regionCode, parameter.key, proposal.proposedAt);
      onConfirmed(`已确认：${parameter.label}的新标准生效了。`);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="bf-standard__own" data-testid={`parameter-${parameter.key}-proposal`}>
      <View className="bf-strong">等待另一位管理员确认的修改</View>
      {proposal.steps.map((step) => (
        <View key={step.from} className="bf-row__line">
          · {stepText(parameter, step)}
        </View>
      ))}
      <View className="bf-row__line bf-hint">
        {mine ? '您' : `管理员 ${proposal.proposedBy} `}
        {dayText(proposal.proposedAt)}提交，确认以后才生效
      </View>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {canConfirm && !mine ? (
        <ActionButton busy={busy} onPress={confirm} testId={`parameter-${parameter.key}-confirm`}>
          已对照文件核对，确认这个修改
        </ActionButton>
      ) : null}
    </View>
  );
}
