import {
  ageOn,
  applicationContracts,
  chinaDate,
  distanceKm,
  isListable,
  type Applicant,
  type Application,
  type LatLng,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { boundWorker } from '../registry/access.js';
import { workerNotFound, type WorkerItem } from '../registry/workerRepository.js';
import { isReadableByAll } from './access.js';
import { toCard } from './geoQuery.js';
import { positionNotFound } from './positionRepository.js';
import { applicationOf, confirmHire } from './positionService.js';

const ASSISTED_GROUPS = new Set(['povertyAlleviated', 'monitored']);

export function applicationRoutes(ctx: AppContext): AnyRoute[] {
  /** Where a worker lives for distances: their home, else their village's centre. */
  async function homeOf(worker: WorkerItem): Promise<LatLng | undefined> {
    return worker.home ?? (await ctx.regions.get(worker.villageCode))?.center;
  }

  async function applicantView(application: Application, location: LatLng, today: string): Promise<Applicant> {
    const worker = await ctx.workers.getItem(application.workerId);
    if (!worker) throw workerNotFound();
    const home = await homeOf(worker);
    return {
      workerId: worker.workerId,
      name: worker.name,
      sex: worker.sex,
      age: ageOn(worker.birthDate, today),
      labourClass: worker.labourClass,
      skills: worker.skills,
      certificates: worker.certificates.map((c) => c.name),
      assisted: worker.groups.some((g) => ASSISTED_GROUPS.has(g)),
      ...(home ? { distanceKm: Math.round(distanceKm(home, location) * 10) / 10 } : {}),
      // The phone is for arranging work: shown once the employer has said yes.
      ...(worker.phone && ['accepted', 'hired'].includes(application.status) ? { phone: worker.phone } : {}),
      application,
    };
  }

  return [
    implement(applicationContracts.apply, async ({ principal, params }) => {
      const worker = await boundWorker(ctx, principal);
      const record = await ctx.positions.get(params.positionId);
      if (!record || !isReadableByAll(record)) throw positionNotFound();
      const existing = await ctx.applications.get(params.positionId, worker.workerId);
      if (existing) return { application: existing, created: false };
      if (!isListable(record.position, chinaDate(new Date()))) {
        throw new Conflict('这个岗位已经招满或停止招聘了，看看别的岗位吧', 'The position is no longer open.');
      }
      const applied = await ctx.applications.apply(params.positionId, worker.workerId, principal.userId);
      // A recommendation that led to an application counts toward the "311" success rate.
      if (applied.created) await ctx.matches.followedByApplication(worker.workerId, params.positionId);
      return applied;
    }),

    implement(applicationContracts.mine, async ({ principal }) => {
      const worker = await boundWorker(ctx, principal);
      const applications = await ctx.applications.ofWorker(worker.workerId);
      const rows = await Promise.all(
        applications.map(async (application) => {
          const record = await ctx.positions.get(application.positionId);
          return record ? { application, position: toCard(record.position) } : undefined;
        }),
      );
      return { applications: rows.filter((row) => row !== undefined) };
    }),

    implement(applicationContracts.ofPosition, async ({ object }) => {
      const { position } = object;
      const today = chinaDate(new Date());
      const applications = await ctx.applications.ofPosition(position.positionId);
      return { applicants: await Promise.all(applications.map((a) => applicantView(a, position.location, today))) };
    }),

    // The scope has checked that the position is the caller's own.
    implement(applicationContracts.decide, async ({ principal, params, body }) => {
      const application = await applicationOf(ctx, params.positionId, params.workerId);
      return { application: await ctx.applications.decide(application, body.decision, principal.userId, body.reason) };
    }),

    implement(applicationContracts.hire, async ({ object, principal, params, body }) =>
      confirmHire(ctx, object.position, params.workerId, principal.userId, body.monthlyIncomeFen),
    ),
  ];
}
