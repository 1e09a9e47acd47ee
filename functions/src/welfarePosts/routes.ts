/**
 * 乡村公益性岗位: 设岗 by township or county staff in a village of their region; the region's posts
 * and one post with its people; who is offered it first; taking a person on (以岗聘用).
 */
import {
  agreementProblem,
  makesLateEntries,
  chinaDate,
  chinaMonth,
  isWithinRegion,
  LEAVING_REASON_ZH,
  rankPostCandidates,
  parameterValueOn,
  welfarePostContracts,
  type WelfarePost,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { createSubsidyService } from '../subsidies/service.js';
import { Forbidden, Invalid } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { workerNotFound, type WorkerItem } from '../registry/workerRepository.js';
import { notOnPost } from './postRepository.js';

/** How many of a township's people one candidates read looks at (a page of the registry). */
const CANDIDATE_READ = 500;

export function welfarePostRoutes(ctx: AppContext): AnyRoute[] {
  /**
   * A view of posts with their monthly standard today (full- or part-time, the subsidy rule's
   * parameters) and the longest agreement: the parameters read once for the whole request, so a
   * page of posts on a cold cache is one read, not two a post.
   */
  const viewer = async () => {
    const { definitions, table } = await createSubsidyService(ctx).currentParameters();
    const today = chinaDate(new Date());
    const parameter = (key: string, villageCode: string) => parameterValueOn(definitions, table, key, villageCode, today);
    return (post: WelfarePost) => {
      const standard = parameter(
        post.fullTime ? 'publicWelfarePostFullTimeMonthlyFen' : 'publicWelfarePostPartTimeMonthlyFen',
        post.villageCode,
      );
      return {
        ...post,
        ...(standard !== undefined ? { monthlyStandardFen: standard } : {}),
        // The documents' year where the region has stopped the parameter (file 003 §(八)).
        maxAgreementMonths: parameter('publicWelfarePostMaxContractMonths', post.villageCode) ?? 12,
      };
    };
  };
  const view = async (post: WelfarePost) => (await viewer())(post);

  return [
    implement(welfarePostContracts.create, async ({ principal, body }) => {
      // 设岗 is a township's or county department's decision, not a village officer's.
      if (!principal.regionCode || principal.regionCode.length > 9) {
        throw new Forbidden('公益性岗位由乡镇或旗县设立，村里请联系乡镇', 'Posts are set up by a township or county.');
      }
      return { post: await view(await ctx.welfarePosts.create(body, principal.userId)) };
    }),

    implement(welfarePostContracts.list, async ({ query }) => {
      const [page, show] = await Promise.all([ctx.welfarePosts.inRegion(query.regionCode, query), viewer()]);
      return { posts: page.posts.map(show), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    }),

    implement(welfarePostContracts.get, async ({ object: post }) => ({
      post: await view(post),
      holders: await ctx.welfarePosts.holders(post.postId),
    })),

    implement(welfarePostContracts.candidates, async ({ object: post, query }) => {
      // The township's people not at work last recorded and on no post: one page of the registry.
      const page = await ctx.workers.page({ regionCode: post.villageCode.slice(0, 9), employed: false, limit: CANDIDATE_READ });
      const free = (page.items as unknown as WorkerItem[]).filter((w) => !w.welfarePostId && w.labourClass !== 'none');
      const ranked = rankPostCandidates(post.villageCode, free).slice(0, query.limit);
      return {
        candidates: ranked.map(({ candidate: w, tier, reasons }) => ({
          workerId: w.workerId,
          name: w.name,
          villageCode: w.villageCode,
          labourClass: w.labourClass,
          groups: w.groups,
          tier,
          reasons,
        })),
        partial: page.nextCursor !== undefined,
      };
    }),

    implement(welfarePostContracts.hire, async ({ principal, object: post, body }) => {
      const worker = await ctx.workers.getItem(body.workerId, true);
      // Someone outside the officer's region is not theirs to take on: as absent as one not on the registry.
      if (!worker || !principal.regionCode || !isWithinRegion(worker.villageCode, principal.regionCode)) throw workerNotFound();
      const viewed = await view(post);
      const today = chinaDate(new Date());
      const problem = agreementProblem(post, body, viewed.maxAgreementMonths, {
        today,
        lateEntry: makesLateEntries(principal.regionCode),
      });
      if (problem) throw new Invalid(problem.message, 'The agreement does not fit the post.', `body.${problem.field}`);
      // In force today: this month is work on the post, at the post's standard.
      const month =
        body.startsOn <= today && today <= body.endsOn
          ? {
              month: chinaMonth(new Date()),
              input: {
                status: 'employed' as const,
                place: 'withinCounty' as const,
                form: 'publicWelfarePost' as const,
                employerName: post.title,
                monthlyIncomeFen: viewed.monthlyStandardFen ?? 0,
              },
            }
          : undefined;
      const holder = await ctx.welfarePosts.hire(post, worker, body, principal.userId, month);
      await ctx.audit.record(principal, [worker.workerId], 'welfarePostHire', `聘用到公益性岗位：${post.title}`);
      return { post: { ...viewed, filled: viewed.filled + 1, version: viewed.version + 1 }, holder };
    }),

    implement(welfarePostContracts.leave, async ({ principal, object: post, params, body }) => {
      const holder = await ctx.welfarePosts.holder(post.postId, params.workerId);
      if (holder?.status !== 'onPost') throw notOnPost();
      if (body.lastDay < holder.startsOn || body.lastDay > holder.endsOn) {
        throw new Invalid(
          `最后一天应在协议期内（${holder.startsOn} 到 ${holder.endsOn}）`,
          'The last day must fall within the agreement.',
          'body.lastDay',
        );
      }
      const left = await ctx.welfarePosts.leave(holder, { ...body, by: principal.userId, at: new Date().toISOString() });
      await ctx.audit.record(
        principal,
        [holder.workerId],
        'welfarePostLeft',
        `退岗：${post.title}，${LEAVING_REASON_ZH[body.reason]}`,
      );
      return { holder: left };
    }),
  ];
}
