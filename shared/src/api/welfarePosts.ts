/**
 * 乡村公益性岗位 for staff: set a post up in a village of their region (设岗), list and open the
 * region's posts, see who is offered it first (以岗聘用) and take a person on under an agreement.
 */
import * as z from 'zod';
import { regionCodeSchema } from '../regions/regionCode.js';
import { LABOUR_CLASSES, WORKER_GROUPS } from '../registry/labels.js';
import {
  ATTENDANCE_STATUSES,
  attendanceAnswerSchema,
  attendanceInputSchema,
  attendanceLineSchema,
} from '../welfarePosts/attendance.js';
import { clearFlagInputSchema, flagIdSchema, flagSchema } from '../welfarePosts/flags.js';
import {
  agreementInputSchema,
  holderSchema,
  leavingInputSchema,
  welfarePostInputSchema,
  welfarePostSchema,
} from '../welfarePosts/post.js';
import { CLAIM_STATUSES } from '../subsidies/claim.js';
import { defineContract } from './contract.js';
import { objectIn, pageQuerySchema, regionIn, STAFF, workerIdParams } from './common.js';
import { acceptedMonthSchema as monthField } from '../registry/employment.js';

const postIdParams = z.object({ postId: z.string().regex(/^wp_[0-9a-f-]{36}$/, '不是公益性岗位编号') });
const postMonthParams = postIdParams.extend({ month: monthField });

/** A line as staff see it: who recorded and answered when, without the phones' ids (the flags say what they show). */
const staffLineSchema = attendanceLineSchema.omit({ recorded: true, confirmation: true, dispute: true }).extend({
  recorded: z.object({ by: z.string(), at: z.string() }),
  confirmation: z.object({ at: z.string() }).optional(),
  dispute: z.object({ at: z.string(), note: z.string() }).optional(),
});

/** A holder's own line: their days and whether they answered; nothing of who else is on the post. */
const ownLineSchema = z.object({
  postTitle: z.string(),
  month: z.string(),
  daysWorked: z.number().int(),
  daysRequired: z.number().int(),
  status: z.enum(ATTENDANCE_STATUSES),
  recordedAt: z.string(),
  answeredAt: z.string().optional(),
  disputeNote: z.string().optional(),
  version: z.number().int(),
});

/** The claim a confirmed month became, as the holder follows it. */
const ownClaimSchema = z.object({ claimId: z.string(), amountFen: z.number().int(), status: z.enum(CLAIM_STATUSES) });

/** A post as staff see it: with the region's monthly standard for it today and how long one agreement may last. */
const postViewSchema = welfarePostSchema.extend({
  monthlyStandardFen: z.number().int().optional(),
  maxAgreementMonths: z.number().int(),
});

