/**
 * The one authorisation rule, used by every route: the caller's role must be
 * allowed, and staff or admins may act only inside their own region
 * (a township officer never sees another township).
 */
import { isWithinRegion, type RegionCode } from '../regions/regionCode.js';
import type { Principal, Role } from './roles.js';

export type Decision = { allowed: true } | { allowed: false; reason: 'role' | 'region' };

export interface Requirement {
  roles: readonly Role[];
  /** The region the action touches, when it touches one. */
  regionCode?: RegionCode;
}

export function decide(principal: Principal, requirement: Requirement): Decision {
  if (!requirement.roles.includes(principal.role)) return { allowed: false, reason: 'role' };
  if (requirement.regionCode !== undefined && (principal.role === 'staff' || principal.role === 'admin')) {
    if (!principal.regionCode || !isWithinRegion(requirement.regionCode, principal.regionCode)) {
      return { allowed: false, reason: 'region' };
    }
  }
  return { allowed: true };
}
