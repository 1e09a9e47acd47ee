import { z } from 'zod';
import {
  chinaMonth,
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

const traceLineSchema = z.object({
  kind: z.enum(['fact', 'parameter', 'rule']),
  text: z.string(),
  key: z.string().optional(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  from: z.string().optional(),
  setIn: z.string().optional(),
  example: z.boolean().optional(),
  reference: z.object({ document: z.string(), section: z.string() }).optional(),
});

export const subsidyResultSchema = z.object({
  subsidy: z.enum(SUBSIDY_IDS),
  name: z.string(),
  item: z.string().optional(),
  beneficiary: z.enum(['worker', 'employer', 'agency']),
  eligible: z.boolean(),
  amountFen: z.number().int().min(0),
  periodKey: z.string(),
  claimed: z.boolean(),
  trace: z.array(traceLineSchema),
  missing: z.array(z.string()),
  reference: z.object({ document: z.string(), section: z.string() }),
});

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
        const item = await boundWorker(ctx, principal);
        const worker = toWorker(item);
        const facts = subsidyFactsSchema.parse(factsFromRegistry(worker, await ctx.employment.timeline(worker.workerId)));
        const period = chinaMonth(new Date());
        const rules = RULES.filter((rule) => rule.beneficiary === 'worker');
        return { period, ...evaluate(rules, { facts, period, regionCode: worker.villageCode, parameters }) };
      },
    }),
  ];
}
