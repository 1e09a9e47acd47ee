/** 就业帮扶码 and 码到农家: the routes (codes/codeService.ts decides; codes/posters.ts draws). */
import {
  AUDIT_ACTION_ZH,
  authoritiesFor,
  chinaDate,
  codeContracts,
  grantedBy,
  policiesOfRegion,
  RULES,
  SHARE_DAYS,
  SHARED_WITH_EMPLOYER_ZH,
  STAFF_TITLE_ZH,
  SUBSIDY_NAME_ZH,
  type AuditEntry,
  type DataUse,
} from '@bangfu/shared';
import type { Request, Response } from 'express';
import type { AppContext } from '../appContext.js';
import { implement, type AnyRoute } from '../http/route.js';
import { employerNotFound } from '../positions/employerRepository.js';
import { boundWorkerId } from '../registry/access.js';
import { requestNotFound, shareNotFound } from './codeRepository.js';
import { issueWorkerCode, officeOf, openCode, rereadScan, scanCode, sharedWithEmployer } from './codeService.js';
import { positionPoster, regionPosters, employerPoster } from './posters.js';
import { NotFound } from '../errors.js';

/** The product's own address: configured for WeChat's 扫普通链接二维码, else the one this request came to. */
export const baseUrlOf = (ctx: Pick<AppContext, 'codeBaseUrl'>, req: Request) =>
  ctx.codeBaseUrl ?? `${req.protocol}://${req.get('host')}`;

