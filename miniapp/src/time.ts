/** Months and dates in the words people read; the arithmetic is the API's own (shared). */
import { chinaDate, monthSchema } from '@bangfu/shared';

export { chinaDate, chinaMonth } from '@bangfu/shared';

/** "2026-11" → "2026年11月". */
export function monthText(month: string): string {
  const [year, m] = month.split('-');
  return `${year}年${Number(m)}月`;
}

/** "2026-11-05" or an ISO instant → "11月5日" (China's date). */
export function dayText(dateOrInstant: string): string {
  const date = dateOrInstant.length > 10 ? chinaDate(new Date(dateOrInstant)) : dateOrInstant;
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
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
