/** The job filters: 快速筛选 chips in plain sight, the rest behind 更多筛选. */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { EmployerKind, PositionFilters, PositionForm } from '@bangfu/shared';
import { useState } from 'react';
import { MultiChoices, type Option } from '../../../components/Choices';
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

/** Filters set in the 更多筛选 panel (the quick chips are in plain sight). */
function moreCount(filters: JobFilters): number {
  return [filters.form !== 'all', filters.employerKind !== 'all', filters.minPay !== '0'].filter(Boolean).length;
}

export function FiltersBar({
  filters,
  onChange,
  mode,
  radius,
  onRadius,
}: {
  filters: JobFilters;
  onChange: (filters: JobFilters) => void;
  mode: 'map' | 'list';
  radius: Radius;
  onRadius: (radius: Radius) => void;
}) {
  const [open, setOpen] = useState(false);
  const more = moreCount(filters);
  const change = (patch: Partial<JobFilters>) => onChange({ ...filters, ...patch });
  return (
    <View className="bf-jobs-filters">
      <MultiChoices
        options={QUICK_OPTIONS}
        values={filters.quick}
        onChange={(quick) => change({ quick })}
        columns="wrap"
        testIdPrefix="filter-"
        label="快速筛选"
      />
      <View className="bf-button-row">
        <Button size="large" onClick={() => setOpen(!open)} data-testid="filters-toggle">
          {open ? '收起筛选' : more ? `更多筛选（${more}）` : '更多筛选'}
        </Button>
        <Button
          size="large"
          disabled={!more && !filters.quick.length}
          onClick={() => onChange(NO_FILTERS)}
          data-testid="filters-clear"
        >
          清除筛选
        </Button>
      </View>
      {open ? (
        <View className="bf-filters">
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
            收起筛选，看结果
          </Button>
        </View>
      ) : null}
    </View>
  );
}
