/**
 * The entities on the secondary indexes: for each, the index attributes its item carries
 * and the Queries that find it, both built from one partition template and one sort key,
 * so what is written is what is read. The physical indexes are in tableSchema.ts (with the
 * primary keys), the access patterns in functions/README.md; no other module names an index
 * or its attributes, so data already stored keeps being found as long as these stay put.
 */
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  ancestorAt,
  beneficiaryKey,
  boxRangesByCell,
  encodeGeohash,
  INDEX_PRECISION,
  POINT_PRECISION,
  type Application,
  type Bbox,
  type BeneficiaryRef,
  type Claim,
  type ClaimStatus,
  type Employer,
  type IndexRange,
  type LatLng,
  type Position,
  type User,
} from '@bangfu/shared';
import { INDEX, keys, type GlobalIndex } from './tableSchema.js';

/** The attributes that put an item on an index. */
type IndexAttributes<I extends GlobalIndex> = Record<I['partitionKey'] | I['sortKey'], string>;

/** What a caller adds to an index Query: a filter on the items read, with its own names and values. */
export type QueryFilter = Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;

/** The part of a QueryCommand's input that reads an index: spread it in beside TableName. */
type IndexQuery = QueryFilter & Required<Pick<QueryCommandInput, 'IndexName' | 'KeyConditionExpression'>>;

/**
 * Items listed on `index` under a partition (from `partition`), in sort-key order: where an
 * item goes, and the Queries of a partition, of its sort keys starting with a prefix, or of
 * a range of them.
 */
function listing<I extends GlobalIndex, P>(index: I, partition: (of: P) => string) {
  const { name, partitionKey, sortKey } = index;
  const read = (keyCondition: string, values: Record<string, string>, filter: QueryFilter = {}): IndexQuery => ({
    ...filter,
    IndexName: name,
    KeyConditionExpression: keyCondition,
    // The key's values last: a filter cannot shadow them.
    ExpressionAttributeValues: { ...filter.ExpressionAttributeValues, ...values },
  });
  return {
    attributes: (of: P, sort: string) => ({ [partitionKey]: partition(of), [sortKey]: sort }) as IndexAttributes<I>,
    query: (of: P, options: { prefix?: string | undefined; filter?: QueryFilter | undefined } = {}) =>
      options.prefix === undefined
        ? read(`${partitionKey} = :pk`, { ':pk': partition(of) }, options.filter)
        : read(
            `${partitionKey} = :pk AND begins_with(${sortKey}, :prefix)`,
            { ':pk': partition(of), ':prefix': options.prefix },
            options.filter,
          ),
    between: (of: P, from: string, to: string) =>
      read(`${partitionKey} = :pk AND ${sortKey} BETWEEN :from AND :to`, { ':pk': partition(of), ':from': from, ':to': to }),
    /** For an UpdateExpression's REMOVE: the item leaves the listing. */
    attributeNames: `${partitionKey}, ${sortKey}`,
  };
}

/** `name = :name, …` for an UpdateExpression's SET, with its values: an update that moves an item on an index. */
export function setIndexAttributes(attributes: Record<string, string>) {
  const names = Object.keys(attributes);
  return {
    expression: names.map((name) => `${name} = :${name}`).join(', '),
    values: Object.fromEntries(names.map((name) => [`:${name}`, attributes[name]])),
  };
}

const countyOf = (regionCode: string) => ancestorAt(regionCode, 'county');
const inRegionSort = (regionCode: string, id: string) => `${regionCode}#${id}`;

/**
 * One kind listed by region: a county's partition sorted by full region code then id, so
 * the code of the county, a township or a village is a prefix that selects its part.
 */
function regionListing(kind: string) {
  const list = listing(INDEX.byRegion, (countyCode: string) => `${kind}#${countyCode}`);
  return {
    attributes: (regionCode: string, id: string) => list.attributes(countyOf(regionCode), inRegionSort(regionCode, id)),
    /** The items of a county, township or village. */
    query: (regionCode: string, filter?: QueryFilter) => list.query(countyOf(regionCode), { prefix: regionCode, filter }),
  };
}

const usersByRegion = regionListing('USERS');
/** An account: one with a region of county level or finer is listed for that region's staff. */
export const userEntity = {
  indexes: (user: Pick<User, 'userId' | 'regionCode'>) =>
    user.regionCode && user.regionCode.length >= 6 ? usersByRegion.attributes(user.regionCode, user.userId) : {},
  inRegion: usersByRegion.query,
};

