/**
 * 乡村公益性岗位 (file 000 §(四), file 003 §(八)): "按需设岗、以岗聘用、在岗领补、有序退岗". A
 * township or county sets a post up in a village (设岗) with its duties, hours and places for a
 * term; people are taken on to it (以岗聘用) each under an agreement of at most a year (每次签订期限
 * 不超过1年), renewable. The monthly subsidy follows the region's standard for full- or part-time
 * posts (the subsidy rule's parameters), read on the day, not copied onto the post.
 */
import * as z from 'zod';
import { nameSchema } from '../names.js';
import { regionCodeLength, regionCodeSchema } from '../regions/regionCode.js';
import { addDays, previousMonth } from '../registry/employment.js';
import { workerIdSchema } from '../registry/worker.js';
import { addMonths } from '../subsidies/rules/publicWelfarePost.js';

export const POST_CATEGORIES = [
  'sanitation', // 村庄保洁
  'forestAndGrassland', // 护林护草
  'roadCare', // 护路
  'waterCare', // 管水护水
  'careService', // 养老助残服务
  'communityService', // 社区（搬迁安置点）服务
  'publicOrder', // 治安协管
  'other', // 其他
] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];
export const POST_CATEGORY_ZH: Record<PostCategory, string> = {
  sanitation: '村庄保洁',
  forestAndGrassland: '护林护草',
  roadCare: '护路',
  waterCare: '管水护水',
  careService: '养老助残服务',
  communityService: '社区服务',
  publicOrder: '治安协管',
  other: '其他',
};

