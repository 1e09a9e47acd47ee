/**
 * Who to ask about a fact only staff record: the service point of the worker's own village, else
 * their township's 就业服务站, else the county's bureau, else a 零工驿站 serving their region. The nearest
 * office that keeps the worker's record, not merely the nearest on the map.
 */
import type { ServicePointKind } from './point.js';

interface Servable {
  regionCode: string;
  kind: ServicePointKind;
}

export function servingPoint<P extends Servable>(points: readonly P[], villageCode: string): P | undefined {
  const levels = [villageCode, villageCode.slice(0, 9), villageCode.slice(0, 6)];
  for (const code of levels) {
    const own = points.find((p) => p.regionCode === code && p.kind !== 'gigStation');
    if (own) return own;
  }
  return points.find((p) => villageCode.startsWith(p.regionCode));
}
