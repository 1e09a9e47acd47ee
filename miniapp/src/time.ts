/** Months and dates in the words people read; the arithmetic is the API's own (shared). */
import { chinaDate, monthSchema } from '@bangfu/shared';

export { chinaDate, chinaMonth } from '@bangfu/shared';

/** "2026-11" → "2026年11月". */
export function monthText(month: string): string {
  const [year, m] = month.split('-');
  return `${year}年${Number(m)}月`;
}

/** A date, or an ISO instant's date in China. */
const dateOf = (dateOrInstant: string) => (dateOrInstant.length > 10 ? chinaDate(new Date(dateOrInstant)) : dateOrInstant);

/** "2026-11-05" or an ISO instant → "11月5日" (China's date). */
export function dayText(dateOrInstant: string): string {
  const [, m, d] = dateOf(dateOrInstant).split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** "2026-11-05" or an ISO instant → "2026年11月5日" (China's date). */
export function fullDayText(dateOrInstant: string): string {
  return `${dateOf(dateOrInstant).slice(0, 4)}年${dayText(dateOrInstant)}`;
}

/** An ISO instant → "9:05" (China's clock, UTC+8 all year). */
export function clockText(instant: string): string {
  const china = new Date(new Date(instant).getTime() + 8 * 3600_000);
  return `${china.getUTCHours()}:${String(china.getUTCMinutes()).padStart(2, '0')}`;
}

/** True for a well-formed month such as "2026-11". */
export function isMonth(text: string | undefined): text is string {
  return monthSchema.safeParse(text).success;
}
