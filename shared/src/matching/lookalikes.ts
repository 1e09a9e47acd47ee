/**
 * Two jobs a worker cannot tell apart — the same title, the same employer, the same pay — are
 * one job to them: showing both side by side reads as a mistake. The better ranked one stays.
 */
import type { Pay } from '../positions/position.js';

interface Lookalike {
  position: { title: string; employerName: string; pay: Pay };
}

const lookOf = ({ position: { title, employerName, pay } }: Lookalike) =>
  JSON.stringify([title.trim(), employerName.trim(), pay.unit, pay.minFen, pay.maxFen, pay.pieceNote ?? '']);

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
