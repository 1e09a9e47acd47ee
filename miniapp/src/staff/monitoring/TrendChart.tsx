/**
 * 最近 12 个月 as a chart: ECharts, through taro-react-echarts (one component for the WeChat
 * canvas and H5), with only the line chart, grid and legend built in, so the staff sub-package
 * carries a fraction of ECharts. The list below it says the same months in words, for screen
 * readers and for anyone who reads numbers better than lines.
 */
import { View } from '@tarojs/components';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import Echarts from 'taro-react-echarts';
import type { RegionMonths } from '../../api/monitoring';
import { trendOption, trendSeries } from './trendOption';

echarts.use([LineChart, GridComponent, LegendComponent, CanvasRenderer]);

export function TrendChart({ months, summary }: { months: RegionMonths['months']; summary: string }) {
  const series = trendSeries(months);
  return (
    <View role="img" aria-label={summary} className="bf-trend-chart" data-testid="monitoring-chart">
      {/* No width: on H5 the chart measures its box (a width given here is read as pixels). */}
      <Echarts echarts={echarts} option={trendOption(series)} style={{ height: 320 }} />
    </View>
  );
}
