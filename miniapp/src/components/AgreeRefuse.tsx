/**
 * 同意 and 不同意 side by side, for a person asked to let someone see or do something for them:
 * the answer being sent spins and neither can be tapped again meanwhile.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

export type AgreeOrRefuse = 'agree' | 'refuse';

export function AgreeRefuse({
  busy,
  onAnswer,
  testIdPrefix,
}: {
  /** The answer being sent, if one is. */
  busy: AgreeOrRefuse | null;
  /** Its failure is shown by the caller; nothing escapes as an unhandled rejection. */
  onAnswer: (answer: AgreeOrRefuse) => Promise<void>;
  /** `${testIdPrefix}-agree`, `${testIdPrefix}-refuse`. */
  testIdPrefix: string;
}) {
  const button = (answer: AgreeOrRefuse, label: string) => (
    <Button
      type={answer === 'agree' ? 'primary' : 'default'}
      size="large"
      loading={busy === answer}
      disabled={busy !== null}
      onClick={() => {
        onAnswer(answer).catch(() => undefined);
      }}
      data-testid={`${testIdPrefix}-${answer}`}
    >
      {label}
    </Button>
  );
  return (
    <View className="bf-button-row">
      {button('agree', '同意')}
      {button('refuse', '不同意')}
    </View>
  );
}
