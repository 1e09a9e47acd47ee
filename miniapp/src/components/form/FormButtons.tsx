/**
 * The buttons that end a form or one of its steps, all full width and large. The way back
 * waits while the form's action is under way, so a half-sent form is not left behind.
 */
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { ActionButton } from '../ActionButton';

/** On to the form's next step. */
export function NextButton({ onTap, testId }: { onTap: () => void; testId?: string }) {
  return (
    <Button type="primary" size="large" block onClick={onTap} data-testid={testId}>
      下一步
    </Button>
  );
}

/** Back a step, or out of the form. */
export function BackButton({
  onTap,
  busy,
  testId,
  children,
}: {
  onTap: () => void;
  busy?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Button size="large" block onClick={onTap} disabled={busy} data-testid={testId}>
      {children}
    </Button>
  );
}

/** The form's one action, then the way back. */
export function FormActions({
  busy,
  onSubmit,
  submit,
  submitTestId,
  onBack,
  back,
  backTestId,
}: {
  busy: boolean;
  onSubmit: () => Promise<unknown>;
  submit: ReactNode;
  submitTestId: string;
  onBack: () => void;
  back: ReactNode;
  backTestId?: string;
}) {
  return (
    <>
      <ActionButton busy={busy} onPress={onSubmit} testId={submitTestId}>
        {submit}
      </ActionButton>
      <BackButton onTap={onBack} busy={busy} testId={backTestId}>
        {back}
      </BackButton>
    </>
  );
}
