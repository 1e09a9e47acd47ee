/**
 * Employers (用人单位) of the kinds the policies name, and what staff decide
 * about them: whether they are verified (only then are their positions public)
 * and, for a 帮扶车间, its recognition (认定 / 退出, file 000 §(二)).
 */
import * as z from 'zod';
import { nameSchema } from '../names.js';
import { regionCodeSchema } from '../regions/regionCode.js';
import { gcj02PointSchema, phoneSchema } from '../registry/worker.js';
import { EMPLOYER_KINDS, VERIFICATION_STATUSES } from './labels.js';

/** A workshop's standing under 《内蒙古自治区就业帮扶车间管理办法》: recognised, or made to exit. */
export const workshopStatusSchema = z.strictObject({
  recognition: z.enum(['recognised', 'exited']), // 认定 / 退出
  decidedOn: z.iso.date(),
  /** 帮扶对象 (people helped) it employs now. */
  assistedEmployees: z.number().int().min(0).max(100_000),
});
export type WorkshopStatus = z.infer<typeof workshopStatusSchema>;

/** What an employer account enters about itself. */
export const employerInputSchema = z.strictObject({
  name: nameSchema(2, 60, '单位名称至少 2 个字'),
  kind: z.enum(EMPLOYER_KINDS),
  /** The township (9 digits) or village (12) it sits in. */
  regionCode: regionCodeSchema.refine((code) => code.length >= 9, '请选到乡镇（苏木）或村（嘎查）'),
  location: gcj02PointSchema,
  address: z.string().trim().min(2).max(100),
  contactName: nameSchema(1, 30),
  contactPhone: phoneSchema,
  description: z.string().trim().max(500).optional(),
});
export type EmployerInput = z.infer<typeof employerInputSchema>;

export const employerUpdateSchema = employerInputSchema
  .omit({ kind: true })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const employerSchema = z.object({
  ...employerInputSchema.shape,
  employerId: z.string(),
  ownerUserId: z.string(),
  verification: z.object({
    status: z.enum(VERIFICATION_STATUSES),
    decidedBy: z.string().optional(),
    decidedAt: z.iso.datetime().optional(),
    note: z.string().optional(),
  }),
  workshop: workshopStatusSchema.optional(),
  demo: z.boolean().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type Employer = z.infer<typeof employerSchema>;

/** What staff verify about an employer: who it is and where. */
const VERIFIED_FACTS = ['name', 'regionCode', 'location', 'address'] as const;

/**
 * Whether a change touches what staff verified: a renamed or moved employer is a new claim
 * about who and where it is, and waits for verification again.
 */
export function changesVerifiedFacts(current: Employer, changes: Partial<EmployerInput>): boolean {
  return VERIFIED_FACTS.some(
    (field) => changes[field] !== undefined && JSON.stringify(changes[field]) !== JSON.stringify(current[field]),
  );
}

/** Staff's decision on an employer. */
export const verificationDecisionSchema = z
  .strictObject({
    version: z.number().int().min(1),
    decision: z.enum(['verified', 'rejected']),
    note: z.string().trim().max(200).optional(),
  })
  .refine((d) => d.decision === 'verified' || (d.note?.length ?? 0) >= 4, {
    path: ['note'],
    message: '不通过时请写明原因（至少 4 个字）',
  });

/** What a worker sees of the employer behind a job: who, what kind, where, whom to call. */
export const employerPublicSchema = employerSchema.pick({
  employerId: true,
  name: true,
  kind: true,
  address: true,
  location: true,
  contactName: true,
  contactPhone: true,
  description: true,
  workshop: true,
});
export type EmployerPublic = z.infer<typeof employerPublicSchema>;
