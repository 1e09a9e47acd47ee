/**
 * 预警任务: a warning becomes a task for the officers who must act, with a deadline. They
 * record what they did — a "311" service or another (a policy explained, a 诉求 handled), a
 * public-welfare post offered, a referral, a home visit — and close it; one left open past its
 * deadline goes up a level. One task per cause, month and subject, however often it is found.
 */
import * as z from 'zod';
import { SERVICE_KINDS } from '../matching/coverage.js';
import { REGION_LEVELS } from '../regions/regionCode.js';
import { DIFFICULTY_KINDS } from './difficulty.js';
import { WARNING_CAUSES } from './warnings.js';

export const TASK_ACTION_KINDS = [...SERVICE_KINDS, 'publicWelfarePost', 'referral', 'homeVisit'] as const;
export type TaskActionKind = (typeof TASK_ACTION_KINDS)[number];

export const TASK_ACTION_ZH: Record<TaskActionKind, string> = {
  jobRecommendation: '推荐了岗位',
  careerGuidance: '职业指导',
  trainingOffer: '介绍了培训',
  policyExplained: '讲解了政策',
  requestHandled: '办理了诉求',
  publicWelfarePost: '安排公益性岗位',
  referral: '转给相关部门',
  homeVisit: '上门走访',
};

export const taskActionInputSchema = z.strictObject({
  kind: z.enum(TASK_ACTION_KINDS),
  note: z.string().trim().min(2, '请写一句做了什么（至少 2 个字）').max(200),
});

export const taskSchema = z.object({
  taskId: z.string(),
  cause: z.enum(WARNING_CAUSES),
  month: z.string(),
  subject: z.string(),
  /** The village (or township) it is about. */
  regionCode: z.string(),
  /** The level whose officers must act now (it rises when the deadline passes). */
  level: z.enum(REGION_LEVELS),
  text: z.string(),
  figures: z.array(z.object({ label: z.string(), value: z.union([z.number(), z.string()]) })),
  /** The people it is about (a worker, a household's members). */
  workerIds: z.array(z.string()).optional(),
  /** For 我有困难: the worker who told it, and what kind of difficulty (they follow it on their phone). */
  reportedBy: z.string().optional(),
  reportKind: z.enum(DIFFICULTY_KINDS).optional(),
  status: z.enum(['open', 'closed']),
  createdAt: z.iso.datetime(),
  /** The last day to act, China's date. */
  deadline: z.iso.date(),
  escalations: z.number().int(),
  actions: z.array(taskActionInputSchema.extend({ by: z.string(), byOffice: z.string(), at: z.iso.datetime() })),
  closedAt: z.iso.datetime().optional(),
  closedBy: z.string().optional(),
  version: z.number().int(),
});
export type Task = z.infer<typeof taskSchema>;

export const TASK_STATUSES = ['open', 'closed'] as const;
