/**
 * 零就业家庭 of a month (file 000 §三(二)): households with someone of working capacity recorded
 * that month and nobody of them employed, counted in their village, township and county. Not a
 * sum of people's months (one member's month changes it only with the others'), so it is counted
 * from a county's month records by the daily run, not kept live like the figures.
 */
import { ancestorAt } from '../regions/regionCode.js';
import type { MonthFact } from './monthFigures.js';

/** By region code (village, township, county): how many households had nobody working. */
export function zeroEmploymentHouseholds(records: readonly Pick<MonthFact, 'status' | 'subject'>[]): Record<string, number> {
  const households = new Map<string, { villageCode: string; labour: boolean; employed: boolean }>();
  for (const { status, subject } of records) {
    if (!subject.householdId) continue;
    const household = households.get(subject.householdId) ?? { villageCode: subject.villageCode, labour: false, employed: false };
    household.labour ||= subject.labourClass !== 'none';
    household.employed ||= status === 'employed';
    households.set(subject.householdId, household);
  }
  const counts: Record<string, number> = {};
  for (const { villageCode, labour, employed } of households.values()) {
    if (!labour || employed) continue;
    for (const level of ['village', 'township', 'county'] as const) {
      const code = ancestorAt(villageCode, level);
      counts[code] = (counts[code] ?? 0) + 1;
    }
  }
  return counts;
}
