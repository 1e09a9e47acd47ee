/**
 * Asks for the reason of a refusal (a claim not approved, an employer not verified, a
 * position taken down) — the other side reads it, so at least 4 characters — then does it.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { errorText } from '../api/client';
import { ActionButton } from './ActionButton';
import { BigInput } from './BigInput';
import { Field } from './Field';

export function ReasonForm({
  label,
  hint,
  confirm,
  testId,
  onDone,
  onCancel,
}: {
  label: string;
  /** Who will read the reason. */
  hint: string;
  confirm: string;
  testId: string;
  onDone: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    if (reason.trim().length < 4) {
      setFailure('请写明原因，至少 4 个字');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onDone(reason.trim());
    } catch (error) {
      setFailure(errorText(error));
      setBusy(false);
    }
  };
  return (
    <View className="bf-filters">
      <Field label={label} hint={hint} error={failure} testId={`${testId}-reason`}>
        {/* The placeholder names the box to a screen reader as well (the H5 input has no label of its own). */}
        <BigInput
          value={reason}
          onChange={setReason}
          maxLength={200}
          placeholder="写上原因，至少 4 个字"
          testId={`${testId}-reason`}
        />
      </Field>
      <ActionButton busy={busy} onPress={submit} testId={`${testId}-confirm`}>
        {confirm}
      </ActionButton>
      <Button size="large" block onClick={onCancel} disabled={busy} data-testid={`${testId}-cancel`}>
        不了，返回
      </Button>
    </View>
  );
}
