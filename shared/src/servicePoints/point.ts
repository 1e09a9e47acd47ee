/**
 * 就业服务网点: the public offices where people register, claim subsidies and find work — the
 * county bureau's 就业服务中心, each township's 就业服务站, the village 就业服务点 and the 零工驿站
 * where day labourers and employers meet. Anyone sees them on the job map with their hours and
 * phone; staff keep those of their own region up to date.
 */
import * as z from 'zod';
import type { Bbox } from '../geo/geohash.js';
import { nameSchema } from '../names.js';
import { countyOrFinerSchema, type RegionCode } from '../regions/regionCode.js';
import { gcj02PointSchema } from '../registry/worker.js';
import { openingHoursSchema } from './hours.js';

export const SERVICE_POINT_KINDS = ['gigStation', 'villageServicePoint', 'townshipStation', 'countyBureau'] as const;
export type ServicePointKind = (typeof SERVICE_POINT_KINDS)[number];
export const SERVICE_POINT_KIND_ZH: Record<ServicePointKind, string> = {
  gigStation: '零工驿站',
  villageServicePoint: '村级就业服务点',
  townshipStation: '乡镇就业服务站',
  countyBureau: '旗县人社局',
};

/** The region codes each kind belongs to (6 county, 9 township, 12 village digits), and what to say when it is another. */
const REGION_LENGTHS: Record<ServicePointKind, { lengths: readonly number[]; message: string }> = {
  countyBureau: { lengths: [6], message: '旗县人社局要选到旗县' },
  townshipStation: { lengths: [9], message: '乡镇就业服务站要选到乡镇（苏木）' },
  villageServicePoint: { lengths: [12], message: '村级就业服务点要选到村（嘎查）' },
  gigStation: { lengths: [6, 9, 12], message: '零工驿站要选到旗县、乡镇或村' },
};

/** Whether a point of `kind` may belong to `regionCode`; the reason in Chinese when not. */
export function kindRegionProblem(kind: ServicePointKind, regionCode: RegionCode): string | undefined {
  const { lengths, message } = REGION_LENGTHS[kind];
  return lengths.includes(regionCode.length) ? undefined : message;
}

export const SERVICE_TAGS = [
  'jobRegistration',
  'jobMatching',
  'gigMatching',
  'subsidyClaims',
  'training',
  'policyAdvice',
  'unemploymentRegistration',
  'labourRights',
  'entrepreneurship',
] as const;
export type ServiceTag = (typeof SERVICE_TAGS)[number];
export const SERVICE_TAG_ZH: Record<ServiceTag, string> = {
  jobRegistration: '求职登记',
  jobMatching: '岗位推荐',
  gigMatching: '零工对接',
  subsidyClaims: '补贴申领',
  training: '技能培训报名',
  policyAdvice: '政策咨询',
  unemploymentRegistration: '失业登记',
  labourRights: '劳动维权',
  entrepreneurship: '创业服务',
};

/**
 * A mobile number (11 digits, 1…) or a landline with its area code: 010 and 02x take 8 digits,
 * the four-digit codes (0472 包头) 7 or 8; the dash is optional.
 */
export const servicePhoneSchema = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0(10|2\d)-?\d{8}|0[3-9]\d{2}-?\d{7,8})$/, '电话应为 11 位手机号，或带区号的座机，例如 0472-8123456');

/** The digits to dial (WeChat's makePhoneCall takes no dash). */
export const dialNumber = (phone: string) => phone.replace(/-/g, '');

/** What staff enter about a point, but its region. */
const editableFields = {
  kind: z.enum(SERVICE_POINT_KINDS),
  name: nameSchema(2, 40, '名称至少 2 个字'),
  address: nameSchema(4, 100, '请写清地址，至少 4 个字'),
  location: gcj02PointSchema,
  phone: servicePhoneSchema,
  hours: openingHoursSchema,
  services: z
    .array(z.enum(SERVICE_TAGS))
    .min(1, '请至少选一项服务')
    .max(SERVICE_TAGS.length)
    .transform((tags) => SERVICE_TAGS.filter((tag) => tags.includes(tag))),
};

/** A new point: its region (the staff member's or within it) is fixed from then on. */
export const servicePointInputSchema = z
  .strictObject({ ...editableFields, regionCode: countyOrFinerSchema })
  .superRefine((point, ctx) => {
    const problem = kindRegionProblem(point.kind, point.regionCode);
    if (problem) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: problem });
  });
export type ServicePointInput = z.infer<typeof servicePointInputSchema>;

/** A change: every editable field anew, on the version read. The region stays (a point never moves out of its staff's reach). */
export const servicePointUpdateSchema = z.strictObject({ ...editableFields, version: z.number().int().min(1) });
export type ServicePointUpdate = z.infer<typeof servicePointUpdateSchema>;

export const servicePointIdSchema = z.string().regex(/^sp_[0-9a-f-]{36}$/, '不是服务网点编号');

export const servicePointSchema = z.object({
  pointId: z.string(),
  kind: z.enum(SERVICE_POINT_KINDS),
  name: z.string(),
  regionCode: z.string(),
  address: z.string(),
  location: z.object({ lat: z.number(), lng: z.number() }),
  phone: z.string(),
  hours: openingHoursSchema,
  services: z.array(z.enum(SERVICE_TAGS)),
  /** Seeded demo data (演示数据): its phone numbers are made up. */
  demo: z.boolean().optional(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  updatedBy: z.string(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type ServicePoint = z.infer<typeof servicePointSchema>;

/** A point as anyone sees it on the map: a public office, without who keeps it (no account ids). */
export const publicServicePointSchema = servicePointSchema
  .omit({ createdBy: true, createdAt: true, updatedBy: true, version: true })
  .extend({ openNow: z.boolean() });
export type PublicServicePoint = z.infer<typeof publicServicePointSchema>;

export function publicServicePoint(point: ServicePoint, openNow: boolean): PublicServicePoint {
  return publicServicePointSchema.parse({ ...point, openNow });
}

/**
 * The widest box the map reads points for, each side in degrees (about 110 × 85 km at 41° N: a
 * county or two). A wider map shows no points; it asks the person to zoom in.
 */
export const SERVICE_POINT_BOX_DEGREES = 1;

/** Whether the map's box is small enough to read its service points. */
export const servicePointBoxFits = (box: Bbox) =>
  box.maxLat - box.minLat <= SERVICE_POINT_BOX_DEGREES && box.maxLng - box.minLng <= SERVICE_POINT_BOX_DEGREES;

const queryLat = z.coerce.number().pipe(gcj02PointSchema.shape.lat);
const queryLng = z.coerce.number().pipe(gcj02PointSchema.shape.lng);

/** The map's box (GCJ-02), and a page of it. */
export const servicePointBoxQuerySchema = z
  .object({
    minLat: queryLat,
    minLng: queryLng,
    maxLat: queryLat,
    maxLng: queryLng,
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(512).optional(),
  })
  .superRefine((box, ctx) => {
    for (const [axis, min, max] of [
      ['Lat', box.minLat, box.maxLat],
      ['Lng', box.minLng, box.maxLng],
    ] as const) {
      if (min >= max) ctx.addIssue({ code: 'custom', path: [`max${axis}`], message: '最大值应大于最小值' });
      else if (max - min > SERVICE_POINT_BOX_DEGREES)
        ctx.addIssue({
          code: 'custom',
          path: [`max${axis}`],
          message: `地图范围太大，请放大地图（每边不超过 ${SERVICE_POINT_BOX_DEGREES} 度）`,
        });
    }
  });
export type ServicePointBoxQuery = z.infer<typeof servicePointBoxQuerySchema>;
