/** A saved search (岗位订阅) in the words people read: where, how far, which jobs. Pure. */
import { ALERT_RADIUS_KM, fenToYuan, occupationName, type PositionFilters } from '@bangfu/shared';
import { EMPLOYER_KIND_ZH, POSITION_FORM_ZH } from '../../labels';

/** "帮扶车间 · 全职 · 每月 3000 元以上 · 适合半劳力", or "所有岗位" with no filter. */
export function filtersText(filters: PositionFilters): string {
  const parts = [
    filters.employerKind ? EMPLOYER_KIND_ZH[filters.employerKind] : null,
    filters.occupation ? (occupationName(filters.occupation) ?? filters.occupation) : null,
    filters.form ? POSITION_FORM_ZH[filters.form] : null,
    filters.minMonthlyPayFen ? `每月 ${fenToYuan(filters.minMonthlyPayFen)} 元以上` : null,
    filters.suitsHalfLabour ? '适合半劳力' : null,
    filters.suitsWeakLabour ? '适合弱劳力' : null,
    filters.accommodation ? '包住' : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(' · ') : '所有岗位';
}

/** "金山镇周围 30 公里". */
export function reachText(placeName: string, radiusKm: number): string {
  return `${placeName}周围 ${radiusKm} 公里`;
}

/** A saved search's radius: the map's may reach further than a search does (1–100 km). */
export function alertRadius(radiusKm: number): number {
  return Math.min(ALERT_RADIUS_KM.max, Math.max(ALERT_RADIUS_KM.min, Math.round(radiusKm)));
}

/** The name a search is saved under: its place and the first thing it asks for, 20 characters at most. */
export function searchLabel(placeName: string, filters: PositionFilters): string {
  const what = filtersText(filters).split(' · ')[0]!;
  return [...`${placeName}附近的${what === '所有岗位' ? '工作' : what}`].slice(0, 20).join('');
}
