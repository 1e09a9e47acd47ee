/**
 * The subsidies the documents name (DOMAIN.md), with stable ids. Ids are ours and
 * never reused: claims and audits refer to them for years.
 */
export const SUBSIDY_IDS = [
  'transport_once', // 一次性交通补助
  'job_seeking_once', // 一次性求职创业补贴
  'training', // 职业培训补贴（劳务品牌、紧缺工种 +20%）
  'training_living', // 培训期间生活费补贴
  'skill_certificate', // 职业技能鉴定补贴
  'agency_transfer_service', // 就业创业服务补助 300 / 500 / 800 元
  'work_based_training', // 以工代训补贴（≤ 6 个月，至 2021-12-31）
  'social_insurance', // 社会保险补贴
  'public_welfare_post', // 公益性岗位补贴（按月，在岗领补）
  'startup_once', // 一次性创业补贴
  'startup_loan_interest', // 创业担保贷款贴息
  'workshop_reward', // 帮扶车间奖补
  'base_reward', // 就业帮扶基地一次性奖补
  'yulu_education', // 雨露计划
  'temporary_relief', // 一次性临时救助金
] as const;
export type SubsidyId = (typeof SUBSIDY_IDS)[number];

export const SUBSIDY_NAME_ZH: Record<SubsidyId, string> = {
  transport_once: '一次性交通补助',
  job_seeking_once: '一次性求职创业补贴',
  training: '职业培训补贴',
  training_living: '培训期间生活费补贴',
  skill_certificate: '职业技能鉴定补贴',
  agency_transfer_service: '就业创业服务补助',
  work_based_training: '以工代训补贴',
  social_insurance: '社会保险补贴',
  public_welfare_post: '公益性岗位补贴',
  startup_once: '一次性创业补贴',
  startup_loan_interest: '创业担保贷款贴息',
  workshop_reward: '帮扶车间奖补',
  base_reward: '就业帮扶基地一次性奖补',
  yulu_education: '雨露计划助学补助',
  temporary_relief: '一次性临时救助金',
};

/** Who receives it: a worker, the employer or workshop, or the agency that organised a transfer. */
export type Beneficiary = 'worker' | 'employer' | 'agency';
