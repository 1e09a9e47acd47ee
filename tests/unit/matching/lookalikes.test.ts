import { describe, expect, it } from 'vitest';
import { withoutLookalikes, type Pay } from '@bangfu/shared';

const monthly = (fen: number): Pay => ({ unit: 'month', minFen: fen, maxFen: fen });
const SITE = { lat: 41.0312, lng: 110.0523 };
const job = (id: string, title: string, employerName: string, pay: Pay, location = SITE) => ({
  id,
  position: { title, employerName, pay, location },
});

describe('withoutLookalikes', () => {
  it('keeps the first of jobs with the same title, employer and pay at the same place, and the order of the rest', () => {
    const items = [
      job('a', '缝纫工', '金山镇帮扶车间', monthly(300_000)),
      job('b', '保洁员', '县城物业', monthly(200_000)),
      job('c', '缝纫工 ', '金山镇帮扶车间', monthly(300_000)),
      job('d', '缝纫工', '金山镇帮扶车间', monthly(320_000)),
      job('e', '缝纫工', '西斗铺帮扶车间', monthly(300_000)),
      job('f', '缝纫工', '金山镇帮扶车间', monthly(300_000), { lat: 41.03124, lng: 110.05234 }),
      job('g', '缝纫工', '金山镇帮扶车间', monthly(300_000), { lat: 41.0512, lng: 110.0523 }),
    ];
    // f is the same site to within a few metres; g is another site of the workshop, 2 km away.
    expect(withoutLookalikes(items).map((i) => i.id)).toEqual(['a', 'b', 'd', 'e', 'g']);
  });
});
