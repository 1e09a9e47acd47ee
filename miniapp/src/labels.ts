/** Plain Chinese words for roles and levels, shown to people. */
import type { ReportState, Role, StaffLevel, User } from '@bangfu/shared';

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

// ---------------------------------------------------------------- registry (台账)
// The enum words live in shared's zod-free labels module; importing them brings nothing else.
export {
  AT_HOME_REASON_ZH,
  EMPLOYMENT_FORM_ZH,
  EMPLOYMENT_PLACE_ZH,
  EMPLOYMENT_SOURCE_ZH,
  JOB_TYPE_ZH,
  LABOUR_CLASS_ZH,
  TRAVEL_SCOPE_ZH,
  WORKER_GROUP_ZH,
  type AtHomeReason,
  type EmploymentForm,
  type EmploymentPlace,
  type JobType,
  type TravelScope,
} from '@bangfu/shared';

/** Why an officer opens a full record (asked every time, kept in the audit trail). */
export type ReadPurpose = 'service' | 'monthlyUpdate' | 'claimReview' | 'verification';
export const READ_PURPOSE_ZH: Record<ReadPurpose, string> = {
  service: '就业服务',
  monthlyUpdate: '月度信息更新',
  claimReview: '补贴审核',
  verification: '信息核实',
};

/** Monthly reporting (每月报送) states, in words an officer reads at a glance. */
export const REPORT_STATE_ZH: Record<ReportState, string> = {
  reported: '已按时报送',
  late: '逾期报送',
  pending: '未报送（还有时间）',
  overdue: '已逾期',
};

/** The keys of a label map, in its order, for building choices. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
