/** Small pieces the employer's pages share. */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Employer, PositionStatus } from '@bangfu/shared';
import type { ReactNode } from 'react';
import { Notice } from '../components/Page';

export const POSITION_STATE_CLASS: Record<PositionStatus, string> = {
  draft: 'bf-state bf-state--pending',
  open: 'bf-state bf-state--reported',
  filled: 'bf-state bf-state--late',
  closed: 'bf-state bf-state--pending',
  expired: 'bf-state bf-state--pending',
};

export function VerificationNotice({ employer }: { employer: Employer }) {
  const { status, note } = employer.verification;
  if (status === 'verified') return null;
  return (
    <Notice tone={status === 'rejected' ? 'error' : 'info'} testId="employer-verification">
      {status === 'pending'
        ? '等待工作人员审核。审核通过以前，您发布的岗位只有您自己看得到，求职的人还看不到。'
        : `审核没有通过${note ? `：${note}` : ''}。请修改单位信息，或打电话问旗县人社局。`}
    </Notice>
  );
}

/** A page that needs the employer's profile first: why, and the way to fill it in. */
export function ProfileFirst({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <View className="bf-section">
      <Notice testId={testId ? `${testId}-no-profile` : undefined}>{children}</Notice>
      <Button
        type="primary"
        size="large"
        block
        onClick={() => {
          Taro.navigateTo({ url: '/employer/pages/profile/index' }).catch(() => undefined);
        }}
        data-testid={testId ? `${testId}-profile` : undefined}
      >
        填写单位信息
      </Button>
    </View>
  );
}
