/**
 * What a worker has already had from matching: every month's pushes, what they said 不感兴趣 to,
 * what they applied for. None of it is offered to them again, by 为你推荐, the daily lists or
 * the push. Three Queries, side by side.
 */
import type { AppContext } from '../appContext.js';

export async function seenBy(ctx: Pick<AppContext, 'matches' | 'applications'>, workerId: string) {
  const [pushes, dismissed, applications] = await Promise.all([
    ctx.matches.pushesOf(workerId),
    ctx.matches.dismissed(workerId),
    ctx.applications.positionIdsOfWorker(workerId),
  ]);
  /** Answered: dismissed or applied for. */
  const done = new Set([...dismissed, ...applications]);
  return { pushes, done, skip: new Set([...done, ...pushes.map((p) => p.positionId)]) };
}
