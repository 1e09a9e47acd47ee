/**
 * 岗位订阅: a worker's saved search — a place on the map (GCJ-02) with a radius and the job
 * map's own filters — and the inbox of new positions that matched one. WeChat's 一次性订阅
 * lets one subscribe message through for each 允许 the worker tapped, so a saved search counts
 * the consents it holds; each message sent uses one.
 */
import * as z from 'zod';
import { distanceKm, type LatLng } from '../geo/distance.js';
import { matchesFilters, positionFiltersBodySchema, type PositionFilters } from '../positions/filters.js';
import type { Position } from '../positions/position.js';
import { gcj02PointSchema } from '../registry/worker.js';

/** Saved searches a worker may keep at once. */
export const MAX_ALERTS = 5;
/** A saved search reaches from 1 km (a township's streets) to 100 km (a few counties). */
export const ALERT_RADIUS_KM = { min: 1, max: 100 } as const;
/**
 * Consents a saved search may hold: WeChat counts each 允许 and sets no bound, but a worker who
 * tapped this often has plenty, and the bound keeps a looping client from piling them up.
 */
export const MAX_ALERT_CONSENTS = 30;

export const alertIdSchema = z.string().regex(/^a_[0-9a-f-]{36}$/, '不是订阅编号');

const alertFields = {
  /** What the worker calls it, e.g. 金山镇附近的缝纫工. */
  label: z.string().trim().min(1, '请给订阅起个名字').max(20, '名字最多 20 个字'),
  /** The centre of the circle, GCJ-02. */
  centre: gcj02PointSchema,
  /** The centre's place in words (您的位置, 金山镇), for 离金山镇 3 公里. */
  placeName: z.string().trim().min(1, '请写上地点').max(20, '地点最多 20 个字'),
  radiusKm: z
    .number()
    .min(ALERT_RADIUS_KM.min, `范围至少 ${ALERT_RADIUS_KM.min} 公里`)
    .max(ALERT_RADIUS_KM.max, `范围最多 ${ALERT_RADIUS_KM.max} 公里`),
  filters: positionFiltersBodySchema,
};

/** A new search: no filters means every kind of job. */
export const jobAlertInputSchema = z.strictObject({ ...alertFields, filters: positionFiltersBodySchema.default({}) });
export type JobAlertInput = z.infer<typeof jobAlertInputSchema>;

/**
 * An edit names the version it read and changes what it names (filters left out stay as they
 * are); the consents are not the worker's to set (they come from WeChat's 允许).
 */
export const jobAlertUpdateSchema = z
  .strictObject({ ...alertFields, version: z.number().int().min(1) })
  .partial()
  .required({ version: true });
export type JobAlertUpdate = z.infer<typeof jobAlertUpdateSchema>;

export const jobAlertSchema = z.object({
  alertId: alertIdSchema,
  label: z.string(),
  centre: gcj02PointSchema,
  placeName: z.string(),
  radiusKm: z.number(),
  filters: positionFiltersBodySchema,
  /** WeChat messages this search may still send (a 允许 each). */
  consents: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type JobAlert = z.infer<typeof jobAlertSchema>;

/** How the WeChat message of an inbox item went. */
export const ALERT_NOTICES = [
  'sending', // a consent taken, the message on its way (or lost on the way: never sent twice)
  'sent',
  'notSubscribed', // WeChat had no consent of the worker's after all
  'failed', // WeChat did not answer; the consent was given back
  'noConsent', // the search's consents were used up: the inbox only
  'off', // no WeChat message here: notices are off, or the account never logged in through WeChat
] as const;
export type AlertNotice = (typeof ALERT_NOTICES)[number];

export const inboxItemSchema = z.object({
  positionId: z.string(),
  title: z.string(),
  employerName: z.string(),
  /** From the saved search's centre, km. */
  distanceKm: z.number(),
  /** When it came into the inbox. */
  at: z.iso.datetime(),
  alertId: z.string(),
  alertLabel: z.string(),
  placeName: z.string(),
  notice: z.enum(ALERT_NOTICES),
  /** Came after the worker last read the inbox. */
  unread: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** What a match is tested on: the search's circle and filters. */
export interface AlertCriteria {
  centre: LatLng;
  radiusKm: number;
  filters: PositionFilters;
}

type Matchable = Pick<
  Position,
  'location' | 'form' | 'pay' | 'suitsHalfLabour' | 'suitsWeakLabour' | 'accommodation' | 'employerKind' | 'occupation'
>;

/** Whether a position lies within the search's circle and passes its filters (the job map's own test). */
export function matchesAlert(position: Matchable, alert: AlertCriteria): boolean {
  return distanceKm(alert.centre, position.location) <= alert.radiusKm && matchesFilters(position, alert.filters);
}
