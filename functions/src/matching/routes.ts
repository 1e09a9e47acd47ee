/**
 * 人岗匹配 over HTTP: a worker's recommendations (this month's pushes first, then the best
 * live matches) with reasons; "not interested", remembered; the reciprocal candidate list
 * for an employer's position (no ID numbers); the "311" services staff record; and the
 * coverage table staff watch (50% a month, 15% success, 3/1/1 a year).
 */
import {
  ageOn,
  ancestorAt,
  candidateReasonOf,
  chinaDate,
  chinaMonth,
  compareMatches,
  coverageRows,
  isWillingUnemployed,
  matchingContracts,
  maskPersonName,
  matchPositionOf,
  MONTHLY_COVERAGE_GOAL,
  type OkMatch,
  RECOMMENDATION_SUCCESS_GOAL,
  scoreMatch,
  SERVICE_311,
  type Worker,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Forbidden, Invalid } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { isPublic, positionNotFound } from '../positions/positionRepository.js';
import { proxyRefOf } from '../family/proxy.js';
import { boundWorker } from '../registry/access.js';
import { toWorker } from '../registry/workerRepository.js';
import { createRecommendationCache } from './recommendationCache.js';
import { recommendationsFor } from './recommendations.js';
import { createRecommender } from './recommender.js';

/** The registry read for one candidate list (the position's county, not employed now). */
const CANDIDATE_READ_CAP = 3_000;

export function matchingRoutes(ctx: AppContext): AnyRoute[] {
  const recommender = createRecommender(ctx);
  const cache = createRecommendationCache(ctx.table);

  /** Every worker of a region, a page at a time (the coverage table and the candidate list). */
  async function workersOf(regionCode: string, filters: { employed?: boolean; cap?: number } = {}): Promise<Worker[]> {
    const workers: Worker[] = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.workers.page({
        regionCode,
        limit: 100,
        ...(filters.employed !== undefined ? { employed: filters.employed } : {}),
        ...(cursor ? { cursor } : {}),
      });
      workers.push(...page.items.map((item) => toWorker(item)));
      cursor = page.nextCursor;
    } while (cursor && workers.length < (filters.cap ?? Infinity));
    return workers;
  }

  return [
    implement(matchingContracts.recommendations, async ({ principal }) =>
      recommendationsFor(ctx, recommender, cache, toWorker(await boundWorker(ctx, principal))),
    ),

    implement(matchingContracts.dismiss, async ({ principal, params }) => {
      const worker = await boundWorker(ctx, principal);
      const record = await ctx.positions.get(params.positionId);
      if (!record || !isPublic(record)) throw positionNotFound();
      const proxy = proxyRefOf(principal);
      const said = await ctx.matches.dismiss(worker.workerId, params.positionId, proxy);
      // On the worker's acts list when this family member said it; a retry puts the same entry again.
      if (proxy && said.proxy?.userId === proxy.userId) {
        await ctx.familyActs.ofRoute(principal, [
          {
            id: `dismissed#${params.positionId}`,
            at: said.at,
            kind: 'dismissed',
            what: `${record.position.title}（${record.position.employerName}）`,
          },
        ]);
      }
      return { dismissed: true as const };
    }),

    implement(matchingContracts.candidates, async ({ object, principal, query }) => {
      // An employer staff have not verified sees nobody: names and ages are for real employers only.
      if (principal.role === 'employer' && !object.employerVerified) {
        throw new Forbidden('单位信息通过审核后才能查看推荐人选', 'Only a verified employer sees candidates.');
      }
      const { position } = object;
      const now = new Date();
      const today = chinaDate(now);
      const target = matchPositionOf(position);
      const pool = (
        await workersOf(ancestorAt(position.regionCode, 'county'), { employed: false, cap: CANDIDATE_READ_CAP })
      ).filter((w) => isWillingUnemployed(w, today));
      const applied = new Set((await ctx.applications.ofPosition(position.positionId)).map((a) => a.workerId));
      const scored: { worker: Worker; match: OkMatch; homeIsVillageCentre: boolean }[] = [];
      for (const worker of pool) {
        let placed;
        try {
          placed = await recommender.matchWorker(worker);
        } catch {
          continue; // no location known at all: cannot be placed
        }
        const match = scoreMatch(placed, target, { today });
        if (match.ok) scored.push({ worker, match, homeIsVillageCentre: placed.homeIsVillageCentre });
      }
      // The reciprocal order: best score first; for equal scores, by worker id.
      scored.sort((a, b) => compareMatches(a.match, b.match));
      return {
        considered: pool.length,
        candidates: scored.slice(0, query.limit).map(({ worker, match, homeIsVillageCentre }) => ({
          workerId: worker.workerId,
          nameMasked: maskPersonName(worker.name),
          age: ageOn(worker.birthDate, today),
          villageCode: worker.villageCode,
          labourClass: worker.labourClass,
          skills: worker.skills,
          score: match.score,
          reason: candidateReasonOf(match.factors, match.distanceKm, homeIsVillageCentre),
          factors: match.factors,
          applied: applied.has(worker.workerId),
        })),
      };
    }),

    implement(matchingContracts.recordService, async ({ object, principal, body }) => {
      const worker = object;
      if (body.positionId && !(await ctx.positions.get(body.positionId))) {
        throw new Invalid('没有这个岗位', 'No such position.', 'body.positionId');
      }
      return ctx.matches.recordService(worker.workerId, { ...body, by: principal.userId });
    }),

    implement(matchingContracts.services, async ({ object, query }) => {
      const worker = object;
      const year = query.year ?? chinaMonth(new Date()).slice(0, 4);
      const [page, summaries] = await Promise.all([
        ctx.matches.services(worker.workerId, year, query),
        ctx.matches.summaries([worker.workerId], year),
      ]);
      const { jobRecommendation, careerGuidance, trainingOffer } = summaries.get(worker.workerId)!;
      return { year, ...page, counts: { jobRecommendation, careerGuidance, trainingOffer } };
    }),

    implement(matchingContracts.coverage, async ({ query }) => {
      const now = new Date();
      const today = chinaDate(now);
      const month = query.month ?? chinaMonth(now);
      const workers = await workersOf(query.regionCode);
      const summaries = await ctx.matches.summaries(
        workers.map((w) => w.workerId),
        month.slice(0, 4),
      );
      const areaLevel = query.regionCode.length === 6 ? 'township' : 'village';
      const { rows, total } = coverageRows(
        workers.map((w) => ({
          villageCode: w.villageCode,
          willingUnemployed: isWillingUnemployed(w, today),
          services: summaries.get(w.workerId)!,
        })),
        (village) => ancestorAt(village, areaLevel),
        query.regionCode,
        month,
      );
      const named = await Promise.all(
        [...rows, total].map(async (row) => {
          const region = await ctx.regions.get(row.regionCode);
          return region ? { ...row, regionName: region.name } : row;
        }),
      );
      return {
        month,
        goals: { monthlyCoverage: MONTHLY_COVERAGE_GOAL, successRate: RECOMMENDATION_SUCCESS_GOAL, service311: SERVICE_311 },
        rows: named.slice(0, -1),
        total: named.at(-1)!,
      };
    }),
  ];
}
