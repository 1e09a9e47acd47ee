/**
 * Two jobs a worker cannot tell apart — the same title, employer and pay at the same place (to
 * about 100 m) — are one job to them: showing both side by side reads as a mistake. The better
 * ranked one stays. The same job at another site of the employer is another job: it is farther.
 */
import type { LatLng } from '../geo/distance.js';
import type { Pay } from '../positions/position.js';

interface Lookalike {
  position: { title: string; employerName: string; pay: Pay; location: LatLng };
}

const lookOf = ({ position: { title, employerName, pay, location } }: Lookalike) =>
  JSON.stringify([
    title.trim(),
    employerName.trim(),
    pay.unit,
    pay.minFen,
    pay.maxFen,
    pay.pieceNote ?? '',
    location.lat.toFixed(3),
    location.lng.toFixed(3),
  ]);

/** The items in order, each look kept once (its first). */
export function withoutLookalikes<T extends Lookalike>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const look = lookOf(item);
    if (seen.has(look)) return false;
    seen.add(look);
    return true;
  });
}
