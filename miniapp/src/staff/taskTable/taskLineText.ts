/**
 * The township task table's lines in plain words: each target beside where the township stands,
 * and whether it is met — 达标, 未达标; 无人可算 when nobody is there to count, 未定目标 when the
 * county gave the township no target for a count.
 */
import { formatYuan, TASK_MEASURE_ZH } from '@bangfu/shared';
import type { TaskTableRow } from '../../api/monitoring';

export type Standing = 'met' | 'below' | 'none';

export interface TaskLine {
  key: string;
  label: string;
  /** Where it stands, e.g. "80%（5 人中 4 人）". */
  value: string;
  /** The target, e.g. "目标 95% 以上"; absent when the county set none. */
  target?: string;
  standing: Standing;
  /** The standing in words. */
  judgement: string;
}

/** Met or not, in words; `none` says why there is no judgement. */
function judged(met: boolean | undefined, none: string): Pick<TaskLine, 'standing' | 'judgement'> {
  if (met === undefined) return { standing: 'none', judgement: none };
  return met ? { standing: 'met', judgement: '达标' } : { standing: 'below', judgement: '未达标' };
}

const COUNT_UNIT = { trainedPeople: '人', workshops: '个', bases: '个' } as const;

/** A township's (or the county's) lines, in the order of file 001's table. */
export function taskLines(row: Pick<TaskTableRow, 'rates' | 'wage' | 'counts'>): TaskLine[] {
  const rates = row.rates.map((rate): TaskLine => ({
    key: rate.measure,
    label: TASK_MEASURE_ZH[rate.measure],
    value: rate.percent === undefined ? '没有可计算的人' : `${rate.percent}%（${rate.denominator} 人中 ${rate.numerator} 人）`,
    target: `目标 ${rate.targetPercent}% 以上`,
    ...judged(rate.met, '无人可算'),
  }));
  const { averageFen, lastYearAverageFen, met } = row.wage;
  const wage: TaskLine = {
    key: 'wageVsLastYear',
    label: TASK_MEASURE_ZH.wageVsLastYear,
    value: averageFen === undefined ? '本月没有在岗的人' : `人均 ${formatYuan(averageFen)}`,
    target: lastYearAverageFen === undefined ? '去年同月没有在岗记录' : `去年同月 ${formatYuan(lastYearAverageFen)}`,
    ...judged(met, '无从比较'),
  };
  const counts = row.counts.map((count): TaskLine => ({
    key: count.measure,
    label: TASK_MEASURE_ZH[count.measure],
    value: `${count.count} ${COUNT_UNIT[count.measure]}`,
    ...(count.target !== undefined ? { target: `目标 ${count.target} ${COUNT_UNIT[count.measure]}` } : {}),
    ...judged(count.met, '未定目标'),
  }));
  return [...rates, wage, ...counts];
}

/** How many of a row's judged lines fall short: the card's headline. */
export const shortCount = (lines: readonly TaskLine[]) => lines.filter((line) => line.standing === 'below').length;
