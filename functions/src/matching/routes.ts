/**
 * 人岗匹配 over HTTP: a worker's recommendations (this month's pushes first, then the best
 * live matches) with reasons; "not interested", remembered; the reciprocal candidate list
 * for an employer's position (no ID numbers); the "311" services staff record; and the
 * coverage table staff watch (50% a month, 15% success, 3/1/1 a year).
 */
import { z } from 'zod';
import {
  acceptedMonthSchema,
  ageOn,
  ancestorAt,
  candidateReasonOf,
  chinaDate,
  chinaMonth,
  compareMatches,
  countyOrFinerSchema,
  coverageRows,
  distanceKm,
  FACTORS,
  isListable,
  isWillingUnemployed,
  matchPositionOf,
  MONTHLY_COVERAGE_GOAL,
  monthSchema,
  type OkMatch,
  positionCardSchema,
  RECOMMENDATION_SUCCESS_GOAL,
  scoreMatch,
  SERVICE_311,
  type Worker,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { ApiError } from '../http/apiError.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { toCard } from '../positions/geoQuery.js';
import { isPublic, positionNotFound } from '../positions/positionRepository.js';
import { positionIdParams } from '../positions/positionRoutes.js';
import { boundWorker, STAFF } from '../registry/access.js';
import { toWorker } from '../registry/workerRepository.js';
import { SERVICE_KINDS } from './matchRepository.js';
import { createRecommender } from './recommender.js';

/** Recommendations shown at once: this month's pushes and then live matches, together. */
const SHOWN = 10;
/** The registry read for one candidate list (the position's county, not employed now). */
const CANDIDATE_READ_CAP = 3_000;

const factorSchema = z.object({
  factor: z.enum(FACTORS),
  score: z.number(),
  weight: z.number(),
  points: z.number(),
  text: z.string().optional(),
});

const recommendationSchema = z.object({
  position: positionCardSchema.required({ distanceKm: true }),
  score: z.number(),
  reason: z.string(),
  factors: z.array(factorSchema),
  /** Pushed this month (为你推荐), rather than found just now. */
  pushed: z.boolean(),
});

const candidateSchema = z.object({
  workerId: z.string(),
  /** The surname and stars: enough to recognise an applicant, no more. */
  nameMasked: z.string(),
  age: z.number().int(),
  villageCode: z.string(),
  labourClass: z.string(),
  skills: z.array(z.string()),
  score: z.number(),
  reason: z.string(),
  factors: z.array(factorSchema),
  applied: z.boolean(),
});

const coverageRowSchema = z.object({
  regionCode: z.string(),
  regionName: z.string().optional(),
  workers: z.number().int(),
  willingUnemployed: z.number().int(),
  reachedThisMonth: z.number().int(),
  monthlyCoverage: z.number().nullable(),
  meetsCoverageGoal: z.boolean(),
  below311: z.number().int(),
  short: z.object({ jobRecommendation: z.number().int(), careerGuidance: z.number().int(), trainingOffer: z.number().int() }),
  recommendations: z.number().int(),
  applications: z.number().int(),
  hires: z.number().int(),
  successRate: z.number().nullable(),
  meetsSuccessGoal: z.boolean(),
});

const workerIdParams = z.object({ workerId: z.string().regex(/^w_[0-9a-f-]{36}$/, '不是台账记录编号') });

const maskName = (name: string) => `${[...name][0] ?? ''}${'*'.repeat(Math.max(1, [...name].length - 1))}`;

export function matchingRoutes(ctx: AppContext): AnyRoute[] {
  const recommender = createRecommender(ctx);

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
    defineRoute({
      method: 'get',
      path: '/api/v1/me/recommendations',
      summary: 'Worker (bound): jobs for them with the reasons — this month’s pushes first, then the best live matches',
      tag: 'matching',
      access: ['worker'],
      scope: { kind: 'self' },
      response: z.object({
        month: monthSchema,
        /** No home address on the registry: distances are from the village centre (the reasons say so). */
        homeIsVillageCentre: z.boolean(),
        recommendations: z.array(recommendationSchema),
      }),
      handler: async ({ principal }) => {
        const worker = toWorker(await boundWorker(ctx, principal));
        const now = new Date();
        const [today, month] = [chinaDate(now), chinaMonth(now)];
        const match = await recommender.matchWorker(worker);
        const [pushes, dismissed, applications] = await Promise.all([
          ctx.matches.pushesOf(worker.workerId),
          ctx.matches.dismissed(worker.workerId),
          ctx.applications.ofWorker(worker.workerId),
        ]);
        const done = new Set([...dismissed, ...applications.map((a) => a.positionId)]);
        const shown: z.infer<typeof recommendationSchema>[] = [];
        const card = (position: Parameters<typeof toCard>[0]) => ({
          ...toCard(position),
          distanceKm: Math.round(distanceKm(match.home, position.location) * 100) / 100,
        });
        const current = pushes
          .filter((p) => p.month === month && !done.has(p.positionId))
          .sort((a, b) => b.score - a.score || (a.positionId < b.positionId ? -1 : 1));
        for (const push of current) {
          const record = await ctx.positions.get(push.positionId);
          if (!record || !isPublic(record) || !isListable(record.position, today)) continue;
          shown.push({
            position: card(record.position),
            score: push.score,
            reason: push.reason,
            factors: push.factors,
            pushed: true,
          });
        }
        const skip = new Set([...done, ...pushes.map((p) => p.positionId)]);
        for (const { match: found, position } of await recommender.recommend(
          match,
          Math.max(0, SHOWN - shown.length),
          skip,
          now,
        )) {
          shown.push({
            position: card(position),
            score: found.score,
            reason: found.reason,
            factors: found.factors,
            pushed: false,
          });
        }
        return { month, homeIsVillageCentre: match.homeIsVillageCentre, recommendations: shown };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/me/recommendations/:positionId/dismiss',
      summary: 'Worker (bound): not interested (不感兴趣) — never recommended or pushed to them again',
      tag: 'matching',
      access: ['worker'],
      scope: { kind: 'self' },
      params: positionIdParams,
      response: z.object({ dismissed: z.literal(true) }),
      handler: async ({ principal, params }) => {
        const worker = await boundWorker(ctx, principal);
        const record = await ctx.positions.get(params.positionId);
        if (!record || !isPublic(record)) throw positionNotFound();
        await ctx.matches.dismiss(worker.workerId, params.positionId);
        return { dismissed: true as const };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/positions/:positionId/candidates',
      summary:
        'Employer (its own position) or staff in scope: the best-suited willing workers of the county, with reasons, no ID numbers',
      tag: 'matching',
      access: ['employer', ...STAFF],
      scope: { kind: 'object', entity: 'position', field: 'params.positionId', id: ({ params }) => params.positionId },
      params: positionIdParams,
      query: z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) }),
      response: z.object({ candidates: z.array(candidateSchema), considered: z.number().int() }),
      handler: async ({ object, principal, query }) => {
        // An employer staff have not verified sees nobody: names and ages are for real employers only.
        if (principal.role === 'employer' && !object.employerVerified) {
          throw new ApiError('FORBIDDEN', '单位信息通过审核后才能查看推荐人选', 'Only a verified employer sees candidates.');
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
            nameMasked: maskName(worker.name),
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
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/registry/workers/:workerId/services',
      summary: 'Staff: record a "311" service given — a job recommended, career guidance, a training offer',
      tag: 'matching',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: workerIdParams,
      body: z.strictObject({
        kind: z.enum(SERVICE_KINDS),
        note: z.string().trim().min(2, '请写一句做了什么（至少 2 个字）').max(200),
        positionId: z
          .string()
          .regex(/^p_[0-9a-f-]{36}$/, '不是岗位编号')
          .optional(),
      }),
      response: z.object({ serviceId: z.string(), at: z.string() }),
      status: 201,
      handler: async ({ object, principal, body }) => {
        const worker = object;
        if (body.positionId && !(await ctx.positions.get(body.positionId))) {
          throw new ApiError('VALIDATION_FAILED', '没有这个岗位', 'No such position.', 'body.positionId');
        }
        return ctx.matches.recordService(worker.workerId, { ...body, by: principal.userId });
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/registry/workers/:workerId/services',
      summary: 'Staff: the "311" services a worker got in a year, and the counts against 3/1/1',
      tag: 'matching',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: workerIdParams,
      query: z.object({
        year: z
          .string()
          .regex(/^\d{4}$/, '年份应为 4 位数字')
          .optional(),
      }),
      response: z.object({
        year: z.string(),
        services: z.array(
          z.object({
            serviceId: z.string(),
            kind: z.enum(SERVICE_KINDS),
            note: z.string(),
            by: z.string(),
            at: z.string(),
            positionId: z.string().optional(),
          }),
        ),
        counts: z.object({ jobRecommendation: z.number(), careerGuidance: z.number(), trainingOffer: z.number() }),
      }),
      handler: async ({ object, query }) => {
        const worker = object;
        const year = query.year ?? chinaMonth(new Date()).slice(0, 4);
        const [services, summaries] = await Promise.all([
          ctx.matches.services(worker.workerId, year),
          ctx.matches.summaries([worker.workerId], year),
        ]);
        const { jobRecommendation, careerGuidance, trainingOffer } = summaries.get(worker.workerId)!;
        return { year, services, counts: { jobRecommendation, careerGuidance, trainingOffer } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/matching/coverage',
      summary: 'Staff: per township (of a county) or village (of a township): this month’s push coverage, 311 gaps, success rate',
      tag: 'matching',
      access: STAFF,
      scope: { kind: 'region', field: 'query.regionCode', region: ({ query }) => query.regionCode },
      query: z.object({
        regionCode: countyOrFinerSchema,
        month: acceptedMonthSchema.optional(),
      }),
      response: z.object({
        month: monthSchema,
        goals: z.object({
          monthlyCoverage: z.number(),
          successRate: z.number(),
          service311: z.object({ jobRecommendation: z.number(), careerGuidance: z.number(), trainingOffer: z.number() }),
        }),
        rows: z.array(coverageRowSchema),
        total: coverageRowSchema,
      }),
      handler: async ({ query }) => {
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
      },
    }),
  ];
}
