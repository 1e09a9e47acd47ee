/** The region a staff account serves (a county, township or village), and what a page says without one. */
import type { User } from '@bangfu/shared';
import { Notice } from '../components/Page';

/** The officer's county, township or village code; undefined when the account has none set. */
export const staffRegion = (user: User): string | undefined =>
  user.regionCode && user.regionCode.length >= 6 ? user.regionCode : undefined;

export function NoStaffRegion() {
  return <Notice tone="error">您的账号还没有设置负责的地区。请联系旗县人社局的管理员。</Notice>;
}
