/**
 * The scorer's view of the stored records: only what matching needs, nothing identifying
 * (no name, ID number, phone, household or employer name).
 */
import type { Position } from '../positions/position.js';
import type { Worker } from '../registry/worker.js';
import type { GeoPoint, MatchPosition, MatchWorker } from './types.js';

export function matchPositionOf(position: Position): MatchPosition {
  const match: MatchPosition = {
    positionId: position.positionId,
    title: position.title,
    employerKind: position.employerKind,
    occupation: position.occupation,
    regionCode: position.regionCode,
    location: { lat: position.location.lat, lng: position.location.lng },
    crossProvinceTransfer: position.crossProvinceTransfer,
    form: position.form,
    intensity: position.intensity,
    suitsHalfLabour: position.suitsHalfLabour,
    suitsWeakLabour: position.suitsWeakLabour,
    accommodation: position.accommodation,
    pay: { unit: position.pay.unit, minFen: position.pay.minFen, maxFen: position.pay.maxFen },
    headcount: position.headcount,
    filled: position.filled,
    validFrom: position.validFrom,
    validUntil: position.validUntil,
    requiredCertificates: position.requiredCertificates,
    publicWelfare: position.employerKind === 'publicWelfare' || position.publicWelfareCategory !== undefined,
    createdAt: position.createdAt,
  };
  if (position.seasonMonths !== undefined) match.seasonMonths = position.seasonMonths;
  if (position.relocationReservedShare !== undefined) match.relocationReservedShare = position.relocationReservedShare;
  return match;
}

/**
 * A worker for matching. Without a home address the village centre stands in, and
 * `homeIsVillageCentre` says so (the reason then tells the worker). Certificates are their
 * names plus, where the registry knows it, their occupation codes.
 */
export function matchWorkerOf(worker: Worker, villageCentre: GeoPoint): MatchWorker {
  const certificates = new Set<string>();
  for (const c of worker.certificates) {
    certificates.add(c.name);
    if (c.occupation !== undefined) certificates.add(c.occupation);
  }
  const home = worker.home ?? villageCentre;
  const match: MatchWorker = {
    workerId: worker.workerId,
    villageCode: worker.villageCode,
    home: { lat: home.lat, lng: home.lng },
    homeIsVillageCentre: worker.home === undefined,
    labourClass: worker.labourClass,
    travelScope: worker.preferences.travelScope,
    jobTypes: worker.preferences.jobTypes,
    skills: worker.skills,
    certificates: [...certificates],
    groups: worker.groups,
  };
  if (worker.preferences.expectedMonthlyWageFen !== undefined)
    match.expectedMonthlyWageFen = worker.preferences.expectedMonthlyWageFen;
  return match;
}
