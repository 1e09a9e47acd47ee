/** The monitoring figures in plain words: a change with its sign, an average wage in yuan. */
import { formatYuan } from '@bangfu/shared';
import type { Figures } from '../../api/monitoring';

/** +3 → "多 3 人", −2 → "少 2 人", 0 → "一样多"; with no figures to compare, "—". */
export function changeText(now: number, before: number | undefined, unit = '人'): string {
  if (before === undefined) return '—';
  const by = now - before;
  if (by === 0) return '一样多';
  return by > 0 ? `多 ${by} ${unit}` : `少 ${-by} ${unit}`;
}

/** The average monthly income of those employed, or "—" when nobody was. */
export function averageIncome(figures: Figures): string {
  return figures.employed ? formatYuan(Math.round(figures.incomeFen / figures.employed)) : '—';
}

/** Employed among those recorded: "58%" (rounded down), or "—". */
export function employedShare(figures: Figures): string {
  return figures.recorded ? `${Math.floor((figures.employed * 100) / figures.recorded)}%` : '—';
}

/** A month's figures to compare with, or undefined when nobody was recorded then (no figures is not zero). */
export const recordedIn = (figures: Figures | undefined) => (figures?.recorded ? figures : undefined);
