/** Plain Chinese words for roles and levels, shown to people. */
import type { Role, StaffLevel, User } from '@bangfu/shared';

export const ROLE_LABEL: Record<Role, string> = {
  worker: '劳动者',
  employer: '用人单位',
  staff: '经办人员',
  admin: '系统管理员',
};

export const STAFF_LEVEL_LABEL: Record<StaffLevel, string> = {
  province: '自治区',
  city: '盟市',
  county: '旗县',
  township: '苏木乡镇',
  village: '嘎查村',
};

/** e.g. 劳动者, or 苏木乡镇经办人员 for staff with a level. */
export function roleText(user: Pick<User, 'role' | 'staffLevel'>): string {
  const role = ROLE_LABEL[user.role];
  return user.staffLevel ? `${STAFF_LEVEL_LABEL[user.staffLevel]}${role}` : role;
}