const regionChildren = listing(INDEX.byRegion, (parentCode: string) => `REGION_CHILDREN#${parentCode}`);
/** An administrative division, listed under its parent by code (the root has none). */
export const regionEntity = {
  indexes: (region: { code: string; parentCode?: string | undefined }) =>
    region.parentCode ? regionChildren.attributes(region.parentCode, region.code) : {},
  childrenOf: (code: string) => regionChildren.query(code),
};

const workersByRegion = regionListing('WORKERS');
const workersByIdLast4 = listing(
  INDEX.byOwner,
  ({ countyCode, last4 }: { countyCode: string; last4: string }) => `WORKER_LAST4#${countyCode}#${last4}`,
);
/** A registry record: listed in its county by village, and found there by the last four characters of its ID number. */
export const workerEntity = {
  indexes: (worker: { workerId: string; villageCode: string; idLast4: string }) => ({
    ...workersByRegion.attributes(worker.villageCode, worker.workerId),
    ...workersByIdLast4.attributes(
      { countyCode: countyOf(worker.villageCode), last4: worker.idLast4 },
      inRegionSort(worker.villageCode, worker.workerId),
    ),
  }),
  inRegion: workersByRegion.query,
  /** The records of a county, township or village whose ID number ends in `last4`. */
  byIdLast4: (regionCode: string, last4: string, filter?: QueryFilter) =>
    workersByIdLast4.query({ countyCode: countyOf(regionCode), last4 }, { prefix: regionCode, filter }),
};

const auditByActor = listing(INDEX.byOwner, (actorId: string) => `AUDIT_BY#${actorId}`);
/**
 * An audit entry, on the trail it belongs to (keys.auditOf…) and on the trail of the account
 * that acted, by time: a staff member's reads and changes, a worker's failed bindings.
 */
export const auditEntity = {
  indexes: (entry: { actorId: string; at: string; id: string }) =>
    auditByActor.attributes(entry.actorId, keys.auditEntry(entry.at, entry.id)),
  byActor: (actorId: string) => auditByActor.query(actorId),
};

const employersByRegion = regionListing('EMPLOYERS');
/** An employer profile, listed in its county by township or village; moved, it is listed anew. */
export const employerEntity = {
  indexes: (employer: Pick<Employer, 'employerId' | 'regionCode'>) =>
    employersByRegion.attributes(employer.regionCode, employer.employerId),
  inRegion: employersByRegion.query,
};

const positionsByRegion = regionListing('POSITIONS');
const positionsOfEmployer = listing(INDEX.byOwner, (employerId: string) => `POSITIONS_OF#${employerId}`);
/**
 * The job map: the partition is a position's geohash cell of INDEX_PRECISION characters, the
 * sort key its fine geohash, so a covering range of cells is one Query (shared/src/geo/covering.ts).
 */
const positionsOnMap = listing(INDEX.byGeoCell, (cell: string) => `POSGEO#${cell}`);
/** The positions on the map whose last day is a date: the daily sweep takes them off after it. */
const positionsLeavingMap = listing(INDEX.byStatusQueue, (lastDay: string) => `MAPEXPIRY#${lastDay}`);
/**
 * A position: listed in its county for staff, under its employer by creation time, and on the
 * map only while public (`geohash` given: open, employer verified), there also under its last day.
 */
export const positionEntity = {
  indexes: (
    position: Pick<Position, 'positionId' | 'regionCode' | 'employerId' | 'createdAt' | 'validUntil'>,
    geohash?: string,
  ) => ({
    ...positionsByRegion.attributes(position.regionCode, position.positionId),
    ...positionsOfEmployer.attributes(position.employerId, `${position.createdAt}#${position.positionId}`),
    ...(geohash === undefined
      ? {}
      : {
          ...positionsOnMap.attributes(geohash.slice(0, INDEX_PRECISION), `${geohash}#${position.positionId}`),
          ...positionsLeavingMap.attributes(position.validUntil, position.positionId),
        }),
  }),
  /** The positions on the map whose last day was `lastDay`. */
  leavingMapAfter: (lastDay: string) => positionsLeavingMap.query(lastDay),
  inRegion: positionsByRegion.query,
  ofEmployer: (employerId: string, filter?: QueryFilter) => positionsOfEmployer.query(employerId, { filter }),
  /** One range of a shape's covering on the map. */
  onMap: (range: IndexRange) => positionsOnMap.between(range.partition, range.from, range.to),
  /** What an update REMOVEs to take a position off the map. */
  mapAttributeNames: `${positionsOnMap.attributeNames}, ${positionsLeavingMap.attributeNames}`,
  /** Whether a stored position item is on the map. */
  isOnMap: (item: Record<string, unknown>) => INDEX.byGeoCell.partitionKey in item,
  /** Where an item read from the map sorts in its partition: `<geohash>#<positionId>`. */
  mapSortKey: (item: Record<string, unknown>) => item[INDEX.byGeoCell.sortKey] as string,
};

