/**
 * One integrity flag: what kind, who, the evidence line by line, and either who looked into it
 * and what they found, or (for township and county staff) the form to clear it with a reason.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FLAG_KIND_ZH } from '@bangfu/shared';
import { useState } from 'react';
import { clearFlag, type IntegrityFlagView } from '../../api/welfarePosts';
import { ReasonForm } from '../../components/ReasonForm';
import { dayText } from '../../time';

export function FlagCard({
  flag,
  month,
  canClear,
  onCleared,
}: {
  flag: IntegrityFlagView;
  month: string;
  canClear: boolean;
  onCleared: (flag: IntegrityFlagView) => void;
}) {
  const [clearing, setClearing] = useState(false);
  return (
    <View className={flag.cleared ? 'bf-cov' : 'bf-cov bf-cov--warn'} data-testid={`flag-${flag.kind}-${flag.workerId}`}>
      <View className="bf-cov__name">
        <Text>{flag.cleared ? '已核实：' : '请核实：'}</Text>
        {FLAG_KIND_ZH[flag.kind]}
      </View>
      {flag.evidence.map((line) => (
        <View key={line} className="bf-text">
          {line}
        </View>
      ))}
      {flag.cleared ? (
        <View className="bf-cov__short" data-testid={`flag-cleared-${flag.workerId}`}>
          {dayText(flag.cleared.at)} 核实：{flag.cleared.reason}
        </View>
      ) : clearing ? (
        <ReasonForm
          label="核实的情况"
          hint="写清怎么核实的、结果如何，会留档备查"
          confirm="核实无误，清除这条提示"
          testId={`flag-clear-${flag.kind}-${flag.workerId}`}
          onCancel={() => setClearing(false)}
          onDone={async (reason) => {
            const { flag: cleared } = await clearFlag(flag.postId, { flagId: flag.flagId, month, reason });
            onCleared(cleared);
          }}
        />
      ) : canClear ? (
        <Button size="large" block onClick={() => setClearing(true)} data-testid={`flag-open-${flag.kind}-${flag.workerId}`}>
          去核实
        </Button>
      ) : (
        <View className="bf-cov__short">由乡镇核实后才能审核这个月的补贴。</View>
      )}
    </View>
  );
}
