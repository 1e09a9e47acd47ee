/**
 * The trend chart's ECharts option, built from the region's months (pure, so it is tested
 * without a canvas): the last twelve months' employed count as a line, the same months a year
 * before as a dashed line, and the average monthly wage (yuan) on a second axis. A month nobody
 * was recorded is a gap, not a zero.
 */
import { sameMonthLastYear } from '@bangfu/shared';
import type { RegionMonths } from '../../api/monitoring';

type Month = RegionMonths['months'][number];

const employedOf = (m: Month | undefined) => (m?.figures.recorded ? m.figures.employed : null);
const averageYuanOf = (m: Month | undefined) =>
  m?.figures.employed ? Math.round(m.figures.incomeFen / m.figures.employed / 100) : null;

export interface TrendSeries {
  /** 1月 … 12月, oldest first. */
  labels: string[];
  employed: (number | null)[];
  employedLastYear: (number | null)[];
  averageYuan: (number | null)[];
}

/** The last twelve months and, for each, the same month last year. */
export function trendSeries(months: readonly Month[]): TrendSeries {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const shown = months.slice(-12);
  return {
    labels: shown.map((m) => `${Number(m.month.slice(5, 7))}月`),
    employed: shown.map(employedOf),
    employedLastYear: shown.map((m) => employedOf(byMonth.get(sameMonthLastYear(m.month)))),
    averageYuan: shown.map(averageYuanOf),
  };
}

/** Big type and dark lines for an older officer's phone; colour is never the only difference (dashes, symbols). */
export function trendOption(series: TrendSeries) {
  const text = { fontSize: 16, color: '#111111' };
  return {
    animation: false,
    textStyle: text,
    legend: { top: 0, itemWidth: 28, textStyle: text },
    grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: series.labels, axisLabel: text },
    yAxis: [
      // Each axis's name kept inside the chart's edge on its own side (centred, a narrow phone clips it).
      { type: 'value', name: '在岗人数', minInterval: 1, axisLabel: text, nameTextStyle: { ...text, align: 'left' } },
      {
        type: 'value',
        name: '人均月收入(元)',
        axisLabel: text,
        nameTextStyle: { ...text, align: 'right' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: '今年在岗',
        type: 'line',
        data: series.employed,
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { width: 4 },
        color: '#0047ab',
      },
      {
        name: '去年同月',
        type: 'line',
        data: series.employedLastYear,
        symbol: 'triangle',
        symbolSize: 8,
        lineStyle: { width: 3, type: 'dashed' },
        color: '#6b6b6b',
      },
      {
        name: '人均月收入',
        type: 'line',
        yAxisIndex: 1,
        data: series.averageYuan,
        symbol: 'rect',
        symbolSize: 8,
        lineStyle: { width: 3, type: 'dotted' },
        color: '#1b5e20',
      },
    ],
  };
}
