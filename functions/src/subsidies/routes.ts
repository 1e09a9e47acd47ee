import { z } from 'zod';
import {
  chinaMonth,
  evaluateRule,
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

export function subsidyRoutes(ctx: AppContext): AnyRoute[] {
  // The shipped parameters; a region's own steps (set by its admins) will be laid over them.
  const parameters = parameterSource(RULES);

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
        const input = { facts: body.facts, period: body.period, regionCode: body.regionCode, parameters };
        const results: SubsidyResult[] = [];
        for (const rule of rules) {
          try {
            results.push(...evaluateRule(rule, input));
          } catch (error) {
            if (!(error instanceof MissingParameterError)) throw error;
            const label = parameters.definitions[error.key]?.label ?? error.key;
            throw new ApiError(
              'PARAMETER_MISSING',
              `${SUBSIDY_NAME_ZH[rule.id]}：这个地区在 ${body.period} 还没有设定「${label}」的标准，无法计算`,
              `No value of ${error.key} for that region and period.`,
              'body.period',
            );
          }
        }
        return { results };
      },
    }),
  ];
}