const applicationsOfWorker = listing(INDEX.byOwner, (workerId: string) => `APPS_OF#${workerId}`);
/** An application, beside its position and under its worker by time. */
export const applicationEntity = {
  indexes: (application: Pick<Application, 'workerId' | 'appliedAt' | 'positionId'>) =>
    applicationsOfWorker.attributes(application.workerId, `${application.appliedAt}#${application.positionId}`),
  ofWorker: (workerId: string) => applicationsOfWorker.query(workerId),
};

const claimQueue = listing(
  INDEX.byStatusQueue,
  ({ countyCode, status }: { countyCode: string; status: string }) => `CLAIMQ#${countyCode}#${status}`,
);
const claimsOfBeneficiary = listing(INDEX.byOwner, (beneficiary: string) => `CLAIMS_OF#${beneficiary}`);
/**
 * A claim, in its county's queue of its status by region then time (each transition moves it to the
 * next queue), and among its beneficiary's claims by time.
 */
export const claimEntity = {
  indexes: (claim: Pick<Claim, 'beneficiary' | 'regionCode' | 'status' | 'createdAt' | 'claimId'>) => ({
    ...claimQueue.attributes(
      { countyCode: countyOf(claim.regionCode), status: claim.status },
      `${claim.regionCode}#${claim.createdAt}#${claim.claimId}`,
    ),
    ...claimsOfBeneficiary.attributes(beneficiaryKey(claim.beneficiary), `${claim.createdAt}#${claim.claimId}`),
  }),
  /** A worker's or employer's claims, by time. */
  ofBeneficiary: (beneficiary: BeneficiaryRef) => claimsOfBeneficiary.query(beneficiaryKey(beneficiary)),
  /** The claims of a county, township or village in one status, oldest first. */
  inQueue: (regionCode: string, status: ClaimStatus) =>
    claimQueue.query({ countyCode: countyOf(regionCode), status }, { prefix: regionCode }),
};

const batchesOfCounty = listing(INDEX.byRegion, (countyCode: string) => `PAYBATCHES#${countyCode}`);
/** A payment batch, listed in its county by the time it was started, from the moment it is (an unfinished one too). */
export const paymentBatchEntity = {
  indexes: (batch: { batchId: string; regionCode: string; createdAt: string }) =>
    batchesOfCounty.attributes(countyOf(batch.regionCode), `${batch.createdAt}#${batch.batchId}`),
  /** The batches of a county, or of a township (kept by a filter: a county has a few a month). */
  inRegion: (regionCode: string) =>
    batchesOfCounty.query(
      countyOf(regionCode),
      countyOf(regionCode) === regionCode
        ? {}
        : {
            filter: {
              FilterExpression: 'begins_with(regionCode, :region)',
              ExpressionAttributeValues: { ':region': regionCode },
            },
          },
    ),
  /** A county's batches started between two instants (ISO strings, or dates as their prefix). */
  startedBetween: (countyCode: string, from: string, to: string) => batchesOfCounty.between(countyCode, from, to),
};

const monthsByRegion = listing(
  INDEX.byRegion,
  ({ countyCode, month }: { countyCode: string; month: string }) => `EMPMONTH#${countyCode}#${month}`,
);
/**
 * A worker's current record of a month (not its revisions), listed in its county's month by
 * village, so the figures of any region of a month can be recomputed from its people's records.
 * Only records that carry their subject (the person's village) are listed.
 */
export const employmentEntity = {
  indexes: (record: { workerId: string; month: string; subject?: { villageCode: string } | undefined }) =>
    record.subject
      ? monthsByRegion.attributes(
          { countyCode: countyOf(record.subject.villageCode), month: record.month },
          inRegionSort(record.subject.villageCode, record.workerId),
        )
      : {},
  /** The month's records of a county, township or village. */
  inRegion: (regionCode: string, month: string) =>
    monthsByRegion.query({ countyCode: countyOf(regionCode), month }, { prefix: regionCode }),
};

