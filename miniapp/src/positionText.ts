/**
 * A position in the words people read: pay in yuan from integer fen, distance and a
 * rough commute, season months, what the job suits. Pure; used by worker and employer pages.
 */
import { fenToYuan } from '@bangfu/shared';
import type { EmployerKind, Pay, PositionCard } from '@bangfu/shared';
import { EMPLOYER_KIND_ZH, PAY_UNIT_ZH } from './labels';

/** "3000–4500 元", or "3000 元" for a fixed wage. */
export function payRange(pay: Pick<Pay, 'minFen' | 'maxFen'>): string {
  return pay.minFen === pay.maxFen ? `${fenToYuan(pay.minFen)} 元` : `${fenToYuan(pay.minFen)}–${fenToYuan(pay.maxFen)} 元`;
}

/** "每月 3000–4500 元", "每天 150 元", "计件：每件衬衫 1.5–2 元". */
export function payText(pay: Pay): string {
  if (pay.unit === 'piece') return `计件：${pay.pieceNote ? `${pay.pieceNote} ` : '每件 '}${payRange(pay)}`;
  return `${PAY_UNIT_ZH[pay.unit]} ${payRange(pay)}`;
}

/** "800 米", "3.2 公里", "32 公里". */
export function distanceText(km: number): string {
  if (km < 1) return `${Math.max(100, Math.round((km * 1000) / 100) * 100)} 米`;
  if (km < 10) return `${km.toFixed(1)} 公里`;
  return `${Math.round(km)} 公里`;
}

function minutes(m: number): string {
  if (m < 60) return `${Math.max(5, Math.round(m / 5) * 5)} 分钟`;
  const hours = Math.round(m / 30) / 2;
  return `${hours} 小时`;
}

/**
 * A rough idea of the way there: on foot up to 1.5 km (5 km/h), by e-bike up to 15 km
 * (20 km/h), else by car or bus on country roads (40 km/h); far away, say so.
 */
export function commuteText(km: number): string {
  if (km <= 1.5) return `走路大约 ${minutes((km / 5) * 60)}`;
  if (km <= 15) return `骑电动车大约 ${minutes((km / 20) * 60)}`;
  if (km <= 150) return `坐车大约 ${minutes((km / 40) * 60)}，每天来回比较辛苦`;
  return '离家很远，一般要住在那边';
}

/** [3,4,5,9] → "3–5月、9月". */
export function seasonText(months: readonly number[] | undefined): string {
  const sorted = [...new Set(months ?? [])].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(i === j ? `${sorted[i]}月` : `${sorted[i]}–${sorted[j]}月`);
    i = j + 1;
  }
  return runs.join('、');
}

/** "2026-05-31" → "2026年5月31日". */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** Near home: within 10 km. */
export const NEAR_HOME_KM = 10;

/**
 * Who the job suits, in words, for the tags on a card and the detail page. `near` is the
 * word for a job within NEAR_HOME_KM of where distances are measured from: 离家近 from the
 * worker's village, 离您近 from the phone's position; none when measured from the county town.
 */
export function suitsTags(
  position: Pick<PositionCard, 'suitsHalfLabour' | 'suitsWeakLabour' | 'form'>,
  distanceKm?: number,
  near: string | null = '离家近',
): string[] {
  const tags: string[] = [];
  if (position.suitsHalfLabour) tags.push('适合半劳力');
  if (position.suitsWeakLabour) tags.push('适合弱劳力');
  if (near && distanceKm !== undefined && distanceKm <= NEAR_HOME_KM) tags.push(near);
  if (position.form === 'seasonal') tags.push('季节工');
  return tags;
}

/** The "near" word for distances measured from a centre of this kind. */
export function nearWord(source: 'device' | 'village' | 'county'): string | null {
  return source === 'device' ? '离您近' : source === 'village' ? '离家近' : null;
}

/** "还招 3 人", or "已招满". */
export function headcountLeftText(position: Pick<PositionCard, 'headcount' | 'filled'>): string {
  const left = position.headcount - position.filled;
  return left > 0 ? `还招 ${left} 人` : '已招满';
}

/** "金山镇服装加工帮扶车间", or "某某公司（企业）": the kind only when the name does not already say it. */
export function employerText(name: string, kind: EmployerKind): string {
  const word = EMPLOYER_KIND_ZH[kind];
  return name.includes(word) ? name : `${name}（${word}）`;
}
