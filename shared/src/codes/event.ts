/**
 * 招聘会 (a recruitment event): staff of a region hold it on a day at a place with a list of
 * positions; its code, printed at the door, checks a worker in (attendance counts once per
 * worker) and shows the event's positions. Its code stops working after the day.
 */
import * as z from 'zod';
import { nameSchema } from '../names.js';
import { countyOrFinerSchema } from '../regions/regionCode.js';

const isoDate = z.iso.date('日期格式应为 2026-12-20');

export const recruitmentEventInputSchema = z.strictObject({
  title: nameSchema(4, 40, '名称至少 4 个字'),
  /** The organising region (its staff hold it): a county, township or village. */
  regionCode: countyOrFinerSchema,
  place: z.string().trim().min(2, '请写地点').max(60),
  date: isoDate,
  positionIds: z
    .array(z.string().regex(/^p_[0-9a-f-]{36}$/, '不是岗位编号'))
    .min(1, '至少选一个岗位')
    .max(50, '一场最多 50 个岗位'),
});
export type RecruitmentEventInput = z.infer<typeof recruitmentEventInputSchema>;

/** As stored and shown (not strict: the stored item carries its keys too). */
export const recruitmentEventSchema = z.object({
  ...recruitmentEventInputSchema.shape,
  eventId: z.string(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  /** Workers checked in (each once). */
  attendance: z.number().int(),
});
export type RecruitmentEvent = z.infer<typeof recruitmentEventSchema>;

/** Whether the event is still ahead or on today (China's date): its code works until the day ends. */
export const isEventOpen = (event: Pick<RecruitmentEvent, 'date'>, today: string) => event.date >= today;
