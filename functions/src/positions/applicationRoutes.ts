import { z } from 'zod';
import {
  ageOn,
  applicantSchema,
  applicationDecisionSchema,
  applicationSchema,
  chinaDate,
  distanceKm,
  hireEmployment,
  hireSchema,
  isListable,
  myApplicationSchema,
  positionSchema,
  type Applicant,
  type Application,
  type LatLng,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Conflict, Invalid } from '../errors.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { boundWorker } from '../registry/access.js';
import { workerNotFound, type WorkerItem } from '../registry/workerRepository.js';
import { isReadableByAll } from './access.js';
import { applicationNotFound } from './applicationRepository.js';
import { toCard } from './geoQuery.js';
import { positionIdParams } from './positionRoutes.js';
import { positionNotFound } from './positionRepository.js';

const applicantParams = positionIdParams.extend({ workerId: z.string().regex(/^w_[0-9a-f-]{36}$/, '不是台账记录编号') });
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

  async function applicationOf(positionId: string, workerId: string): Promise<Application> {
    const application = await ctx.applications.get(positionId, workerId);
    if (!application) throw applicationNotFound();
    return application;
  }

  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/positions/:positionId/applications',
      summary: 'Worker (bound): apply for an open position; applying again returns the same application',
      tag: 'applications',
      access: ['worker'],
      scope: { kind: 'self' },
      params: positionIdParams,
      response: z.object({ application: applicationSchema, created: z.boolean() }),
      handler: async ({ principal, params }) => {
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
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/me/applications',
      summary: 'Worker: their applications with the jobs, newest first',
      tag: 'applications',
      access: ['worker'],
      scope: { kind: 'self' },
      response: z.object({ applications: z.array(myApplicationSchema) }),
      handler: async ({ principal }) => {
        const worker = await boundWorker(ctx, principal);
        const applications = await ctx.applications.ofWorker(worker.workerId);
        const rows = await Promise.all(
          applications.map(async (application) => {
            const record = await ctx.positions.get(application.positionId);
            return record ? { application, position: toCard(record.position) } : undefined;
          }),
        );
        return { applications: rows.filter((row) => row !== undefined) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/v1/positions/:positionId/applications',
      summary: 'Employer of the position, or staff in scope: the applicants, with what matters for the job (no ID number)',
      tag: 'applications',
      access: ['employer', 'staff', 'admin'],
      scope: { kind: 'object', entity: 'position', field: 'params.positionId', id: ({ params }) => params.positionId },
      params: positionIdParams,
      response: z.object({ applicants: z.array(applicantSchema) }),
      handler: async ({ object }) => {
        const { position } = object;
        const today = chinaDate(new Date());
        const applications = await ctx.applications.ofPosition(position.positionId);
        return { applicants: await Promise.all(applications.map((a) => applicantView(a, position.location, today))) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/positions/:positionId/applications/:workerId/decision',
      summary: 'Employer: accept an application (to meet) or reject it with a reason the worker reads',
      tag: 'applications',
      access: ['employer'],
      scope: { kind: 'object', entity: 'position', field: 'params.positionId', id: ({ params }) => params.positionId },
      params: applicantParams,
      body: applicationDecisionSchema,
      response: z.object({ application: applicationSchema }),
      // The scope has checked that the position is the caller's own.
      handler: async ({ principal, params, body }) => {
        const application = await applicationOf(params.positionId, params.workerId);
        return { application: await ctx.applications.decide(application, body.decision, principal.userId, body.reason) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/api/v1/positions/:positionId/applications/:workerId/hire',
      summary: 'Employer: confirm a hire — filled count +1 (never past headcount) and the worker’s month recorded, together',
      tag: 'applications',
      access: ['employer'],
      scope: { kind: 'object', entity: 'position', field: 'params.positionId', id: ({ params }) => params.positionId },
      params: applicantParams,
      body: hireSchema,
      response: z.object({ application: applicationSchema, position: positionSchema }),
      handler: async ({ object, principal, params, body }) => {
        const { position } = object;
        const application = await applicationOf(params.positionId, params.workerId);
        const worker = await ctx.workers.getItem(application.workerId);
        if (!worker) throw workerNotFound();
        const employment = hireEmployment(position, worker.villageCode, body.monthlyIncomeFen);
        if (!employment) {
          throw new Invalid(
            '计件岗位请填写谈好的月收入',
            'Piece-rate work needs the agreed monthly income.',
            'body.monthlyIncomeFen',
          );
        }
        const hired = await ctx.applications.hire(application, employment, principal.userId);
        await ctx.positions.markFilledIfFull(position.positionId);
        await ctx.matches.followedByHire(application.workerId, position.positionId);
        const after = await ctx.positions.get(position.positionId);
        return { application: hired.application, position: after!.position };
      },
    }),
  ];
}
