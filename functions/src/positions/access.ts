/** How routes reach employers and positions: the employer through its account, staff within their region. */
import type { Employer, Principal } from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { requireRegionScope } from '../auth/scope.js';
import { ApiError } from '../http/apiError.js';
import { STAFF } from '../registry/access.js';
import { employerNotFound } from './employerRepository.js';
import { positionNotFound, type PositionRecord } from './positionRepository.js';

/** The employer profile of the calling employer account. */
export async function ownEmployer(ctx: AppContext, principal: Principal): Promise<Employer> {
  const user = await ctx.users.get(principal.userId);
  const employer = user?.employerId ? await ctx.employers.get(user.employerId) : undefined;
  if (!employer) {
    throw new ApiError('NOT_FOUND', '请先填写单位信息', 'This account has no employer profile yet.');
  }
  return employer;
}

export async function employerInScope(ctx: AppContext, principal: Principal, employerId: string): Promise<Employer> {
  const employer = await ctx.employers.get(employerId);
  if (!employer) throw employerNotFound();
  requireRegionScope(principal, STAFF, employer.regionCode, 'params.employerId');
  return employer;
}

/**
 * A position the caller may manage: an employer its own (403 for another's), staff
 * one in their region. 404 when it does not exist.
 */
export async function managedPosition(ctx: AppContext, principal: Principal, positionId: string): Promise<PositionRecord> {
  const record = await ctx.positions.get(positionId);
  if (!record) throw positionNotFound();
  if (principal.role === 'employer') {
    const user = await ctx.users.get(principal.userId);
    if (user?.employerId !== record.position.employerId) {
      throw new ApiError('FORBIDDEN', '这不是您单位的岗位', 'This position belongs to another employer.', 'params.positionId');
    }
  } else {
    // Staff oversee the employer (whose region they verified), wherever its work is.
    requireRegionScope(principal, STAFF, record.position.employerRegionCode ?? record.position.regionCode, 'params.positionId');
  }
  return record;
}

/** Whether anyone may read it: a verified employer's position that is not a draft. */
export function isReadableByAll(record: PositionRecord): boolean {
  return record.employerVerified && record.position.status !== 'draft';
}
