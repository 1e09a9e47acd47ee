/**
 * 登记银行退回 for one row: what the bank said (one tap), its words when 其他, and the reference on
 * its return slip (退票流水号). The claim then waits for the next batch, paid by another payer to a
 * card confirmed anew; so the form says that before it is sent.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { BANK_RETURN_REASON_ZH, BANK_RETURN_REASONS, bankReturnRequestSchema, type BankReturnReason } from '@bangfu/shared';
import { useState } from 'react';
import { errorText, isApiError } from '../../api/client';
import { recordBankReturn, type PaymentBatchView } from '../../api/payments';
import { ActionButton } from '../../components/ActionButton';
import { BigInput } from '../../components/BigInput';
import { Choices } from '../../components/Choices';
import { Field, fieldName } from '../../components/Field';
import { Notice } from '../../components/Page';
import { useFieldProblems } from '../../hooks/useFieldProblems';

const REASONS = BANK_RETURN_REASONS.map((value) => ({ value, label: BANK_RETURN_REASON_ZH[value] }));

type FieldName = 'reason' | 'note' | 'bankReference';

export function ReturnForm({
  batchId,
  claimId,
  onDone,
  onCancel,
}: {
  batchId: string;
  claimId: string;
  onDone: (batch: PaymentBatchView) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState<BankReturnReason>();
  const [note, setNote] = useState('');
  const [bankReference, setBankReference] = useState('');
  const { problems, setProblems, changing } = useFieldProblems<FieldName>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const request = bankReturnRequestSchema.safeParse({
      claimId,
      reason,
      ...(reason === 'other' ? { note } : {}),
      bankReference,
    });
    if (!request.success) {
      const found: Partial<Record<FieldName, string>> = {};
      for (const issue of request.error.issues) {
        const field = String(issue.path[0]) as FieldName;
        found[field] ??= field === 'reason' ? '请选银行说的原因' : issue.message;
      }
      setProblems(found);
      return;
    }
    setBusy(true);
    setProblems({});
    try {
      onDone(await recordBankReturn(batchId, request.data));
    } catch (error) {
      const field = isApiError(error) ? fieldName(error.field) : undefined;
      const known = field === 'reason' || field === 'note' || field === 'bankReference';
      setProblems({ [known ? field : 'form']: errorText(error) });
      setBusy(false);
    }
  };

  return (
    <View className="bf-filters" data-testid="return-form">
      <Field label="银行说的原因" error={problems.reason} testId="return-reason">
        <Choices
          options={REASONS}
          value={reason}
          onChange={changing('reason', setReason)}
          columns={1}
          testIdPrefix="return-reason-"
          label="银行说的原因"
        />
      </Field>
      {reason === 'other' ? (
        <Field label="银行写的原因" error={problems.note} testId="return-note">
          <BigInput
            value={note}
            onChange={changing('note', setNote)}
            maxLength={60}
            placeholder="照退票回单写"
            testId="return-note"
          />
        </Field>
      ) : null}
      <Field label="退票流水号" hint="在银行的退票回单上" error={problems.bankReference} testId="return-reference">
        <BigInput
          value={bankReference}
          onChange={changing('bankReference', setBankReference)}
          maxLength={40}
          placeholder="字母或数字"
          testId="return-reference"
        />
      </Field>
      <View className="bf-hint">
        登记以后，这笔补贴等下一批再发：村里核对本人的卡，重新登记并由另一位工作人员确认，再由另一位发放人员发放。
      </View>
      {problems.form ? (
        <Notice tone="error" testId="return-failure">
          没能登记：{problems.form}
        </Notice>
      ) : null}
      <ActionButton busy={busy} onPress={submit} testId="return-confirm">
        登记银行退回
      </ActionButton>
      <Button size="large" block onClick={onCancel} disabled={busy} data-testid="return-cancel">
        不了，返回
      </Button>
    </View>
  );
}
