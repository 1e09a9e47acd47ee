import { z } from 'zod';
import {
  countyOrFinerSchema,
  employerInputSchema,
  employerSchema,
  employerUpdateSchema,
  type LatLng,
  userSchema,
  VERIFICATION_STATUSES,
  verificationDecisionSchema,
  workshopStatusSchema,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { pageQuerySchema } from '../db/paging.js';
import { Forbidden, Invalid, unauthenticated } from '../errors.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { checkedPlace } from '../regions/place.js';
import { STAFF } from '../registry/access.js';
import { ownEmployer } from './access.js';

const employerIdParams = z.object({ employerId: z.string().regex(/^e_[0-9a-f-]{36}$/, '不是用人单位编号') });
const employerResponse = z.object({ employer: employerSchema });

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
    defineRoute({
      method: 'get',
      path: '/api/v1/me/employer',
      summary: 'Employer: its own profile (404 until it has one)',
      tag: 'employers',
      access: ['employer'],
      scope: { kind: 'self' },
      response: employerResponse,
      handler: async ({ principal }) => ({ employer: await ownEmployer(ctx, principal) }),
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/me/employer',
      summary: 'Employer: create its profile, to be verified by staff of its region',
      tag: 'employers',
      access: ['employer'],
      scope: { kind: 'self' },
      body: employerInputSchema,
      response: z.object({ employer: employerSchema, user: userSchema }),
      status: 201,
      handler: async ({ principal, body }) => {
        const account = await ctx.users.get(principal.userId);
        if (!account) throw unauthenticated('The account no longer exists.');
        await checkRegion(body, account.regionCode);
        const employer = await ctx.employers.create(body, principal);
        return { employer, user: (await ctx.users.get(principal.userId))! };
      },
    }),

    defineRoute({
      method: 'patch',
      path: '/api/v1/me/employer',
      summary:
        'Employer: change its profile on the version read; renamed or moved, it waits for verification again and its positions leave the map',
      tag: 'employers',
      access: ['employer'],
      scope: { kind: 'self' },
      body: employerUpdateSchema,
      response: employerResponse,
      handler: async ({ principal, body }) => {
        const current = await ownEmployer(ctx, principal);
        const { version, ...changes } = body;
        if (changes.regionCode || changes.location) {
          await checkRegion(
            { regionCode: changes.regionCode ?? current.regionCode, location: changes.location ?? current.location },
            (await ctx.users.get(principal.userId))?.regionCode,
          );
        }
        const employer = await ctx.employers.updateProfile(current, version, changes);
        const followed = (e: typeof current) => [e.name, e.regionCode, e.verification.status].join('#');
        if (followed(employer) !== followed(current)) await ctx.positions.followEmployer(employer);
        return { employer };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/employers',
      summary: 'Staff: the employers of a county, township or village, optionally by verification status',
      tag: 'employers',
      access: STAFF,
      scope: { kind: 'region', field: 'query.regionCode', region: ({ query }) => query.regionCode },
      query: pageQuerySchema.extend({
        regionCode: countyOrFinerSchema,
        status: z.enum(VERIFICATION_STATUSES).optional(),
      }),
      response: z.object({ employers: z.array(employerSchema), nextCursor: z.string().optional() }),
      handler: async ({ query }) => {
        return ctx.employers.listInRegion(query.regionCode, query);
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/employers/:employerId/verification',
      summary: 'Staff: verify an employer (its open positions go on the map) or reject it with a reason',
      tag: 'employers',
      access: STAFF,
      scope: { kind: 'object', entity: 'employer', field: 'params.employerId', id: ({ params }) => params.employerId },
      params: employerIdParams,
      body: verificationDecisionSchema,
      response: employerResponse,
      handler: async ({ object, principal, body }) => {
        const current = object;
        const employer = await ctx.employers.decideVerification(current, body.version, body.decision, principal, body.note);
        await ctx.positions.followEmployer(employer);
        return { employer };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/api/v1/employers/:employerId/workshop',
      summary: 'Staff: record a 帮扶车间’s recognition (认定 / 退出) and the 帮扶对象 it employs',
      tag: 'employers',
      access: STAFF,
      scope: { kind: 'object', entity: 'employer', field: 'params.employerId', id: ({ params }) => params.employerId },
      params: employerIdParams,
      body: workshopStatusSchema.extend({ version: z.number().int().min(1) }),
      response: employerResponse,
      handler: async ({ object, body }) => {
        const employer = object;
        if (employer.kind !== 'assistanceWorkshop') {
          throw new Invalid('只有帮扶车间才有认定状态', 'Only assistance workshops are recognised.', 'params.employerId');
        }
        const { version, ...workshop } = body;
        return { employer: await ctx.employers.setWorkshop(employer.employerId, version, workshop) };
      },
    }),
  ];
}
