/** How a worker's route reaches their own registry record: through their binding. (Staff reach records through the route's scope.) */
import type { Principal } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { NotFound } from '../errors.js';
import type { WorkerItem } from './workerRepository.js';

const notBound = () =>
  new NotFound('您还没有绑定身份，请先在“我的信息”里绑定', 'This account is not bound to a registry record.');

/** The id of the record the calling worker's account is bound to (one read, when the record itself is not needed). */
export async function boundWorkerId(ctx: Pick<AppContext, 'users'>, principal: Principal): Promise<string> {
  const user = await ctx.users.ofPrincipal(principal);
  if (!user?.workerId) throw notBound();
  return user.workerId;
}

/** The record the calling worker's account is bound to. */
export async function boundWorker(ctx: AppContext, principal: Principal): Promise<WorkerItem> {
  const item = await ctx.workers.getItem(await boundWorkerId(ctx, principal));
  if (!item) throw notBound();
  return item;
}
