/**
 * Months and dates in China Standard Time (UTC+8, no daylight saving), as the API
 * counts them, and in the words people read. (Copied from @bangfu/shared's
 * employment module, which carries zod.)
 */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** "2026-11" for an instant, in China's time zone. */
export function chinaMonth(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/** "2026-11-05" for an instant, in China's time zone. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

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

/** True for a well-formed month such as "2026-11". */
export function isMonth(text: string | undefined): text is string {
  return typeof text === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}
