/**
 * Days for the scorer, from ctx.today only (never the clock), parsed once per distinct
 * value: the hot loop asks for the same today and often the same createdAt many times.
 */

const DAY_MS = 86_400_000;
/** China Standard Time, UTC+8 (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

export interface Today {
  iso: string;
  /** 1..12 */
  month: number;
  /** The month after (December → January). */
  nextMonth: number;
  /** Days since 1970-01-01. */
  day: number;
}

let lastToday: Today | undefined;

/** ctx.today (YYYY-MM-DD, a date in China) parsed. */
export function todayOf(iso: string): Today {
  if (lastToday !== undefined && lastToday.iso === iso) return lastToday;
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const date = Number(iso.slice(8, 10));
  if (!(month >= 1 && month <= 12) || !(date >= 1 && date <= 31) || !Number.isInteger(year)) {
    throw new RangeError(`ctx.today must be an ISO date (YYYY-MM-DD), got "${iso}"`);
  }
  lastToday = { iso, month, nextMonth: month === 12 ? 1 : month + 1, day: Date.UTC(year, month - 1, date) / DAY_MS };
  return lastToday;
}

let lastCreatedAt: string | undefined;
let lastCreatedDay = 0;

/** The day (in China) an ISO datetime falls on, as days since 1970-01-01; NaN when unreadable. */
export function chinaDayOf(isoDateTime: string): number {
  if (isoDateTime === lastCreatedAt) return lastCreatedDay;
  lastCreatedAt = isoDateTime;
  lastCreatedDay = Math.floor((Date.parse(isoDateTime) + CHINA_OFFSET_MS) / DAY_MS);
  return lastCreatedDay;
}
