/**
 * The one big primary action of a screen: shows a spinner and refuses a second tap
 * while its work is under way (a double tap on a slow network must not send twice).
 */
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';

export function ActionButton({
  busy,
  onPress,
  testId,
  children,
}: {
  busy: boolean;
  /** Its failure is shown by the caller; nothing escapes as an unhandled rejection. */
  onPress: () => Promise<unknown>;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Button
      type="primary"
      size="large"
      block
      loading={busy}
      disabled={busy}
      onClick={() => {
        onPress().catch(() => undefined);
      }}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
