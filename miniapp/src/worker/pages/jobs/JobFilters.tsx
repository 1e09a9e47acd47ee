/** The job filters and the map / list switch above the results. */
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { EmployerKind, PositionFilters, PositionForm } from '@bangfu/shared';
import { useState } from 'react';
import { Choices, MultiChoices, type Option } from '../../../components/Choices';
import { FilterField } from '../../../components/FilterField';
import { EMPLOYER_KIND_ZH, optionsOf, POSITION_FORM_ZH } from '../../../labels';

type Quick = 'suitsHalfLabour' | 'suitsWeakLabour' | 'accommodation';
type MinPay = '0' | '2000' | '3000' | '4000' | '6000';
export type Radius = '10' | '30' | '100' | '300';

export interface JobFilters {
  quick: Quick[];
  form: PositionForm | 'all';
  employerKind: EmployerKind | 'all';
  minPay: MinPay;
}
export const NO_FILTERS: JobFilters = { quick: [], form: 'all', employerKind: 'all', minPay: '0' };

const ALL = { value: 'all', label: '不限' } as const;
const VIEW_OPTIONS: Option<'map' | 'list'>[] = [
  { value: 'map', label: '地图' },
  { value: 'list', label: '列表' },
];
const QUICK_OPTIONS: Option<Quick>[] = [
  { value: 'suitsHalfLabour', label: '适合半劳力' },
  { value: 'suitsWeakLabour', label: '适合弱劳力' },
  { value: 'accommodation', label: '包住' },
];
const FORM_OPTIONS: Option<PositionForm | 'all'>[] = [ALL, ...optionsOf(POSITION_FORM_ZH)];
const KIND_OPTIONS: Option<EmployerKind | 'all'>[] = [ALL, ...optionsOf(EMPLOYER_KIND_ZH)];
const PAY_OPTIONS: Option<MinPay>[] = [
  { value: '0', label: '不限' },
  { value: '2000', label: '2000 元以上' },
  { value: '3000', label: '3000 元以上' },
  { value: '4000', label: '4000 元以上' },
  { value: '6000', label: '6000 元以上' },
];
export const RADIUS_OPTIONS: Option<Radius>[] = [
  { value: '10', label: '10 公里内' },
  { value: '30', label: '30 公里内' },
  { value: '100', label: '100 公里内' },
  { value: '300', label: '300 公里内' },
];

export function toApiFilters(filters: JobFilters): PositionFilters {
  return {
    ...(filters.form !== 'all' ? { form: filters.form } : {}),
    ...(filters.employerKind !== 'all' ? { employerKind: filters.employerKind } : {}),
    ...(filters.minPay !== '0' ? { minMonthlyPayFen: Number(filters.minPay) * 100 } : {}),
    ...(filters.quick.includes('suitsHalfLabour') ? { suitsHalfLabour: true } : {}),
    ...(filters.quick.includes('suitsWeakLabour') ? { suitsWeakLabour: true } : {}),
    ...(filters.quick.includes('accommodation') ? { accommodation: true } : {}),
  };
}

/** What the filters chosen say, in words, for the line above the map or list. */
function chosenText(filters: JobFilters): string[] {
  const label = <T extends string>(options: readonly Option<T>[], value: T) => options.find((o) => o.value === value)?.label;
  return [
    ...filters.quick.map((quick) => label(QUICK_OPTIONS, quick)),
    filters.form !== 'all' ? label(FORM_OPTIONS, filters.form) : undefined,
    filters.minPay !== '0' ? `每月${label(PAY_OPTIONS, filters.minPay)}` : undefined,
    filters.employerKind !== 'all' ? label(KIND_OPTIONS, filters.employerKind) : undefined,
  ].filter((text): text is string => Boolean(text));
}

/**
 * 地图 / 列表 and 筛选 on one row, so the map starts high on a small phone; the filters open
 * below it, each explained. Chosen filters are named above the results, with 清除 beside them
 * (no greyed-out button to puzzle over when there is nothing to clear).
 */
export function FiltersBar({
  filters,
  onChange,
  mode,
  onMode,
  radius,
  onRadius,
}: {
  filters: JobFilters;
  onChange: (filters: JobFilters) => void;
  mode: 'map' | 'list';
  onMode: (mode: 'map' | 'list') => void;
  radius: Radius;
  onRadius: (radius: Radius) => void;
}) {
  const [open, setOpen] = useState(false);
  const chosen = chosenText(filters);
  const change = (patch: Partial<JobFilters>) => onChange({ ...filters, ...patch });
  return (
    <View className="bf-jobs-filters">
      <View className="bf-jobs-bar">
        <Choices options={VIEW_OPTIONS} value={mode} onChange={onMode} testIdPrefix="jobs-view-" label="地图或列表" />
        <View
          className={open || chosen.length ? 'bf-choice bf-choice--on' : 'bf-choice'}
          hoverClass="bf-choice--pressed"
          onClick={() => setOpen(!open)}
          role="button"
          aria-expanded={open}
          data-testid="filters-toggle"
        >
          {open ? '收起' : chosen.length ? `筛选 ${chosen.length}` : '筛选'}
        </View>
      </View>
      {chosen.length && !open ? (
        <View className="bf-jobs-chosen" data-testid="filters-chosen">
          <Text>只看：{chosen.join('、')}</Text>
          <View className="bf-link" onClick={() => onChange(NO_FILTERS)} role="button" data-testid="filters-clear">
            清除
          </View>
        </View>
      ) : null}
      {open ? (
        <View className="bf-filters" data-testid="filters-panel">
          <View className="bf-field__label">干得动的活</View>
          <View className="bf-field__hint">
            半劳力：年纪大些或身体不太好，能干一部分活。弱劳力：只能干轻活、短时间的活。选了就只看单位说适合的岗位。
          </View>
          <MultiChoices
            options={QUICK_OPTIONS}
            values={filters.quick}
            onChange={(quick) => change({ quick })}
            columns="wrap"
            testIdPrefix="filter-"
            label="干得动的活和住宿"
          />
          <FilterField
            label="工作形式"
            options={FORM_OPTIONS}
            value={filters.form}
            onChange={(form) => change({ form })}
            testIdPrefix="filter-form-"
          />
          <FilterField
            label="每月最少挣多少"
            options={PAY_OPTIONS}
            value={filters.minPay}
            onChange={(minPay) => change({ minPay })}
            testIdPrefix="filter-pay-"
          />
          <FilterField
            label="单位类型"
            options={KIND_OPTIONS}
            value={filters.employerKind}
            onChange={(employerKind) => change({ employerKind })}
            testIdPrefix="filter-kind-"
          />
          {mode === 'list' ? (
            <FilterField label="多远以内" options={RADIUS_OPTIONS} value={radius} onChange={onRadius} testIdPrefix="radius-" />
          ) : null}
          <Button type="primary" size="large" block onClick={() => setOpen(false)} data-testid="filters-done">
            看结果
          </Button>
          {chosen.length ? (
            <Button size="large" block onClick={() => onChange(NO_FILTERS)} data-testid="filters-reset">
              全部清除
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
