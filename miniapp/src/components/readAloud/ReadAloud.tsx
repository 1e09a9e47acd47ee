/** 朗读: reads a job or a subsidy out loud; tapped again it stops. Absent where the phone cannot speak. */
import { Text, View } from '@tarojs/components';
import { useSpeech } from './useSpeech';

export function ReadAloud({ text, testId }: { text: () => string; testId: string }) {
  const { supported, speaking, speak, stop } = useSpeech();
  if (!supported) return null;
  return (
    <View
      className={speaking ? 'bf-read-aloud bf-read-aloud--on' : 'bf-read-aloud'}
      hoverClass="bf-read-aloud--pressed"
      role="button"
      aria-pressed={speaking}
      onClick={() => (speaking ? stop() : speak(text()))}
      data-testid={testId}
    >
      <Text aria-hidden>{speaking ? '■ ' : '▶ '}</Text>
      {speaking ? '停止朗读' : '朗读给我听'}
    </View>
  );
}
