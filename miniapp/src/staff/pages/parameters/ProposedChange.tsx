/**
 * A change of a standard one admin proposed (四眼): what it would put in force, who proposed it and
 * when. Another admin, having checked it against the document, confirms the one they see; the
 * proposer is told it waits for someone else. Staff only look.
 */
import { View } from '@tarojs/components';
import { confirmParameterSteps, type ParameterView } from '../../../api/parameters';
import { SecondAdminConfirm, type SecondLook } from './SecondAdminConfirm';
import { stepText } from './standardText';

type Proposal = NonNullable<ParameterView['proposal']>;

export function ProposedChange({
  parameter,
  proposal,
  regionCode,
  me,
  canConfirm,
  onConfirmed,
}: SecondLook & {
  parameter: ParameterView;
  proposal: Proposal;
}) {
  return (
    <View className="bf-standard__own" data-testid={`parameter-${parameter.key}-proposal`}>
      <View className="bf-strong">等待另一位管理员确认的修改</View>
      {proposal.steps.map((step) => (
        <View key={step.from} className="bf-row__line">
          · {stepText(parameter, step)}
        </View>
      ))}
      <SecondAdminConfirm
        by={proposal.proposedBy}
        at={proposal.proposedAt}
        did="提交"
        me={me}
        canConfirm={canConfirm}
        confirm={() => confirmParameterSteps(regionCode, parameter.key, proposal.proposedAt)}
        confirmed={`已确认：${parameter.label}的新标准生效了。`}
        onConfirmed={onConfirmed}
        label="已对照文件核对，确认这个修改"
        testId={`parameter-${parameter.key}-confirm`}
      />
    </View>
  );
}
