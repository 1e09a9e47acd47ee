import { employmentContracts, levelOfRegion, type EmploymentInput, type Principal } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { Invalid } from '../errors.js';
import { implement, type AnyRoute } from '../http/route.js';
import { boundWorker } from './access.js';
import type { EmploymentAuthor } from './employmentRepository.js';
import type { WorkerItem } from './workerRepository.js';

/** An officer as a month's source names them: who, and the level of the region they serve. */
function officer(principal: Principal) {
  return { userId: principal.userId, level: levelOfRegion(principal.regionCode!) };
}

export function employmentRoutes(ctx: AppContext): AnyRoute[] {
  function record(item: WorkerItem, month: string, input: EmploymentInput, by: EmploymentAuthor) {
    if (item.registryExitDate && month > item.registryExitDate.slice(0, 7)) {
      throw new Invalid('这个人在这个月之前已退出台账', 'The worker had left the registry before that month.', 'params.month');
    }
    return ctx.employment.record(item, month, input, by);
  }

  return [
    implement(employmentContracts.record, async ({ object, principal, params, body }) => {
      const item = object;
      return { record: await record(item, params.month, body, { source: 'staff', ...officer(principal) }) };
    }),
    implement(employmentContracts.confirm, async ({ object, principal, params, body }) => ({
      record: await ctx.employment.confirm(object.workerId, params.month, body.revision, officer(principal)),
    })),
    implement(employmentContracts.timeline, async ({ object, query }) => ctx.employment.timelinePage(object.workerId, query)),
    implement(employmentContracts.history, async ({ object, params }) => ({
      revisions: await ctx.employment.history(object.workerId, params.month),
    })),
    implement(employmentContracts.recordMine, async ({ principal, params, body }) => ({
      record: await record(await boundWorker(ctx, principal), params.month, body, { source: 'self', userId: principal.userId }),
    })),
    implement(employmentContracts.mine, async ({ principal, query }) =>
      ctx.employment.timelinePage((await boundWorker(ctx, principal)).workerId, query),
    ),
  ];
}
