/** A service point's hours: open now or not on China's clock, what today says, the week in one line, what the schema refuses. */
import { describe, expect, it } from 'vitest';
import {
  chinaClock,
  openingHoursSchema,
  openNow,
  openStatus,
  todayHoursText,
  weeklyHoursText,
  type OpeningHours,
} from '@bangfu/shared';

/** 周一至周五 8:30–12:00、14:30–17:30, 节假日休息: a township's 就业服务站. */
const OFFICE: OpeningHours = openingHoursSchema.parse({
  weekly: [
    { days: [1, 2, 3, 4, 5], open: '8:30', close: '12:00' },
    { days: [1, 2, 3, 4, 5], open: '14:30', close: '17:30' },
  ],
  note: '节假日休息',
});

/** An instant given as China's wall clock (UTC+8). 2026-03-02 is a Monday. */
const china = (local: string) => new Date(`${local}+08:00`);

describe('opening hours', () => {
  it('is open in the morning and the afternoon slots, closed over the lunch break, at each edge exactly', () => {
    expect(openNow(OFFICE, china('2026-03-02T08:29'))).toBe(false);
    expect(openNow(OFFICE, china('2026-03-02T08:30'))).toBe(true);
    expect(openNow(OFFICE, china('2026-03-02T11:59'))).toBe(true);
    expect(openNow(OFFICE, china('2026-03-02T12:00'))).toBe(false); // the door closes at 12:00
    expect(openNow(OFFICE, china('2026-03-02T13:15'))).toBe(false);
    expect(openNow(OFFICE, china('2026-03-02T14:30'))).toBe(true);
    expect(openNow(OFFICE, china('2026-03-02T17:30'))).toBe(false);
  });

  it('says when it closes while open, and when it opens next while closed', () => {
    expect(openStatus(OFFICE, china('2026-03-02T10:00'))).toEqual({ open: true, text: '开门中 · 12:00 关门' });
    expect(openStatus(OFFICE, china('2026-03-02T12:30'))).toEqual({ open: false, text: '已关门 · 今天 14:30 开门' });
    expect(openStatus(OFFICE, china('2026-03-02T07:00'))).toEqual({ open: false, text: '已关门 · 今天 8:30 开门' });
    expect(openStatus(OFFICE, china('2026-03-02T18:00'))).toEqual({ open: false, text: '已关门 · 明天 8:30 开门' });
    // Friday evening and the whole weekend point to Monday.
    expect(openStatus(OFFICE, china('2026-03-06T18:00')).text).toBe('已关门 · 周一 8:30 开门');
    expect(openStatus(OFFICE, china('2026-03-08T10:00')).text).toBe('已关门 · 明天 8:30 开门');
  });

  it('is closed all day on the days it has no slot', () => {
    for (const day of ['2026-03-07', '2026-03-08']) {
      expect(openNow(OFFICE, china(`${day}T10:00`))).toBe(false);
      expect(todayHoursText(OFFICE, china(`${day}T10:00`))).toBe('今天不开门');
    }
    expect(openStatus(OFFICE, china('2026-03-07T10:00')).text).toBe('已关门 · 周一 8:30 开门');
  });

  it('reads the day and hour in China, not UTC: 23:30 UTC on Sunday is 7:30 on Monday there', () => {
    const sundayLateUtc = new Date('2026-03-01T23:30:00Z');
    expect(chinaClock(sundayLateUtc)).toEqual({ weekday: 1, minutes: 7 * 60 + 30 });
    expect(todayHoursText(OFFICE, sundayLateUtc)).toBe('今天 8:30–12:00、14:30–17:30');
    expect(openStatus(OFFICE, sundayLateUtc).text).toBe('已关门 · 今天 8:30 开门');
    // 01:00 UTC on Monday is 9:00 in China: open.
    expect(openNow(OFFICE, new Date('2026-03-02T01:00:00Z'))).toBe(true);
    // 23:30 UTC on Friday is 7:30 on Saturday in China: not Friday's hours any more.
    expect(todayHoursText(OFFICE, new Date('2026-03-06T23:30:00Z'))).toBe('今天不开门');
  });

  it('writes the week in one line, days with the same hours together', () => {
    expect(weeklyHoursText(OFFICE)).toBe('周一至周五 8:30–12:00、14:30–17:30');
    const withSaturday = openingHoursSchema.parse({
      weekly: [...OFFICE.weekly, { days: [6], open: '09:00', close: '12:00' }],
    });
    expect(weeklyHoursText(withSaturday)).toBe('周一至周五 8:30–12:00、14:30–17:30；周六 9:00–12:00');
    const everyDay = openingHoursSchema.parse({ weekly: [{ days: [7, 1, 2, 3, 4, 5, 6], open: '6:30', close: '24:00' }] });
    expect(everyDay.weekly[0]!.days).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(weeklyHoursText(everyDay)).toBe('每天 6:30–24:00');
    expect(openNow(everyDay, china('2026-03-08T23:59'))).toBe(true);
  });

  it('refuses a slot that closes before it opens, overlapping slots of a day, and a week without any', () => {
    const issue = (input: unknown) => openingHoursSchema.safeParse(input).error?.issues[0];
    expect(issue({ weekly: [{ days: [1], open: '12:00', close: '08:30' }] })).toMatchObject({
      path: ['weekly', 0, 'close'],
      message: '关门时间要晚于开门时间',
    });
    expect(
      issue({
        weekly: [
          { days: [1, 2], open: '08:30', close: '12:00' },
          { days: [2], open: '11:00', close: '17:00' },
        ],
      }),
    ).toMatchObject({ path: ['weekly'], message: '同一天的两段办公时间重叠了' });
    expect(issue({ weekly: [] })).toMatchObject({ path: ['weekly'], message: '请至少填一段办公时间' });
    expect(issue({ weekly: [{ days: [1], open: '25:00', close: '26:00' }] })).toMatchObject({ path: ['weekly', 0, 'open'] });
    // Back to back is not an overlap.
    expect(
      openingHoursSchema.safeParse({
        weekly: [
          { days: [1], open: '08:00', close: '12:00' },
          { days: [1], open: '12:00', close: '13:00' },
        ],
      }).success,
    ).toBe(true);
  });
});
