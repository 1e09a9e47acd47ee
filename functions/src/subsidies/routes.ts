import { z } from 'zod';
import {
  chinaMonth,
  claimAllRequestSchema,
  claimSchema,
  type Principal,
  evaluateRule,
  factsFromRegistry,
  type Rule,
  type RuleInput,
  MissingParameterError,
  monthSchema,
  parameterSource,
  regionCodeSchema,
  RULES,
  SUBSIDY_IDS,
  SUBSIDY_NAME_ZH,
  subsidyFactsSchema,
  subsidyResultSchema,
  type SubsidyResult,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { boundWorker } from '../registry/access.js';
import { toWorker } from '../registry/workerRepository.js';
import { ApiError } from '../http/apiError.js';
import { defineRoute, type AnyRoute } from '../http/route.js';

/** The month after `month`, YYYY-MM. */
function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** A subsidy whose standard has no value for the region and month: said, never computed as zero. */
const unavailableSchema = z.object({ subsidy: z.enum(SUBSIDY_IDS), name: z.string(), reason: z.string() });
type Unavailable = z.infer<typeof unavailableSchema>;

export function subsidyRoutes(ctx: AppContext): AnyRoute[] {
  // The shipped parameters; a region's own steps (set by its admins) will be laid over them.
  const parameters = parameterSource(RULES);

  /** Every rule's results, and the subsidies whose standard is missing for the region and month. */
  function evaluate(rules: readonly Rule[], input: RuleInput): { results: SubsidyResult[]; unavailable: Unavailable[] } {
    const results: SubsidyResult[] = [];
    const unavailable: Unavailable[] = [];
    for (const rule of rules) {
      try {
        results.push(...evaluateRule(rule, input));
      } catch (error) {
        if (!(error instanceof MissingParameterError)) throw error;
        const label = parameters.definitions[error.key]?.label ?? error.key;
        const name = SUBSIDY_NAME_ZH[rule.id];
        unavailable.push({
          subsidy: rule.id,
          name,
          reason: `这个地区在 ${input.period} 还没有设定「${label}」的标准，暂时无法计算`,
        });
      }
    }
    return { results, unavailable };
  }

  /** The logged-in worker's subsidies this month, from the registry and their claims so far. */
  async function ownEvaluation(principal: Principal) {
    const worker = toWorker(await boundWorker(ctx, principal));
    const [months, claims] = await Promise.all([ctx.employment.timeline(worker.workerId), ctx.claims.ofWorker(worker.workerId)]);
    const pastClaims = claims.map((c) => ({ subsidy: c.subsidy, periodKey: c.periodKey, amountFen: c.amountFen }));
    const facts = subsidyFactsSchema.parse(factsFromRegistry(worker, months, pastClaims));
    const period = chinaMonth(new Date());
    const rules = RULES.filter((rule) => rule.beneficiary === 'worker');
    return { worker, period, ...evaluate(rules, { facts, period, regionCode: worker.villageCode, parameters }) };
  }

  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/subsidies/evaluate',
      summary: 'Anyone logged in: what each subsidy would pay for these facts in this region and month, and why',
      tag: 'subsidies',
      access: ['worker', 'employer', 'staff', 'admin'],
      body: z.strictObject({
        regionCode: regionCodeSchema,
        period: monthSchema.refine((month) => month <= nextMonth(chinaMonth(new Date())), '月份最多只能是下个月'),
        facts: subsidyFactsSchema,
        subsidies: z.array(z.enum(SUBSIDY_IDS)).min(1).max(SUBSIDY_IDS.length).optional(),
      }),
      response: z.object({ results: z.array(subsidyResultSchema) }),
      handler: async ({ body }) => {
        if (!(await ctx.regions.get(body.regionCode))) {
          throw new ApiError('VALIDATION_FAILED', '没有这个地区代码', 'No region with that code.', 'body.regionCode');
        }
        const rules = body.subsidies ? RULES.filter((rule) => body.subsidies!.includes(rule.id)) : RULES;
        const { results, unavailable } = evaluate(rules, {
          facts: body.facts,
          period: body.period,
          regionCode: body.regionCode,
          parameters,
        });
        const [first] = unavailable;
        if (first) {
          throw new ApiError(
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
      body: claimAllRequestSchema,
      response: z.object({ claims: z.array(claimSchema), created: z.number().int().min(0) }),
      handler: async ({ principal, body }) => {
        const { worker, period, results } = await ownEvaluation(principal);
        const wanted = body.subsidies ? results.filter((r) => body.subsidies!.includes(r.subsidy)) : results;
        const due = wanted.filter((r) => r.eligible);
        // A subsidy asked for by name must be due (or already claimed): else say why, and claim nothing.
        const refused = (body.subsidies ?? []).filter((id) => !wanted.some((r) => r.subsidy === id && (r.eligible || r.claimed)));
        if (refused.length > 0) {
          const reasons = refused.map((id) => {
            const lines = wanted.filter((r) => r.subsidy === id).flatMap((r) => r.trace.filter((t) => t.kind === 'rule'));
            return `${SUBSIDY_NAME_ZH[id]}：${lines.map((t) => t.text).join('；') || '现在不符合条件'}`;
          });
          throw new ApiError('CONFLICT', `不能申领。${reasons.join('。')}`, `Not due: ${refused.join(', ')}.`, 'body.subsidies');
        }
        const made = await Promise.all(
          due.map((result) =>
            ctx.claims.create({
              subsidy: result.subsidy,
              name: result.name,
              ...(result.item ? { item: result.item } : {}),
              periodKey: result.periodKey,
              period,
              beneficiary: { kind: 'worker', workerId: worker.workerId, name: worker.name },
              regionCode: worker.villageCode,
              amountFen: result.amountFen,
              trace: result.trace,
              reference: result.reference,
              source: 'worker',
              createdBy: principal.userId,
              idempotencyKey: body.idempotencyKey,
            }),
          ),
        );
        // A retry finds its claims already there: answer with them, as the first time.
        const claimedBefore = (await ctx.claims.ofWorker(worker.workerId)).filter((c) =>
          wanted.some((r) => r.claimed && r.subsidy === c.subsidy && r.periodKey === c.periodKey),
        );
        return { claims: [...made.map((m) => m.claim), ...claimedBefore], created: made.filter((m) => m.created).length };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/me/claims',
      summary: 'Worker (bound): their claims and where each stands',
      tag: 'subsidies',
      access: ['worker'],
      response: z.object({ claims: z.array(claimSchema) }),
      handler: async ({ principal }) => {
        const worker = await boundWorker(ctx, principal);
        const claims = await ctx.claims.ofWorker(worker.workerId);
        return { claims: claims.sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
      },
    }),
  ];
}
