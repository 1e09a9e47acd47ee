/**
 * The foot of what one admin put forward (四眼): who did and when, and for another admin the
 * button that puts it in force once they have checked it; the one who put it forward is told it
 * waits for someone else.
 */
import { View } from '@tarojs/components';
import { ActionButton } from '../../../components/ActionButton';
import { Notice } from '../../../components/Page';
import { useAction } from '../../../hooks/useAction';
import { dayText } from '../../../time';

/** Who looks at what one admin put forward: the region, themself, whether they may confirm, and what then. */
export interface SecondLook {
  regionCode: string;
  me: string;
  canConfirm: boolean;
  onConfirmed: (said: string) => void;
}

export function SecondAdminConfirm({
  by,
  at,
  did,
  me,
  canConfirm,
  confirm,
  confirmed,
  onConfirmed,
  label,
  testId,
}: Omit<SecondLook, 'regionCode'> & {
  by: string;
  at: string;
  /** What they did: 提交, 记录. */
  did: string;
  confirm: () => Promise<unknown>;
  /** What the page says once it is in force. */
  confirmed: string;
  label: string;
  testId: string;
}) {
  const mine = by === me;
  const action = useAction(confirm, () => onConfirmed(confirmed));
  return (
    <>
      <View className="bf-row__line bf-hint">
        {mine ? '您' : `管理员 ${by} `}
        {dayText(at)}
        {did}，另一位管理员确认以后才生效
      </View>
      {action.failure ? <Notice tone="error">{action.failure}</Notice> : null}
      {canConfirm && !mine ? (
        <ActionButton busy={action.busy} onPress={action.run} testId={testId}>
          {label}
        </ActionButton>
      ) : null}
    </>
  );
}
