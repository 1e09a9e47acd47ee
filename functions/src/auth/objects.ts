/**
 * How the HTTP layer enforces a route's declared scope: the objects a route can be
 * about, how each is loaded and whom it belongs to. One place, so a handler never
 * checks scope by hand and cannot forget to.
 */
import {
  decide,
  mayTouch,
  type Actor,
  type Claim,
  type Employer,
  type ImportReport,
  type Owner,
  type RecruitmentEvent,
  type Task,
  type WelfarePost,
  type ReliefProject,
  type ServicePoint,
  type Principal,
  type ScopeDeclaration,
  type ScopedEntity,
  type ScopeInput,
} from '@bangfu/shared';
import type { AppContext } from '../appContext.js';
import { DomainError, Forbidden, notFound } from '../errors.js';
import { workerNotFound, type WorkerItem } from '../registry/workerRepository.js';
import { isReadableByAll } from '../positions/access.js';
import { employerNotFound } from '../positions/employerRepository.js';
import { claimNotFound } from '../subsidies/claimRepository.js';
import type { BatchHeader } from '../subsidies/paymentRepository.js';
import { positionNotFound, type PositionRecord } from '../positions/positionRepository.js';
import { scanNotFound, type ScanRecord } from '../codes/codeRepository.js';
import { eventNotFound } from '../codes/eventRepository.js';
import { taskNotFound } from '../monitoring/taskRepository.js';
import { welfarePostNotFound } from '../welfarePosts/postRepository.js';
import { projectNotFound } from '../reliefWork/projectRepository.js';
import { servicePointNotFound } from '../servicePoints/pointRepository.js';

export interface ScopedObjects {
  worker: WorkerItem;
  employer: Employer;
  position: PositionRecord;
  claim: Claim;
  /** A finished batch (an unfinished one is nobody's to read or return from). */
  paymentBatch: BatchHeader;
  import: ImportReport;
  scan: ScanRecord;
  event: RecruitmentEvent;
  task: Task;
  welfarePost: WelfarePost;
  reliefProject: ReliefProject;
  servicePoint: ServicePoint;
}

interface ObjectKind<T> {
  load(id: string): Promise<T | undefined>;
  owner(object: T): Owner;
  /** The answer when it is absent, and when it is outside the caller's reach alike. */
  notFound(): DomainError;
}

type ObjectKinds = { [E in ScopedEntity]: ObjectKind<ScopedObjects[E]> };

/** Checks a scope and returns the object an object-scoped route is about. */
export type ScopeResolver = (scope: ScopeDeclaration, input: ScopeInput, principal: Principal | undefined) => Promise<unknown>;

export const outOfRegion = (field: string) =>
  new Forbidden('这个地区不在您的管辖范围内', 'That region is outside your scope.', field);

function objectKinds(ctx: AppContext): ObjectKinds {
  return {
    worker: {
      load: (id) => ctx.workers.getItem(id),
      owner: (worker) => ({ regionCode: worker.villageCode, workerId: worker.workerId }),
      notFound: workerNotFound,
    },
    employer: {
      load: (id) => ctx.employers.get(id),
      owner: (employer) => ({ regionCode: employer.regionCode, employerId: employer.employerId }),
      notFound: employerNotFound,
    },
    position: {
      load: (id) => ctx.positions.get(id),
      owner: (record) => ({
        // Staff oversee the employer (whose region they verified), wherever its work is.
        regionCode: record.position.employerRegionCode ?? record.position.regionCode,
        employerId: record.position.employerId,
        public: isReadableByAll(record),
      }),
      notFound: positionNotFound,
    },
    claim: {
      load: (id) => ctx.claims.get(id),
      owner: (claim) => ({
        regionCode: claim.regionCode,
        ...(claim.beneficiary.kind === 'worker'
          ? { workerId: claim.beneficiary.workerId }
          : { employerId: claim.beneficiary.employerId }),
      }),
      notFound: claimNotFound,
    },
    paymentBatch: {
      load: (id) => ctx.payments.finished(id),
      owner: (batch) => ({ regionCode: batch.regionCode }),
      notFound: () => notFound('没有这个发放批次', 'No such payment batch.'),
    },
    import: {
      load: (id) => ctx.importer.get(id),
      owner: (report) => ({ userId: report.startedBy }),
      notFound: () => notFound('没有这次导入', 'No such import of yours.'),
    },
    scan: {
      load: (id) => ctx.codes.scan(id),
      // Only the one who scanned (or, for an employer's scan, its employer) acts on a scan.
      owner: (scan) => ({ userId: scan.actorId, ...(scan.employerId ? { employerId: scan.employerId } : {}) }),
      notFound: scanNotFound,
    },
    event: {
      load: (id) => ctx.events.get(id),
      owner: (event) => ({ regionCode: event.regionCode }),
      notFound: eventNotFound,
    },
    task: {
      load: (id) => ctx.tasks.get(id),
      owner: (task) => ({ regionCode: task.regionCode }),
      notFound: taskNotFound,
    },
    welfarePost: {
      load: (id) => ctx.welfarePosts.get(id),
      owner: (post) => ({ regionCode: post.villageCode }),
      notFound: welfarePostNotFound,
    },
    reliefProject: {
      load: (id) => ctx.reliefProjects.get(id),
      // Staff of the site's region, and the contractor that builds it.
      owner: (project) => ({ regionCode: project.villageCode, employerId: project.contractorEmployerId }),
      notFound: projectNotFound,
    },
    servicePoint: {
      load: (id) => ctx.servicePoints.get(id),
      owner: (point) => ({ regionCode: point.regionCode }),
      notFound: servicePointNotFound,
    },
  };
}

export function scopeResolver(ctx: AppContext): ScopeResolver {
  const kinds = objectKinds(ctx);
  const actorOf = async (principal: Principal): Promise<Actor> => {
    if (principal.role !== 'worker' && principal.role !== 'employer') return {};
    const user = await ctx.users.ofPrincipal(principal);
    return {
      ...(user?.workerId ? { workerId: user.workerId } : {}),
      ...(user?.employerId ? { employerId: user.employerId } : {}),
    };
  };

  return async (scope, input, principal) => {
    switch (scope.kind) {
      case 'public':
      case 'self':
      case 'eachItem':
      case 'signedCode':
        return undefined;
      case 'region': {
        // Only staff and admins are bounded by region; a route open to others names them in `access`.
        if (principal && !decide(principal, { roles: [principal.role], regionCode: scope.region(input) }).allowed) {
          throw outOfRegion(scope.field);
        }
        return undefined;
      }
      case 'object': {
        const kind = kinds[scope.entity] as ObjectKind<unknown>;
        // A 404 names the field, so a client (and the authorisation-matrix test) can tell which thing was not there.
        const notFound = () => {
          const error = kind.notFound();
          return new DomainError(error.code, error.zh, error.en, scope.field);
        };
        const object = await kind.load(scope.id(input));
        if (object === undefined) throw notFound();
        const owner = kind.owner(object);
        const publicRead = scope.publicRead === true;
        // A public read (the job map's detail) costs no read of the caller's account.
        if (owner.public && publicRead) return object;
        if (mayTouch(principal, principal ? await actorOf(principal) : {}, owner, publicRead)) return object;
        // What only its maker may see, and what is not public to those outside, looks absent.
        if (!principal || owner.userId !== undefined) throw notFound();
        if (principal.role === 'staff' || principal.role === 'admin') throw outOfRegion(scope.field);
        if (publicRead) throw notFound();
        throw new Forbidden('这不是您的，不能查看或办理', 'This belongs to someone else.', scope.field);
      }
    }
  };
}
