import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annulus,
  coverRanges,
  encodeGeohash,
  pointNumber,
  rangeOfSpan,
  spanOfRange,
  unheldSpan,
  withSpan,
  type Span,
} from '@bangfu/shared';

const inRange = (geohash: string, range: { from: string; to: string }) => geohash >= range.from && geohash <= range.to;
const inSpan = (value: number, [lo, hi]: Span) => value >= lo && value < hi;

describe('index spans', () => {
  it('hold exactly the points a range reads, and turn back into a range reading the same', () => {
    const ranges = coverRanges(annulus({ lat: 40.65, lng: 109.84 }, 2, 9), 7);
    fc.assert(
      fc.property(
        fc.double({ min: 40.5, max: 40.8, noNaN: true }),
        fc.double({ min: 109.6, max: 110.1, noNaN: true }),
        (lat, lng) => {
          const geohash = encodeGeohash({ lat, lng }, 9);
          for (const range of ranges) {
            const span = spanOfRange(range);
            expect(inSpan(pointNumber(geohash), span)).toBe(inRange(`${geohash}#p_1`, range));
            expect(inRange(`${geohash}#p_1`, rangeOfSpan(range.partition, span))).toBe(inRange(`${geohash}#p_1`, range));
          }
        },
      ),
    );
  });

  it('merge what is held, and ask again only from the first point not held to the last', () => {
    let held: Span[] = [];
    held = withSpan(held, [10, 20]);
    held = withSpan(held, [30, 40]);
    held = withSpan(held, [20, 25]);
    expect(held).toEqual([
      [10, 25],
      [30, 40],
    ]);
    expect(unheldSpan([12, 24], held)).toBeUndefined();
    expect(unheldSpan([12, 35], held)).toEqual([25, 30]);
    expect(unheldSpan([5, 50], held)).toEqual([5, 50]); // held slices inside are read again: one Query
    expect(unheldSpan([15, 50], held)).toEqual([25, 50]);
    expect(unheldSpan([0, 10], held)).toEqual([0, 10]);
  });
});
