/**
 * 免申即享 (file 000 §(五) "即申即享、直补快办"): once a month, after townships have entered
 * the month (by the 25th), every worker of a region is evaluated from the registry and
 * what is due becomes a claim awaiting staff review — nobody has to apply. Claims are
 * unique by their natural key, so running the same month again changes nothing.
 */
import { chinaMonth, type SubsidyId } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { toWorker } from '../registry/workerRepository.js';
import { createSubsidyService, workerBeneficiary } from './service.js';

/** Who the claims say made them. */
export const AUTO_CLAIMS_ACTOR = 'system:auto-claims';
/** Workers evaluated at once. */
const CONCURRENCY = 8;

export interface AutoClaimsReport {
  regionCode: string;
  period: string;
  workers: number;
  /** Claims made now, and claims that were already there (from the worker or an earlier run). */
  created: number;
  alreadyClaimed: number;
  amountFen: number;
  /** Subsidies whose standard the region lacks, with how many workers that left unevaluated. */
  unavailable: Partial<Record<SubsidyId, number>>;
}

export async function runAutoClaims(
  ctx: Pick<AppContext, 'workers' | 'employment' | 'claims' | 'parameterSteps' | 'positions' | 'applications'>,
  regionCode: string,
  now = new Date(),
): Promise<AutoClaimsReport> {
  const subsidies = createSubsidyService(ctx);
  const period = chinaMonth(now);
  const report: AutoClaimsReport = {
    regionCode,
    period,
    workers: 0,
    created: 0,
    alreadyClaimed: 0,
    amountFen: 0,
    unavailable: {},
  };
  let cursor: string | undefined;
  do {
    const page = await ctx.workers.page({ regionCode, limit: 100, ...(cursor ? { cursor } : {}) });
    const workers = page.items.map((item) => toWorker(item));
    for (let i = 0; i < workers.length; i += CONCURRENCY) {
      await Promise.all(
        workers.slice(i, i + CONCURRENCY).map(async (worker) => {
          const { results, unavailable } = await subsidies.evaluateWorker(worker, period);
          const made = await subsidies.claimDue(
            workerBeneficiary(worker),
            worker.villageCode,
            period,
            results.filter((r) => r.eligible),
            { source: 'auto', createdBy: AUTO_CLAIMS_ACTOR },
          );
          report.workers++;
          report.alreadyClaimed += results.filter((r) => r.claimed).length;
          for (const { claim, created } of made) {
            if (created) {
              report.created++;
              report.amountFen += claim.amountFen;
            } else report.alreadyClaimed++; // claimed meanwhile, by the worker or another run
          }
          for (const u of unavailable) report.unavailable[u.subsidy] = (report.unavailable[u.subsidy] ?? 0) + 1;
        }),
      );
    }
    cursor = page.nextCursor;
  } while (cursor);
  return report;
}
