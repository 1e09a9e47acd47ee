/**
 * The job map's words: every enum of employers, positions and applications with its
 * Chinese label. No zod here, so the mini-program can import these at run time
 * without bringing the schemas along.
 */
import { JOB_TYPES, type JobType } from '../registry/labels.js';

export const EMPLOYER_KINDS = [
  'enterprise', // 企业
  'assistanceWorkshop', // 就业帮扶车间
  'assistanceBase', // 就业帮扶基地
  'cooperative', // 合作社
  'workForRelief', // 以工代赈项目
  'publicWelfare', // 乡村公益性岗位开发单位
  'hrAgency', // 人力资源服务机构、劳务经纪人
] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];

export const EMPLOYER_KIND_ZH: Record<EmployerKind, string> = {
  enterprise: '企业',
  assistanceWorkshop: '帮扶车间',
  assistanceBase: '就业帮扶基地',
  cooperative: '合作社',
  workForRelief: '以工代赈项目',
  publicWelfare: '公益性岗位',
  hrAgency: '劳务服务机构',
};

export const VERIFICATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export const VERIFICATION_STATUS_ZH: Record<VerificationStatus, string> = {
  pending: '待审核',
  verified: '已通过',
  rejected: '未通过',
};

/** A position's form is one of the job types a worker may wish for. */
export const POSITION_FORMS = JOB_TYPES;
export type PositionForm = JobType;
/** Short words for chips and cards. */
export const POSITION_FORM_ZH: Record<PositionForm, string> = {
  fullTime: '全职',
  partTime: '兼职',
  seasonal: '季节工',
  gig: '零工',
};

export const PAY_UNITS = ['month', 'day', 'piece'] as const; // 月薪 / 日薪 / 计件
export type PayUnit = (typeof PAY_UNITS)[number];
export const PAY_UNIT_ZH: Record<PayUnit, string> = { month: '每月', day: '每天', piece: '计件' };

export const INTENSITIES = ['light', 'medium', 'heavy'] as const; // 轻 / 中 / 重体力
export type Intensity = (typeof INTENSITIES)[number];
export const INTENSITY_ZH: Record<Intensity, string> = { light: '轻体力', medium: '中等体力', heavy: '重体力' };

/** Categories of 乡村公益性岗位 (file 004 §(六), 000 §(四)). */
export const PUBLIC_WELFARE_CATEGORIES = [
  'sanitation', // 保洁环卫
  'greening', // 绿化
  'roadMaintenance', // 道路养护
  'forestRanger', // 生态护林员
  'grasslandKeeper', // 草管员
  'employmentService', // 就业服务
  'otherPublicService', // 其他公共服务
] as const;
export type PublicWelfareCategory = (typeof PUBLIC_WELFARE_CATEGORIES)[number];
export const PUBLIC_WELFARE_CATEGORY_ZH: Record<PublicWelfareCategory, string> = {
  sanitation: '保洁环卫',
  greening: '绿化',
  roadMaintenance: '道路养护',
  forestRanger: '生态护林员',
  grasslandKeeper: '草管员',
  employmentService: '就业服务',
  otherPublicService: '其他公共服务',
};

export const POSITION_STATUSES = ['draft', 'open', 'filled', 'closed', 'expired'] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];
/** A position's state as its employer reads it. */
export const POSITION_STATUS_ZH: Record<PositionStatus, string> = {
  draft: '草稿',
  open: '招聘中',
  filled: '已招满',
  closed: '已关闭',
  expired: '已过期',
};

export const APPLICATION_STATUSES = ['applied', 'accepted', 'rejected', 'hired'] as const; // 已申请 / 待录用 / 未录用 / 已录用
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_ZH: Record<ApplicationStatus, string> = {
  applied: '已报名，等单位回复',
  accepted: '单位同意面谈',
  rejected: '这次没有录用',
  hired: '已录用',
};
