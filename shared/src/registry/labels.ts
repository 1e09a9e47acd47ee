/**
 * The registry's words: every enum of the worker record and the monthly employment
 * record with its Chinese label. No zod here, so the mini-program can import these
 * at run time without bringing the schemas along.
 */
import type { RegionLevel } from '../regions/regionCode.js';

/** The groups the policies name (DOMAIN.md; file 002 §二, 003 §(一)). */
export const WORKER_GROUPS = [
  'povertyAlleviated', // 脱贫人口
  'monitored', // 防止返贫监测对象
  'ruralLowIncome', // 农村低收入人口
  'relocated', // 易地扶贫搬迁群众
  'disabled', // 残疾人
  'veteran', // 退役军人
  'collegeGraduate', // 高校毕业生（困难家庭）
  'registeredUnemployed', // 登记失业人员
  'employmentDifficulty', // 就业困难人员
  'zeroEmploymentHousehold', // 零就业家庭成员
] as const;
export type WorkerGroup = (typeof WORKER_GROUPS)[number];

export const WORKER_GROUP_ZH: Record<WorkerGroup, string> = {
  povertyAlleviated: '脱贫人口',
  monitored: '防止返贫监测对象',
  ruralLowIncome: '农村低收入人口',
  relocated: '易地扶贫搬迁群众',
  disabled: '残疾人',
  veteran: '退役军人',
  collegeGraduate: '高校毕业生',
  registeredUnemployed: '登记失业人员',
  employmentDifficulty: '就业困难人员',
  zeroEmploymentHousehold: '零就业家庭成员',
};

/** Labour class, file 003 §(十七): full labour goes out or to local firms; half and weak labour to public-welfare posts and workshops. */
export const LABOUR_CLASSES = ['full', 'half', 'weak', 'none'] as const;
export type LabourClass = (typeof LABOUR_CLASSES)[number];
export const LABOUR_CLASS_ZH: Record<LabourClass, string> = {
  full: '全劳动力',
  half: '半劳动力',
  weak: '弱劳动力',
  none: '无劳动能力',
};

/** Why someone able to work is at home (003 §(十七)). */
export const AT_HOME_REASONS = ['returnedFromWork', 'idle', 'caringForFamily', 'illness'] as const;
export type AtHomeReason = (typeof AT_HOME_REASONS)[number];
export const AT_HOME_REASON_ZH: Record<AtHomeReason, string> = {
  returnedFromWork: '务工回流',
  idle: '在家闲置',
  caringForFamily: '照顾家庭',
  illness: '因病在家',
};

/** How far a worker is willing to go for work. */
export const TRAVEL_SCOPES = ['local', 'county', 'city', 'province', 'any'] as const;
export type TravelScope = (typeof TRAVEL_SCOPES)[number];
export const TRAVEL_SCOPE_ZH: Record<TravelScope, string> = {
  local: '只在家附近',
  county: '本县（旗）内',
  city: '本市（盟）内',
  province: '本省（区）内',
  any: '去哪里都行',
};

/** Kinds of work, for a worker's wishes and a position's form. */
export const JOB_TYPES = ['fullTime', 'partTime', 'seasonal', 'gig'] as const;
export type JobType = (typeof JOB_TYPES)[number];
export const JOB_TYPE_ZH: Record<JobType, string> = {
  fullTime: '长期全职',
  partTime: '兼职',
  seasonal: '季节工',
  gig: '零工、日结',
};

/** Where the work is, seen from the worker's home county. */
export const EMPLOYMENT_PLACES = ['withinCounty', 'acrossCounty', 'acrossCity', 'acrossProvince'] as const;
export type EmploymentPlace = (typeof EMPLOYMENT_PLACES)[number];
export const EMPLOYMENT_PLACE_ZH: Record<EmploymentPlace, string> = {
  withinCounty: '县内',
  acrossCounty: '县外市内',
  acrossCity: '市外省内',
  acrossProvince: '省外',
};

export const EMPLOYMENT_FORMS = [
  'enterprise', // 企业务工
  'assistanceWorkshop', // 帮扶车间
  'publicWelfarePost', // 公益性岗位
  'workForRelief', // 以工代赈
  'selfEmployed', // 自主创业
  'flexible', // 灵活就业
] as const;
export type EmploymentForm = (typeof EMPLOYMENT_FORMS)[number];
export const EMPLOYMENT_FORM_ZH: Record<EmploymentForm, string> = {
  enterprise: '企业务工',
  assistanceWorkshop: '帮扶车间',
  publicWelfarePost: '公益性岗位',
  workForRelief: '以工代赈',
  selfEmployed: '自主创业',
  flexible: '灵活就业',
};

