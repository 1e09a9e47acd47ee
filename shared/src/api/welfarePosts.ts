/**
 * 乡村公益性岗位 for staff: set a post up in a village of their region (设岗), list and open the
 * region's posts, see who is offered it first (以岗聘用) and take a person on under an agreement.
 */
import * as z from 'zod';
import { regionCodeSchema } from '../regions/regionCode.js';
import { LABOUR_CLASSES, WORKER_GROUPS } from '../registry/labels.js';
import {
  agreementInputSchema,
  holderSchema,
  leavingInputSchema,
  welfarePostInputSchema,
  welfarePostSchema,
} from '../welfarePosts/post.js';
import { defineContract } from './contract.js';
import { objectIn, pageQuerySchema, regionIn, STAFF } from './common.js';

const postIdParams = z.object({ postId: z.string().regex(/^wp_[0-9a-f-]{36}$/, '不是公益性岗位编号') });

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
    params: postIdParams.extend({ workerId: z.string().regex(/^w_[0-9a-f-]{36}$/, '不是台账记录编号') }),
    body: leavingInputSchema,
    response: z.object({ holder: holderSchema }),
  }),
};
