/** A post's month is recorded in the month or the next; older, only as the county's late entry (补记). */
import { describe, expect, it } from 'vitest';
import { attendanceProblem } from '@bangfu/shared';

const year = { startsOn: '2026-01-01', endsOn: '2026-12-31' };

describe('attendanceProblem', () => {
  it('takes this month and last, refuses a month not begun, and leaves older months to the county', () => {
    expect(attendanceProblem('2026-03', '2026-03', 22, 20, year)).toBeUndefined();
    expect(attendanceProblem('2026-02', '2026-03', 20, 20, year)).toBeUndefined();
    expect(attendanceProblem('2026-04', '2026-03', 22, 20, year)).toBe('这个月还没到，不能记考勤');
    expect(attendanceProblem('2026-01', '2026-03', 22, 20, year)).toBe(
      '2026-01 的考勤最晚在下个月记，已过了时间；要补记的，请旗县区经办人员来记',
    );
    expect(attendanceProblem('2026-01', '2026-03', 22, 20, year, true)).toBeUndefined();
    // Across the new year: December is last month in January.
    expect(attendanceProblem('2025-12', '2026-01', 22, 20, { startsOn: '2025-06-01', endsOn: '2026-05-31' })).toBeUndefined();
  });

  it('still holds the days to the month and the month to the agreement, late or not', () => {
    expect(attendanceProblem('2026-02', '2026-03', 29, 20, year)).toBe('2026-02 只有 28 天');
    expect(attendanceProblem('2025-11', '2026-03', 22, 20, year, true)).toBe('协议期 2026-01-01 到 2026-12-31，不含 2025-11');
  });
});
