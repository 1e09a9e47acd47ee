import { describe, expect, it } from 'vitest';
import { clockText, dayText, fullDayText } from '../../../miniapp/src/time.js';

describe('times in the words people read', () => {
  it('shows an instant on China’s clock, across UTC midnight, with the minutes in two digits', () => {
    expect(clockText('2026-12-04T17:05:00.000Z')).toBe('1:05');
    expect(clockText('2026-12-05T01:30:59.000Z')).toBe('9:30');
    expect(clockText('2026-12-05T15:59:00.000Z')).toBe('23:59');
    expect(dayText('2026-12-04T17:05:00.000Z')).toBe('12月5日');
    // The year too is China's: New Year's Day there while it is still New Year's Eve in UTC.
    expect(fullDayText('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日');
    expect(fullDayText('2026-01-05')).toBe('2026年1月5日');
  });
});
