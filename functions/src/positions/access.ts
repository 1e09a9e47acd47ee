/** How an employer's routes reach its own profile, and who may read a position. (Staff reach them through the route's scope.) */
import type { Employer, Principal } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { NotFound } from '../errors.js';
import type { PositionRecord } from './positionRepository.js';

/** The employer profile of the calling employer account. */
export async function ownEmployer(ctx: Pick<AppContext, 'users' | 'employers'>, principal: Principal): Promise<Employer> {
  const user = await ctx.users.ofPrincipal(principal);
  const employer = user?.employerId ? await ctx.employers.get(user.employerId) : undefined;
  if (!employer) {
    throw new NotFound('请先填写单位信息', 'This account has no employer profile yet.');
  }
  return employer;
}

/** Whether anyone may read it: a verified employer's position that is not a draft. */
export function isReadableByAll(record: PositionRecord): boolean {
  return record.employerVerified && record.position.status !== 'draft';
}
