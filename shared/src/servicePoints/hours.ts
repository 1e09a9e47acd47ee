/**
 * A service point's opening hours: weekly slots (周一至周五 8:30–12:00 and 14:30–17:30 are two
 * slots of the same days) and a note for what a week cannot say (节假日休息). Whether it is open
 * is read on China's clock (UTC+8 all year), wherever the phone or the server is.
 */
import * as z from 'zod';

/** 1 = Monday … 7 = Sunday, as people in China count the week (周一 … 周日). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_ZH: Record<Weekday, string> = {
  1: '周一',
  2: '周二',
  3: '周三',
  4: '周四',
  5: '周五',
  6: '周六',
  7: '周日',
};

/** "8:30" or "08:30" → "08:30"; 24:00 closes at midnight. */
const clockSchema = z
  .string()
  .trim()
  .regex(/^(([01]?\d|2[0-3]):[0-5]\d|24:00)$/, '时间应写成 8:30 这样')
  .transform((text) => text.padStart(5, '0'));

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export const hoursSlotSchema = z
  .strictObject({
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1, '请选星期几开门')
      .max(7)
      .transform((days) => [...new Set(days)].sort((a, b) => a - b) as Weekday[]),
    open: clockSchema,
    close: clockSchema,
  })
  .refine((slot) => minutesOf(slot.close) > minutesOf(slot.open), { path: ['close'], message: '关门时间要晚于开门时间' });
export type HoursSlot = z.infer<typeof hoursSlotSchema>;

/** Slots of one day must not overlap: one slot ends before (or as) the next begins. */
function overlapping(slots: readonly HoursSlot[]): boolean {
  return WEEKDAYS.some((day) => {
    const spans = slots.filter((s) => s.days.includes(day)).sort((a, b) => minutesOf(a.open) - minutesOf(b.open));
    return spans.some((span, i) => i > 0 && minutesOf(span.open) < minutesOf(spans[i - 1]!.close));
  });
}

export const openingHoursSchema = z
  .strictObject({
    weekly: z.array(hoursSlotSchema).min(1, '请至少填一段办公时间').max(14, '办公时间最多填 14 段'),
    /** What the week cannot say: 节假日休息, 农忙时节周六也开门. */
    note: z.string().trim().max(60, '说明最多 60 个字').optional(),
  })
  .refine((hours) => !overlapping(hours.weekly), { path: ['weekly'], message: '同一天的两段办公时间重叠了' });
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** The weekday and the minute of the day of an instant in China. */
export function chinaClock(at: Date): { weekday: Weekday; minutes: number } {
  const china = new Date(at.getTime() + 8 * 3_600_000);
  return { weekday: (china.getUTCDay() || 7) as Weekday, minutes: china.getUTCHours() * 60 + china.getUTCMinutes() };
}

/** "08:30" → "8:30": how a time is written for people. */
const clockText = (clock: string) => clock.replace(/^0(?=\d:)/, '');

/** A day's slots, earliest first. */
const slotsOn = (hours: OpeningHours, day: Weekday) =>
  hours.weekly.filter((s) => s.days.includes(day)).sort((a, b) => minutesOf(a.open) - minutesOf(b.open));

const spansText = (slots: readonly HoursSlot[]) => slots.map((s) => `${clockText(s.open)}–${clockText(s.close)}`).join('、');

/** Whether the point is open at `at` (its slots of that day in China). */
export function openNow(hours: OpeningHours, at: Date): boolean {
  const { weekday, minutes } = chinaClock(at);
  return slotsOn(hours, weekday).some((s) => minutes >= minutesOf(s.open) && minutes < minutesOf(s.close));
}

/** "今天 8:30–12:00、14:30–17:30", or "今天不开门". */
export function todayHoursText(hours: OpeningHours, at: Date): string {
  const today = slotsOn(hours, chinaClock(at).weekday);
  return today.length ? `今天 ${spansText(today)}` : '今天不开门';
}

/**
 * In a few words, whether one can go now: "开门中 · 12:00 关门", "已关门 · 今天 14:30 开门",
 * "已关门 · 明天 8:30 开门", "已关门 · 周一 8:30 开门".
 */
export function openStatus(hours: OpeningHours, at: Date): { open: boolean; text: string } {
  const { weekday, minutes } = chinaClock(at);
  const current = slotsOn(hours, weekday).find((s) => minutes >= minutesOf(s.open) && minutes < minutesOf(s.close));
  if (current) return { open: true, text: `开门中 · ${clockText(current.close)} 关门` };
  for (let ahead = 0; ahead < 8; ahead++) {
    const day = (((weekday - 1 + ahead) % 7) + 1) as Weekday;
    const next = slotsOn(hours, day).find((s) => ahead > 0 || minutesOf(s.open) > minutes);
    if (!next) continue;
    const when = ahead === 0 ? '今天' : ahead === 1 ? '明天' : WEEKDAY_ZH[day];
    return { open: false, text: `已关门 · ${when} ${clockText(next.open)} 开门` };
  }
  return { open: false, text: '已关门' }; // no slot in the week: never so for hours the schema passed
}

/** Days as people say them: 每天, 周一至周五, 周六、周日, 周一、周三. */
export function daysText(days: readonly Weekday[]): string {
  if (days.length === 7) return '每天';
  const consecutive = days.every((day, i) => i === 0 || day === days[i - 1]! + 1);
  if (consecutive && days.length >= 3) return `${WEEKDAY_ZH[days[0]!]}至${WEEKDAY_ZH[days.at(-1)!]}`;
  return days.map((day) => WEEKDAY_ZH[day]).join('、');
}

/** The week in one line: "周一至周五 8:30–12:00、14:30–17:30；周六 9:00–12:00", days with the same hours together. */
export function weeklyHoursText(hours: OpeningHours): string {
  const byDay = WEEKDAYS.map((day) => ({ day, text: spansText(slotsOn(hours, day)) })).filter((d) => d.text);
  const groups = new Map<string, Weekday[]>();
  for (const { day, text } of byDay) groups.set(text, [...(groups.get(text) ?? []), day]);
  return [...groups].map(([text, days]) => `${daysText(days)} ${text}`).join('；');
}
