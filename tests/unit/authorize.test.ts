import { describe, expect, it } from 'vitest';
import { ancestorAt, decide, isWithinRegion, levelOfRegion, regionCodeSchema, type Principal } from '@bangfu/shared';

const townshipStaff: Principal = { userId: 's1', role: 'staff', regionCode: '150222102' };
const countyStaff: Principal = { userId: 's2', role: 'staff', regionCode: '150222' };
const worker: Principal = { userId: 'w1', role: 'worker' };

describe('decide: role plus region scope', () => {
  it('allows staff inside their region and below it', () => {
    expect(decide(townshipStaff, { roles: ['staff'], regionCode: '150222102' })).toEqual({ allowed: true });
    expect(decide(townshipStaff, { roles: ['staff'], regionCode: '150222102201' })).toEqual({ allowed: true });
    expect(decide(countyStaff, { roles: ['staff'], regionCode: '150222103' })).toEqual({ allowed: true });
  });

  it('refuses staff of township X in township Y, and above their level', () => {
    expect(decide(townshipStaff, { roles: ['staff'], regionCode: '150222103' })).toEqual({ allowed: false, reason: 'region' });
    expect(decide(townshipStaff, { roles: ['staff'], regionCode: '150222' })).toEqual({ allowed: false, reason: 'region' });
  });

  it('refuses a role that is not listed, before looking at the region', () => {
    expect(decide(worker, { roles: ['staff', 'admin'], regionCode: '150222' })).toEqual({ allowed: false, reason: 'role' });
  });

  it('refuses staff with no region at all', () => {
    expect(decide({ userId: 's', role: 'staff' }, { roles: ['staff'], regionCode: '15' })).toEqual({
      allowed: false,
      reason: 'region',
    });
  });
});

describe('region codes', () => {
  it('knows the level by length and the ancestors by prefix', () => {
    expect(levelOfRegion('15')).toBe('province');
    expect(levelOfRegion('150222102201')).toBe('village');
    expect(ancestorAt('150222102201', 'county')).toBe('150222');
    expect(() => ancestorAt('150222', 'village')).toThrow();
    expect(isWithinRegion('150222102201', '150222102')).toBe(true);
    expect(isWithinRegion('150223', '150222')).toBe(false);
  });

  it('accepts only 2, 4, 6, 9 or 12 digits', () => {
    for (const ok of ['15', '1502', '150222', '150222102', '150222102201'])
      expect(regionCodeSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['1', '150', '15022210', '15022210220', '1502221022011', '15a222'])
      expect(regionCodeSchema.safeParse(bad).success).toBe(false);
  });
});
