/** Small pieces the employer's pages share. */
import type { Employer, PositionStatus } from '@bangfu/shared';
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