const postsByRegion = regionListing('WPOSTS');
/** A 乡村公益性岗位, listed in its county by its village. */
export const welfarePostEntity = {
  indexes: (post: { postId: string; villageCode: string }) => postsByRegion.attributes(post.villageCode, post.postId),
  inRegion: postsByRegion.query,
};

const servicePointsByRegion = regionListing('SPOINTS');
/**
 * The map's service points: the partition is a geohash cell of 3 characters (about 156 × 117 km at
 * 41° N, a few counties' tens of points each), the sort key the point's fine geohash. A box of at
 * most 1° a side (SERVICE_POINT_BOX_DEGREES) touches at most 2 × 2 such cells: at most 4 Queries.
 */
const SERVICE_POINT_CELL = 3;
const servicePointsOnMap = listing(INDEX.byGeoCell, (cell: string) => `SPGEO#${cell}`);
/** A 就业服务网点: listed in its county by its region, and on the map by where it is. */
export const servicePointEntity = {
  indexes: (point: { pointId: string; regionCode: string; location: LatLng }) => {
    const geohash = encodeGeohash(point.location, POINT_PRECISION);
    return {
      ...servicePointsByRegion.attributes(point.regionCode, point.pointId),
      ...servicePointsOnMap.attributes(geohash.slice(0, SERVICE_POINT_CELL), `${geohash}#${point.pointId}`),
    };
  },
  inRegion: servicePointsByRegion.query,
  /** For an UpdateExpression's REMOVE: a removed point leaves both listings. */
  attributeNames: `${INDEX.byRegion.partitionKey}, ${INDEX.byRegion.sortKey}, ${INDEX.byGeoCell.partitionKey}, ${INDEX.byGeoCell.sortKey}`,
  /** The Queries of a map box, one per cell it touches, in a fixed order (a cursor names its cell). */
  rangesOf: (bounds: Bbox) => boxRangesByCell(bounds, SERVICE_POINT_CELL, POINT_PRECISION),
  onMap: (range: IndexRange) => servicePointsOnMap.between(range.partition, range.from, range.to),
  /** Where an item of the map's listing sorts in its cell. */
  mapSortKey: (item: Record<string, unknown>) => item[INDEX.byGeoCell.sortKey] as string,
};

const projectsByRegion = regionListing('RPROJS');
const projectsOfContractor = listing(INDEX.byOwner, (employerId: string) => `RPROJS_OF#${employerId}`);
/** A 以工代赈 project: listed in its county by its site's village, and under its contractor. */
export const reliefProjectEntity = {
  indexes: (project: { projectId: string; villageCode: string; contractorEmployerId: string; createdAt: string }) => ({
    ...projectsByRegion.attributes(project.villageCode, project.projectId),
    ...projectsOfContractor.attributes(project.contractorEmployerId, `${project.createdAt}#${project.projectId}`),
  }),
  inRegion: projectsByRegion.query,
  ofContractor: (employerId: string) => projectsOfContractor.query(employerId),
};

const rostersOfWorker = listing(INDEX.byOwner, (workerId: string) => `RELIEF_OF#${workerId}`);
/** A person on a project's roster, listed under the person: the projects whose wage lines they answer. */
export const rosterEntity = {
  indexes: (entry: { projectId: string; workerId: string; addedAt: string }) =>
    rostersOfWorker.attributes(entry.workerId, `${entry.addedAt}#${entry.projectId}`),
  ofWorker: (workerId: string) => rostersOfWorker.query(workerId),
};

const wageLinesOfCountyMonth = listing(
  INDEX.byRegion,
  ({ countyCode, month }: { countyCode: string; month: string }) => `RWAGES#${countyCode}#${month}`,
);
/**
 * A person's line on a 以工代赈 wage sheet, listed in their county's month by their village (from
 * the roster), so a township's month of public-welfare posts reads its holders' relief days in
 * one Query (welfarePosts/flagService.ts).
 */
