/**
 * 亲情服务's routes. Each is about the caller's own account: a link is found by its id and then
 * must name the caller on the side the route is for — only the one helped agrees, only the
 * family member acts — so nobody reaches another's links, and (route.ts) nobody acting for
 * someone reaches these routes at all.
 */
import {
  ADULT_AGE,
  ageOn,
  chinaDate,
  familyContracts,
  MAX_HELPERS,
  MAX_HELPING,
  type FamilyLink,
  type Principal,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict, Forbidden } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { boundWorker } from '../registry/access.js';
import { invitationNotValid, isLive, linkNotFound, type LinkRecord } from './linkRepository.js';

/** The link as one side sees it: the family member learns whom they help only once that person agreed. */
function linkView(link: LinkRecord, side: 'worker' | 'helper'): FamilyLink {
  const { workerUserId: _w, helperUserId: _h, actVersion: _v, endedAt: _e, endedBy: _b, workerName, ...view } = link;
  return side === 'worker' || link.status === 'active' ? { ...view, workerName } : view;
}

export function familyRoutes(ctx: AppContext): AnyRoute[] {
  const { familyLinks: links, familyActs: acts } = ctx;

  /** The link, when the caller is on the side a route is for; the other side is told why not, anyone else sees nothing. */
  async function linkOf(principal: Principal, linkId: string, side: 'worker' | 'helper'): Promise<LinkRecord> {
    const link = await links.get(linkId);
    const mine = side === 'worker' ? link?.workerUserId : link?.helperUserId;
    const theirs = side === 'worker' ? link?.helperUserId : link?.workerUserId;
    if (!link || (mine !== principal.userId && theirs !== principal.userId)) throw linkNotFound();
    if (mine !== principal.userId) {
      throw side === 'worker'
        ? new Forbidden('只有被帮的人自己才能同意，要在TA自己的手机上点“同意”', 'Only the one helped may agree.', 'params.linkId')
        : new Forbidden('您不能帮自己办事', 'Only the family member may act through this link.', 'params.linkId');
    }
    return link;
  }

  return [
    implement(familyContracts.links, async ({ principal }) => {
      const [helpers, helping] = await Promise.all([links.liveOfWorker(principal.userId), links.liveOfHelper(principal.userId)]);
      return { helpers: helpers.map((l) => linkView(l, 'worker')), helping: helping.map((l) => linkView(l, 'helper')) };
    }),

    implement(familyContracts.invite, async ({ principal }) => {
      const worker = await boundWorker(ctx, principal);
      if ((await links.liveOfWorker(principal.userId)).length >= MAX_HELPERS) {
        throw new Conflict(
          `最多 ${MAX_HELPERS} 位家人帮您办事（包括等您同意的）。要换人，请先结束一位。`,
          'As many family members as allowed already.',
        );
      }
      const invitation = await links.invite({ userId: principal.userId, name: worker.name });
      return { code: invitation.code, expiresAt: invitation.until };
    }),

    implement(familyContracts.accept, async ({ principal, body }) => {
      const invitation = await links.invitation(body.code);
      if (!invitation) throw invitationNotValid();
      if (invitation.workerUserId === principal.userId) {
        throw new Conflict('这是您自己的邀请码，要请家人在TA自己的手机上输入', 'One cannot help oneself.', 'body.code');
      }
      // A bound account's name and age are the registry's, not what was typed.
      const account = await ctx.users.ofPrincipal(principal);
      const own = account?.workerId ? await ctx.workers.getItem(account.workerId) : undefined;
      if (own && ageOn(own.birthDate, chinaDate(new Date())) < ADULT_AGE) {
        throw new Forbidden(`年满 ${ADULT_AGE} 周岁才能帮家人办事`, 'Only an adult may act for someone.', 'body.adult');
      }
      const [workerLinks, helperLinks] = await Promise.all([
        links.liveOfWorker(invitation.workerUserId),
        links.liveOfHelper(principal.userId),
      ]);
      if (workerLinks.some((link) => link.helperUserId === principal.userId)) {
        throw new Conflict('您已经在帮TA办事了，或者正在等TA同意', 'Already linked to this person.', 'body.code');
      }
      if (workerLinks.length >= MAX_HELPERS) {
        throw new Conflict(`TA 已经有 ${MAX_HELPERS} 位家人帮忙了`, 'The inviter has as many helpers as allowed.', 'body.code');
      }
      if (helperLinks.length >= MAX_HELPING) {
        throw new Conflict(`您已经在帮 ${MAX_HELPING} 个人办事了，不能再多`, 'You help as many people as allowed.', 'body.code');
      }
      const link = await links.accept(invitation, {
        userId: principal.userId,
        name: own?.name ?? body.name,
        verified: own !== undefined,
        relation: body.relation,
      });
      return { link: linkView(link, 'helper') };
    }),

    implement(familyContracts.confirm, async ({ principal, params }) => {
      const link = await linkOf(principal, params.linkId, 'worker');
      return { link: linkView(await links.confirm(link), 'worker') };
    }),

    implement(familyContracts.end, async ({ principal, params }) => {
      const link = await links.get(params.linkId);
      const by =
        link?.workerUserId === principal.userId ? 'worker' : link?.helperUserId === principal.userId ? 'helper' : undefined;
      if (!link || !by) throw linkNotFound();
      const now = new Date();
      if (!isLive(link, now)) throw new Conflict('这个亲情服务已经结束了', 'The link has already ended.', 'params.linkId');
      const what =
        by === 'helper' ? 'TA 不再帮您办事了' : link.status === 'pending' ? '您没有同意TA帮您办事' : '您结束了TA的亲情服务';
      await links.end(link, by, what, now);
      return { ended: true as const };
    }),

    implement(familyContracts.act, async ({ principal, params }) => {
      const link = await linkOf(principal, params.linkId, 'helper');
      if (link.status !== 'active') {
        throw new Conflict('TA 还没有同意，或亲情服务已经结束了', 'The link is not active.', 'params.linkId');
      }
      const account = await ctx.users.sessionAccount(link.workerUserId);
      if (account?.user.role !== 'worker' || !account.user.workerId) {
        throw new Conflict(
          'TA 的账号还没有绑定身份，现在没有可以代办的事',
          'The account acted for is not bound.',
          'params.linkId',
        );
      }
      const now = new Date();
      // On the worker's acts list and 个人信息使用记录 before anything of theirs is shown.
      const actVersion = await links.startActing(link, principal, account.user.workerId, now);
      const session = await ctx.tokens.issue(
        {
          userId: link.workerUserId,
          role: 'worker',
          ...(account.user.regionCode ? { regionCode: account.user.regionCode } : {}),
        },
        account.sessionVersion,
        { linkId: link.linkId, helperUserId: link.helperUserId, actVersion },
      );
      return { ...session, user: account.user, link: linkView({ ...link, lastActedAt: now.toISOString() }, 'helper') };
    }),

    implement(familyContracts.stop, async ({ principal, params }) => {
      await links.stopActing(await linkOf(principal, params.linkId, 'helper'));
      return { stopped: true as const };
    }),

    implement(familyContracts.acts, async ({ principal, query }) => acts.page(principal.userId, query)),
  ];
}
