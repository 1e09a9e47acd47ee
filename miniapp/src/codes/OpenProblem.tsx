/** A code that could not be opened (or a page without what it needs): the reason, big, and the way home. */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { goHome } from '../components/nav/navigate';

export function OpenProblem({
  title = '打不开这个码',
  text,
  onRetry,
}: {
  title?: string;
  text: string;
  /** Offered when trying again may help (the network failed). */
  onRetry?: () => void;
}) {
  return (
    <View className="bf-section">
      <View className="bf-open-problem" role="alert" data-testid="code-open-problem">
        <View className="bf-open-problem__title">{title}</View>
        <View className="bf-open-problem__text">{text}</View>
      </View>
      {onRetry ? (
        <Button type="primary" size="large" block onClick={onRetry} data-testid="code-open-retry">
          再试一次
        </Button>
      ) : null}
      <Button size="large" block onClick={goHome} data-testid="code-open-home">
        回到首页
      </Button>
    </View>
  );
}
