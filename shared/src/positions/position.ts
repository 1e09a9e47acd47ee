/**
 * Positions (岗位) on the job map: what the work is, what it pays (integer fen),
 * who it suits, where it is (GCJ-02), and its lifecycle
 * draft → open → filled / closed, with expiry derived from `validUntil`.
 */
import * as z from 'zod';
import { regionCodeSchema } from '../regions/regionCode.js';
import { gcj02PointSchema, skillSchema } from '../registry/worker.js';
import {
  EMPLOYER_KINDS,
  INTENSITIES,
  PAY_UNITS,
  POSITION_FORMS,
  POSITION_STATUSES,
  PUBLIC_WELFARE_CATEGORIES,
  type PositionForm,
  type PositionStatus,
} from './labels.js';

/** Pay in integer fen per unit; a fixed wage has min = max. */
export const paySchema = z
  .strictObject({
    unit: z.enum(PAY_UNITS),
    minFen: z.number().int('金额以分为单位，应为整数').min(0, '工资不能是负数').max(100_000_000),
    maxFen: z.number().int('金额以分为单位，应为整数').min(0, '工资不能是负数').max(100_000_000),
    /** For piece work: what one piece is, e.g. 每件衬衫. */
    pieceNote: z.string().trim().max(40).optional(),
  })
  .refine((pay) => pay.minFen <= pay.maxFen, { path: ['minFen'], message: '最低工资不能高于最高工资' });
export type Pay = z.infer<typeof paySchema>;

const isoDate = z.iso.date();

/** A relocation site's project gives at least 10% of its jobs to relocated people (file 000 §(七)). */
export const MIN_RELOCATION_SHARE = 0.1;

const positionFields = {
  title: z.string().trim().min(2, '岗位名称至少 2 个字').max(40),
  occupation: skillSchema,
  description: z.string().trim().max(1000).optional(),
  headcount: z.number().int().min(1, '至少招 1 人').max(10_000),
  pay: paySchema,
  form: z.enum(POSITION_FORMS),
  /** Months of the season (1–12), for seasonal work only. */
  seasonMonths: z.array(z.number().int().min(1).max(12)).max(12).optional(),
  workHours: z.string().trim().max(40).optional(),
  intensity: z.enum(INTENSITIES),
  suitsHalfLabour: z.boolean(),
  suitsWeakLabour: z.boolean(),
  accommodation: z.boolean(),
  meals: z.boolean(),
  location: gcj02PointSchema,
  address: z.string().trim().min(2).max(100),
  /** County (6), township (9) or village (12) where the work is. */
  regionCode: regionCodeSchema.refine((code) => code.length >= 6, '请至少选到旗县'),
  /** Work in another province, organised as a labour transfer (跨省转移就业). */
  crossProvinceTransfer: z.boolean().default(false),
  /** Share of jobs reserved for relocated people on a relocation-site project (≥ 10%). */
  relocationReservedShare: z.number().min(MIN_RELOCATION_SHARE, '易地搬迁安置区项目至少留出 10% 的岗位').max(1).optional(),
  publicWelfareCategory: z.enum(PUBLIC_WELFARE_CATEGORIES).optional(),
  requiredCertificates: z.array(z.string().trim().min(1).max(40)).max(5).default([]),
  validFrom: isoDate,
  validUntil: isoDate,
};

type Checked = {
  form?: PositionForm | undefined;
  seasonMonths?: number[] | undefined;
  validFrom?: string | undefined;
  validUntil?: string | undefined;
};

/** Rules across fields: seasonal work names its months, and validity runs forwards. */
function checkPosition(position: Checked, ctx: z.RefinementCtx): void {
  if (position.form === 'seasonal' && !position.seasonMonths?.length) {
    ctx.addIssue({ code: 'custom', path: ['seasonMonths'], message: '季节工请选择用工月份' });
  }
  if (position.form !== undefined && position.form !== 'seasonal' && position.seasonMonths?.length) {
    ctx.addIssue({ code: 'custom', path: ['seasonMonths'], message: '只有季节工才填用工月份' });
  }
  if (position.validFrom && position.validUntil && position.validUntil < position.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: '截止日期不能早于开始日期' });
  }
}

export const positionInputSchema = z.strictObject(positionFields).superRefine(checkPosition);
export type PositionInput = z.infer<typeof positionInputSchema>;

/** What an employer posts: the position, open at once unless kept as a draft. */
export const positionCreateSchema = z
  .strictObject({ ...positionFields, publish: z.boolean().default(true) })
  .superRefine(checkPosition);

/** An employer's edit names the version it read; headcount may not drop below those already hired. */
export const positionUpdateSchema = z
  .strictObject({ ...positionFields, version: z.number().int().min(1) })
  .partial()
  .required({ version: true })
  .superRefine(checkPosition);
export type PositionUpdate = z.infer<typeof positionUpdateSchema>;

export const positionSchema = z.object({
  ...positionFields,
  occupation: z.string(),
  crossProvinceTransfer: z.boolean(),
  requiredCertificates: z.array(z.string()),
  positionId: z.string(),
  employerId: z.string(),
  employerName: z.string(),
  employerKind: z.enum(EMPLOYER_KINDS),
  /** The employer's township or village: its staff oversee the position wherever the work is. */
  employerRegionCode: z.string().optional(),
  status: z.enum(POSITION_STATUSES),
  filled: z.number().int().min(0),
  /** Why staff took it down (下架). */
  takenDown: z.object({ by: z.string(), at: z.iso.datetime(), reason: z.string() }).optional(),
  demo: z.boolean().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type Position = z.infer<typeof positionSchema>;

/** A position as the map and lists show it, with its distance from the asking point. */
export const positionCardSchema = positionSchema
  .pick({
    positionId: true,
    title: true,
    occupation: true,
    employerName: true,
    employerKind: true,
    pay: true,
    form: true,
    seasonMonths: true,
    intensity: true,
    suitsHalfLabour: true,
    suitsWeakLabour: true,
    accommodation: true,
    meals: true,
    location: true,
    address: true,
    headcount: true,
    filled: true,
    publicWelfareCategory: true,
    validUntil: true,
  })
  .extend({ distanceKm: z.number().optional() });
export type PositionCard = z.infer<typeof positionCardSchema>;

/**
 * The status a reader sees: an open position past its last day has expired,
 * whether or not anything has rewritten it yet.
 */
export function effectiveStatus(position: Pick<Position, 'status' | 'validUntil'>, today: string): PositionStatus {
  return position.status === 'open' && position.validUntil < today ? 'expired' : position.status;
}

/** On the map: open, not past its last day (a job starting next week is worth seeing), with headcount left. */
export function isListable(position: Pick<Position, 'status' | 'validUntil' | 'headcount' | 'filled'>, today: string): boolean {
  return position.status === 'open' && today <= position.validUntil && position.filled < position.headcount;
}
