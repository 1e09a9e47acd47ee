/**
 * Evaluating and claiming subsidies, shared by the routes and the monthly 免申即享 job:
 * the parameters in force, a worker's facts from the registry and their past claims,
 * and the claims that what is due becomes.
 */
import {
  APPROVAL_PARAMETERS,
  WARNING_PARAMETERS,
  chinaDate,
  chinaMonth,
  claimsMade,
  employmentPlaceOf,
  evaluateRule,
  grantedBy,
  authoritiesFor,
  factsFromEmployer,
  factsFromRegistry,
  firstTransferClaimed,
  MissingParameterError,
  parameterSource,
  readParameter,
  RULES,
  sameAsRejected,
  SUBSIDY_NAME_ZH,
  subsidyFactsSchema,
  type Claim,
  type ClaimBeneficiary,
  type Employer,
  type EmploymentRecord,
  type Placement,
  type ProxyRef,
  type ParameterSource,
  type AppliedPolicy,
  type Rule,
  type RuleInput,
  type SubsidyResult,
  type unavailableSubsidySchema,
  type Worker,
  withRejectedClaims,
} from '@bangfu/shared';
import type * as z from 'zod';
import type { AppContext } from '../appContext.js';
import { inPool } from '../db/inPool.js';
import { Conflict } from '../errors.js';

/** A subsidy whose standard has no value for the region and month: said, never computed as zero. */
export type Unavailable = z.infer<typeof unavailableSubsidySchema>;

/** A worker as the beneficiary of their claims; their village's staff review them. */
export const workerBeneficiary = (worker: Worker): ClaimBeneficiary => ({
  kind: 'worker',
  workerId: worker.workerId,
  name: worker.name,
});

export const WORKER_RULES = RULES.filter((rule) => rule.beneficiary === 'worker');
export const EMPLOYER_RULES = RULES.filter((rule) => rule.beneficiary !== 'worker');

/**
 * The parameter source of each set of regional steps: a 免申即享 shard evaluates a thousand
 * workers with the same steps, and building the source was a tenth of its CPU.
 */
const SOURCES = new WeakMap<object, ParameterSource>();

/** The parameters read outside the rules, each region's to set: the second-approval threshold, the warnings'. */
const LOCAL_PARAMETERS = { ...APPROVAL_PARAMETERS, ...WARNING_PARAMETERS };

/** DynamoDB reads one evaluation keeps in flight: enough to overlap their waits, few enough to leave sockets for others. */
const READS_AT_ONCE = 8;

/** Claims already made, so nothing is paid twice: all of them but the one set aside and those rejected (never paid). */
const pastClaimsOf = (claims: readonly Claim[], setAside: string) =>
  claimsMade(claims)
    .filter((c) => c.claimId !== setAside)
    .map((c) => ({ subsidy: c.subsidy, periodKey: c.periodKey, amountFen: c.amountFen }));

/** An evaluation's results with each rejected claim's: due again only when the records changed since (reclaim.ts). */
const weighedWithRejections = <T extends { results: SubsidyResult[] }>(evaluation: T, claims: readonly Claim[]) => ({
  ...evaluation,
  results: withRejectedClaims(evaluation.results, claims),
});

