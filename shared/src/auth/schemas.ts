/** Payloads of the auth and account routes, shared by the API and the mini-program. */
import * as z from 'zod';
import { nameSchema } from '../names.js';
import { regionCodeSchema } from '../regions/regionCode.js';
import { roleSchema, staffLevelSchema } from './roles.js';

export const wechatLoginRequestSchema = z.strictObject({
  /** The one-time code from wx.login(). */
  code: z.string().min(1).max(128),
});

export const devLoginRequestSchema = z.strictObject({
  userId: z.string().min(1).max(64),
});

/**
 * A staff member's duties in the life of a claim, kept apart so that no one person
 * moves public money alone: review 审核 (first decision), recheck 复核 (the second
 * approval of large claims), pay 发放 (payment batches and the bank's file).
 */
export const STAFF_DUTIES = ['review', 'recheck', 'pay'] as const;
export type StaffDuty = (typeof STAFF_DUTIES)[number];

export const userSchema = z.object({
  userId: z.string(),
  role: roleSchema,
  displayName: z.string(),
  staffLevel: staffLevelSchema.optional(),
  /** Staff only: what they may do with claims; none when absent. */
  duties: z.array(z.enum(STAFF_DUTIES)).optional(),
  regionCode: regionCodeSchema.optional(),
  /** Full region name, e.g. 内蒙古自治区包头市固阳县金山镇 */
  regionName: z.string().optional(),
  /** 关怀版: larger type everywhere. */
  careMode: z.boolean(),
  /** The registry record this worker account is bound to (实名绑定). */
  workerId: z.string().optional(),
  /** The employer profile this employer account manages. */
  employerId: z.string().optional(),
  /** True for accounts created by the demo seed. */
  demo: z.boolean().optional(),
  createdAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: userSchema,
});
export type Session = z.infer<typeof sessionSchema>;

export const updateMeRequestSchema = z.strictObject({
  /** The version the client last read; a stale one is refused with 409. */
  version: z.number().int().min(1),
  displayName: nameSchema(1, 32).optional(),
  careMode: z.boolean().optional(),
});

export const demoLoginSchema = z.object({
  userId: z.string(),
  role: roleSchema,
  displayName: z.string(),
  /** What this login shows, in plain Chinese (e.g. 金山镇 乡镇经办人员). */
  description: z.string(),
});
export type DemoLogin = z.infer<typeof demoLoginSchema>;