export const welfarePostContracts = {
  create: defineContract({
    method: 'post',
    path: '/api/v1/welfare-posts',
    summary: 'Township or county staff: set up a 乡村公益性岗位 in a village of their region (设岗)',
    tag: 'welfarePosts',
    access: STAFF,
    scope: regionIn('body', 'villageCode'),
    body: welfarePostInputSchema,
    response: z.object({ post: postViewSchema }),
    status: 201,
  }),

  list: defineContract({
    method: 'get',
    path: '/api/v1/welfare-posts',
    summary: 'Staff: the public-welfare posts of a region, a page at a time, by village',
    tag: 'welfarePosts',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    query: pageQuerySchema.extend({ regionCode: regionCodeSchema }),
    response: z.object({ posts: z.array(postViewSchema), nextCursor: z.string().optional() }),
  }),

  get: defineContract({
    method: 'get',
    path: '/api/v1/welfare-posts/:postId',
    summary: 'Staff of its region: one post, with the people on it',
    tag: 'welfarePosts',
    access: STAFF,
    scope: objectIn('welfarePost', 'postId'),
    params: postIdParams,
    response: z.object({ post: postViewSchema, holders: z.array(holderSchema) }),
  }),

  candidates: defineContract({
    method: 'get',
    path: '/api/v1/welfare-posts/:postId/candidates',
    summary:
      'Staff of its region: who is offered the post first — 脱贫人口 and 监测对象 with weak or half labour, then other 脱贫 and 监测, the post’s village first — among the township’s people not at work and on no post',
    tag: 'welfarePosts',
    access: STAFF,
    scope: objectIn('welfarePost', 'postId'),
    params: postIdParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) }),
    response: z.object({
      candidates: z.array(
        z.object({
          workerId: z.string(),
          name: z.string(),
          villageCode: z.string(),
          labourClass: z.enum(LABOUR_CLASSES),
          groups: z.array(z.enum(WORKER_GROUPS)),
          tier: z.number().int(),
          reasons: z.array(z.string()),
        }),
      ),
      /** Whether more of the township's people were left unread (a township larger than one read). */
      partial: z.boolean(),
    }),
  }),

  hire: defineContract({
    method: 'post',
    path: '/api/v1/welfare-posts/:postId/holders',
    summary:
      'Staff of its region: take a person of the region on to the post under an agreement of at most a year (以岗聘用); the last place goes to one of two at once; the month is recorded as a public-welfare post',
    tag: 'welfarePosts',
    access: STAFF,
    scope: objectIn('welfarePost', 'postId'),
    params: postIdParams,
    body: agreementInputSchema,
    response: z.object({ post: postViewSchema, holder: holderSchema }),
    status: 201,
  }),

  leave: defineContract({
    method: 'post',
    path: '/api/v1/welfare-posts/:postId/holders/:workerId/leave',
    summary:
      'Staff of its region: 有序退岗 — a person leaves the post (term ended, resigned, duties not done, left the registry) with their last day; the place is free again and they may be taken on anew',
    tag: 'welfarePosts',
    access: STAFF,
    scope: objectIn('welfarePost', 'postId'),
    params: postIdParams.extend(workerIdParams.shape),
    body: leavingInputSchema,
    response: z.object({ holder: holderSchema }),
  }),

  postAttendance: defineContract({
    method: 'get',
    path: '/api/v1/welfare-posts/:postId/attendance/:month',
    summary: 'Staff of its region: a post’s month of 在岗领补 — who was on it that month and each one’s line so far',
    tag: 'welfarePosts',
    access: STAFF,
    scope: objectIn('welfarePost', 'postId'),
    params: postMonthParams,
    response: z.object({ holders: z.array(holderSchema), lines: z.array(staffLineSchema) }),
  }),

  recordAttendance: defineContract({
    method: 'put',
    path: '/api/v1/welfare-posts/:postId/attendance/:month',
    summary:
      'Staff of its region (the post’s supervisor): record a month’s days on post for its holders, all lines or none; a line its holder confirmed stays as it is',
    tag: 'welfarePosts',
    access: STAFF,
    scope: objectIn('welfarePost', 'postId'),
    params: postMonthParams,
    body: attendanceInputSchema,
    response: z.object({ lines: z.array(staffLineSchema) }),
  }),

  month: defineContract({
    method: 'get',
    path: '/api/v1/welfare-posts/months/:month',
    summary:
      'Staff: a township’s (or village’s) month of public-welfare posts — each holder’s line and the integrity flags (一户多岗, 轮流上岗, 冒名确认, 同月另有录用, 拖欠) to look at before approving',
    tag: 'welfarePosts',
    access: STAFF,
    scope: regionIn('query', 'regionCode'),
    params: z.object({ month: monthField }),
    query: pageQuerySchema.extend({
      regionCode: regionCodeSchema.refine((code) => code.length >= 9, '请选到乡镇或村'),
    }),
    response: z.object({ lines: z.array(staffLineSchema), flags: z.array(flagSchema), nextCursor: z.string().optional() }),
  }),

  clearFlag: defineContract({
    method: 'post',
    path: '/api/v1/welfare-posts/:postId/flags',
    summary:
      'Township or county staff of its region: clear an integrity flag of the post’s month with what they found; kept with the month and audited',
    tag: 'welfarePosts',
    access: STAFF,
    scope: objectIn('welfarePost', 'postId'),
    params: postIdParams,
    body: clearFlagInputSchema.extend({ flagId: flagIdSchema, month: monthField }),
    response: z.object({ flag: flagSchema }),
  }),

  mine: defineContract({
    method: 'get',
    path: '/api/v1/me/welfare-post',
    summary: 'Worker (bound): their public-welfare post, and their lines of the last three months to confirm',
    tag: 'welfarePosts',
    access: ['worker'],
    scope: { kind: 'self' },
    response: z.object({
      post: z
        .object({
          postId: z.string(),
          title: z.string(),
          duties: z.string(),
          fullTime: z.boolean(),
          startsOn: z.string(),
          endsOn: z.string(),
          onPost: z.boolean(),
        })
        .optional(),
      lines: z.array(ownLineSchema.extend({ claim: ownClaimSchema.optional() })),
    }),
  }),

  answer: defineContract({
    method: 'post',
    path: '/api/v1/me/welfare-post/attendance/:month',
    summary:
      'Worker (bound): confirm their month on post (签字确认) — it becomes their subsidy claim — or say it is wrong, for the village to record again; two answers at once: one lands',
    tag: 'welfarePosts',
    access: ['worker'],
    scope: { kind: 'self' },
    params: z.object({ month: monthField }),
    body: attendanceAnswerSchema,
    response: z.object({
      line: ownLineSchema,
      claim: ownClaimSchema.optional(),
      /** Why no claim was made (the region has no standard yet; outside the agreement). */
      notClaimed: z.string().optional(),
    }),
  }),
};
