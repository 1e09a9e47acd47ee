/**
 * 在岗领补: the supervisor records a post's month, the holder confirms their line in the app (and
 * it becomes their claim) or says it is wrong; township staff read the month with its integrity
 * flags and clear a flag with what they found.
 */
import {
  addDays,
  attendanceDisputeWarning,
  attendanceProblem,
  makesLateEntries,
  beneficiaryKey,
  chinaDate,
  chinaMonth,
  claimSchema,
  daysInMonth,
  levelOfRegion,
  monthsBefore,
  welfarePostContracts,
  type AttendanceLine,
  type Claim,
  type Holder,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { batchGet } from '../db/batchGet.js';
import { pageInKeyOrder } from '../db/paging.js';
import { keys } from '../db/tableSchema.js';
import { Conflict, Forbidden, Invalid, notFound } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { warningParameters } from '../monitoring/warningParameters.js';
import { boundWorker } from '../registry/access.js';
import { claimConfirmedMonth } from './attendanceClaims.js';
import { flaggedMonth } from './flagService.js';
import { welfarePostNotFound } from './postRepository.js';

/** The agreement as it covers months: to the last day when the person left. */
const agreementOf = (holder: Holder) => ({ startsOn: holder.startsOn, endsOn: holder.left?.lastDay ?? holder.endsOn });

/** On the post some day of the month. */
const coversMonth = (holder: Holder, month: string) => {
  const { startsOn, endsOn } = agreementOf(holder);
  return startsOn <= `${month}-${String(daysInMonth(month)).padStart(2, '0')}` && endsOn >= `${month}-01`;
};

/** A line for staff: who recorded and answered when; the phones stay in the table, where the flags read them. */
const forStaff = ({ recorded, confirmation, dispute, ...line }: AttendanceLine) => ({
  ...line,
  recorded: { by: recorded.by, at: recorded.at },
  ...(confirmation ? { confirmation: { at: confirmation.at } } : {}),
  ...(dispute ? { dispute: { at: dispute.at, note: dispute.note } } : {}),
});

/** A line for its holder. */
const forHolder = (line: AttendanceLine) => ({
  postTitle: line.postTitle,
  month: line.month,
  daysWorked: line.daysWorked,
  daysRequired: line.daysRequired,
  status: line.status,
  recordedAt: line.recorded.at,
  ...((line.confirmation ?? line.dispute) ? { answeredAt: (line.confirmation ?? line.dispute)!.at } : {}),
  ...(line.dispute ? { disputeNote: line.dispute.note } : {}),
  version: line.version,
});

const ownClaim = (claim: Pick<Claim, 'claimId' | 'amountFen' | 'status'>) => ({
  claimId: claim.claimId,
  amountFen: claim.amountFen,
  status: claim.status,
});

export function attendanceRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(welfarePostContracts.postAttendance, async ({ object: post, params }) => {
      const [holders, lines] = await Promise.all([
        ctx.welfarePosts.holders(post.postId),
        ctx.attendance.ofPost(post.villageCode, post.postId, params.month),
      ]);
      return { holders: holders.filter((h) => coversMonth(h, params.month)), lines: lines.map(forStaff) };
    }),

    implement(welfarePostContracts.recordAttendance, async ({ principal, object: post, params, body }) => {
      const now = new Date();
      if (params.month > chinaMonth(now))
        throw new Invalid('这个月还没到，不能记考勤', 'The month has not begun.', 'params.month');
      if (body.daysRequired > daysInMonth(params.month)) {
        throw new Invalid(
          `${params.month} 只有 ${daysInMonth(params.month)} 天`,
          'More days than the month has.',
          'body.daysRequired',
        );
      }
      const [holders, existing] = await Promise.all([
        ctx.welfarePosts.holders(post.postId),
        ctx.attendance.ofPost(post.villageCode, post.postId, params.month),
      ]);
      const holderOf = new Map(holders.map((h) => [h.workerId, h]));
      const read = new Map(existing.map((line) => [line.workerId, line]));
      // Holders taken on before households were kept on the agreement: their 户编号 from the registry, in one read.
      const missing = body.lines.filter((l) => holderOf.get(l.workerId) && !holderOf.get(l.workerId)!.householdId);
      const households = new Map(
        (await ctx.workers.getItems(missing.map((l) => l.workerId))).map((w) => [w.workerId, w.householdId]),
      );
      const next = body.lines.map((input, i): AttendanceLine => {
        const holder = holderOf.get(input.workerId);
        if (!holder || !coversMonth(holder, params.month)) {
          throw new Invalid('这个人这个月不在这个岗位上', 'Not on this post that month.', `body.lines.${i}.workerId`);
        }
        const problem = attendanceProblem(
          params.month,
          chinaMonth(now),
          body.daysRequired,
          input.daysWorked,
          agreementOf(holder),
          makesLateEntries(principal.regionCode!),
        );
        if (problem) throw new Invalid(problem, 'The days do not fit the month.', `body.lines.${i}.daysWorked`);
        const before = read.get(input.workerId);
        if (before?.status === 'confirmed') {
          throw new Conflict(
            `${holder.name} 已经确认了 ${params.month} 的考勤，不能再改`,
            'The holder confirmed the month already.',
            `body.lines.${i}.workerId`,
          );
        }
        return {
          postId: post.postId,
          postTitle: post.title,
          category: post.category,
          fullTime: post.fullTime,
          hoursPerWeek: post.hoursPerWeek,
          workerId: holder.workerId,
          name: holder.name,
          villageCode: post.villageCode,
          holderVillageCode: holder.villageCode,
          householdId: holder.householdId ?? households.get(holder.workerId) ?? holder.workerId,
          month: params.month,
          daysWorked: input.daysWorked,
          daysRequired: body.daysRequired,
          agreement: agreementOf(holder),
          recorded: {
            by: principal.userId,
            at: now.toISOString(),
            device: body.device,
            level: levelOfRegion(principal.regionCode!),
          },
          status: 'recorded',
          version: (before?.version ?? 0) + 1,
        };
      });
      await ctx.attendance.record(next, read);
      await ctx.audit.record(
        principal,
        next.map((l) => l.workerId),
        'welfarePostAttendance',
        `记录公益性岗位「${post.title}」${params.month} 的出勤`,
      );
      return { lines: next.map(forStaff) };
    }),

    implement(welfarePostContracts.month, async ({ params, query }) => {
      const { lines, flags } = await flaggedMonth(ctx, query.regionCode.slice(0, 9), params.month);
      const mine = lines.filter((line) => line.villageCode.startsWith(query.regionCode));
      // Lines with a flag still to look into first: what the officer came for.
      const open = new Set(flags.filter((f) => !f.cleared).map((f) => `${f.postId}#${f.workerId}`));
      const page = pageInKeyOrder(
        mine,
        (l) => `${open.has(`${l.postId}#${l.workerId}`) ? 0 : 1}#${l.villageCode}#${l.postId}#${l.workerId}`,
        query,
      );
      const shown = new Set(page.items.map((l) => `${l.postId}#${l.workerId}`));
      return {
        lines: page.items.map(forStaff),
        flags: flags.filter((f) => shown.has(`${f.postId}#${f.workerId}`)),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    }),

    implement(welfarePostContracts.clearFlag, async ({ principal, object: post, params, body }) => {
      // Those who approve look into a flag; a village's supervisor, whose records it questions, does not.
      if (!principal.regionCode || principal.regionCode.length > 9) {
        throw new Forbidden('诚信提示由乡镇或旗县核实', 'Flags are cleared by a township or county.');
      }
      if (!body.flagId.includes(`.${params.postId}.`)) {
        throw new Invalid('这条提示不是这个岗位的', 'The flag is not about this post.', 'body.flagId');
      }
      const township = post.villageCode.slice(0, 9);
      const { lines, flags } = await flaggedMonth(ctx, township, body.month);
      const flag = flags.find((f) => f.flagId === body.flagId);
      if (!flag) throw notFound('这条提示已经不在了，请刷新后再看', 'No such flag this month.');
      if (flag.cleared) throw new Conflict('这条提示已经有人核实过了', 'The flag was cleared already.', 'body.flagId');
      const line = lines.find((l) => l.postId === flag.postId && l.workerId === flag.workerId);
      if (line?.recorded.by === principal.userId) {
        throw new Forbidden('这个月的考勤是您记录的，请由其他人核实', 'You recorded this line; someone else must clear it.');
      }
      const cleared = { by: principal.userId, at: new Date().toISOString(), reason: body.reason };
      await ctx.attendance.clear(flag, township, body.month, cleared);
      await ctx.audit.record(
        principal,
        [flag.workerId],
        'welfarePostFlagCleared',
        `核实「${post.title}」${body.month}：${body.reason}`,
      );
      return { flag: { ...flag, cleared } };
    }),

    implement(welfarePostContracts.mine, async ({ principal }) => {
      const worker = await boundWorker(ctx, principal);
      const postId = worker.welfarePostId ?? worker.lastWelfarePostId;
      if (!postId) return { lines: [] };
      const [post, holder] = await Promise.all([ctx.welfarePosts.get(postId), ctx.welfarePosts.holder(postId, worker.workerId)]);
      if (!post || !holder) return { lines: [] };
      const month = chinaMonth(new Date());
      const months = [month, ...monthsBefore(month, 2)];
      const lines = await ctx.attendance.ofHolder(post.villageCode, postId, worker.workerId, months);
      const confirmed = lines.filter((l) => l.status === 'confirmed');
      const claims = new Map(
        (
          await batchGet(
            ctx.table,
            confirmed.map((l) =>
              keys.claim(beneficiaryKey({ kind: 'worker', workerId: worker.workerId }), 'public_welfare_post', l.month),
            ),
          )
        ).map((item) => {
          const claim = claimSchema.parse(item);
          return [claim.periodKey, ownClaim(claim)];
        }),
      );
      return {
        post: {
          postId,
          title: post.title,
          duties: post.duties,
          fullTime: post.fullTime,
          ...agreementOf(holder),
          onPost: holder.status === 'onPost',
        },
        lines: lines.map((line) => {
          const claim = claims.get(line.month);
          return { ...forHolder(line), ...(claim ? { claim } : {}) };
        }),
      };
    }),

    implement(welfarePostContracts.answer, async ({ principal, params, body }) => {
      const worker = await boundWorker(ctx, principal);
      const postId = worker.welfarePostId ?? worker.lastWelfarePostId;
      const post = postId ? await ctx.welfarePosts.get(postId) : undefined;
      if (!post) throw welfarePostNotFound();
      let line = await ctx.attendance.get({
        villageCode: post.villageCode,
        month: params.month,
        postId: post.postId,
        workerId: worker.workerId,
      });
      if (!line) throw notFound(`${params.month} 的考勤还没有记录`, 'No attendance recorded for that month.');
      // A retried confirmation (a second tap, a lost answer) finds its own and makes the claim if it is missing.
      const again = line.status === 'confirmed' && line.confirmation?.by === principal.userId && body.answer === 'confirm';
      if (!again) {
        const answered = { by: principal.userId, at: new Date().toISOString(), device: body.device };
        const read = line;
        line = await ctx.attendance
          .answer(
            read,
            body.version,
            body.answer === 'confirm'
              ? { status: 'confirmed', confirmation: answered }
              : { status: 'disputed', dispute: { ...answered, note: body.note ?? '' } },
          )
          .catch(async (error: unknown) => {
            // Two taps at once: the one that lost finds the other's confirmation and goes on with it.
            const now = await ctx.attendance.get(read);
            if (body.answer === 'confirm' && now?.status === 'confirmed' && now.confirmation?.by === principal.userId) return now;
            throw error;
          });
      }
      if (line.status === 'disputed' && line.dispute) {
        // The village that records the month hears of it as a task, due in the region's days.
        const today = chinaDate(new Date());
        const { taskDays } = (await warningParameters(ctx))(line.villageCode, today);
        await ctx.tasks.open(attendanceDisputeWarning({ ...line, dispute: line.dispute }), addDays(today, taskDays));
      }
      if (line.status !== 'confirmed') return { line: forHolder(line) };
      const made = await claimConfirmedMonth(ctx, worker, line, principal.userId);
      return 'claim' in made ? { line: forHolder(line), claim: ownClaim(made.claim) } : { line: forHolder(line), ...made };
    }),
  ];
}
