/**
 * Evaluating and claiming subsidies, shared by the routes and the monthly 免申即享 job:
 * the parameters in force, a worker's facts from the registry and their past claims,
 * and the claims that what is due becomes.
 */
import {
  APPROVAL_PARAMETERS,
  chinaDate,
  chinaMonth,
  evaluateRule,
  factsFromRegistry,
  MissingParameterError,
  parameterSource,
  readParameter,
  RULES,
  SUBSIDY_NAME_ZH,
  subsidyFactsSchema,
  type Claim,
  type ParameterSource,
  type Rule,
  type RuleInput,
  type SubsidyId,
  type SubsidyResult,
  type Worker,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';

/** A subsidy whose standard has no value for the region and month: said, never computed as zero. */
export interface Unavailable {
  subsidy: SubsidyId;
  name: string;
  reason: string;
}

export const WORKER_RULES = RULES.filter((rule) => rule.beneficiary === 'worker');

export function createSubsidyService(ctx: Pick<AppContext, 'employment' | 'claims' | 'parameterSteps'>) {
  /** The shipped parameters with the regions' own steps laid over them. */
  async function currentParameters(): Promise<ParameterSource> {
    return parameterSource(RULES, await ctx.parameterSteps.overrides(), APPROVAL_PARAMETERS);
  }

  /**
   * Whether a claim of this amount needs a second approver in the region. A region that
   * has set no threshold gets the stricter answer: yes.
   */
  function needsSecondApproval(parameters: ParameterSource, amountFen: number, regionCode: string, date: string): boolean {
    try {
      const reading = readParameter(parameters.definitions, parameters.table, 'claimSecondApprovalAboveFen', regionCode, date);
      return reading.status === 'ended' || amountFen > reading.value;
    } catch (error) {
      if (error instanceof MissingParameterError) return true;
      throw error;
    }
  }

  /** Every rule's results, and the subsidies whose standard is missing for the region and month. */
  async function evaluate(
    rules: readonly Rule[],
    input: Omit<RuleInput, 'parameters'>,
  ): Promise<{ results: SubsidyResult[]; unavailable: Unavailable[] }> {
    const parameters = await currentParameters();
    const results: SubsidyResult[] = [];
    const unavailable: Unavailable[] = [];
    for (const rule of rules) {
      try {
        results.push(...evaluateRule(rule, { ...input, parameters }));
      } catch (error) {
        if (!(error instanceof MissingParameterError)) throw error;
        const label = parameters.definitions[error.key]?.label ?? error.key;
        unavailable.push({
          subsidy: rule.id,
          name: SUBSIDY_NAME_ZH[rule.id],
          reason: `这个地区在 ${input.period} 还没有设定「${label}」的标准，暂时无法计算`,
        });
      }
    }
    return { results, unavailable };
  }

  /** A worker's subsidies for a month, from the registry and their claims so far. */
  async function evaluateWorker(worker: Worker, period = chinaMonth(new Date())) {
    const [months, claims] = await Promise.all([ctx.employment.timeline(worker.workerId), ctx.claims.ofWorker(worker.workerId)]);
    const pastClaims = claims.map((c) => ({ subsidy: c.subsidy, periodKey: c.periodKey, amountFen: c.amountFen }));
    const facts = subsidyFactsSchema.parse(factsFromRegistry(worker, months, pastClaims));
    return { period, claims, ...(await evaluate(WORKER_RULES, { facts, period, regionCode: worker.villageCode })) };
  }

  /** A claim for each result that is due; a claim already there is returned, never made twice. */
  async function claimDue(
    worker: Worker,
    period: string,
    due: readonly SubsidyResult[],
    by: { source: Claim['source']; createdBy: string; idempotencyKey?: string },
  ): Promise<{ claim: Claim; created: boolean }[]> {
    const today = chinaDate(new Date());
    const parameters = await currentParameters();
    return Promise.all(
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
          needsSecondApproval: needsSecondApproval(parameters, result.amountFen, worker.villageCode, today),
          source: by.source,
          createdBy: by.createdBy,
          ...(by.idempotencyKey ? { idempotencyKey: by.idempotencyKey } : {}),
        }),
      ),
    );
  }

  return { currentParameters, evaluate, evaluateWorker, claimDue };
}

export type SubsidyService = ReturnType<typeof createSubsidyService>;
