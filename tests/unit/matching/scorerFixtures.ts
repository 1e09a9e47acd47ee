/** Small literal workers and positions for the scorer's golden tests. */
import type { MatchContext, MatchPosition, MatchWorker } from '@bangfu/shared';

/** Kilometres per degree of latitude on the sphere shared/src/geo/distance.ts uses. */
export const KM_PER_DEGREE = (2 * Math.PI * 6371.0088) / 360;

export const HOME = { lat: 40.6, lng: 110.0 };
/** A point `km` due north of HOME (distance along a meridian is exact to ~1e-12 km). */
export function north(km: number): { lat: number; lng: number } {
  return { lat: HOME.lat + km / KM_PER_DEGREE, lng: HOME.lng };
}

/** 2026-11-22: November, so the season window is November and December. */
export const CTX: MatchContext = { today: '2026-11-22' };

/** A village of county 150222, city 1502, province 15. */
export const VILLAGE = '150222101201';

export function worker(overrides: Partial<MatchWorker> = {}): MatchWorker {
  return {
    workerId: 'w1',
    villageCode: VILLAGE,
    home: HOME,
    homeIsVillageCentre: false,
    labourClass: 'full',
    travelScope: 'any',
    jobTypes: [],
    skills: [],
    certificates: [],
    groups: [],
    ...overrides,
  };
}

export function position(overrides: Partial<MatchPosition> = {}): MatchPosition {
  return {
    positionId: 'p1',
    title: '车间普工',
    employerKind: 'enterprise',
    occupation: 'sewing_worker',
    regionCode: '150222',
    location: north(3.2),
    crossProvinceTransfer: false,
    form: 'fullTime',
    intensity: 'medium',
    suitsHalfLabour: false,
    suitsWeakLabour: false,
    accommodation: false,
    pay: { unit: 'month', minFen: 450_000, maxFen: 450_000 },
    headcount: 5,
    filled: 0,
    validFrom: '2026-11-01',
    validUntil: '2026-12-31',
    requiredCertificates: [],
    publicWelfare: false,
    createdAt: '2026-11-01T02:00:00.000Z',
    ...overrides,
  };
}
