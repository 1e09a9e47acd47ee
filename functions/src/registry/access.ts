/** How a route reaches a registry record: staff within their region, a worker through their binding. */
import type { Principal } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { requireRegionScope } from '../auth/scope.js';
import { ApiError } from '../http/apiError.js';
import { workerNotFound, type WorkerItem } from './workerRepository.js';

export const STAFF = ['staff', 'admin'] as const;

/** A record the staff caller may see: 404 when missing, 403 when outside their region. */
export async function workerInScope(ctx: AppContext, principal: Principal, workerId: string): Promise<WorkerItem> {
  const item = await ctx.workers.getItem(workerId);
  if (!item) throw workerNotFound();
  requireRegionScope(principal, STAFF, item.villageCode, 'params.workerId');
  return item;
}

/** The record the calling worker's account is bound to. */
export async function boundWorker(ctx: AppContext, principal: Principal): Promise<WorkerItem> {
  const user = await ctx.users.get(principal.userId);
  const item = user?.workerId ? await ctx.workers.getItem(user.workerId) : undefined;
  if (!item)
    throw new ApiError(
      'NOT_FOUND',
      '您还没有绑定身份，请先在“我的信息”里绑定',
      'This account is not bound to a registry record.',
    );
  return item;
}
