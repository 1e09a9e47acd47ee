import { z } from 'zod';
import {
  acceptedMonthSchema,
  type Claim,
  CLAIM_STATUSES,
  claimAllRequestSchema,
  type ClaimBeneficiary,
  claimDecisionSchema,
  claimSchema,
  countyOrFinerSchema,
  decideClaim,
  idNumberSchema,
  monthSchema,
  perHour,
  type Principal,
  regionCodeSchema,
  RULES,
  SUBSIDY_IDS,
  SUBSIDY_NAME_ZH,
  subsidyFactsSchema,
  type SubsidyResult,
  subsidyResultSchema,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { pageQuerySchema } from '../db/paging.js';
import { ownEmployer } from '../positions/access.js';
import { boundWorker, STAFF } from '../registry/access.js';
import { toWorker } from '../registry/workerRepository.js';
import { beneficiaryPerson, declareHousehold, staffMember } from './duties.js';
import { createSubsidyService, workerBeneficiary } from './service.js';
import { Conflict, DomainError, Forbidden, Invalid } from '../errors.js';
import { defineRoute, type AnyRoute } from '../http/route.js';

const unavailableSchema = z.object({ subsidy: z.enum(SUBSIDY_IDS), name: z.string(), reason: z.string() });

export function subsidyRoutes(ctx: AppContext): AnyRoute[] {
  const subsidies = createSubsidyService(ctx);

  /**
   * 申领全部: a claim for every result due (or the ones named, each of which must be due).
   * A retry finds its claims already there and is answered with them, as the first time.
   */
  async function claimAll(
    { period, results, claims }: { period: string; results: SubsidyResult[]; claims: Claim[] },
    body: z.infer<typeof claimAllRequestSchema>,
    beneficiary: ClaimBeneficiary,
    regionCode: string,
    principal: Principal,
  ) {
    const wanted = body.subsidies ? results.filter((r) => body.subsidies!.includes(r.subsidy)) : results;
    const refused = (body.subsidies ?? []).filter((id) => !wanted.some((r) => r.subsidy === id && (r.eligible || r.claimed)));
    if (refused.length > 0) {
      const reasons = refused.map((id) => {
        const lines = wanted.filter((r) => r.subsidy === id).flatMap((r) => r.trace.filter((t) => t.kind === 'rule'));
        return `${SUBSIDY_NAME_ZH[id]}：${lines.map((t) => t.text).join('；') || '现在不符合条件'}`;
      });
      throw new Conflict(`不能申领。${reasons.join('。')}`, `Not due: ${refused.join(', ')}.`, 'body.subsidies');
    }
    const made = await subsidies.claimDue(
      beneficiary,
      regionCode,
      period,
      wanted.filter((r) => r.eligible),
      {
        source: beneficiary.kind === 'worker' ? 'worker' : 'employer',
        createdBy: principal.userId,
        idempotencyKey: body.idempotencyKey,
      },
    );
    const claimedBefore = claims.filter((c) =>
      wanted.some((r) => r.claimed && r.subsidy === c.subsidy && r.periodKey === c.periodKey),
    );
    return { claims: [...made.map((m) => m.claim), ...claimedBefore], created: made.filter((m) => m.created).length };
  }

  /** The logged-in worker's subsidies this month. */
  async function ownEvaluation(principal: Principal) {
    const worker = toWorker(await boundWorker(ctx, principal));
    return { worker, ...(await subsidies.evaluateWorker(worker)) };
  }

  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/subsidies/evaluate',
      summary: 'Anyone logged in: what each subsidy would pay for these facts in this region and month, and why',
      tag: 'subsidies',
      access: ['worker', 'employer', 'staff', 'admin'],
      scope: { kind: 'public' },
      body: z.strictObject({
        regionCode: regionCodeSchema,
        period: acceptedMonthSchema,
        facts: subsidyFactsSchema,
        subsidies: z.array(z.enum(SUBSIDY_IDS)).min(1).max(SUBSIDY_IDS.length).optional(),
      }),
      response: z.object({ results: z.array(subsidyResultSchema) }),
      handler: async ({ body }) => {
        if (!(await ctx.regions.get(body.regionCode))) {
          throw new Invalid('没有这个地区代码', 'No region with that code.', 'body.regionCode');
        }
        const rules = body.subsidies ? RULES.filter((rule) => body.subsidies!.includes(rule.id)) : RULES;
        const { results, unavailable } = await subsidies.evaluate(rules, {
          facts: body.facts,
          period: body.period,
          regionCode: body.regionCode,
        });
        const [first] = unavailable;
        if (first) {
          throw new DomainError(
            'PARAMETER_MISSING',
            `${first.name}：${first.reason}`,
            `A standard of ${first.subsidy} has no value for that region and period.`,
            'body.period',
          );
        }
        return { results };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/me/subsidies',
      summary: 'Worker (bound): every subsidy for them this month, from what the registry already holds',
      tag: 'subsidies',
      access: ['worker'],
      scope: { kind: 'self' },
      response: z.object({ period: monthSchema, results: z.array(subsidyResultSchema), unavailable: z.array(unavailableSchema) }),
      handler: async ({ principal }) => {
        const { period, results, unavailable } = await ownEvaluation(principal);
        return { period, results, unavailable };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/me/subsidies/claims',
      summary: 'Worker (bound): claim every subsidy due now (申领全部), or the ones named; never twice',
      tag: 'subsidies',
      access: ['worker'],
      scope: { kind: 'self' },
      body: claimAllRequestSchema,
      response: z.object({ claims: z.array(claimSchema), created: z.number().int().min(0) }),
      rateLimit: { perUser: perHour(20), perIp: perHour(300) },
      handler: async ({ principal, body }) => {
        const { worker, ...evaluation } = await ownEvaluation(principal);
        return claimAll(evaluation, body, workerBeneficiary(worker), worker.villageCode, principal);
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/me/claims',
      summary: 'Worker (bound): their claims and where each stands',
      tag: 'subsidies',
      access: ['worker'],
      scope: { kind: 'self' },
      response: z.object({ claims: z.array(claimSchema) }),
      handler: async ({ principal }) => {
        const worker = await boundWorker(ctx, principal);
        const claims = await ctx.claims.ofWorker(worker.workerId);
        return { claims: claims.sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/claims',
      summary: 'Staff: the claims of a county, township or village in one status, oldest first (the review queue)',
      tag: 'subsidies',
      access: STAFF,
      scope: { kind: 'region', field: 'query.regionCode', region: ({ query }) => query.regionCode },
      query: pageQuerySchema.extend({
        regionCode: countyOrFinerSchema,
        status: z.enum(CLAIM_STATUSES),
      }),
      response: z.object({ claims: z.array(claimSchema), nextCursor: z.string().optional() }),
      handler: async ({ query }) => {
        return ctx.claims.queue(query.regionCode, query.status, query);
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/claims/:claimId/decision',
      summary: 'Staff: approve or reject a claim on the version read (never their own or their household’s; large ones twice)',
      tag: 'subsidies',
      access: STAFF,
      scope: { kind: 'object', entity: 'claim', field: 'params.claimId', id: ({ params }) => params.claimId },
      params: z.object({ claimId: z.string().regex(/^c_[A-Za-z0-9_-]{8,400}$/, '不是申领编号') }),
      body: claimDecisionSchema,
      response: z.object({ claim: claimSchema }),
      rateLimit: { perUser: perHour(300), perIp: perHour(1000) },
      handler: async ({ principal, object: claim, body }) => {
        const [approver, beneficiary] = await Promise.all([staffMember(ctx, principal), beneficiaryPerson(ctx, claim)]);
        const outcome = decideClaim(claim, beneficiary, approver, body.decision);
        if (!outcome.ok)
          throw new DomainError(outcome.status === 403 ? 'FORBIDDEN' : 'CONFLICT', outcome.zh, outcome.en, 'params.claimId');
        const updated = await ctx.claims.transition(claim, body.version, {
          to: outcome.to,
          by: principal.userId,
          ...(body.reason ? { reason: body.reason } : {}),
          ...(outcome.approval ? { approval: outcome.approval } : {}),
        });
        return { claim: updated };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/api/v1/me/household',
      summary: 'Staff: declare their household (own and family members’ ID numbers), whose claims they may not decide or pay',
      tag: 'subsidies',
      access: STAFF,
      scope: { kind: 'self' },
      body: z.strictObject({
        /** Every member, oneself included; kept only as keyed hashes. */
        idNumbers: z.array(idNumberSchema).min(1, '请至少填写本人的身份证号').max(20),
      }),
      // Only how many were kept: saying which numbers are in the registry would let anyone probe it.
      response: z.object({ members: z.number().int() }),
      rateLimit: { perUser: perHour(10), perIp: perHour(100) },
      handler: async ({ principal, body }) => {
        const household = await declareHousehold(ctx, principal.userId, body.idNumbers);
        return { members: household.memberIdHashes.length };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/me/employer/subsidies',
      summary:
        'Employer or agency: its own subsidies this month (workshop rewards, transfer services…), from what the system holds',
      tag: 'subsidies',
      access: ['employer'],
      scope: { kind: 'self' },
      response: z.object({ period: monthSchema, results: z.array(subsidyResultSchema), unavailable: z.array(unavailableSchema) }),
      handler: async ({ principal }) => {
        const { period, results, unavailable } = await subsidies.evaluateEmployer(await ownEmployer(ctx, principal));
        return { period, results, unavailable };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/me/employer/subsidies/claims',
      summary: 'Verified employer or agency: claim its subsidies due now (workshop rewards, transfer services), never twice',
      tag: 'subsidies',
      access: ['employer'],
      scope: { kind: 'self' },
      body: claimAllRequestSchema,
      response: z.object({ claims: z.array(claimSchema), created: z.number().int().min(0) }),
      rateLimit: { perUser: perHour(20), perIp: perHour(300) },
      handler: async ({ principal, body }) => {
        const employer = await ownEmployer(ctx, principal);
        if (employer.verification.status !== 'verified') {
          throw new Forbidden('单位信息通过审核后才能申领补贴', 'Only a verified employer can claim subsidies.');
        }
        const evaluation = await subsidies.evaluateEmployer(employer);
        return claimAll(
          evaluation,
          body,
          { kind: 'employer', employerId: employer.employerId, name: employer.name },
          employer.regionCode,
          principal,
        );
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/me/employer/claims',
      summary: 'Employer or agency: its claims and where each stands',
      tag: 'subsidies',
      access: ['employer'],
      scope: { kind: 'self' },
      response: z.object({ claims: z.array(claimSchema) }),
      handler: async ({ principal }) => {
        const employer = await ownEmployer(ctx, principal);
        const claims = await ctx.claims.ofEmployer(employer.employerId);
        return { claims: claims.sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
      },
    }),
  ];
}
