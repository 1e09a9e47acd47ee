/**
 * The hard filters of 人岗匹配: a position that fails one is not offered to the worker at
 * all. Checked in a fixed order (REFUSALS), and the first that fails is the refusal, so
 * the answer is the same every time. The numeric check allocates nothing; the words are
 * built only when asked for.
 */
import { POSITION_FORM_ZH } from '../positions/labels.js';
import { LABOUR_CLASS_ZH, TRAVEL_SCOPE_ZH } from '../registry/labels.js';
import { missingCertificate } from './certificates.js';
import type { Today } from './dates.js';
import { distancePlace } from './reason.js';
import type { MatchPosition, MatchWorker, Refusal } from './types.js';
import { LOCAL_RADIUS_KM } from './weights.js';

/**
 * Labour class, file 003 §(十七): "对能胜任工作岗位的半劳动力和弱劳动力作为公益性岗位、帮扶车间
 * 就业重点监测管理对象" — half and weak labour only where the employer says the post suits
 * them; 无劳动能力 is not pushed any job (it stays with the social safety net).
 */
export function labourAllows(worker: MatchWorker, position: MatchPosition): boolean {
  switch (worker.labourClass) {
    case 'full':
      return true;
    case 'half':
      return position.suitsHalfLabour;
    case 'weak':
      return position.suitsWeakLabour;
    default:
      return false;
  }
}

const RADIUS_KM = LOCAL_RADIUS_KM; // a local copy for the hot loop

/** Whether the first n characters of two region codes agree (no substring allocated). */
function samePrefix(a: string, b: string, n: number): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/**
 * Travel willingness alone: `local` within LOCAL_RADIUS_KM of home (inclusive); `county`,
 * `city`, `province` the same county (6 digits of the region code), city (4) or province (2)
 * — or within the local radius, since a job over the county line 5 km away is still next
 * door; `any` everywhere.
 */
export function withinTravelScope(worker: MatchWorker, position: MatchPosition, distanceKm: number): boolean {
  switch (worker.travelScope) {
    case 'any':
      return true;
    case 'province':
      return distanceKm <= RADIUS_KM || samePrefix(worker.villageCode, position.regionCode, 2);
    case 'city':
      return distanceKm <= RADIUS_KM || samePrefix(worker.villageCode, position.regionCode, 4);
    case 'county':
      return distanceKm <= RADIUS_KM || samePrefix(worker.villageCode, position.regionCode, 6);
    default:
      return distanceKm <= RADIUS_KM;
  }
}

/**
 * Seasonal work is offered in its season and in the month before it, so a worker can plan
 * to be there when picking starts (December's next month is January).
 */
export function inSeasonWindow(position: MatchPosition, today: Today): boolean {
  const months = position.seasonMonths;
  if (position.form !== 'seasonal' || months === undefined || months.length === 0) return true;
  return months.includes(today.month) || months.includes(today.nextMonth);
}

/** Every hard filter after the labour class (which needs no distance), in REFUSALS order. */
export function refusalAfterLabour(
  worker: MatchWorker,
  position: MatchPosition,
  today: Today,
  distanceKm: number,
): Refusal | undefined {
  if (!withinTravelScope(worker, position, distanceKm)) return 'travelScope';
  if (!inSeasonWindow(position, today)) return 'season';
  if (position.filled >= position.headcount) return 'headcount';
  if (
    position.requiredCertificates.length > 0 &&
    missingCertificate(worker.certificates, position.requiredCertificates) !== undefined
  ) {
    return 'certificate';
  }
  // ISO dates compare as text; the last day is still valid, and a start next week is fine.
  if (today.iso > position.validUntil) return 'validity';
  if (worker.jobTypes.length > 0 && !worker.jobTypes.includes(position.form)) return 'jobType';
  return undefined;
}

/** All the hard filters in order: the first that fails, or undefined when the position may be offered. */
export function refusalOf(worker: MatchWorker, position: MatchPosition, today: Today, distanceKm: number): Refusal | undefined {
  return labourAllows(worker, position) ? refusalAfterLabour(worker, position, today, distanceKm) : 'labourClass';
}

/** Why, in plain words a worker (or the officer helping them) reads. */
export function refusalText(refusal: Refusal, worker: MatchWorker, position: MatchPosition, distanceKm: number): string {
  switch (refusal) {
    case 'labourClass':
      return worker.labourClass === 'none'
        ? '登记为无劳动能力，不推荐岗位'
        : `这个岗位不适合${LABOUR_CLASS_ZH[worker.labourClass]}`;
    case 'travelScope':
      return `${distancePlace(distanceKm, worker.homeIsVillageCentre)}，超出您愿意去的范围（${TRAVEL_SCOPE_ZH[worker.travelScope]}）`;
    case 'season': {
      const months = [...new Set(position.seasonMonths ?? [])].sort((a, b) => a - b).join('、');
      return `季节工只在 ${months} 月用人，现在不是用工季`;
    }
    case 'headcount':
      return '已经招满了';
    case 'certificate':
      return `需要持「${missingCertificate(worker.certificates, position.requiredCertificates) ?? ''}」上岗，您的登记里还没有这个证`;
    case 'validity':
      return `报名已截止（截止到 ${position.validUntil}）`;
    case 'jobType':
      return `这是${POSITION_FORM_ZH[position.form]}，不是您想找的工作类型`;
  }
}
