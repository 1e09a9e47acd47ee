import { describe, expect, it } from 'vitest';
import { servingPoint, type ServicePointKind } from '@bangfu/shared';

const point = (id: string, regionCode: string, kind: ServicePointKind) => ({ id, regionCode, kind });
const VILLAGE = '150222102212';

describe('servingPoint: who keeps the worker’s record', () => {
  const county = point('bureau', '150222', 'countyBureau');
  const gig = point('gig', '150222102', 'gigStation');
  const station = point('station', '150222102', 'townshipStation');
  const own = point('village', VILLAGE, 'villageServicePoint');
  const neighbour = point('next village', '150222102213', 'villageServicePoint');
  const otherTownship = point('other station', '150222103', 'townshipStation');

  it('prefers the village’s own point, then its township’s station, then the county’s bureau', () => {
    expect(servingPoint([county, gig, station, neighbour, own], VILLAGE)?.id).toBe('village');
    expect(servingPoint([county, gig, neighbour, station, otherTownship], VILLAGE)?.id).toBe('station');
    expect(servingPoint([gig, otherTownship, county], VILLAGE)?.id).toBe('bureau');
  });

  it('falls back to a 零工驿站 of its township, never to another village’s or township’s office', () => {
    expect(servingPoint([neighbour, otherTownship, gig], VILLAGE)?.id).toBe('gig');
    expect(servingPoint([neighbour, otherTownship], VILLAGE)).toBeUndefined();
  });
});
