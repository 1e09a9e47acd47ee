/**
 * A person's answer to what someone recorded about them (their days on a post, their wage): one
 * big 对，确认, or 不对 with what is wrong. Each answer carries this phone's id (state/device.ts).
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { errorText } from '../api/client';
import { deviceId } from '../state/device';
import { ActionButton } from './ActionButton';
import { Notice } from './Page';
import { ReasonForm } from './ReasonForm';

export function ConfirmOrDispute({
  onConfirm,
  onDispute,
  onDone,
  disputeHint,
  disputeTo,
  testId,
}: {
  /** Sends the confirmation; resolves to what to tell the person. */
  onConfirm: (device: string) => Promise<string>;
  onDispute: (note: string, device: string) => Promise<string>;
  /** Shows what was said, once an answer landed. */
  onDone: (said: string) => void;
  /** What to say is wrong, e.g. 比如实际出勤几天. */
  disputeHint: string;
  /** Who is told, on the button: 告诉村里. */
  disputeTo: string;
  /** `${testId}-confirm`, `${testId}-wrong`, and the dispute form's `${testId}-dispute-…`. */
  testId: string;
}) {
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onDone(await onConfirm(deviceId()));
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  if (wrong) {
    return (
      <ReasonForm
        label="哪里不对"
        hint={disputeHint}
        confirm={disputeTo}
        testId={`${testId}-dispute`}
        onCancel={() => setWrong(false)}
        onDone={async (note) => onDone(await onDispute(note, deviceId()))}
      />
    );
  }
  return (
    <View>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <ActionButton busy={busy} onPress={confirm} testId={`${testId}-confirm`}>
        对，确认
      </ActionButton>
      <Button size="large" block disabled={busy} onClick={() => setWrong(true)} data-testid={`${testId}-wrong`}>
        不对
      </Button>
    </View>
  );
}
