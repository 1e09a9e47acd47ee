import * as z from 'zod';
import { proxyRefSchema } from '../family/family.js';
import { REGION_LEVELS, regionCodeSchema } from '../regions/regionCode.js';

/** worker 劳动者 · employer 用人单位 · staff 经办人员 · admin 系统管理员 */
export const ROLES = ['worker', 'employer', 'staff', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** A staff member's level is the level of the region they serve (村 / 乡镇 / 旗县 / 盟市 / 自治区). */
export const staffLevelSchema = z.enum(REGION_LEVELS);
export type StaffLevel = z.infer<typeof staffLevelSchema>;

/**
 * 亲情服务: the family member who is acting for the account's worker, and the link that lets
 * them (shared/src/family). Only the authenticator sets it, from a checked link.
 */
export const principalProxySchema = proxyRefSchema.extend({ linkId: z.string() });
export type PrincipalProxy = z.infer<typeof principalProxySchema>;

/** Who is calling, as carried in the session token. */
export const principalSchema = z.object({
  userId: z.string().min(1),
  role: roleSchema,
  /** Staff and admins act within this region and everything below it. */
  regionCode: regionCodeSchema.optional(),
  /**
   * Set while a family member acts for this (worker's) account: `userId` is the worker's, the
   * proxy names who is really there. Routes not declared open to a proxy refuse the request.
   */
  proxy: principalProxySchema.optional(),
});
export type Principal = z.infer<typeof principalSchema>;
