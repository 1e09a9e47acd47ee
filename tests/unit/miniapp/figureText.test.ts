import { describe, expect, it } from 'vitest';
import { MONTH_FIGURES, sameMonthLastYear } from '@bangfu/shared';
import { averageIncome, changeText, employedShare, recordedIn } from '../../../miniapp/src/staff/monitoring/figureText.js';

const figures = (overrides: Partial<Record<(typeof MONTH_FIGURES)[number], number>>) => ({
  ...(Object.fromEntries(MONTH_FIGURES.map((f) => [f, 0])) as Record<(typeof MONTH_FIGURES)[number], number>),
  ...overrides,
});

describe('务工监测 in words', () => {
  it('says a change with its sign, and nothing to compare as a dash', () => {
    expect([changeText(5, 2), changeText(2, 5), changeText(3, 3), changeText(3, undefined)]).toEqual([
      '多 3 人',
      '少 3 人',
      '一样多',
      '—',
    ]);
  });

  it('compares only with a month someone was recorded: no records is not zero people working', () => {
    expect(recordedIn(figures({}))).toBeUndefined();
    expect(recordedIn(figures({ recorded: 4, employed: 0 }))?.employed).toBe(0);
  });

  it('gives the average wage of those working and their share, rounded down', () => {
    expect(averageIncome(figures({ employed: 3, incomeFen: 1_440_000 }))).toBe('4800 元');
    expect(averageIncome(figures({}))).toBe('—');
    expect(employedShare(figures({ recorded: 3, employed: 2 }))).toBe('66%');
    expect(sameMonthLastYear('2026-01')).toBe('2025-01');
  });
});
