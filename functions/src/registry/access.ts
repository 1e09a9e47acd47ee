/** How a worker's route reaches their own registry record: through their binding. (Staff reach records through the route's scope.) */
import type { Principal } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { NotFound } from '../errors.js';
import type { WorkerItem } from './workerRepository.js';

/** The record the calling worker's account is bound to. */
export async function boundWorker(ctx: AppContext, principal: Principal): Promise<WorkerItem> {
  const user = await ctx.users.get(principal.userId);
  const item = user?.workerId ? await ctx.workers.getItem(user.workerId) : undefined;
  if (!item) throw new NotFound('您还没有绑定身份，请先在“我的信息”里绑定', 'This account is not bound to a registry record.');
  return item;
}