/** Who said so: the worker, an officer, or an employer confirming a hire. */
export const EMPLOYMENT_SOURCES = ['self', 'staff', 'employerHire'] as const;
export type EmploymentSource = (typeof EMPLOYMENT_SOURCES)[number];
export const EMPLOYMENT_SOURCE_ZH: Record<EmploymentSource, string> = {
  self: '本人',
  staff: '经办人员',
  employerHire: '用人单位',
};

/** How a month's source names the officer behind it, by the level of the region they serve. */
export const STAFF_TITLE_ZH: Record<RegionLevel, string> = {
  province: '自治区经办人员',
  city: '盟市经办人员',
  county: '旗县经办人员',
  township: '乡镇经办人员',
  village: '村信息员',
};

/** What the audit trail of a record keeps: who read, listed, revealed, changed or tried to bind it. */
export const AUDIT_ACTIONS = [
  'read',
  'list',
  'reveal',
  'unbind',
  'create',
  /** A change of the record by staff, naming the fields changed. */
  'update',
  'import',
  'payoutAccount',
  'bindFailed',
  'bindUnlocked',
  /** 就业帮扶码: a scan by staff or an employer, one refused (expired, renewed), a share the worker agreed to or withdrew, a renewed code. */
  'scan',
  'scanRefused',
  'share',
  'shareWithdrawn',
  'codeRenewed',
  /** 乡村公益性岗位: taken on to a post. */
  'welfarePostHire',
  'welfarePostLeft',
  /** 在岗领补: a month's days on post recorded; an integrity flag on it cleared with a reason. */
  'welfarePostAttendance',
  'welfarePostFlagCleared',
  /** 以工代赈: put on a project's roster; a month's wage entered; paid. */
  'reliefRoster',
  'reliefWages',
  'reliefWagesPaid',
  /** 亲情服务: a family member began acting for the worker (and so sees their jobs, subsidies and record). */
  'familyActing',
  /** A subsidy paid: the person said whether it reached their card (收到了 / 没收到). */
  'subsidyReceipt',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What each entry of the trail means, as the worker reads it in 个人信息使用记录. */
export const AUDIT_ACTION_ZH: Record<AuditAction, string> = {
  read: '查看了您的完整信息',
  list: '在名单中看到了您',
  reveal: '查看了您的完整身份证号',
  unbind: '解除了您的微信绑定',
  create: '为您建立了台账记录',
  update: '修改了您的台账记录',
  import: '导入了您的台账记录',
  payoutAccount: '登记了您的收款账户',
  bindFailed: '有人绑定您的记录没有成功',
  bindUnlocked: '解除了绑定锁定',
  scan: '扫了您的帮扶码',
  scanRefused: '扫了您已失效的帮扶码（没有看到信息）',
  share: '经您同意看到了您的信息',
  shareWithdrawn: '您收回了授权',
  codeRenewed: '您换了新的帮扶码，旧码全部失效',
  welfarePostHire: '聘用您到公益性岗位',
  welfarePostLeft: '登记您离开公益性岗位（退岗）',
  welfarePostAttendance: '记录了您在公益性岗位上的出勤天数',
  welfarePostFlagCleared: '核实了您公益性岗位考勤的一条诚信提示',
  reliefRoster: '把您登记到以工代赈项目的用工名册',
  reliefWages: '填写了您在以工代赈项目的务工天数和劳务报酬',
  reliefWagesPaid: '登记了给您发放以工代赈劳务报酬',
  familyActing: '开始帮您办事，看到了您的工作、补贴和登记的信息',
  subsidyReceipt: '说了发放的补贴收到没有',
};

/** Why staff open a full record; asked every time, kept in the audit trail. */
export const READ_PURPOSES = ['service', 'monthlyUpdate', 'claimReview', 'verification'] as const;
export type ReadPurpose = (typeof READ_PURPOSES)[number];
export const READ_PURPOSE_ZH: Record<ReadPurpose, string> = {
  service: '就业服务',
  monthlyUpdate: '月度信息更新',
  claimReview: '补贴审核',
  verification: '信息核实',
};
