import * as z from 'zod';
import { REGION_LEVELS, regionCodeSchema } from '../regions/regionCode.js';

/** worker 劳动者 · employer 用人单位 · staff 经办人员 · admin 系统管理员 */
export const ROLES = ['worker', 'employer', 'staff', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** A staff member's level is the level of the region they serve (村 / 乡镇 / 旗县 / 盟市 / 自治区). */
export const staffLevelSchema = z.enum(REGION_LEVELS);
export type StaffLevel = z.infer<typeof staffLevelSchema>;

/** Who is calling, as carried in the session token. */
export const principalSchema = z.object({
  userId: z.string().min(1),
  role: roleSchema,
  /** Staff and admins act within this region and everything below it. */
  regionCode: regionCodeSchema.optional(),
});
export type Principal = z.infer<typeof principalSchema>;
