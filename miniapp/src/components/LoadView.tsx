/**
 * What a page shows while its data is not ready: 正在加载, the failure with 再试一次, or
 * `missing` (e.g. <BindFirst>); the data itself goes to `children`.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import type { Load } from '../hooks/useLoad';
import { Notice } from './Page';

interface LoadViewProps<T> {
  load: Load<T>;
  retry: () => void;
  loadingText?: string;
  /** What failed to load, e.g. 推荐人选: "没能加载推荐人选：…". */
  what?: string;
  missing?: ReactNode;
  children: (data: T) => ReactNode;
}

export function LoadView<T>({ load, retry, loadingText = '正在加载…', what = '', missing, children }: LoadViewProps<T>) {
  if (load.state === 'loading') return <Notice>{loadingText}</Notice>;
  if (load.state === 'missing') return <>{missing}</>;
  if (load.state === 'failed') {
    return (
      <LoadFailed onRetry={retry} testId="load-retry">
        没能加载{what}：{load.message}
      </LoadFailed>
    );
  }
  return <>{children(load.data)}</>;
}

/** A failed load, said plainly, and 再试一次. */
export function LoadFailed({ onRetry, testId, children }: { onRetry: () => void; testId?: string; children: ReactNode }) {
  return (
    <View className="bf-section">
      <Notice tone="error">{children}</Notice>
      <Button type="primary" size="large" block onClick={onRetry} data-testid={testId}>
        再试一次
      </Button>
    </View>
  );
}

/** A worker's page before the account is bound: why binding is needed here, and the way to 我的信息. */
export function BindFirst({ children, testId = 'bind-first' }: { children: ReactNode; testId?: string }) {
  return (
    <View className="bf-section">
      <Notice testId={testId}>{children}</Notice>
      <Button
        type="primary"
        size="large"
        block
        onClick={() => {
          Taro.navigateTo({ url: '/worker/pages/me/index' }).catch(() => undefined);
        }}
      >
        去绑定身份
      </Button>
    </View>
  );
}
