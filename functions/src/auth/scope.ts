import { decide, type Principal, type RegionCode, type Role } from '@bangfu/shared';
import { ApiError } from '../http/apiError.js';

/** Throws 403 unless the caller's role and region scope cover `regionCode`. */
export function requireRegionScope(principal: Principal, roles: readonly Role[], regionCode: RegionCode, field: string): void {
  const decision = decide(principal, { roles, regionCode });
  if (decision.allowed) return;
  throw decision.reason === 'role'
    ? new ApiError('FORBIDDEN', '您的账号没有这项权限', 'Your role may not do this.')
    : new ApiError('FORBIDDEN', '这个地区不在您的管辖范围内', 'That region is outside your scope.', field);
}
