import { describe, expect, it } from 'vitest';
import { withoutLookalikes, type Pay } from '@bangfu/shared';

const monthly = (fen: number): Pay => ({ unit: 'month', minFen: fen, maxFen: fen });
const job = (id: string, title: string, employerName: string, pay: Pay) => ({ id, position: { title, employerName, pay } });

describe('withoutLookalikes', () => {
  it('keeps the first of jobs with the same title, employer and pay, and the order of the rest', () => {
    const items = [
      job('a', '缝纫工', '金山镇帮扶车间', monthly(300_000)),
      job('b', '保洁员', '县城物业', monthly(200_000)),
      job('c', '缝纫工 ', '金山镇帮扶车间', monthly(300_000)),
      job('d', '缝纫工', '金山镇帮扶车间', monthly(320_000)),
      job('e', '缝纫工', '西斗铺帮扶车间', monthly(300_000)),
    ];
    expect(withoutLookalikes(items).map((i) => i.id)).toEqual(['a', 'b', 'd', 'e']);
  });
});