export const wageLineEntity = {
  indexes: (line: { projectId: string; month: string; workerId: string; villageCode: string }) =>
    wageLinesOfCountyMonth.attributes(
      { countyCode: countyOf(line.villageCode), month: line.month },
      inRegionSort(line.villageCode, `${line.workerId}#${line.projectId}`),
    ),
  /** The lines of a month of the people of a region (a township), whatever the project. */
  ofPeopleIn: (regionCode: string, month: string) =>
    wageLinesOfCountyMonth.query({ countyCode: countyOf(regionCode), month }, { prefix: regionCode }),
};

const eventsByRegion = regionListing('EVENTS');
/** A recruitment event (招聘会), listed in its county by the organising region. */
export const eventEntity = {
  indexes: (event: { eventId: string; regionCode: string }) => eventsByRegion.attributes(event.regionCode, event.eventId),
  inRegion: eventsByRegion.query,
};

const sharesWithEmployer = listing(INDEX.byOwner, (employerId: string) => `SHARES_WITH#${employerId}`);
/**
 * A worker's consent to an employer (授权), listed under the employer by when it ends while it is
 * not withdrawn (withdrawing REMOVEs these attributes), so those in force are one range.
 */
export const shareEntity = {
  indexes: (share: { employerId: string; workerId: string; endsAt: string }) =>
    sharesWithEmployer.attributes(share.employerId, `${share.endsAt}#${share.workerId}`),
  /** The employer's consents ending after `now` (read newest first for the latest given). */
  inForceWith: (employerId: string, now: string) => sharesWithEmployer.between(employerId, now, '~'),
  /** What a withdrawal REMOVEs. */
  attributeNames: sharesWithEmployer.attributeNames,
};

const taskQueue = listing(
  INDEX.byStatusQueue,
  ({ countyCode, status }: { countyCode: string; status: string }) => `TASKQ#${countyCode}#${status}`,
);
const tasksReportedBy = listing(INDEX.byOwner, (workerId: string) => `TASKS_OF#${workerId}`);
/**
 * A warning's task, in its county's open or closed queue by region, then deadline; one a worker
 * reported (我有困难) also under that worker by time, for them to follow.
 */
export const taskEntity = {
  indexes: (task: {
    taskId: string;
    regionCode: string;
    status: string;
    deadline: string;
    createdAt: string;
    reportedBy?: string | undefined;
  }) => ({
    ...taskQueue.attributes(
      { countyCode: countyOf(task.regionCode), status: task.status },
      `${task.regionCode}#${task.deadline}#${task.taskId}`,
    ),
    ...(task.reportedBy ? tasksReportedBy.attributes(task.reportedBy, `${task.createdAt}#${task.taskId}`) : {}),
  }),
  /** The difficulties a worker reported, by time. */
  reportedBy: (workerId: string) => tasksReportedBy.query(workerId),
  /** The tasks about a county, township or village in one status. */
  inRegion: (regionCode: string, status: string, filter?: QueryFilter) =>
    taskQueue.query({ countyCode: countyOf(regionCode), status }, { prefix: regionCode, filter }),
};

/**
 * A saved search's copy, listed under each geohash cell (shared/src/alerts/cells.ts) its circle
 * touches, by account and search: a published position reads the lists of its point's cells. A
 * copy the search no longer covers REMOVEs these attributes and leaves the list at once.
 */
const alertsByCell = listing(INDEX.byGeoCell, (cell: string) => `ALERTGEO#${cell}`);
export const jobAlertCellEntity = {
  indexes: (copy: { cell: string; userId: string; alertId: string }) =>
    alertsByCell.attributes(copy.cell, `${copy.userId}#${copy.alertId}`),
  inCell: (cell: string) => alertsByCell.query(cell),
  /** What a copy REMOVEs to leave its cell's list. */
  attributeNames: alertsByCell.attributeNames,
};

const linksOfHelper = listing(INDEX.byOwner, (helperUserId: string) => `HELPING#${helperUserId}`);
/**
 * 亲情服务: a live link (awaiting the worker's 同意, or active), listed under the family member by
 * when it was made; ending it REMOVEs these attributes, so the listing holds live links only.
 */
export const familyLinkEntity = {
  indexes: (link: { helperUserId: string; createdAt: string; linkId: string }) =>
    linksOfHelper.attributes(link.helperUserId, `${link.createdAt}#${link.linkId}`),
  ofHelper: (helperUserId: string) => linksOfHelper.query(helperUserId),
  /** What an ending REMOVEs. */
  attributeNames: linksOfHelper.attributeNames,
};
