/**
 * 登记核销 on a claim in 追回中: the money will not come back (the person has died, or cannot pay),
 * and the county has approved writing it off; a county payer other than who ordered the recovery
 * records the approval's 文号 and the reason the person reads. The app records the decision, it
 * does not make it.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, type Claim } from '@bangfu/shared';
import { useState } from 'react';
import { writeOffRecovery } from '../../../api/claims';
import { errorText, isApiError } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { BigInput } from '../../../components/BigInput';
import { Field, fieldName } from '../../../components/Field';
import { Notice } from '../../../components/Page';
import { useFieldProblems } from '../../../hooks/useFieldProblems';

type FieldName = 'documentNo' | 'reason';

export function WriteOffForm({ claim, onDone, onCancel }: { claim: Claim; onDone: (next: Claim) => void; onCancel: () => void }) {
  const [documentNo, setDocumentNo] = useState('');
  const [reason, setReason] = useState('');
  const { problems, setProblems, changing } = useFieldProblems<FieldName>();
  const [busy, setBusy] = useState(false);
  const id = claim.claimId;
  const submit = async () => {
    const found: Partial<Record<FieldName, string>> = {};
    if (documentNo.trim().length < 4) found.documentNo = '请填写批准核销的文件文号';
    if (reason.trim().length < 4) found.reason = '请写明为什么收不回来，至少 4 个字';
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onDone(await writeOffRecovery(claim, documentNo.trim(), reason.trim()));
    } catch (error) {
      const field = isApiError(error) ? fieldName(error.field) : undefined;
      setProblems({ [field === 'documentNo' || field === 'reason' ? field : 'form']: errorText(error) });
      setBusy(false);
    }
  };
  return (
    <View className="bf-filters" data-testid={`claim-${id}-writeoff-form`}>
      <Field
        label="批准核销的文号"
        hint="旗县批准不再追回的文件上的文号"
        error={problems.documentNo}
        testId={`claim-${id}-writeoff-document`}
      >
        <BigInput
          value={documentNo}
          onChange={changing('documentNo', setDocumentNo)}
          maxLength={60}
          placeholder="如：固人社发〔2027〕3号"
          testId={`claim-${id}-writeoff-document`}
        />
      </Field>
      <Field label="为什么收不回来" hint="申领人能看到这句话" error={problems.reason} testId={`claim-${id}-writeoff-reason`}>
        <BigInput
          value={reason}
          onChange={changing('reason', setReason)}
          maxLength={200}
          placeholder="如：本人已去世，没有遗产"
          testId={`claim-${id}-writeoff-reason`}
        />
      </Field>
      <View className="bf-hint">登记以后，本人不用再退这 {formatYuan(claim.recovery?.amountFen ?? 0)}，这份申领也不会再发。</View>
      {problems.form ? <Notice tone="error">{problems.form}</Notice> : null}
      <ActionButton busy={busy} onPress={submit} testId={`claim-${id}-writeoff-confirm`}>
        登记核销
      </ActionButton>
      <Button size="large" block onClick={onCancel} disabled={busy} data-testid={`claim-${id}-writeoff-cancel`}>
        不了，返回
      </Button>
    </View>
  );
}
