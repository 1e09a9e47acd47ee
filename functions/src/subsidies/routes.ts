import type * as z from 'zod';
import {
  type BeneficiaryRef,
  type Claim,
  type claimAllRequestSchema,
  type ClaimBeneficiary,
  type Principal,
  RULES,
  subsidyContracts,
  SUBSIDY_NAME_ZH,
  formatYuan,
  type SubsidyResult,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict, Forbidden, Invalid } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { ownEmployer } from '../positions/access.js';
import { proxyRefOf } from '../family/proxy.js';
import { boundWorker } from '../registry/access.js';
import { toWorker } from '../registry/workerRepository.js';
import { decideOnClaim, reopenClaim } from './claimService.js';
import { orderRecovery, receiveRecovery, writeOffRecovery } from './recoveryService.js';
import { declareHousehold } from './duties.js';
import { answerReceipt } from './receiptService.js';
import { createSubsidyService, workerBeneficiary } from './service.js';

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
    const proxy = proxyRefOf(principal);
    const made = await subsidies.claimDue(
      beneficiary,
      regionCode,
      period,
      wanted.filter((r) => r.eligible),
      {
        source: beneficiary.kind === 'worker' ? 'worker' : 'employer',
        createdBy: principal.userId,
        idempotencyKey: body.idempotencyKey,
        proxy,
        reopenRejected: true,
      },
    );
    // On the worker's acts list when a family member claimed; a retry puts the same entries again.
    await ctx.familyActs.ofRoute(
      principal,
      made
        .filter(({ claim }) => proxy && claim.proxy?.userId === proxy.userId)
        .map(({ claim }) => ({
          id: `claimed#${claim.claimId}`,
          at: claim.createdAt,
          kind: 'claimed' as const,
          what: `${claim.name}${claim.item ? `（${claim.item}）` : ''} ${formatYuan(claim.amountFen)}`,
        })),
    );
    const claimedBefore = claims.filter((c) =>
      wanted.some((r) => r.claimed && r.subsidy === c.subsidy && r.periodKey === c.periodKey),
    );
    return { claims: [...made.map((m) => m.claim), ...claimedBefore], created: made.filter((m) => m.created).length };
  }

  /** A month's standing as shown: each result, and the claims already made of those results (read with them). */
  function standing({ period, results, unavailable, policies, claims }: Awaited<ReturnType<typeof subsidies.evaluateWorker>>) {
    const shown = claims.filter((c) => results.some((r) => r.subsidy === c.subsidy && r.periodKey === c.periodKey));
    return { period, results, unavailable, policies, claims: shown };
  }

  /** A page of someone's claims; the first one with what they all come to. */
  async function claimPage(beneficiary: BeneficiaryRef, page: { cursor?: string | undefined; limit: number }) {
    const [claims, summary] = await Promise.all([
      ctx.claims.page(beneficiary, page),
      page.cursor === undefined ? ctx.claims.summary(beneficiary) : undefined,
    ]);
    return { ...claims, ...(summary ? { summary } : {}) };
  }

  /** The logged-in worker's subsidies this month. */
  async function ownEvaluation(principal: Principal) {
    const worker = toWorker(await boundWorker(ctx, principal));
    return { worker, ...(await subsidies.evaluateWorker(worker)) };
  }

  return [
    implement(subsidyContracts.evaluate, async ({ body }) => {
      if (!(await ctx.regions.get(body.regionCode))) {
        throw new Invalid('没有这个地区代码', 'No region with that code.', 'body.regionCode');
      }
      const rules = body.subsidies ? RULES.filter((rule) => body.subsidies!.includes(rule.id)) : RULES;
      // A subsidy without a local standard is said in `unavailable`, beside what can be computed.
      return subsidies.evaluate(rules, { facts: body.facts, period: body.period, regionCode: body.regionCode });
    }),

    implement(subsidyContracts.mySubsidies, async ({ principal }) => standing(await ownEvaluation(principal))),

    implement(subsidyContracts.claimMine, async ({ principal, body }) => {
      const { worker, ...evaluation } = await ownEvaluation(principal);
      return claimAll(evaluation, body, workerBeneficiary(worker), worker.villageCode, principal);
    }),

    implement(subsidyContracts.myClaims, async ({ principal, query }) => {
      const worker = await boundWorker(ctx, principal);
      return claimPage({ kind: 'worker', workerId: worker.workerId }, query);
    }),

    implement(subsidyContracts.answerReceipt, async ({ principal, params, body }) => ({
      claim: await answerReceipt(ctx, principal, params.claimId, body.answer),
    })),

    implement(subsidyContracts.queue, async ({ query }) => {
      return ctx.claims.queue(query.regionCode, query.status, query);
    }),

    implement(subsidyContracts.decide, async ({ principal, object: claim, body }) => ({
      claim: await decideOnClaim(ctx, principal, claim, body),
    })),

    implement(subsidyContracts.reopen, async ({ principal, object: claim, body }) => ({
      claim: await reopenClaim(ctx, principal, claim, body),
    })),

    implement(subsidyContracts.orderRecovery, async ({ principal, object: claim, body }) => ({
      claim: await orderRecovery(ctx, principal, claim, body),
    })),

    implement(subsidyContracts.recoveryReceived, async ({ principal, object: claim, body }) => ({
      claim: await receiveRecovery(ctx, principal, claim, body),
    })),

    implement(subsidyContracts.recoveryWrittenOff, async ({ principal, object: claim, body }) => ({
      claim: await writeOffRecovery(ctx, principal, claim, body),
    })),

    implement(subsidyContracts.declareHousehold, async ({ principal, body }) => {
      const household = await declareHousehold(ctx, principal.userId, body.idNumbers);
      return { members: household.memberIdHashes.length };
    }),

    implement(subsidyContracts.employerSubsidies, async ({ principal }) =>
      standing(await subsidies.evaluateEmployer(await ownEmployer(ctx, principal))),
    ),

    implement(subsidyContracts.employerClaim, async ({ principal, body }) => {
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
    }),

    implement(subsidyContracts.employerClaims, async ({ principal, query }) => {
      const employer = await ownEmployer(ctx, principal);
      return claimPage({ kind: 'employer', employerId: employer.employerId }, query);
    }),
  ];
}
