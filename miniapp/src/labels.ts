/** Plain Chinese words for roles and levels, shown to people. */
import type { ApplicationStatus, PayUnit, ReportState, Role, StaffLevel, User, VerificationStatus } from '@bangfu/shared';

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
  READ_PURPOSE_ZH,
  TRAVEL_SCOPE_ZH,
  WORKER_GROUP_ZH,
  type AtHomeReason,
  type EmploymentForm,
  type EmploymentPlace,
  type JobType,
  type ReadPurpose,
  type TravelScope,
} from '@bangfu/shared';

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

// ---------------------------------------------------------------- positions (岗位) and employers
// The enum words live in shared's zod-free labels module; importing them brings nothing else.
export {
  APPLICATION_STATUS_ZH,
  EMPLOYER_KIND_ZH,
  INTENSITY_ZH,
  PAY_UNIT_ZH,
  POSITION_FORM_ZH,
  POSITION_STATUS_ZH,
  PUBLIC_WELFARE_CATEGORY_ZH,
  type PublicWelfareCategory,
} from '@bangfu/shared';

/** How an employer picks the unit: 按月 / 按天 / 按件. */
export const PAY_UNIT_CHOICE_ZH: Record<PayUnit, string> = {
  month: '按月发工资',
  day: '按天算（日结）',
  piece: '按件算（计件）',
};

/** The same states as the employer reads them, on an applicant. */
export const APPLICANT_STATUS_ZH: Record<ApplicationStatus, string> = {
  applied: '新报名，等您回复',
  accepted: '已同意面谈',
  rejected: '已回复不录用',
  hired: '已录用',
};

/** An employer's verification as the employer reads it. */
export const EMPLOYER_VERIFICATION_ZH: Record<VerificationStatus, string> = {
  pending: '等待工作人员审核',
  verified: '已审核通过',
  rejected: '审核没有通过',
};
