/** Why the form's last try failed, just above its buttons; nothing while it has not failed. */
import { Notice } from '../Page';

export function FormFailure({ failure, testId }: { failure: string | null; testId?: string }) {
  return failure ? (
    <Notice tone="error" testId={testId}>
      {failure}
    </Notice>
  ) : null;
}
