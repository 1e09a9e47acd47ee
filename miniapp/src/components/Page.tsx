/**
 * The root of every page: white background, large type, the 关怀版 class
 * (bf-care) that scales everything up, and 您正在帮 X 办事 while acting for a family
 * member (亲情服务). NutUI reads its Chinese texts from ConfigProvider.
 */
import { View } from '@tarojs/components';
import { ConfigProvider } from '@nutui/nutui-react-taro';
import zhCN from '@nutui/nutui-react-taro/dist/es/locales/zh-CN';
import { useEffect, type ReactNode } from 'react';
import { useSession } from '../state/session';
import { ActingBanner } from './family/ActingBanner';
import { BackBar } from './nav/BackBar';

/**
 * H5: Taro's router scrolls each page in a box of its own. Our buttons are not in the tab order
 * (Taro's H5 views are not), so that box must be: a keyboard then scrolls the page with the arrow
 * keys, and a screen reader can reach all of it (axe: scrollable-region-focusable).
 */
function useFocusablePageBox(): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    document.querySelectorAll('.taro_page:not([tabindex])').forEach((box) => box.setAttribute('tabindex', '0'));
  }, []);
}

export function Page({ children }: { children: ReactNode }) {
  const { careMode } = useSession();
  useFocusablePageBox();
  return (
    <View className={careMode ? 'bf-page bf-care' : 'bf-page'}>
      <ActingBanner />
      <ConfigProvider locale={zhCN}>
        <BackBar />
        {children}
      </ConfigProvider>
    </View>
  );
}

/** A short message in a box; `tone="error"` for failures people must notice. */
export function Notice({ children, tone = 'info', testId }: { children: ReactNode; tone?: 'info' | 'error'; testId?: string }) {
  return (
    <View
      className={tone === 'error' ? 'bf-notice bf-notice--error' : 'bf-notice'}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {children}
    </View>
  );
}
