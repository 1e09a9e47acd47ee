/**
 * 逐月对比: the last twelve months of a region, newest first, each month's employed count and
 * average income beside the same month last year, a drop said in words and marked, never by
 * colour alone.
 */
import { Text, View } from '@tarojs/components';
import { sameMonthLastYear } from '@bangfu/shared';
import type { RegionMonths } from '../../api/monitoring';
import { monthText } from '../../time';
import { averageIncome, changeText, recordedIn } from './figureText';

export function MonthTrend({ months }: { months: RegionMonths['months'] }) {
  const byMonth = new Map(months.map((m) => [m.month, m.figures]));
  const lastTwelve = months.slice(-12).reverse();
  return (
    <View data-testid="monitoring-trend">
      {lastTwelve.map(({ month, figures }) => {
        const lastYear = recordedIn(byMonth.get(sameMonthLastYear(month)));
        const fell = lastYear !== undefined && figures.employed < lastYear.employed;
        return (
          <View key={month} className="bf-cov__line" data-testid={`monitoring-trend-${month}`}>
            <Text className="bf-cov__label">{monthText(month)}</Text>
            <Text className="bf-cov__value">
              在岗 {figures.employed} 人，人均 {averageIncome(figures)}
            </Text>
            <View className={fell ? 'bf-cov__short bf-strong' : 'bf-cov__short'}>
              {fell ? '▼ ' : ''}去年同月{' '}
              {lastYear ? `${lastYear.employed} 人（${changeText(figures.employed, lastYear.employed)}）` : '—'}
            </View>
          </View>
        );
      })}
    </View>
  );
}