export const FUNDING_SOURCES = [
  'ruralRevitalisationFund', // 衔接推进乡村振兴补助资金
  'employmentFund', // 就业补助资金
  'localBudget', // 地方财政
  'other',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_ZH: Record<FundingSource, string> = {
  ruralRevitalisationFund: '衔接推进乡村振兴补助资金',
  employmentFund: '就业补助资金',
  localBudget: '地方财政',
  other: '其他',
};

const isoDate = z.iso.date('日期格式应为 2026-12-01');

/** What a township or county enters to set a post up (设岗). */
export const welfarePostInputSchema = z
  .strictObject({
    title: nameSchema(2, 40, '岗位名称至少 2 个字'),
    category: z.enum(POST_CATEGORIES),
    /** The village (12 digits) the post serves. */
    villageCode: regionCodeSchema.refine((code) => code.length === 12, '请选到村（嘎查）'),
    duties: z.string().trim().min(4, '请写清岗位职责，至少 4 个字').max(300, '岗位职责最多 300 字'),
    fullTime: z.boolean(),
    hoursPerWeek: z.number().int('请填整数').min(1, '每周至少 1 小时').max(60, '每周最多 60 小时'),
    fundingSource: z.enum(FUNDING_SOURCES),
    places: z.number().int('请填整数').min(1, '至少 1 个名额').max(200, '一个岗位最多 200 个名额'),
    termStartsOn: isoDate,
    termEndsOn: isoDate,
  })
  .refine((post) => post.termEndsOn > post.termStartsOn, { path: ['termEndsOn'], message: '结束日期应晚于开始日期' });
export type WelfarePostInput = z.infer<typeof welfarePostInputSchema>;

/** One person taken on to a post, as the post keeps its people over time (轮流坐庄 is seen in this). */
export const holderTermSchema = z.object({
  workerId: z.string(),
  name: z.string(),
  householdId: z.string(),
  startsOn: z.string(),
});
export type HolderTerm = z.infer<typeof holderTermSchema>;

export const welfarePostSchema = z.object({
  postId: z.string(),
  title: z.string(),
  category: z.enum(POST_CATEGORIES),
  villageCode: z.string(),
  duties: z.string(),
  fullTime: z.boolean(),
  hoursPerWeek: z.number().int(),
  fundingSource: z.enum(FUNDING_SOURCES),
  places: z.number().int(),
  /** People holding it now, under an agreement in force. */
  filled: z.number().int(),
  termStartsOn: z.string(),
  termEndsOn: z.string(),
  /** Everyone taken on to it, oldest first, with their household (轮流坐庄 shows in this). */
  terms: z.array(holderTermSchema).default([]),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  version: z.number().int(),
});
export type WelfarePost = z.infer<typeof welfarePostSchema>;

/** Why someone leaves a post (有序退岗, file 000 §(四)). */
export const LEAVING_REASONS = [
  'termEnded', // 协议到期不再续签
  'resigned', // 本人辞岗
  'dutiesNotDone', // 不履职，解除
  'leftRegistry', // 退出帮扶台账
] as const;
export const LEAVING_REASON_ZH: Record<(typeof LEAVING_REASONS)[number], string> = {
  termEnded: '协议到期不再续签',
  resigned: '本人辞岗',
  dutiesNotDone: '不履行岗位职责，解除协议',
  leftRegistry: '退出帮扶台账',
};

/** What an officer records when someone leaves a post: the last day on it and why. */
export const leavingInputSchema = z.strictObject({
  lastDay: isoDate,
  reason: z.enum(LEAVING_REASONS),
});

/** One person's agreement on a post (劳动合同或劳务协议), at most a year each time. */
export const agreementInputSchema = z
  .strictObject({
    workerId: workerIdSchema,
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .refine((a) => a.endsOn > a.startsOn, { path: ['endsOn'], message: '结束日期应晚于开始日期' });
export type AgreementInput = z.infer<typeof agreementInputSchema>;

export const holderSchema = z.object({
  postId: z.string(),
  workerId: z.string(),
  name: z.string(),
  villageCode: z.string(),
  /** 户编号 when taken on (absent on agreements made before it was kept). */
  householdId: z.string().optional(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(['onPost', 'ended']),
  hiredBy: z.string(),
  hiredAt: z.iso.datetime(),
  /** 有序退岗: the last day on the post, why, and who recorded it. */
  left: z.object({ lastDay: z.string(), reason: z.enum(LEAVING_REASONS), by: z.string(), at: z.iso.datetime() }).optional(),
});
export type Holder = z.infer<typeof holderSchema>;

/**
 * The first day an agreement recorded `today` may start on: the first of last month. Signed back
 * further, its months could be recorded long after and paid for work nobody saw; that late entry
 * (补签) is the county's, whose officers then cannot approve what they recorded (四眼原则).
 */
export function earliestAgreementStart(today: string): string {
  return `${previousMonth(today.slice(0, 7))}-01`;
}

/** Whether an officer of `regionCode` may make a late entry (补签, 补记): the county's, or above. */
export const makesLateEntries = (regionCode: string) => regionCode.length <= regionCodeLength('county');

/**
 * Why an agreement cannot be signed on a post, with the field to correct, or undefined: it must
 * lie within the post's term, last at most `maxMonths` (file 003 §(八): 每次签订期限不超过1年),
 * and start no earlier than last month unless the county signs it late (`lateEntry`).
 */
export function agreementProblem(
  post: Pick<WelfarePost, 'termStartsOn' | 'termEndsOn'>,
  agreement: Pick<AgreementInput, 'startsOn' | 'endsOn'>,
  maxMonths: number,
  signed: { today: string; lateEntry: boolean },
): { field: 'startsOn' | 'endsOn'; message: string } | undefined {
  if (agreement.startsOn < post.termStartsOn) {
    return { field: 'startsOn', message: `岗位从 ${post.termStartsOn} 起设，协议不能早于这一天` };
  }
  const earliest = earliestAgreementStart(signed.today);
  if (!signed.lateEntry && agreement.startsOn < earliest) {
    return { field: 'startsOn', message: `协议最早从 ${earliest} 开始；更早开始的，要由旗县区经办人员补签` };
  }
  if (agreement.endsOn > post.termEndsOn) {
    return { field: 'endsOn', message: `岗位设到 ${post.termEndsOn}，协议不能晚于这一天` };
  }
  if (agreement.endsOn >= addMonths(agreement.startsOn, maxMonths)) {
    return { field: 'endsOn', message: `每次签订最长 ${maxMonths} 个月，到期可以续签` };
  }
  return undefined;
}

/**
 * The agreement an officer is offered when taking someone on: from today (or the post's first
 * day) for the longest the rule allows, within the post's term.
 */
export function defaultAgreement(
  post: Pick<WelfarePost, 'termStartsOn' | 'termEndsOn'>,
  today: string,
  maxMonths: number,
): { startsOn: string; endsOn: string } {
  const startsOn = today > post.termStartsOn ? today : post.termStartsOn;
  const longest = addDays(addMonths(startsOn, maxMonths), -1);
  return { startsOn, endsOn: longest < post.termEndsOn ? longest : post.termEndsOn };
}
