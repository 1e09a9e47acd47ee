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
import { pageInKeyOrder } from '../db/paging.js';
import { proxyRefOf } from '../family/proxy.js';
import { boundWorker, boundWorkerId } from '../registry/access.js';
import { workerNotFound, type WorkerItem } from '../registry/workerRepository.js';
import { isReadableByAll } from './access.js';
import { toCard } from './geoQuery.js';
import { positionNotFound } from './positionRepository.js';
import { applicationOf, confirmHire } from './positionService.js';

const ASSISTED_GROUPS = new Set(['povertyAlleviated', 'monitored']);
/** What the employer (and staff over it) see of an application: not who in the family helped the worker apply. */
const withoutProxy = ({ proxy: _, ...application }: Application): Application => application;
const applicationOrder = (application: Application) => `${application.appliedAt}#${application.workerId}`;

export function applicationRoutes(ctx: AppContext): AnyRoute[] {
  /** Where a worker lives for distances: their home, else their village's centre. */
  async function homeOf(worker: WorkerItem): Promise<LatLng | undefined> {
    return worker.home ?? (await ctx.regions.get(worker.villageCode))?.center;
  }

  async function applicantView(
    application: Application,
    worker: WorkerItem,
    location: LatLng,
    today: string,
  ): Promise<Applicant> {
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
      application: withoutProxy(application),
    };
  }

  return [
    implement(applicationContracts.apply, async ({ principal, params }) => {
      const worker = await boundWorker(ctx, principal);
      const record = await ctx.positions.get(params.positionId);
      if (!record || !isReadableByAll(record)) throw positionNotFound();
      const existing = await ctx.applications.get(params.positionId, worker.workerId);
      if (!existing && !isListable(record.position, chinaDate(new Date()))) {
        throw new Conflict('这个岗位已经招满或停止招聘了，看看别的岗位吧', 'The position is no longer open.');
      }
      const proxy = proxyRefOf(principal);
      const applied = existing
        ? { application: existing, created: false }
        : await ctx.applications.apply(params.positionId, worker.workerId, principal.userId, proxy);
      // On the worker's acts list when a family member applied; a retry puts the same entry again.
      if (proxy && applied.application.proxy?.userId === proxy.userId) {
        await ctx.familyActs.ofRoute(principal, [
          {
            id: `applied#${params.positionId}`,
            at: applied.application.appliedAt,
            kind: 'applied',
            what: `${record.position.title}（${record.position.employerName}）`,
          },
        ]);
      }
      // A recommendation that led to an application counts toward the "311" success rate, once: a retry
      // whose first attempt stored the application but lost its answer (a 503 after the write) still counts it.
      await ctx.matches.followedByApplication(worker.workerId, params.positionId);
      return applied;
    }),

    implement(applicationContracts.mine, async ({ principal, query }) => {
      const page = await ctx.applications.pageOfWorker(await boundWorkerId(ctx, principal), query);
      // The page's positions in one batch read, not one read each.
      const records = await ctx.positions.getMany(page.applications.map((application) => application.positionId));
      const rows = page.applications.flatMap((application, i) => {
        const record = records[i];
        return record ? [{ application, position: toCard(record.position) }] : [];
      });
      return { applications: rows, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    }),

    implement(applicationContracts.mineFor, async ({ principal, params }) => ({
      application: (await ctx.applications.get(params.positionId, await boundWorkerId(ctx, principal))) ?? null,
    })),

    implement(applicationContracts.ofPosition, async ({ object, query }) => {
      const { position } = object;
      const today = chinaDate(new Date());
      // First come, first shown: one Query for the position's applications, then the page's people in one batch read.
      const page = pageInKeyOrder(await ctx.applications.ofPosition(position.positionId), applicationOrder, query);
      const workers = new Map(
        (await ctx.workers.getItems(page.items.map((a) => a.workerId))).map((worker) => [worker.workerId, worker]),
      );
      const applicants = await Promise.all(
        page.items.map((application) => {
          const worker = workers.get(application.workerId);
          if (!worker) throw workerNotFound();
          return applicantView(application, worker, position.location, today);
        }),
      );
      return { applicants, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    }),

    // The scope has checked that the position is the caller's own.
    // Answered with the applicant's card as the list shows it, so the page updates that card in place.
    implement(applicationContracts.decide, async ({ object, principal, params, body }) => {
      const [application, worker] = await Promise.all([
        applicationOf(ctx, params.positionId, params.workerId),
        ctx.workers.getItem(params.workerId),
      ]);
      if (!worker) throw workerNotFound();
      const decided = await ctx.applications.decide(application, body.decision, principal.userId, body.reason);
      return {
        application: withoutProxy(decided),
        applicant: await applicantView(decided, worker, object.position.location, chinaDate(new Date())),
      };
    }),

    implement(applicationContracts.hire, async ({ object, principal, params, body }) => {
      const hired = await confirmHire(ctx, object.position, params.workerId, principal.userId, body.monthlyIncomeFen);
      return { ...hired, application: withoutProxy(hired.application) };
    }),
  ];
}
