/**
 * A region's month at a glance: how many were recorded and are working (with the share), where
 * and in what form, what they earn, the 脱贫 and 监测 groups, who came home from work, 零就业家庭, and each
 * count beside the month before and the same month last year.
 */
import { Text, View } from '@tarojs/components';
import { EMPLOYMENT_FORM_ZH, EMPLOYMENT_FORMS, EMPLOYMENT_PLACE_ZH, EMPLOYMENT_PLACES, formatYuan } from '@bangfu/shared';
import type { ReactNode } from 'react';
import type { Figures } from '../../api/monitoring';
import { dayText } from '../../time';
import { averageIncome, changeText, employedShare } from './figureText';

function Line({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <View className="bf-cov__line" data-testid={testId}>
      <Text className="bf-cov__label">{label}</Text>
      <Text className="bf-cov__value">{children}</Text>
    </View>
  );
}

export function RegionMonthCard({
  name,
  figures,
  previous,
  lastYear,
  households,
}: {
  name: string;
  figures: Figures;
  previous?: Figures | undefined;
  lastYear?: Figures | undefined;
  /** 零就业家庭 as the daily run last counted them (a county or finer). */
  households?: { count: number; countedOn: string } | undefined;
}) {
  const beside = (pick: (f: Figures) => number, unit?: string) =>
    `比上月${changeText(pick(figures), previous && pick(previous), unit)}，比去年同月${changeText(pick(figures), lastYear && pick(lastYear), unit)}`;
  return (
    <View className="bf-cov bf-cov--total" data-testid="monitoring-region">
      <View className="bf-cov__name">{name}</View>
      <Line label="登记了这个月的" testId="monitoring-recorded">
        {figures.recorded} 人
      </Line>
      <Line label="在岗务工" testId="monitoring-employed">
        {figures.employed} 人（{employedShare(figures)}）
      </Line>
      <View className="bf-cov__short" data-testid="monitoring-employed-change">
        {beside((f) => f.employed)}
      </View>
      <Line label="人均月收入" testId="monitoring-income">
        {averageIncome(figures)}
      </Line>
      <View className="bf-cov__short">
        合计 {formatYuan(figures.incomeFen)}；去年同月人均 {lastYear ? averageIncome(lastYear) : '—'}
      </View>
      <Line label="脱贫人口在岗">
        {figures.povertyAlleviated_employed} / {figures.povertyAlleviated_recorded} 人
      </Line>
      <Line label="监测对象在岗">
        {figures.monitored_employed} / {figures.monitored_recorded} 人
      </Line>
      <Line label="务工回流（回家了）" testId="monitoring-returned">
        {figures.returnedFromWork} 人
      </Line>
      <View className="bf-cov__short">{beside((f) => f.returnedFromWork)}</View>
      {households ? (
        <>
          <Line label="零就业家庭（有劳动力、没人在岗）" testId="monitoring-zero-households">
            {households.count} 户
          </Line>
          <View className="bf-cov__short">{dayText(households.countedOn)}统计</View>
        </>
      ) : null}
      <Line label="本人申报，还没核实">{figures.unconfirmedSelfReports} 条</Line>
      <View className="bf-subtitle">在哪里务工</View>
      {EMPLOYMENT_PLACES.map((place) => (
        <Line key={place} label={EMPLOYMENT_PLACE_ZH[place]}>
          {figures[`employed_${place}`]} 人
        </Line>
      ))}
      <View className="bf-subtitle">做什么工作</View>
      {EMPLOYMENT_FORMS.map((form) => (
        <Line key={form} label={EMPLOYMENT_FORM_ZH[form]}>
          {figures[`employed_${form}`]} 人
        </Line>
      ))}
    </View>
  );
}
