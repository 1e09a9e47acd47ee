/**
 * 登记发放: the contractor picks the confirmed lines it has paid through the bank (to each person's
 * own card) and the bank's reference; only confirmed lines can be picked.
 */
import { View } from '@tarojs/components';
import { formatYuan } from '@bangfu/shared';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { payWages, type WageSheet } from '../../api/reliefWork';
import { ActionButton } from '../../components/ActionButton';
import { MultiChoices } from '../../components/Choices';
import { TextField } from '../../components/form/TextField';
import { Notice } from '../../components/Page';
import { chinaDate } from '../../time';

export function PayForm({
  projectId,
  month,
  sheet,
  onPaid,
}: {
  projectId: string;
  month: string;
  sheet: WageSheet;
  onPaid: (sheet: WageSheet) => void;
}) {
  const confirmed = sheet.lines.filter((l) => l.status === 'confirmed');
  const [chosen, setChosen] = useState<string[]>([]);
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!confirmed.length) return <Notice testId="pay-none">本人确认过的工资，才能登记发放。</Notice>;
  const pay = async () => {
    if (!chosen.length) return setProblem('请选发放了的人');
    setBusy(true);
    setProblem(null);
    try {
      onPaid(
        await payWages(projectId, month, {
          workerIds: chosen,
          paidOn: chinaDate(new Date()),
          ...(reference.trim() ? { reference: reference.trim() } : {}),
        }),
      );
      setChosen([]);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View data-testid="pay-form">
      <MultiChoices
        options={confirmed.map((l) => ({ value: l.workerId, label: `${l.name} ${formatYuan(l.payFen)}` }))}
        values={chosen}
        onChange={setChosen}
        columns={1}
        label="今天通过银行发放给谁"
        testIdPrefix="pay-"
      />
      <TextField
        label="银行流水号（可不填）"
        value={reference}
        onChange={setReference}
        maxLength={60}
        placeholder="例如：YH20261205001"
        testId="pay-reference"
      />
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <ActionButton busy={busy} onPress={pay} testId="pay-save">
        登记今天已发放
      </ActionButton>
    </View>
  );
}
