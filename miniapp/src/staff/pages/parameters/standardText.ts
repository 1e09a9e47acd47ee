/** How a subsidy standard is said: its value with its unit, its dates, where it was set. */
import { formatYuan } from '@bangfu/shared';
import type { ParameterView } from '../../../api/parameters';
import { fullDayText } from '../../../time';

export type Unit = ParameterView['unit'];

const UNIT_WORD: Record<Exclude<Unit, 'fen' | 'ratio'>, string> = {
  months: '个月',
  years: '年',
  days: '天',
  persons: '人',
};

/** A standard's value as people read it: 500 元, 60%, 6 个月, 16 岁. */
export function valueText(parameter: Pick<ParameterView, 'unit' | 'label'>, value: number): string {
  const { unit } = parameter;
  if (unit === 'fen') return formatYuan(value);
  if (unit === 'ratio') return `${Number((value * 100).toFixed(2))}%`;
  return `${value} ${unitWord(parameter)}`;
}

/** The word after a count; an age in years is said in 岁. */
export function unitWord(parameter: Pick<ParameterView, 'unit' | 'label'>): string {
  const { unit } = parameter;
  if (unit === 'fen') return '元';
  if (unit === 'ratio') return '%';
  return unit === 'years' && parameter.label.includes('年龄') ? '岁' : UNIT_WORD[unit];
}

/** Where today's value was set, in words. */
export function whereText(setIn: string, regionCode: string, names: ReadonlyMap<string, string>): string {
  if (setIn === regionCode) return '本地区设定';
  if (setIn === '') return '各地统一的标准';
  return `沿用${names.get(setIn) ?? `上级地区（${setIn}）`}的标准`;
}

/** One dated step as a line: "2026年1月1日起：666 元", or 停止执行. */
export function stepText(parameter: Pick<ParameterView, 'unit' | 'label'>, step: { from: string; value: number | null }): string {
  return `${fullDayText(step.from)}起：${step.value === null ? '停止执行' : valueText(parameter, step.value)}`;
}
