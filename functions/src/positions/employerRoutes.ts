import { employerContracts, type LatLng } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Forbidden, Invalid, unauthenticated } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { checkedPlace } from '../regions/place.js';
import { ownEmployer } from './access.js';

export function employerRoutes(ctx: AppContext): AnyRoute[] {
  /** A township or village of the tree that the point lies in, within the employer account's own county. */
  async function checkRegion(place: { regionCode: string; location: LatLng }, accountRegion: string | undefined) {
    const { regionCode } = place;
    await checkedPlace(ctx.regions, place, ['township', 'village'], {
      regionCode: 'body.regionCode',
      location: 'body.location',
    });
    if (accountRegion && !regionCode.startsWith(accountRegion.slice(0, 6))) {
      throw new Forbidden('单位所在地应在您账号所属的旗县', 'The region lies outside the account’s county.', 'body.regionCode');
    }
  }

  return [
    implement(employerContracts.mine, async ({ principal }) => ({ employer: await ownEmployer(ctx, principal) })),

    implement(employerContracts.create, async ({ principal, body }) => {
      const account = await ctx.users.ofPrincipal(principal);
      if (!account) throw unauthenticated('The account no longer exists.');
      await checkRegion(body, account.regionCode);
      const employer = await ctx.employers.create(body, principal);
      return { employer, user: (await ctx.users.get(principal.userId))! };
    }),

    implement(employerContracts.update, async ({ principal, body }) => {
      const current = await ownEmployer(ctx, principal);
      const { version, ...changes } = body;
      if (changes.regionCode || changes.location) {
        await checkRegion(
          { regionCode: changes.regionCode ?? current.regionCode, location: changes.location ?? current.location },
          (await ctx.users.ofPrincipal(principal))?.regionCode,
        );
      }
      const employer = await ctx.employers.updateProfile(current, version, changes);
      const followed = (e: typeof current) => [e.name, e.regionCode, e.verification.status].join('#');
      if (followed(employer) !== followed(current)) await ctx.positions.followEmployer(employer);
      return { employer };
    }),

    implement(employerContracts.inRegion, async ({ query }) => {
      return ctx.employers.listInRegion(query.regionCode, query);
    }),

    implement(employerContracts.verify, async ({ object, principal, body }) => {
      const current = object;
      const employer = await ctx.employers.decideVerification(current, body.version, body.decision, principal, body.note);
      await ctx.positions.followEmployer(employer);
      return { employer };
    }),

    implement(employerContracts.setWorkshop, async ({ object, body }) => {
      const employer = object;
      if (employer.kind !== 'assistanceWorkshop') {
        throw new Invalid('只有帮扶车间才有认定状态', 'Only assistance workshops are recognised.', 'params.employerId');
      }
      const { version, ...workshop } = body;
      return { employer: await ctx.employers.setWorkshop(employer.employerId, version, workshop) };
    }),
  ];
}
