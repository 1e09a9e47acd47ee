/** A big button that opens another page of the mini-program. */
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';

export function NavButton({
  url,
  primary = false,
  block = true,
  disabled = false,
  testId,
  children,
}: {
  url: string;
  primary?: boolean;
  /** Full width; false where two stand side by side in a bf-button-row. */
  block?: boolean;
  disabled?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Button
      type={primary ? 'primary' : 'default'}
      size="large"
      block={block}
      disabled={disabled}
      onClick={() => {
        Taro.navigateTo({ url }).catch(() => undefined);
      }}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
