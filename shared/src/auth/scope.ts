/**
 * Whose data a route touches, declared beside its roles. The HTTP layer checks a
 * route's scope before its handler runs, so no handler can forget to; the
 * authorisation-matrix test reads the same declarations.
 */
import { isWithinRegion, type RegionCode } from '../regions/regionCode.js';
import type { Principal } from './roles.js';

/** The stored things a route can be about; the API layer knows how to load each one. */
export const SCOPED_ENTITIES = [
  'worker',
  'employer',
  'position',
  'claim',
  'paymentBatch',
  'import',
  'scan',
  'event',
  'task',
  'welfarePost',
  'reliefProject',
  'servicePoint',
] as const;
export type ScopedEntity = (typeof SCOPED_ENTITIES)[number];

/** A parsed request as scope functions see it. */
export interface ScopeInput {
  body: unknown;
  query: unknown;
  params: unknown;
}

export type ScopeDeclaration<I extends ScopeInput = ScopeInput> =
  /** Public data (the job map, login): anyone, about anything public. */
  | { kind: 'public' }
  /** Only the caller's own account (the /me routes): nothing in the input names another person. */
  | { kind: 'self' }
  /** A batch whose items each name a region (an import file): the handler checks every item, and says why here. */
  | { kind: 'eachItem'; why: string }
  /**
   * A signed code in the input names what the route is about (a worker's 帮扶码, a poster's
   * code): the handler verifies it and decides what each caller sees, and says why here.
   */
  | { kind: 'signedCode'; field: string; why: string }
  /** Staff act on the region the input names (a list, a report, a new record in a village). */
  | { kind: 'region'; field: string; region: (input: I) => RegionCode }
  /** One stored object named by the input: loaded once, checked against its owner, handed to the handler. */
  | {
      kind: 'object';
      entity: ScopedEntity;
      field: string;
      id: (input: I) => string;
      /** Anyone may read it while the object is public (a position on the map); its sub-resources never set this. */
      publicRead?: true;
    };

/** Who an object belongs to: the region it lies in, and the employer or worker it is about. */
export interface Owner {
  /** Absent only for objects that belong to their maker alone (`userId`). */
  regionCode?: RegionCode;
  employerId?: string;
  workerId?: string;
  /** The account that created it, for objects only their maker may see (an import). */
  userId?: string;
  /** Readable by anyone where the route allows public reads (an open position of a verified employer). */
  public?: boolean;
}

/** What the caller's account is tied to, read from the account when an object scope needs it. */
export interface Actor {
  employerId?: string;
  workerId?: string;
}

/**
 * Whether the caller may touch an object: staff and admins inside their region
 * (and, where the object has a maker, only the maker); an employer its own
 * employer's objects; a worker their own record's. Public objects pass where the route reads them publicly.
 */
export function mayTouch(principal: Principal | undefined, actor: Actor, owner: Owner, publicRead: boolean): boolean {
  if (owner.public && publicRead) return true;
  if (!principal) return false;
  switch (principal.role) {
    case 'staff':
    case 'admin':
      if (owner.userId !== undefined && owner.userId !== principal.userId) return false;
      if (owner.regionCode === undefined) return owner.userId !== undefined;
      return principal.regionCode !== undefined && isWithinRegion(owner.regionCode, principal.regionCode);
    case 'employer':
      return owner.employerId !== undefined && owner.employerId === actor.employerId;
    case 'worker':
      return owner.workerId !== undefined && owner.workerId === actor.workerId;
  }
}
