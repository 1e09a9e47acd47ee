import { z } from 'zod';
import {
  acceptedMonthSchema,
  employmentInputSchema,
  employmentRecordSchema,
  employmentConfirmationSchema,
  isFutureMonth,
  levelOfRegion,
  type EmploymentInput,
  type Principal,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Invalid } from '../errors.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { boundWorker, STAFF } from './access.js';
import type { EmploymentAuthor } from './employmentRepository.js';
import type { WorkerItem } from './workerRepository.js';

const workerId = z.string().regex(/^w_[0-9a-f-]{36}$/, '不是台账记录编号');
const monthParam = acceptedMonthSchema.refine((month) => !isFutureMonth(month, new Date()), '不能填写还没到的月份');

/** An officer as a month's source names them: who, and the level of the region they serve. */
function officer(principal: Principal) {
  return { userId: principal.userId, level: levelOfRegion(principal.regionCode!) };
}

export function employmentRoutes(ctx: AppContext): AnyRoute[] {
  function record(item: WorkerItem, month: string, input: EmploymentInput, by: EmploymentAuthor) {
    if (item.registryExitDate && month > item.registryExitDate.slice(0, 7)) {
      throw new Invalid('这个人在这个月之前已退出台账', 'The worker had left the registry before that month.', 'params.month');
    }
    return ctx.employment.record(item.workerId, month, input, by);
  }

  const recordResponse = z.object({ record: employmentRecordSchema });
  const timelineResponse = z.object({ records: z.array(employmentRecordSchema) });

  return [
    defineRoute({
      method: 'put',
      path: '/api/v1/registry/workers/:workerId/employment/:month',
      summary: 'Staff: record a worker’s employment for a month (a later record supersedes, history kept)',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: z.object({ workerId, month: monthParam }),
      body: employmentInputSchema,
      response: recordResponse,
      handler: async ({ object, principal, params, body }) => {
        const item = object;
        return { record: await record(item, params.month, body, { source: 'staff', ...officer(principal) }) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/registry/workers/:workerId/employment/:month/confirmation',
      summary:
        'Staff: confirm (核实) a worker’s own report of a month, as read at its revision; only then does it count for money',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: z.object({ workerId, month: acceptedMonthSchema }),
      body: employmentConfirmationSchema,
      response: recordResponse,
      handler: async ({ object, principal, params, body }) => ({
        record: await ctx.employment.confirm(object.workerId, params.month, body.revision, officer(principal)),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/registry/workers/:workerId/employment',
      summary: 'Staff: a worker’s month-by-month employment, newest first',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: z.object({ workerId }),
      response: timelineResponse,
      handler: async ({ object }) => ({
        records: await ctx.employment.timeline(object.workerId),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/registry/workers/:workerId/employment/:month/history',
      summary: 'Staff: every revision of one month, oldest first',
      tag: 'registry',
      access: STAFF,
      scope: { kind: 'object', entity: 'worker', field: 'params.workerId', id: ({ params }) => params.workerId },
      params: z.object({ workerId, month: acceptedMonthSchema }),
      response: z.object({ revisions: z.array(employmentRecordSchema) }),
      handler: async ({ object, params }) => ({
        revisions: await ctx.employment.history(object.workerId, params.month),
      }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/v1/me/employment/:month',
      summary: 'Worker: report their own employment for a month',
      tag: 'registry',
      access: ['worker'],
      scope: { kind: 'self' },
      params: z.object({ month: monthParam }),
      body: employmentInputSchema,
      response: recordResponse,
      handler: async ({ principal, params, body }) => ({
        record: await record(await boundWorker(ctx, principal), params.month, body, { source: 'self', userId: principal.userId }),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/me/employment',
      summary: 'Worker: their own month-by-month employment',
      tag: 'registry',
      access: ['worker'],
      scope: { kind: 'self' },
      response: timelineResponse,
      handler: async ({ principal }) => ({
        records: await ctx.employment.timeline((await boundWorker(ctx, principal)).workerId),
      }),
    }),
  ];
}
