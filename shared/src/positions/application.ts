/**
 * Applications (求职申请): a bound worker applies once per position; the employer
 * accepts or rejects with a reason, and confirms the hire, which records the
 * worker's month as employed (source: the employer).
 */
import * as z from 'zod';
import { proxyRefSchema } from '../family/family.js';
import { LABOUR_CLASSES, type EmploymentForm, type EmploymentPlace } from '../registry/labels.js';
import type { EmploymentInput } from '../registry/employment.js';
import { MAX_MONTHLY_INCOME_FEN } from '../registry/employment.js';
import { WORKING_DAYS_PER_MONTH } from './filters.js';
import { APPLICATION_STATUSES } from './labels.js';
import { positionCardSchema, type Position } from './position.js';

export const applicationSchema = z.object({
  positionId: z.string(),
  workerId: z.string(),
  userId: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  appliedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().optional(),
  decidedBy: z.string().optional(),
  /** Why it was rejected, in words the worker reads. */
  reason: z.string().optional(),
  hiredAt: z.iso.datetime().optional(),
  hireMonth: z.string().optional(),
  /** 亲情服务: the family member who applied in the worker's name (由 X 代办). */
  proxy: proxyRefSchema.optional(),
  version: z.number().int().min(1),
});
export type Application = z.infer<typeof applicationSchema>;

/** What an employer sees of an applicant: what matters for the job, never the ID number. */
export const applicantSchema = z.object({
  workerId: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number().int(),
  labourClass: z.enum(LABOUR_CLASSES),
  skills: z.array(z.string()),
  certificates: z.array(z.string()),
  /** 帮扶对象 (脱贫人口 or 监测对象): counts for workshops and relocation reservations. */
  assisted: z.boolean(),
  /** From the worker's home; absent when the registry has no home location. */
  distanceKm: z.number().optional(),
  /** Shown once the employer has accepted the application, to arrange the interview. */
  phone: z.string().optional(),
  application: applicationSchema,
});
export type Applicant = z.infer<typeof applicantSchema>;

/** A worker's own application with the job it is for. */
export const myApplicationSchema = z.object({ application: applicationSchema, position: positionCardSchema });

export const applicationDecisionSchema = z
  .strictObject({
    decision: z.enum(['accept', 'reject']),
    reason: z.string().trim().max(200).optional(),
  })
  .refine((d) => d.decision === 'accept' || (d.reason?.length ?? 0) >= 2, {
    path: ['reason'],
    message: '不录用时请写一句原因，劳动者能看到',
  });

export const hireSchema = z.strictObject({
  /** The agreed monthly income in fen; needed for piece work, else taken from the pay. */
  monthlyIncomeFen: z
    .number()
    .int('收入以分为单位，应为整数')
    .min(0, '收入不能是负数')
    .max(MAX_MONTHLY_INCOME_FEN, '月收入超过 100 万元，请核对')
    .optional(),
});

/** Where the job is, seen from the worker's home village: same county, city or province. */
export function employmentPlaceOf(homeVillageCode: string, workRegionCode: string): EmploymentPlace {
  if (workRegionCode.slice(0, 6) === homeVillageCode.slice(0, 6)) return 'withinCounty';
  if (workRegionCode.slice(0, 4) === homeVillageCode.slice(0, 4)) return 'acrossCounty';
  if (workRegionCode.slice(0, 2) === homeVillageCode.slice(0, 2)) return 'acrossCity';
  return 'acrossProvince';
}

/** The form of employment a position gives, as the monthly record counts it. */
export function employmentFormOf(position: Pick<Position, 'employerKind' | 'publicWelfareCategory'>): EmploymentForm {
  if (position.publicWelfareCategory || position.employerKind === 'publicWelfare') return 'publicWelfarePost';
  if (position.employerKind === 'assistanceWorkshop') return 'assistanceWorkshop';
  if (position.employerKind === 'workForRelief') return 'workForRelief';
  return 'enterprise';
}

/**
 * The month a hire records: employed, where, in what form, for whom, earning the
 * agreed amount or else the bottom of the pay range (a day wage × 22 days). Piece
 * work has no such figure: undefined, and the employer is asked for it.
 */
export function hireEmployment(
  position: Pick<Position, 'positionId' | 'employerName' | 'employerKind' | 'publicWelfareCategory' | 'regionCode' | 'pay'>,
  homeVillageCode: string,
  agreedMonthlyIncomeFen?: number,
): EmploymentInput | undefined {
  const fromPay =
    position.pay.unit === 'month'
      ? position.pay.minFen
      : position.pay.unit === 'day'
        ? position.pay.minFen * WORKING_DAYS_PER_MONTH
        : undefined;
  const monthlyIncomeFen = agreedMonthlyIncomeFen ?? fromPay;
  if (monthlyIncomeFen === undefined) return undefined;
  return {
    status: 'employed',
    place: employmentPlaceOf(homeVillageCode, position.regionCode),
    form: employmentFormOf(position),
    employerName: position.employerName,
    positionId: position.positionId,
    monthlyIncomeFen: Math.min(monthlyIncomeFen, MAX_MONTHLY_INCOME_FEN),
  };
}