export function codeRoutes(ctx: AppContext): AnyRoute[] {
  return [
    implement(codeContracts.mine, async ({ principal, req }) => {
      const workerId = await boundWorkerId(ctx, principal);
      return issueWorkerCode(ctx, workerId, await ctx.codes.codeVersion(workerId), baseUrlOf(ctx, req));
    }),

    implement(codeContracts.renew, async ({ principal, req }) => {
      const workerId = await boundWorkerId(ctx, principal);
      return issueWorkerCode(ctx, workerId, await ctx.codes.renew(workerId, principal), baseUrlOf(ctx, req));
    }),

    implement(codeContracts.scan, async ({ principal, body }) => scanCode(ctx, principal, body.code)),

    implement(codeContracts.scanned, async ({ object }) => rereadScan(ctx, object)),

    implement(codeContracts.serviceByScan, async ({ object: scan, principal, body }) => {
      const office = await officeOf(ctx, principal);
      return ctx.matches.recordService(scan.workerId, {
        kind: body.kind,
        note: body.note,
        by: principal.userId,
        byOffice: office,
        viaScan: scan.scanId,
      });
    }),

    implement(codeContracts.open, async ({ query }) => ({ target: await openCode(ctx, query.code) })),

    implement(codeContracts.requests, async ({ principal }) => {
      const workerId = await boundWorkerId(ctx, principal);
      const requests = await ctx.codes.openRequests(workerId);
      return {
        requests: requests.map((request) => ({
          requestId: request.requestId,
          employerName: request.employerName,
          shares: SHARED_WITH_EMPLOYER_ZH,
          days: SHARE_DAYS,
          expiresAt: request.until,
        })),
      };
    }),

    implement(codeContracts.answer, async ({ principal, params, body }) => {
      const workerId = await boundWorkerId(ctx, principal);
      const request = await ctx.codes.request(workerId, params.requestId);
      if (!request) throw requestNotFound();
      const share = await ctx.codes.answer(request, body.answer, principal);
      return share ? { shareId: share.shareId, endsAt: share.endsAt } : {};
    }),

    implement(codeContracts.withdraw, async ({ principal, params }) => {
      const workerId = await boundWorkerId(ctx, principal);
      const share = (await ctx.codes.sharesOf(workerId)).find((s) => s.shareId === params.shareId);
      if (!share) throw shareNotFound();
      await ctx.codes.withdraw(share, principal);
      return { withdrawn: true as const };
    }),

    implement(codeContracts.sharedWithUs, async ({ principal, query }) => sharedWithEmployer(ctx, principal, query)),

    implement(codeContracts.dataUses, async ({ principal, query }) => {
      const workerId = await boundWorkerId(ctx, principal);
      const page = await ctx.audit.page(workerId, query);
      const [offices, shares] = await Promise.all([
        officeNames(ctx, page.entries),
        page.entries.some((entry) => entry.shareId) ? ctx.codes.sharesOf(workerId) : [],
      ]);
      const now = new Date().toISOString();
      const entries: DataUse[] = page.entries.map((entry) => {
        const share = entry.shareId ? shares.find((s) => s.shareId === entry.shareId) : undefined;
        return {
          at: entry.at,
          who: whoOf(entry, offices),
          action: entry.action,
          what: AUDIT_ACTION_ZH[entry.action],
          reason: entry.reason,
          ...(entry.shareId && entry.shareEndsAt
            ? {
                share: {
                  shareId: entry.shareId,
                  endsAt: entry.shareEndsAt,
                  active: share !== undefined && share.withdrawnAt === undefined && share.endsAt > now,
                },
              }
            : {}),
        };
      });
      return { entries, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    }),

    implement(codeContracts.positionPoster, async ({ object, req, res }) => {
      await sendPng(res, await positionPoster(ctx, object, baseUrlOf(ctx, req)), `position-${object.position.positionId}`);
      return undefined;
    }),

    implement(codeContracts.employerPoster, async ({ object, req, res }) => {
      if (object.verification.status !== 'verified') throw employerNotFound();
      await sendPng(res, await employerPoster(ctx, object, baseUrlOf(ctx, req)), `employer-${object.employerId}`);
      return undefined;
    }),

    implement(codeContracts.regionPosters, async ({ query, req, res }) => {
      const pdf = await regionPosters(ctx, query.regionCode, query.what, baseUrlOf(ctx, req));
      res.status(200);
      res.setHeader('content-type', 'application/pdf');
      res.setHeader('content-disposition', `attachment; filename="posters-${query.what}-${query.regionCode}.pdf"`);
      res.end(pdf);
      return undefined;
    }),

    implement(codeContracts.employer, async ({ params, query }) => {
      const [employer, page] = await Promise.all([
        ctx.employers.get(params.employerId),
        ctx.positions.listableOfEmployer(params.employerId, query),
      ]);
      if (!employer || employer.verification.status !== 'verified') throw employerNotFound();
      return { employer, ...page };
    }),

    implement(codeContracts.village, async ({ params }) => {
      const village = await ctx.regions.get(params.code);
      if (!village || village.level !== 'village') throw new NotFound('没有这个村', 'No such village.', 'params.code');
      const township = params.code.slice(0, 9);
      const [villageStaff, townshipStaff] = await Promise.all([
        ctx.users.listInRegion(params.code, { role: 'staff', limit: 5 }),
        ctx.users.listInRegion(township, { role: 'staff', limit: 10 }),
      ]);
      const officers = [
        ...villageStaff.users.map((user) => ({ name: user.displayName, office: `${village.name}${STAFF_TITLE_ZH.village}` })),
        // The township's own officers (not those of its other villages).
        ...townshipStaff.users
          .filter((user) => user.regionCode === township)
          .map((user) => ({ name: user.displayName, office: `${STAFF_TITLE_ZH.township}` })),
      ];
      // The documents in force there today (its own and its regions' above, recorded ones too), and what they grant.
      const localDocuments = await ctx.parameterSteps.localDocuments();
      const today = chinaDate(new Date());
      const inForce = policiesOfRegion(RULES, params.code, localDocuments, today).filter((p) => p.status === 'inForce');
      const authorities = authoritiesFor(params.code, today, localDocuments);
      return {
        villageName: village.name,
        fullName: village.fullName,
        officers,
        policies: inForce.map((p) => ({ title: p.title, issuer: p.issuer, ...(p.number ? { number: p.number } : {}) })),
        subsidies: RULES.filter((rule) => rule.beneficiary === 'worker' && grantedBy(rule, authorities)).map(
          (rule) => SUBSIDY_NAME_ZH[rule.id],
        ),
      };
    }),
  ];
}

async function sendPng(res: Response, png: Buffer, name: string) {
  res.status(200);
  res.setHeader('content-type', 'image/png');
  res.setHeader('content-disposition', `inline; filename="poster-${name}.png"`);
  res.end(png);
}

async function officeNames(ctx: AppContext, entries: readonly AuditEntry[]): Promise<Map<string, string>> {
  const codes = [
    ...new Set(
      entries.flatMap((entry) => (entry.actorRegionCode && entry.actorRole !== 'worker' ? [entry.actorRegionCode] : [])),
    ),
  ];
  const names = await Promise.all(codes.map((regionCode) => officeOf(ctx, { regionCode })));
  return new Map(codes.map((code, i) => [code, names[i]!]));
}

/** Who looked or received: an employer by name (also on the worker's own consent to it), staff by office. */
function whoOf(entry: AuditEntry, offices: Map<string, string>): string {
  if (entry.actorOffice) return entry.actorOffice;
  switch (entry.actorRole) {
    case 'worker':
      return '您本人';
    case 'employer':
      return '用人单位';
    default:
      return (entry.actorRegionCode && offices.get(entry.actorRegionCode)) || '经办人员';
  }
}
