import { describe, expect, it } from 'vitest';
import { MONTH_FIGURES, nextMonth, type MonthFigure } from '@bangfu/shared';
import { trendOption, trendSeries } from '../../../miniapp/src/staff/monitoring/trendOption';

const NONE = Object.fromEntries(MONTH_FIGURES.map((f) => [f, 0])) as Record<MonthFigure, number>;

/** 24 months from 2025-01: employed = the month's number, at 3,000 yuan each; none recorded in 2026-03. */
function months() {
  const all = [];
  for (let month = '2025-01', i = 1; all.length < 24; month = nextMonth(month), i++) {
    const recorded = month === '2026-03' ? 0 : i + 2;
    const employed = month === '2026-03' ? 0 : i;
    all.push({ month, figures: { ...NONE, recorded, employed, incomeFen: employed * 300_000 } });
  }
  return all;
}

describe('the trend chart of 务工监测', () => {
  it('draws the last twelve months beside the same months a year before, in order', () => {
    const series = trendSeries(months());
    expect(series.labels).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(series.employed.slice(0, 4)).toEqual([13, 14, null, 16]);
    expect(series.employedLastYear.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(series.averageYuan.slice(0, 4)).toEqual([3000, 3000, null, 3000]);
  });

  it('leaves a month nobody was recorded as a gap, and a month before any records without last year', () => {
    const series = trendSeries(months().slice(12));
    expect(series.employed[2]).toBeNull();
    expect(series.employedLastYear).toEqual(Array(12).fill(null));
  });

  it('tells the lines apart by dashes and symbols as well as colour', () => {
    const option = trendOption(trendSeries(months()));
    expect(option.series.map((s) => [s.name, s.symbol, s.lineStyle.type ?? 'solid'])).toEqual([
      ['今年在岗', 'circle', 'solid'],
      ['去年同月', 'triangle', 'dashed'],
      ['人均月收入', 'rect', 'dotted'],
    ]);
    expect(option.series[2]!.yAxisIndex).toBe(1);
  });
});
