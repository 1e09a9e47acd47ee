import { describe, expect, it } from 'vitest';
import { chinaMonth, isFutureMonth, reportingDeadlines, reportState } from '@bangfu/shared';

describe('the 15th / 25th reporting cadence (file 003 §(十九))', () => {
  const deadlines = reportingDeadlines('2026-11');

  it('puts villages on the 15th and townships on the 25th', () => {
    expect(deadlines).toEqual({ village: '2026-11-15', township: '2026-11-25' });
  });

  it('judges on-time, late, pending and overdue in China’s time zone', () => {
    // 2026-11-15 23:30 in Beijing is 15:30 UTC: still on time.
    expect(reportState(deadlines.village, '2026-11-15T15:30:00Z', new Date('2026-11-20T00:00:00Z'))).toBe('reported');
    // 2026-11-16 00:30 in Beijing is 16:30 UTC on the 15th: late.
    expect(reportState(deadlines.village, '2026-11-15T16:30:00Z', new Date('2026-11-20T00:00:00Z'))).toBe('late');
    expect(reportState(deadlines.village, undefined, new Date('2026-11-15T15:59:00Z'))).toBe('pending');
    expect(reportState(deadlines.village, undefined, new Date('2026-11-15T16:00:00Z'))).toBe('overdue');
    expect(reportState(deadlines.township, undefined, new Date('2026-11-20T00:00:00Z'))).toBe('pending');
  });

  it('knows the month in China and which months have not come yet', () => {
    expect(chinaMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(isFutureMonth('2026-12', new Date('2026-11-30T15:59:00Z'))).toBe(true);
    expect(isFutureMonth('2026-11', new Date('2026-11-30T15:59:00Z'))).toBe(false);
  });
});