export function createSubsidyService(
  ctx: Pick<AppContext, 'employment' | 'claims' | 'parameterSteps' | 'positions' | 'applications' | 'workers'>,
) {
  /** The shipped parameters with the regions' own steps laid over them (built once per set of steps). */
  async function currentParameters(): Promise<ParameterSource> {
    const overrides = await ctx.parameterSteps.overrides();
    let source = SOURCES.get(overrides);
    if (!source) SOURCES.set(overrides, (source = parameterSource(RULES, overrides, LOCAL_PARAMETERS)));
    return source;
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

  /**
   * Every rule's results where a document that grants it holds for the region in the month, the
   * subsidies granted there whose local standard nobody has set yet (当地标准还没有公布), and the
   * passages that granted them.
   */
  async function evaluate(
    rules: readonly Rule[],
    input: Omit<RuleInput, 'parameters' | 'authorities'>,
  ): Promise<{ results: SubsidyResult[]; unavailable: Unavailable[]; policies: AppliedPolicy[] }> {
    const [parameters, localDocuments] = await Promise.all([currentParameters(), ctx.parameterSteps.localDocuments()]);
    const authorities = authoritiesFor(input.regionCode, `${input.period}-01`, localDocuments);
    const results: SubsidyResult[] = [];
    const unavailable: Unavailable[] = [];
    const policies = new Map<string, AppliedPolicy>();
    for (const rule of rules) {
      const basis = grantedBy(rule, authorities);
      if (!basis) continue;
      policies.set(basis.document, { policy: basis.policy ?? '', document: basis.document });
      try {
        results.push(...evaluateRule(rule, { ...input, parameters, authorities }));
      } catch (error) {
        if (!(error instanceof MissingParameterError)) throw error;
        const label = parameters.definitions[error.key]?.label ?? error.key;
        unavailable.push({
          subsidy: rule.id,
          name: SUBSIDY_NAME_ZH[rule.id],
          reason: `当地标准还没有公布：「${label}」由当地确定，公布后才能计算`,
          reference: basis,
        });
      }
    }
    return { results, unavailable, policies: [...policies.values()] };
  }

  /**
   * A worker's subsidies for a month, from the registry and their claims so far (`setAside`: one of
   * those claims not counted as made, to weigh it again; `rules`: only these).
   */
  async function evaluateWorker(worker: Worker, period = chinaMonth(new Date()), { rules = WORKER_RULES, setAside = '' } = {}) {
    const [months, claims] = await Promise.all([ctx.employment.timeline(worker.workerId), ctx.claims.ofWorker(worker.workerId)]);
    const pastClaims = pastClaimsOf(claims, setAside);
    const facts = subsidyFactsSchema.parse(factsFromRegistry(worker, months, pastClaims, period));
    return {
      period,
      claims,
      ...weighedWithRejections(await evaluate(rules, { facts, period, regionCode: worker.villageCode }), claims),
    };
  }

  /**
   * The workers an agency placed through its own positions, with their months since. Read side by
   * side, not one after another: each position's applications at once (a few at a time), the hired
   * workers in one BatchGetItem, their months at once.
   */
  async function placementsOf(agency: Employer): Promise<Placement[]> {
    const positions = (await ctx.positions.ofEmployer(agency.employerId)).map(({ position }, at) => ({ position, at }));
    // Kept in the positions' order, whichever answers first.
    const hiresOf: { regionCode: string; workerId: string; hireMonth: string }[][] = [];
    await inPool(positions, READS_AT_ONCE, async ({ position, at }) => {
      hiresOf[at] = (await ctx.applications.ofPosition(position.positionId)).flatMap((application) =>
        application.status === 'hired' && application.hireMonth
          ? [{ regionCode: position.regionCode, workerId: application.workerId, hireMonth: application.hireMonth }]
          : [],
      );
    });
    const hires = hiresOf.flat();
    const workers = await ctx.workers.getItems([...new Set(hires.map((hire) => hire.workerId))]);
    const months = new Map<string, EmploymentRecord[]>();
    await inPool(workers, READS_AT_ONCE, async (worker) => {
      months.set(worker.workerId, await ctx.employment.timeline(worker.workerId));
    });
    const byId = new Map(workers.map((worker) => [worker.workerId, worker]));
    return hires.flatMap(({ regionCode, workerId, hireMonth }) => {
      const worker = byId.get(workerId);
      if (!worker) return []; // left the registry since
      return [
        {
          workerId,
          name: worker.name,
          place: employmentPlaceOf(worker.villageCode, regionCode),
          hireMonth,
          months: months.get(workerId) ?? [],
        },
      ];
    });
  }

  /**
   * Each placement outside the county with whether its first transfer's service is claimed already
   * (once per person): the persons' items in one BatchGetItem, the status of claims of other
   * agencies holding any in one more.
   */
  async function withFirstTransfersClaimed(placements: Placement[], own: Claim[], year: string): Promise<Placement[]> {
    const transferred = [...new Set(placements.filter((p) => p.place !== 'withinCounty').map((p) => p.workerId))];
    if (transferred.length === 0) return placements;
    const holders = await ctx.claims.firstTransferHolders(transferred);
    const others = [...holders.values()].filter((claimId) => !own.some((claim) => claim.claimId === claimId));
    const statuses = others.length > 0 ? await ctx.claims.statusesOf(others) : new Map<string, Claim['status']>();
    return placements.map((placement) => {
      const holder = holders.get(placement.workerId);
      const serviceClaimed = firstTransferClaimed(
        placement.workerId,
        year,
        own,
        holder ? { claimId: holder, status: statuses.get(holder) } : undefined,
      );
      return serviceClaimed ? { ...placement, serviceClaimed } : placement;
    });
  }

  /**
   * An employer's or agency's subsidies for a month: a workshop's recognition and the
   * 帮扶对象 it employs; an agency's transfers, from the hires through its own positions.
   */
  async function evaluateEmployer(employer: Employer, period = chinaMonth(new Date()), { setAside = '' } = {}) {
    const year = period.slice(0, 4);
    const [placed, claims] = await Promise.all([
      employer.kind === 'hrAgency' ? placementsOf(employer) : [],
      ctx.claims.ofEmployer(employer.employerId),
    ]);
    const placements = await withFirstTransfersClaimed(placed, claims, year);
    const pastClaims = pastClaimsOf(claims, setAside);
    const facts = subsidyFactsSchema.parse({ ...factsFromEmployer(employer, placements, year), pastClaims });
    // An agency's own subsidy (转移就业服务补助) is for agencies only; the others for every employer.
    const rules = EMPLOYER_RULES.filter((rule) => rule.beneficiary !== 'agency' || employer.kind === 'hrAgency');
    return {
      period,
      claims,
      ...weighedWithRejections(await evaluate(rules, { facts, period, regionCode: employer.regionCode }), claims),
    };
  }

  /** Whether a claim of this amount in the region needs a second approver, by the threshold in force today. */
  async function secondApprovalNeeded(amountFen: number, regionCode: string): Promise<boolean> {
    return needsSecondApproval(await currentParameters(), amountFen, regionCode, chinaDate(new Date()));
  }

  /**
   * A claim for each result that is due; a claim already there is returned, never made twice —
   * except, when `reopenRejected` (the person's own 申领), a rejected one whose result the records
   * have changed since: it is claimed again, weighed as now, with its rejection kept in its history.
   */
  async function claimDue(
    beneficiary: ClaimBeneficiary,
    regionCode: string,
    period: string,
    due: readonly SubsidyResult[],
    by: {
      source: Claim['source'];
      createdBy: string;
      idempotencyKey?: string;
      proxy?: ProxyRef | undefined;
      postVillageCode?: string;
      reopenRejected?: boolean;
    },
  ): Promise<{ claim: Claim; created: boolean }[]> {
    const today = chinaDate(new Date());
    const parameters = await currentParameters();
    const secondApproval = (result: SubsidyResult) => needsSecondApproval(parameters, result.amountFen, regionCode, today);
    const claimAgain = async (result: SubsidyResult, made: { claim: Claim; created: boolean }) => {
      const { claim } = made;
      if (made.created || !by.reopenRejected || claim.status !== 'rejected' || sameAsRejected(result, claim)) return made;
      const now = { period, amountFen: result.amountFen, trace: result.trace, needsSecondApproval: secondApproval(result) };
      const step = { by: by.createdBy, reason: '重新申领：记录更新了' };
      try {
        return {
          claim: await ctx.claims.restate(claim, claim.version, { ...now, vouchedBy: result.vouchedBy ?? [] }, step),
          created: true,
        };
      } catch (error) {
        // A second tap at the same moment claimed it again first: answered with that claim, as a retry is.
        if (!(error instanceof Conflict)) throw error;
        return { claim: (await ctx.claims.get(claim.claimId))!, created: false };
      }
    };
    return Promise.all(
      due.map(async (result) =>
        claimAgain(
          result,
          await ctx.claims.create({
            subsidy: result.subsidy,
            name: result.name,
            ...(result.item ? { item: result.item } : {}),
            periodKey: result.periodKey,
            period,
            beneficiary,
            regionCode,
            amountFen: result.amountFen,
            trace: result.trace,
            reference: result.reference,
            needsSecondApproval: secondApproval(result),
            source: by.source,
            createdBy: by.createdBy,
            ...(result.vouchedBy?.length ? { vouchedBy: [...result.vouchedBy] } : {}),
            ...(by.proxy ? { proxy: by.proxy } : {}),
            ...(by.postVillageCode ? { postVillageCode: by.postVillageCode } : {}),
            ...(by.idempotencyKey ? { idempotencyKey: by.idempotencyKey } : {}),
          }),
        ),
      ),
    );
  }

  return { currentParameters, evaluate, evaluateWorker, evaluateEmployer, secondApprovalNeeded, claimDue };
}

export type SubsidyService = ReturnType<typeof createSubsidyService>;
